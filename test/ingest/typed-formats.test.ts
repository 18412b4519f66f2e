import { readFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openCsv, openSource, savSchemaFields } from "../../src/ingest/index.js";
import { openWorkbook } from "../../src/ingest/open-workbook.js";
import { renderCell } from "../../src/ingest/typed-source.js";
import { parserFor } from "../../src/table-schema/parsers.js";
import { tableSchemaSchema } from "../../src/table-schema/descriptor.js";
import { repoRoot } from "../cli/run.js";

const formats = (file: string): string => path.join(repoRoot, "fixtures/formats", file);

describe("an SPSS file's dictionary as Table Schema fields", () => {
  it("equals the schema written by hand from the R script that made the file", async () => {
    const fields = await savSchemaFields(formats("questionnaire.sav"));
    const written = JSON.parse(await readFile(formats("questionnaire-coded.schema.json"), "utf8"));
    expect(fields).toEqual(written.fields);
    expect(() => tableSchemaSchema.parse({ fields })).not.toThrow();
  });
});

describe("a typed cell written for its field reads back as the same value", () => {
  it("numbers, with a decimal point or a decimal comma", () => {
    for (const decimalChar of [".", ","]) {
      const parse = parserFor({ name: "x", type: "number", ...(decimalChar === "," ? { decimalChar } : {}) });
      fc.assert(
        fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
          // -0 is written "0": the same number for every estimate.
          expect(parse(renderCell(n, { decimalChar }))).toBe(Object.is(n, -0) ? 0 : n);
        }),
      );
    }
  });

  it("dates, in the field's date format", () => {
    const parse = parserFor({ name: "d", type: "date", format: "%d/%m/%Y" });
    fc.assert(
      fc.property(fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }), (d) => {
        const day = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
        expect(parse(renderCell(day, { dateFormat: "%d/%m/%Y" }))).toBe(day.toISOString().slice(0, 10));
      }),
    );
  });
});

describe("a workbook whose parts inflate past the limit is refused before it is parsed", () => {
  it("names the part and the limit", async () => {
    const limits = { entryBytes: 100_000, totalBytes: 10_000_000, sharedStringsBytes: 10_000_000 };
    await expect(openWorkbook({ path: formats("questionnaire.xlsx"), displayName: "q.xlsx", limits })).rejects.toThrow(
      "q.xlsx: its part xl/worksheets/sheet1.xml would inflate to more than 100,000 bytes; the workbook is refused (a zip bomb, or split it).",
    );
    const total = { entryBytes: 10_000_000, totalBytes: 200_000, sharedStringsBytes: 10_000_000 };
    await expect(openWorkbook({ path: formats("questionnaire.xlsx"), displayName: "q.xlsx", limits: total })).rejects.toThrow(
      "its parts together would inflate to more than 200,000 bytes",
    );
  });
});

async function savRecords(file: string): Promise<{ names: string[]; rows: [number, string[]][] }> {
  const source = await openSource({ path: formats(file) });
  const rows: [number, string[]][] = [];
  for await (const r of source.records) rows.push([r.line, r.cells]);
  return { names: source.header.names, rows };
}

describe("SPSS files from two independent writers read as their writers' data", () => {
  it("R haven, compressed and not: a very long string, a labelled string, a missing range, date-times", async () => {
    const csv = await openCsv({ path: formats("edge.csv") });
    const expected: [number, string[]][] = [];
    // SPSS pads strings with spaces (trailing ones are not kept); date-times are ISO 8601.
    for await (const r of csv.records)
      expected.push([r.line, r.cells.map((c) => c.replace(/ +$/, "").replace(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)$/, "$1T$2"))]);
    for (const file of ["edge.sav", "edge-uncompressed.sav"]) {
      const read = await savRecords(file);
      expect(read.names).toEqual(csv.header.names);
      expect(read.rows, file).toEqual(expected);
    }
    expect(await savSchemaFields(formats("edge.sav"))).toEqual([
      { name: "id", type: "number" },
      { name: "note", type: "string" },
      {
        name: "answer",
        type: "string",
        title: "Réponse",
        categories: [
          { value: "y", label: "Oui" },
          { value: "n", label: "Non" },
        ],
      },
      {
        name: "score",
        type: "number",
        title: "Score",
        missingValues: ["", "96", { value: "97", label: "Sans objet" }, { value: "98", label: "Refus" }, "99"],
      },
      { name: "seen", type: "string" },
    ]);
  });

  it("GNU PSPP, Windows-1252, compressed and not: labels, missing codes, a DATE and a 300-byte string", async () => {
    // The values of make-pspp.sps's DATA LIST, as that syntax defines them.
    const expected: [number, string[]][] = [
      [2, ["1", "1", "12.5", "2014-03-10", "Lille", "Lille: réponse libre longue 1"]],
      [3, ["2", "2", "9999", "2014-03-11", "Orléans", "Orléans: réponse libre longue 2"]],
      [4, ["3", "9", "0.25", "2014-12-31", "Besançon", "Besançon: réponse libre longue 3"]],
      [5, ["4", "3", "", "", "Évry", "Évry: réponse libre longue 4"]],
    ];
    for (const file of ["pspp.sav", "pspp-compressed.sav"]) {
      const read = await savRecords(file);
      expect(read.names).toEqual(["id", "use", "spend", "day", "town", "note"]);
      expect(read.rows, file).toEqual(expected);
    }
    expect(await savSchemaFields(formats("pspp.sav"))).toEqual([
      { name: "id", type: "integer" },
      {
        name: "use",
        type: "integer",
        title: "Usage d'Internet",
        categories: [
          { value: 1, label: "Jamais" },
          { value: 2, label: "Rarement" },
          { value: 3, label: "Souvent" },
        ],
        missingValues: ["", { value: "9", label: "Ne sait pas" }],
      },
      { name: "spend", type: "number", title: "Dépenses (€)", missingValues: ["", "9999", "8888"] },
      { name: "day", type: "date", title: "Jour de l'entretien" },
      { name: "town", type: "string" },
      { name: "note", type: "string" },
    ]);
  });
});

describe("an SPSS file's progress", () => {
  it("counts the bytes of its cases and ends at the file's size with every case", async () => {
    const calls: [number, number, number][] = [];
    const source = await openSource({ path: formats("questionnaire.sav"), onProgress: (b, t, r) => calls.push([b, t, r]) });
    for await (const _ of source.byteBatches);
    const size = source.totalBytes;
    expect(calls.at(-1)).toEqual([size, size, 1862]);
    for (const [bytes, total] of calls.slice(0, -1)) expect(bytes).toBeLessThan(total);
  });
});
