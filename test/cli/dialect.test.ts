// An export's dialect, judged from the file when the study does not say it: decimal marks.
import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import iconv from "iconv-lite";
import { openCsv } from "../../src/ingest/index.js";
import { cli, messy, tempDir } from "./run.js";

const HEADER = "id;age;internet_use;monthly_resources_eur;comment";

/** A folder with `study.yaml` (dataset `survey` from s.csv, no decimal_char) and the messy schema. */
async function studyWith(csv: string | Buffer, lang = "en"): Promise<string> {
  const dir = await tempDir();
  await copyFile(messy("survey.schema.json"), path.join(dir, "survey.schema.json"));
  await writeFile(path.join(dir, "s.csv"), csv);
  await writeFile(
    path.join(dir, "study.yaml"),
    [
      "study: dialect",
      "title: Dialect",
      "date: 2026-01-01",
      `lang: ${lang}`,
      "datasets:",
      "  survey: { path: s.csv, schema: survey.schema.json }",
      "indicators:",
      "  - { id: resources_mean, label: Mean, dataset: survey, kind: mean, field: monthly_resources_eur }",
      "disclosure: { min_cell: 1 }",
      "",
    ].join("\n"),
  );
  return dir;
}

const COMMA = `${HEADER}\n1;34;never;850,50;a\n2;27;daily;1200;b\n3;45;weekly;640,00;\n`;

describe("decimal marks", () => {
  test("a decimal comma the study does not declare is detected, and said in the JSON summary", async () => {
    const dir = await studyWith(COMMA);
    const run = await cli(["validate", "study.yaml", "--json"], { cwd: dir });
    expect(run.code).toBe(0);
    const d = JSON.parse(run.stdout).datasets[0];
    expect(d).toMatchObject({ rows_accepted: 3, rows_rejected: 0 });
    expect(d.decimal_marks).toEqual([{ field: "monthly_resources_eur", mark: ",", source: "detected", dot: 0, comma: 2, ambiguous: 0 }]);
    const plain = await cli(["validate", "study.yaml"], { cwd: dir });
    expect(plain.stdout).toContain('[utf-8, delimiter ";", decimal comma detected: monthly_resources_eur]');
  });

  test("the numbers are read with it, and the report's data-quality section says so, in English and French", async () => {
    const dir = await studyWith(COMMA);
    const en = await cli(["report", "study.yaml", "--out", "en", "--json"], { cwd: dir });
    expect(en.code).toBe(0);
    const mean = JSON.parse(en.stdout).indicators[0].estimate;
    expect(mean).toBeCloseTo((850.5 + 1200 + 640) / 3, 9);
    expect(await readFile(path.join(dir, "en/dialect.md"), "utf8")).toContain(
      "| Decimal mark | comma in monthly_resources_eur (not declared: detected from the values) |",
    );
    const fr = await cli(["report", "study.yaml", "--out", "fr", "--lang", "fr"], { cwd: dir });
    expect(fr.code).toBe(0);
    expect(await readFile(path.join(dir, "fr/dialect.md"), "utf8")).toContain(
      "| Séparateur décimal | virgule pour monthly_resources_eur (non déclaré\u00a0: déduit des valeurs) |",
    );
  });

  test("a declared mark is reported as declared and not judged", async () => {
    const dir = await studyWith(COMMA);
    const study = await readFile(path.join(dir, "study.yaml"), "utf8");
    await writeFile(
      path.join(dir, "study.yaml"),
      study.replace("schema: survey.schema.json", "schema: survey.schema.json, decimal_char: ','"),
    );
    const d = JSON.parse((await cli(["validate", "study.yaml", "--json"], { cwd: dir })).stdout).datasets[0];
    expect(d.decimal_marks).toEqual([{ field: "monthly_resources_eur", mark: ",", source: "study", dot: 0, comma: 0, ambiguous: 0 }]);
  });

  test("blank lines are counted in the report's data-quality section", async () => {
    const dir = await studyWith(`${COMMA};;;;\n;;;;\n`);
    const run = await cli(["report", "study.yaml", "--out", "en"], { cwd: dir });
    expect(run.code).toBe(0);
    expect(await readFile(path.join(dir, "en/dialect.md"), "utf8")).toContain("| Blank lines | 2 skipped (every cell empty): not rows |");
  });
});

describe("rejects files reopen where their source came from", () => {
  const bad = `${HEADER}\n1;34;never;850,50;Pas d’ordinateur\n2;abc;daily;1200;Forfait à 20 €\n`;

  test.each([
    ["a Windows-1252 `;` export: Windows-1252, `;`, no BOM", iconv.encode(bad, "windows1252"), "windows-1252"],
    ["a UTF-8 `;` export: UTF-8 with a BOM, for a French Excel", Buffer.from(bad), "utf-8-bom"],
    ["a UTF-8 comma file: plain UTF-8", Buffer.from(bad.replaceAll(";", ",").replace("850,50", "850.50")), "utf-8"],
  ])("%s", async (_, bytes, encoding) => {
    const dir = await studyWith(bytes);
    const run = await cli(["validate", "study.yaml", "--rejects", "rj"], { cwd: dir });
    expect(run.code).toBe(1);
    const source = await openCsv({ path: path.join(dir, "s.csv") });
    const rejects = await openCsv({ path: path.join(dir, "rj/survey.rejects.csv") });
    expect(rejects.encoding).toBe(encoding);
    expect(rejects.delimiter).toBe(source.delimiter);
    expect(rejects.header.names).toEqual(["line", "reasons", ...source.header.names]);
    const rows = [];
    for await (const r of rejects.records) rows.push(r.cells);
    expect(rows).toEqual([["3", 'field age: "abc" is not an integer', "2", "abc", "daily", "1200", "Forfait à 20 €"]]);
  });
});
