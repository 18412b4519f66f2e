import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, repoRoot, tempDir } from "./run.js";

const formats = (file: string): string => path.join(repoRoot, "fixtures/formats", file);

async function report(study: string, extra: string[] = []) {
  const out = await tempDir();
  const run = await cli(["report", study, "--out", out, "--json", ...extra]);
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout);
  const d = result.datasets[0];
  expect(d.rows_read).toBe(d.rows_accepted + d.rows_rejected);
  return { dataset: d, indicators: result.indicators };
}

describe("spreadsheets and SPSS files give the estimates of their clean CSV, bit for bit", () => {
  it("an Excel workbook (title line, French headers, typed numbers and dates, a blank column)", async () => {
    const csv = await report(formats("questionnaire-csv.study.yaml"));
    const xlsx = await report(formats("questionnaire-xlsx.study.yaml"));
    expect(xlsx.dataset).toMatchObject({ rows_read: 1862, rows_accepted: 1862, encoding: 'xlsx, sheet "Questionnaire"' });
    expect(xlsx.indicators).toEqual(csv.indicators);
    // Sheet rows: a title row and the header sit above the data, one more than the CSV's lines.
    expect(xlsx.dataset.issues.map((i: { line: number }) => i.line)).toEqual(csv.dataset.issues.map((i: { line: number }) => i.line + 1));
  });

  it("an SPSS file (value labels, user-missing codes, variable labels, a date)", async () => {
    const csv = await report(formats("questionnaire-coded-csv.study.yaml"));
    const sav = await report(formats("questionnaire-sav.study.yaml"));
    expect(sav.dataset).toMatchObject({ rows_read: 1862, rows_accepted: 1862, encoding: "sav, utf-8" });
    expect(sav.indicators).toEqual(csv.indicators);
  });

  it("a decimal comma in the schema reads a number cell as the same number", async () => {
    const dir = await tempDir();
    const schema = JSON.parse(await readFile(formats("questionnaire.schema.json"), "utf8"));
    for (const f of schema.fields) if (f.type === "number") f.decimalChar = ",";
    await writeFile(path.join(dir, "questionnaire.schema.json"), JSON.stringify(schema));
    for (const f of ["questionnaire-xlsx.study.yaml", "questionnaire.xlsx"]) await copyFile(formats(f), path.join(dir, f));
    const reference = await report(formats("questionnaire-xlsx.study.yaml"));
    const comma = await report(path.join(dir, "questionnaire-xlsx.study.yaml"));
    expect(comma.indicators).toEqual(reference.indicators);
  });
});

describe("a workbook's rejected rows carry their sheet row numbers", () => {
  it("the second sheet, chosen by its position: the age in words on row 4, the impossible date on row 5", async () => {
    const dir = await tempDir();
    const study = (await readFile(formats("questionnaire-xlsx.study.yaml"), "utf8"))
      .replace("sheet: Questionnaire", "sheet: 2")
      .replace("header_row: 2", "header_row: 1")
      .replace("path: questionnaire.xlsx", `path: ${formats("questionnaire.xlsx")}`)
      .replace("schema: questionnaire.schema.json", `schema: ${formats("questionnaire.schema.json")}`);
    await writeFile(path.join(dir, "study.yaml"), study);
    const run = await cli(["validate", path.join(dir, "study.yaml"), "--json"]);
    expect(run.code).toBe(1);
    const d = JSON.parse(run.stdout).datasets[0];
    expect(d).toMatchObject({ rows_read: 4, rows_accepted: 2, rows_rejected: 2 });
    const errors = d.issues.filter((i: { severity: string }) => i.severity === "error");
    expect(errors.map((i: { line: number; field: string }) => [i.line, i.field])).toEqual([
      [4, "age"],
      [5, "interview_date"],
    ]);
    expect(errors[0].message).toContain("line 4, field age");
  });
});

describe("keys that do not apply, and files that are not what they claim, get one sentence", () => {
  async function studyWith(dataset: string): Promise<string> {
    const dir = await tempDir();
    const file = path.join(dir, "study.yaml");
    await writeFile(
      file,
      `study: s\ntitle: T\ndatasets:\n  q:\n${dataset}\nindicators:\n  - { id: m, label: M, dataset: q, kind: mean, field: age }\n`,
    );
    return file;
  }

  const cases: [string, string, number, string][] = [
    [
      "a delimiter for a workbook",
      `    path: ${formats("questionnaire.xlsx")}\n    schema: ${formats("questionnaire.schema.json")}\n    delimiter: ";"`,
      2,
      "q.delimiter does not apply to an Excel workbook (.xlsx); remove it.",
    ],
    [
      "a sheet for a CSV file",
      `    path: ${formats("questionnaire.csv")}\n    schema: ${formats("questionnaire.schema.json")}\n    sheet: 2`,
      2,
      "q.sheet does not apply to a CSV file; remove it.",
    ],
    [
      "a header row for an SPSS file",
      `    path: ${formats("questionnaire.sav")}\n    schema: ${formats("questionnaire-coded.schema.json")}\n    header_row: 2`,
      2,
      "q.header_row does not apply to an SPSS data file (.sav); remove it.",
    ],
    [
      "a sheet the workbook lacks",
      `    path: ${formats("questionnaire.xlsx")}\n    schema: ${formats("questionnaire.schema.json")}\n    sheet: Résultats`,
      2,
      'the workbook has no sheet named "Résultats"; its sheets are "Questionnaire", "Brouillon".',
    ],
    [
      "an empty header row",
      `    path: ${formats("questionnaire.xlsx")}\n    schema: ${formats("questionnaire.schema.json")}\n    header_row: 5000`,
      1,
      'line 5000: sheet "Questionnaire" has no column names on row 5000 (the sheet is empty there); set header_row to the row that holds them.',
    ],
    [
      "a Stata file",
      `    path: questionnaire.dta\n    schema: ${formats("questionnaire.schema.json")}`,
      2,
      "Stata files (.dta) are not read; export it as .sav or CSV.",
    ],
  ];
  for (const [name, dataset, code, sentence] of cases) {
    it(name, async () => {
      const run = await cli(["validate", await studyWith(dataset)]);
      expect(run.code).toBe(code);
      expectOneSentence(run.stderr);
      expect(run.stderr).toContain(sentence);
    });
  }

  it("a CSV file named .xlsx, an empty .sav and a truncated workbook", async () => {
    const dir = await tempDir();
    const fake = path.join(dir, "fake.xlsx");
    await copyFile(formats("questionnaire.csv"), fake);
    const empty = path.join(dir, "empty.sav");
    await writeFile(empty, "");
    const cut = path.join(dir, "cut.xlsx");
    await writeFile(cut, (await readFile(formats("questionnaire.xlsx"))).subarray(0, 40_000));
    const expected: [string, string, string][] = [
      [fake, "questionnaire.schema.json", "this is not a readable Excel workbook (.xlsx): not a valid zip archive"],
      [empty, "questionnaire-coded.schema.json", "the file is empty; an SPSS data file (.sav) was expected."],
      [cut, "questionnaire.schema.json", "this is not a readable Excel workbook (.xlsx): not a valid zip archive"],
    ];
    for (const [data, schema, sentence] of expected) {
      const study = path.join(dir, "study.yaml");
      await writeFile(study, `study: s\ntitle: T\ndatasets:\n  q: { path: ${data}, schema: ${formats(schema)} }\n`);
      const run = await cli(["validate", study]);
      expect(run.code, data).toBe(1);
      expectOneSentence(run.stderr);
      expect(run.stderr).toContain(sentence);
    }
  });
});
