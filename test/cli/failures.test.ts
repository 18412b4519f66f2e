// Failures that say what to do: which file, which rows, and the likely cause.
import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { cli, expectOneSentence, messy, tempDir } from "./run.js";

const HEADER = "id;age;internet_use;monthly_resources_eur;comment";

/** A folder with `study.yaml` (dataset `survey` from s.csv, with `extra` dataset keys) and the messy schema. */
async function studyWith(csv: string | Buffer, extra = ""): Promise<string> {
  const dir = await tempDir();
  await copyFile(messy("survey.schema.json"), path.join(dir, "survey.schema.json"));
  await writeFile(path.join(dir, "s.csv"), csv);
  await writeFile(
    path.join(dir, "study.yaml"),
    [
      "study: failures",
      "title: Failures",
      "date: 2026-01-01",
      "datasets:",
      `  survey: { path: s.csv, schema: survey.schema.json${extra} }`,
      "indicators:",
      "  - { id: never, label: Never, dataset: survey, kind: proportion, when: { field: internet_use, equals: never } }",
      "disclosure: { min_cell: 1 }",
      "",
    ].join("\n"),
  );
  return dir;
}

const report = (dir: string, ...extra: string[]) => cli(["report", "study.yaml", "--out", "out", ...extra], { cwd: dir });

describe("every row rejected: the file, the first rows and a hint, not a design with n = 0", () => {
  test("a header typo: the missing field is a small edit away from a column", async () => {
    const dir = await studyWith(`idd;age;internet_use;monthly_resources_eur;comment\n1;34;never;850.50;a\n2;27;daily;1200;b\n`);
    const run = await report(dir);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toBe(
      'exclusion-study: s.csv: every one of its 2 rows was rejected (line 2, field id: required column is not in the file; line 3, field id: required column is not in the file). Hint: column "idd" looks like field id (fix the header, or map it with rename: { idd: id }).\n',
    );
    expect(run.stderr).not.toContain("design");
  });

  test("a delimiter: one column read where the schema expects five", async () => {
    const dir = await studyWith(`${HEADER}\n1;34;never;850.50;a\n`, ", delimiter: ','");
    const run = await report(dir);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain("s.csv: its only row was rejected (line 2, ");
    expect(run.stderr).toContain(
      'Hint: the header was read as one column ("id;age;internet_use;monthly_resources_e…") where the schema expects 5: the file\'s delimiter is probably ";" (set delimiter: ";" for the dataset in the study).',
    );
  });

  test("an encoding: UTF-8 text read as Windows-1252", async () => {
    const dir = await studyWith(
      Buffer.concat([Buffer.from(`${HEADER}\n1;34;`), Buffer.from("étudiant", "utf8"), Buffer.from(";850.50;a\n")]),
      ", encoding: windows-1252",
    );
    const run = await report(dir);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain('field internet_use: "Ã©tudiant" is not one of the categories');
    expect(run.stderr).toContain(
      'Hint: text such as "Ã©" is UTF-8 read as Windows-1252 (set encoding: utf-8 for the dataset in the study).',
    );
  });

  test("an encoding: Windows-1252 bytes imposed as UTF-8 read as U+FFFD", async () => {
    const dir = await studyWith(iconv.encode(`${HEADER}\n1;34;été;850.50;a\n`, "windows1252"), ", encoding: utf-8");
    const run = await report(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("the file is probably Windows-1252 (set encoding: windows-1252 for the dataset in the study)");
  });

  test("a decimal comma in a number field of a study that did not declare the mark", async () => {
    // Detection reads the first rows with a point: the commas after them are refused, with the hint.
    const dir = await studyWith(`${HEADER}\n1;34;jamais;850.50;a\n2;27;jamais;12,5;b\n`);
    const run = await report(dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'numbers such as "12,5" in field monthly_resources_eur have a decimal comma (set decimal_char: "," for the dataset in the study)',
    );
  });
});

describe("no data rows", () => {
  test("a header-only file: report names the file and says it has no data rows", async () => {
    const dir = await studyWith(`${HEADER}\n`);
    const run = await report(dir);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toBe("exclusion-study: s.csv: the file has a header but no data rows; there is nothing to analyse.\n");
  });

  test("validate says it too, as a warning of the dataset, and on stderr", async () => {
    const dir = await studyWith(`${HEADER}\n;;;;\n`);
    const run = await cli(["validate", "study.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).datasets[0].issues).toEqual([
      {
        code: "source-error",
        severity: "warning",
        line: 1,
        field: null,
        value: null,
        message: "line 1: the file has a header but no data rows",
      },
    ]);
    expect(run.stderr).toBe("s.csv: the file has a header but no data rows (only 1 blank line); there is nothing to analyse.\n");
  });
});

describe("--json carries the dataset summaries, also on failure", () => {
  test("report --json on a dataset whose every row is rejected: the summaries and the sentence, exit 1", async () => {
    const dir = await studyWith(`idd;age;internet_use;monthly_resources_eur;comment\n1;34;never;850.50;a\n`);
    const run = await report(dir, "--json");
    expect(run.code).toBe(1);
    const out = JSON.parse(run.stdout);
    expect(out.valid).toBe(false);
    expect(out.error).toBe(run.stderr.replace(/^exclusion-study: /, "").trimEnd());
    expect(out.file).toBe("s.csv");
    expect(out.datasets[0]).toMatchObject({ name: "survey", path: "s.csv", rows_read: 1, rows_accepted: 0, rows_rejected: 1 });
    expect(out.datasets[0].issue_counts["missing-label"]).toEqual({ errors: 1, warnings: 0 });
  });

  test("reproduce --json too", async () => {
    const dir = await studyWith(`${HEADER}\n`);
    const run = await cli(["reproduce", "study.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).datasets[0]).toMatchObject({ name: "survey", rows_read: 0 });
  });
});
