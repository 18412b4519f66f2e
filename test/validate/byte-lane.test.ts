import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openCsv } from "../../src/ingest/index.js";
import { plainNumber } from "../../src/table-schema/byte-cast.js";
import { loadTableSchema, type TableSchema } from "../../src/table-schema/index.js";
import { validateRecords, type ValidatedTable } from "../../src/validate/validate.js";
import { rowsOf } from "./helpers.js";

// Cells cast from their bytes must give the table the text path gives: same values, same
// rejected rows, same issues in the same order.

let dir: string;
let n = 0;
let schema: TableSchema;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "byte-lane-"));
  const path = join(dir, "schema.json");
  await writeFile(
    path,
    JSON.stringify({
      missingValues: ["", "NSP", { value: "NR", label: "refused" }],
      primaryKey: "id",
      fields: [
        { name: "id", type: "integer", constraints: { minimum: 1 } },
        { name: "age", type: "integer", missingValues: ["", "-9"], constraints: { minimum: 15, maximum: 100 } },
        { name: "amount", type: "number", constraints: { minimum: 0 } },
        { name: "weight", type: "number", constraints: { required: true, exclusiveMinimum: 0 } },
        { name: "group", type: "string", categories: ["a", "b", "é"] },
        { name: "code", type: "string", constraints: { pattern: "S[0-9]+", unique: true } },
        { name: "flag", type: "boolean", trueValues: ["yes"], falseValues: ["no"] },
        { name: "day", type: "date" },
        { name: "level", type: "integer", categories: [1, 2, 3] },
        { name: "note", type: "string" },
        { name: "price", type: "number", decimalChar: ",", constraints: { minimum: 0 } },
        // Thousands separators: a space (French exports) and a point with a decimal comma.
        { name: "income", type: "number", decimalChar: ",", groupChar: " ", constraints: { minimum: 0 } },
        { name: "households", type: "integer", groupChar: ".", missingValues: ["", "9.999"] },
      ],
      rowConstraints: [
        {
          name: "a-spends-little",
          when: { field: "group", equals: "a" },
          require: { field: "amount", le: { field: "weight" } },
          severity: "error",
          message: "a spends little",
        },
        {
          name: "b-is-adult",
          when: { field: "group", equals: "b" },
          require: { field: "age", ge: 18 },
          severity: "warning",
          message: "b is adult",
        },
      ],
    }),
  );
  schema = await loadTableSchema(path, "schema.json");
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const HEADER = ["id", "age", "amount", "weight", "group", "code", "flag", "day", "level", "note", "price", "income", "households"];
/** Odd cells any column may get: missing codes, padding, wrong types, quotes, line breaks. */
const noise = fc.constantFrom(
  "",
  " ",
  "NSP",
  "NR",
  "-9",
  "-3",
  "+7",
  "-0",
  "1e3",
  "0001",
  "1234567890123456",
  " 12",
  "12 ",
  "\u00a012",
  " a",
  "S",
  "2014-13-01",
  "x,y",
  '"q"',
  "two\nlines",
  "1,5",
  "1 234,5",
  " 1 2 ",
  "- 12",
  "1\u00a0234",
  "1.234",
  "9.999",
  "9999",
  ".-5",
);
const usual = (...values: string[]) => fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: noise });
/** The integer part of a decimal written with a thousands separator: `1234567.5` → `1 234 567.5`. */
const grouped = (text: string, separator: string): string =>
  text.replace(/^(-?)(\d+)/, (_, sign: string, digits: string) => sign + digits.replace(/\B(?=(\d{3})+$)/g, separator));
const decimalText = fc.tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 7 })).map(([x, k]) => (x / 10 ** k).toFixed(k));
const columns = [
  fc.nat({ max: 400 }).map((i) => String(i + 1)),
  usual("15", "34", "70", "101", "-9", ""),
  fc.oneof({ weight: 30, arbitrary: decimalText }, { weight: 1, arbitrary: noise }),
  fc.oneof({ weight: 30, arbitrary: decimalText }, { weight: 1, arbitrary: noise }),
  usual("a", "b", "é", "c"),
  fc.oneof({ weight: 30, arbitrary: fc.nat({ max: 5000 }).map((i) => `S${i}`) }, { weight: 1, arbitrary: noise }),
  usual("yes", "no"),
  usual("2014-03-01", "2015-12-31"),
  usual("1", "2", "3", "4"),
  usual("free text", "é è", "1.5", ".5", "5."),
  fc.oneof({ weight: 30, arbitrary: decimalText.map((t) => t.replace(".", ",")) }, { weight: 1, arbitrary: noise }),
  fc.oneof({ weight: 30, arbitrary: decimalText.map((t) => grouped(t, " ").replace(".", ",")) }, { weight: 1, arbitrary: noise }),
  // "9.999" is this field's missing code, which reads as a number once its separator is skipped.
  fc.oneof(
    { weight: 30, arbitrary: fc.integer({ min: -99999999, max: 99999999 }).map((x) => grouped(String(x), ".")) },
    { weight: 3, arbitrary: fc.constant("9.999") },
    { weight: 1, arbitrary: noise },
  ),
];
const fullRow = fc.tuple(...columns).map((cells) => [...cells]);
const row = fc.oneof(
  { weight: 12, arbitrary: fullRow },
  { weight: 1, arbitrary: fc.array(noise, { minLength: 0, maxLength: HEADER.length + 2 }) },
);

