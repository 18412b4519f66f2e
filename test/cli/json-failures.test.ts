import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

/**
 * `--json` promises one JSON document on stdout whatever happens: a file that cannot be read at
 * all prints `{ valid: false, error, file, datasets }` with the sentence stderr shows and the
 * documented exit code, for `validate`, `report`, `reproduce` and `compare` alike.
 */

const formats = (file: string): string => path.join(repoRoot, "fixtures/formats", file);
const messy = (file: string): string => path.join(repoRoot, "fixtures/messy", file);
const STUDY = formats("questionnaire-xlsx.study.yaml");

interface Failure {
  valid: boolean;
  error: string;
  file: string | null;
  datasets: unknown[];
}

async function cases(): Promise<[string, string, number, string][]> {
  const dir = await tempDir();
  const ods = path.join(dir, "export.ods");
  await writeFile(ods, "PK\u0003\u0004 not read");
  const dta = path.join(dir, "export.dta");
  await writeFile(dta, "<stata_dta>");
  const folder = path.join(dir, "a-folder.csv");
  await mkdir(folder);
  return [
    ["missing", path.join(dir, "nope.csv"), 2, "nope.csv: no such file."],
    ["binary", messy("binary.csv"), 1, "binary.csv, line 3: NUL byte found; this looks like a binary file, not a CSV text file."],
    [
      "an unclosed quote",
      messy("unclosed-quote.csv"),
      1,
      "unclosed-quote.csv, line 5: unclosed quote starting here; the file ends inside a quoted field.",
    ],
    ["unreadable (a folder)", folder, 2, "a-folder.csv: is a directory, not a CSV file."],
    ["OpenDocument", ods, 2, "export.ods: OpenDocument spreadsheets (.ods) are not read; save it as .xlsx or CSV."],
    ["Stata", dta, 2, "export.dta: Stata files (.dta) are not read; export it as .sav or CSV."],
    [
      "a zip bomb",
      formats("zip-bomb.xlsx"),
      1,
      "zip-bomb.xlsx: its part xl/sharedStrings.xml would inflate to more than 256 MiB; the workbook is refused (a zip bomb, or split it).",
    ],
    [
      "an encrypted workbook",
      formats("encrypted.xlsx"),
      1,
      "encrypted.xlsx: the workbook is encrypted (protected by a password); save a copy without the password, or export the sheet as CSV.",
    ],
  ];
}

describe("--json prints the failure as JSON when a data file cannot be read", () => {
  for (const command of ["validate", "report", "reproduce"])
    it(`${command}: the sentence, the file and the exit code, for every kind of unreadable file`, async () => {
      const out = await tempDir();
      for (const [what, file, code, sentence] of await cases()) {
        const args = [command, STUDY, "--data", `questionnaire=${file}`, "--json", ...(command === "report" ? ["--out", out] : [])];
        const run = await cli(args);
        expect(run.code, what).toBe(code);
        const printed = JSON.parse(run.stdout) as Failure;
        expect(printed, what).toEqual({ valid: false, error: printed.error, file, datasets: [] });
        expect(printed.error.endsWith(sentence), `${what}: ${printed.error}`).toBe(true);
        expect(run.stderr, what).toBe(`exclusion-study: ${printed.error}\n`);
      }
    });

  it("compare: a new wave whose data file cannot be read", async () => {
    const dir = await tempDir();
    const wave = path.join(dir, "next.yaml");
    const base = formats("questionnaire-csv.study.yaml");
    await writeFile(
      wave,
      `extends: ${base}\nstudy: formats-next\ntitle: The next wave\ndatasets:\n  questionnaire:\n    path: ${messy("unclosed-quote.csv")}\n`,
    );
    const run = await cli(["compare", base, wave, "--out", dir, "--json"]);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      error: `${messy("unclosed-quote.csv")}, line 5: unclosed quote starting here; the file ends inside a quoted field.`,
      file: messy("unclosed-quote.csv"),
      datasets: [],
    });
  });

  it("a study file that cannot be read names it; without --json nothing reaches stdout", async () => {
    const dir = await tempDir();
    const study = path.join(dir, "study.yaml");
    await writeFile(study, "study: [unclosed\n");
    const run = await cli(["validate", study, "--json"]);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, file: study, datasets: [] });
    const plain = await cli(["validate", study]);
    expect(plain.code).toBe(2);
    expect(plain.stdout).toBe("");
  });
});
