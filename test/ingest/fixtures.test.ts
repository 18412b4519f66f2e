import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readAll, readError } from "./read-all.js";
import { oneLineRecords, SURVEY_HEADER, SURVEY_NOTES, SURVEY_ROWS, SURVEY_ROWS_DECIMAL_COMMA } from "./survey.js";

const dir = join(import.meta.dirname, "../../fixtures/messy");
const at = (name: string) => ({ path: join(dir, name), displayName: name });
const sha = (name: string) =>
  createHash("sha256")
    .update(readFileSync(join(dir, name)))
    .digest("hex");

describe("the same survey in every dialect", () => {
  const cases = [
    ["survey-utf8.csv", "utf-8", ","],
    ["survey-utf8-bom.csv", "utf-8-bom", ","],
    ["survey-tab.tsv", "utf-8", "\t"],
    ["survey-pipe.csv", "utf-8", "|"],
  ] as const;
  test.each(cases)("%s", async (name, encoding, delimiter) => {
    expect(await readAll(at(name))).toEqual({
      encoding,
      delimiter,
      header: { names: SURVEY_HEADER, line: 1 },
      records: oneLineRecords(SURVEY_ROWS),
      issues: [],
      sha256: sha(name),
    });
  });

  test("a French Excel export: Windows-1252, semicolons, decimal comma, CRLF", async () => {
    expect(await readAll(at("survey-excel-fr.csv"))).toEqual({
      encoding: "windows-1252",
      delimiter: ";",
      header: { names: SURVEY_HEADER, line: 1 },
      records: oneLineRecords(SURVEY_ROWS_DECIMAL_COMMA),
      issues: [
        {
          code: "encoding-fallback",
          severity: "warning",
          line: 2,
          field: null,
          value: "0x92",
          message:
            "survey-excel-fr.csv, line 2: byte 0x92 is not valid UTF-8, so the file is read as Windows-1252; check its accented characters.",
        },
      ],
      sha256: sha("survey-excel-fr.csv"),
    });
  });

  test("a free-text column full of quoted newlines keeps physical line numbers", async () => {
    const result = await readAll(at("survey-multiline.csv"));
    expect(result.header).toEqual({ names: [...SURVEY_HEADER, "notes"], line: 1 });
    // Record i starts after the header and every line break of the records before it.
    expect(result.records.map((r) => r.line)).toEqual([2, 4, 5, 8, 9, 11, 12, 13, 16, 17]);
    expect(result.records.map((r) => r.cells)).toEqual(SURVEY_ROWS.map((row, i) => [...row, SURVEY_NOTES[i]]));
    expect(result.issues).toEqual([]);
  });

  test("CR-only line endings, with a CR inside a quoted field", async () => {
    const result = await readAll(at("survey-cr.csv"));
    expect(result.delimiter).toBe(",");
    expect(result.records.map((r) => r.line)).toEqual([2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(result.records.map((r) => r.cells)).toEqual(SURVEY_ROWS.map((row, i) => [...row, i === 1 ? "deux\rlignes" : ""]));
  });

  test("invalid UTF-8 late in the file: Windows-1252, the warning names the first bad byte's line", async () => {
    const result = await readAll(at("late-cp1252.csv"));
    expect(result.encoding).toBe("windows-1252");
    expect(result.issues.map((i) => [i.code, i.line, i.value])).toEqual([["encoding-fallback", 9, "0x80"]]);
    expect(result.records.at(-1)).toEqual({ line: 9, cells: ["8", "38", "daily", "1500.00", "20 € de forfait"] });
  });

  test("fixing the encoding to UTF-8 on a Windows-1252 file: an encoding error, nothing lost", async () => {
    const result = await readAll({ ...at("late-cp1252.csv"), encoding: "utf-8" });
    expect(result.encoding).toBe("utf-8");
    expect(result.issues).toEqual([
      {
        code: "encoding-error",
        severity: "error",
        line: 9,
        field: null,
        value: "0x80",
        message: "late-cp1252.csv, line 9: byte 0x80 is not valid UTF-8 although the file is declared UTF-8; it is read as \uFFFD.",
      },
    ]);
    expect(result.records.at(-1)?.cells[4]).toBe("20 \uFFFD de forfait");
  });

  test("a fixed delimiter and encoding are used as given", async () => {
    const result = await readAll({ ...at("survey-excel-fr.csv"), delimiter: ";", encoding: "windows-1252" });
    expect(result).toMatchObject({ encoding: "windows-1252", delimiter: ";", issues: [] });
    expect(result.records).toEqual(oneLineRecords(SURVEY_ROWS_DECIMAL_COMMA));
  });

  test("ragged rows and blank lines are yielded as they are", async () => {
    expect((await readAll(at("ragged.csv"))).records).toEqual([
      { line: 2, cells: ["1", "34"] },
      { line: 3, cells: ["2", "27", "ok", "extra"] },
      { line: 4, cells: [""] },
      { line: 5, cells: ["3", "45", "ok"] },
    ]);
  });

  test("text after a closing quote is kept, with a warning", async () => {
    const result = await readAll(at("text-after-quote.csv"));
    expect(result.records).toEqual([
      { line: 2, cells: ["1", "Pas d’ordinateur"] },
      { line: 3, cells: ["2", "ok"] },
    ]);
    expect(result.issues).toEqual([
      {
        code: "format-error",
        severity: "warning",
        line: 2,
        field: null,
        value: "Pas d’ordinateur",
        message: "text-after-quote.csv, line 2: text follows a closing quote in column 2; it is kept as part of the cell.",
      },
    ]);
  });

  test("header only: zero records", async () => {
    expect(await readAll(at("header-only.csv"))).toEqual({
      encoding: "utf-8",
      delimiter: ";",
      header: { names: SURVEY_HEADER, line: 1 },
      records: [],
      issues: [],
      sha256: sha("header-only.csv"),
    });
  });
});

describe("broken files: one sentence naming file and line", () => {
  test.each([
    ["empty.csv", "data", 1, "source-error", "empty.csv, line 1: the file is empty; a header line was expected."],
    ["binary.csv", "data", 3, "source-error", "binary.csv, line 3: NUL byte found; this looks like a binary file, not a CSV text file."],
    ["utf16.csv", "data", 1, "encoding-error", "utf16.csv, line 1: this looks like a UTF-16 file; save it as UTF-8 (or Windows-1252) CSV."],
    [
      "unclosed-quote.csv",
      "data",
      5,
      "format-error",
      "unclosed-quote.csv, line 5: unclosed quote starting here; the file ends inside a quoted field.",
    ],
    [
      "duplicate-header.csv",
      "data",
      1,
      "duplicate-label",
      'duplicate-header.csv, line 1: columns 2 and 4 are named "age" and "Age"; column names must be unique (ignoring case).',
    ],
  ] as const)("%s", async (name, kind, line, code, message) => {
    expect(await readError(at(name))).toEqual({ kind, file: name, line, code, message });
  });
});

describe("a header with one blank name (a spreadsheet's trailing delimiter)", () => {
  test("is read: the validator warns and ignores that column", async () => {
    const csv = await readAll(at("blank-header.csv"));
    expect(csv.header).toEqual({ names: ["id", "", "comment"], line: 1 });
    expect(csv.records).toHaveLength(1);
  });
});