async function validated(path: string, lane: "bytes" | "text", storeFields?: ReadonlySet<string>): Promise<ValidatedTable> {
  const source = await openCsv({ path, delimiter: "," });
  return validateRecords({
    dataset: "t",
    displayName: "t.csv",
    schema,
    header: source.header,
    ...(lane === "bytes" ? { byteBatches: source.byteBatches } : { batches: source.batches }),
    storeFields,
  });
}

const comparable = (t: ValidatedTable) => ({
  rows: t.rows,
  lines: t.lines.toArray(),
  rejected: t.rejected.toArray(),
  issues: t.issues,
  issueCounts: t.issueCounts,
  rowsRead: t.rowsRead,
});

describe("cells cast from bytes", () => {
  test("a table validated from bytes equals the table validated from text", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"), async (rows, eol) => {
        const path = join(dir, `f${n++}.csv`);
        await writeFile(path, stringify([HEADER, ...rows], { record_delimiter: eol, quoted_match: /[\r\n]/ }));
        const bytes = await validated(path, "bytes");
        const text = await validated(path, "text");
        expect(comparable(bytes)).toEqual(comparable(text));
        expect(bytes.rowsRead).toBe(rowsOf(rows));
        accepted += bytes.rows.length;
      }),
      { numRuns: 300 },
    );
    // The property says something only if many rows pass every check.
    expect(accepted).toBeGreaterThan(300);
  });

  test("fields left unstored are still validated: same rows accepted and rejected, same issues, same stored values", async () => {
    const kept = new Set(["age", "group", "weight"]);
    const keptIndexes = HEADER.flatMap((f, i) => (kept.has(f) ? [i] : []));
    let rejected = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 30 }), fc.constantFrom<"bytes" | "text">("bytes", "text"), async (rows, lane) => {
        const path = join(dir, `f${n++}.csv`);
        await writeFile(path, stringify([HEADER, ...rows], { quoted_match: /[\r\n]/ }));
        const all = await validated(path, lane);
        const some = await validated(path, lane, kept);
        // Everything but the row form, which reads every field.
        const outcome = (t: ValidatedTable) => ({
          lines: t.lines.toArray(),
          rejected: t.rejected.toArray(),
          issues: t.issues,
          issueCounts: t.issueCounts,
          rowsRead: t.rowsRead,
        });
        expect(outcome(some)).toEqual(outcome(all));
        expect(some.columns.length).toBe(all.columns.length);
        for (const f of keptIndexes)
          for (let i = 0; i < all.columns.length; i++) expect(some.columns.columns[f]?.get(i)).toEqual(all.columns.columns[f]?.get(i));
        expect(some.columns.columns[HEADER.indexOf("note")]?.length).toBe(0);
        rejected += all.rejected.length;
      }),
      { numRuns: 100 },
    );
    // Rows rejected for a cell of a field that is not stored are among them.
    expect(rejected).toBeGreaterThan(20);
  });

  test("a plain decimal read from bytes is Number() of its text, bit for bit, or declined", () => {
    const text = fc.string({ unit: fc.constantFrom("0", "1", "5", "9", ".", ",", "-", "+", "e", " ", "'"), maxLength: 20 });
    const decimal = fc
      .tuple(fc.double({ min: -1e5, max: 1e5, noNaN: true }), fc.integer({ min: 0, max: 9 }), fc.boolean())
      .map(([x, k, comma]) => (comma ? x.toFixed(k).replace(".", ",") : x.toFixed(k)));
    // No separator, or one the byte reader skips: a space, a point (with a decimal comma), an apostrophe.
    const separator = fc.constantFrom("", " ", ".", "'");
    fc.assert(
      fc.property(fc.oneof(text, decimal), fc.boolean(), fc.constantFrom(".", ","), separator, (s, integer, mark, group) => {
        if (group === mark) return;
        const bytes = Buffer.from(s);
        const v = plainNumber(bytes, 0, bytes.length, integer, mark.charCodeAt(0), group === "" ? -1 : group.charCodeAt(0));
        if (Number.isNaN(v)) return; // declined: the text caster decides
        // The text caster removes every separator, then with a decimal comma refuses a point
        // and reads the comma as one.
        const ungrouped = group === "" ? s : s.split(group).join("");
        const other = mark === "." ? "," : ".";
        expect(ungrouped.includes(other)).toBe(false);
        const t = ungrouped.replace(mark, ".");
        expect((integer ? /^[+-]?\d+$/ : /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/).test(t)).toBe(true);
        expect(Object.is(v, Number(t))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
