import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseTableSchema, type TableSchema } from "../../src/table-schema/index.js";
import { detectDecimalMarks } from "../../src/validate/index.js";
import { validate } from "./helpers.js";

const schema = (extra: Record<string, unknown> = {}): TableSchema =>
  parseTableSchema(
    {
      missingValues: ["", "NSP"],
      fields: [
        { name: "id", type: "integer" },
        { name: "x", type: "number", ...extra },
      ],
    },
    "s.json",
  );
const header = { names: ["id", "x"], line: 1 };
const recs = (xs: string[]): { line: number; cells: string[] }[] => xs.map((x, i) => ({ line: i + 2, cells: [String(i + 1), x] }));
const detect = (xs: string[], s = schema()) => detectDecimalMarks(s, header, recs(xs));

describe("decimal marks judged from the values", () => {
  test("a comma column is detected, with its evidence; whole numbers and missing codes count for neither", () => {
    expect(detect(["850,50", "1200", "NSP", "", "640,00"])).toEqual({
      choices: [{ field: "x", mark: ",", source: "detected", dot: 0, comma: 2, ambiguous: 0 }],
      issues: [],
    });
  });

  test("a point column is detected; a column of whole numbers keeps the point by default", () => {
    expect(detect(["850.50", "12"]).choices[0]).toMatchObject({ mark: ".", source: "detected", dot: 1 });
    expect(detect(["850", "12"]).choices[0]).toMatchObject({ mark: ".", source: "default", dot: 0, comma: 0 });
  });

  test("ambiguous values decide only when nothing else does, with a warning", () => {
    // "1,234" could be thousands: the unambiguous "12,5" decides, silently.
    expect(detect(["1,234", "12,5"])).toEqual({
      choices: [{ field: "x", mark: ",", source: "detected", dot: 0, comma: 1, ambiguous: 1 }],
      issues: [],
    });
    const only = detect(["1,234", "5"]);
    expect(only.choices[0]).toMatchObject({ mark: ",", source: "detected", ambiguous: 1 });
    expect(only.issues).toEqual([
      {
        code: "decimal-mark",
        severity: "warning",
        line: 2,
        field: "x",
        value: "1,234",
        message:
          'line 2, field x: "1,234" could be thousands, and every value with a mark looks like it: the field is read with a decimal comma (set decimal_char and group_char in the study if not)',
      },
    ]);
    // "0,234" cannot be thousands: not ambiguous.
    expect(detect(["0,234"])).toMatchObject({ choices: [{ mark: ",", ambiguous: 0, comma: 1 }], issues: [] });
  });

  test("a column mixing both marks keeps the point and says so; its comma rows are then rejected", async () => {
    const mixed = detect(["1.5", "2", "2,5"]);
    expect(mixed.choices[0]).toMatchObject({ mark: ".", source: "default", dot: 1, comma: 1 });
    expect(mixed.issues[0]).toMatchObject({ code: "decimal-mark", severity: "warning", line: 4, field: "x", value: "2,5" });
    expect(mixed.issues[0]?.message).toBe(
      'line 4, field x: "2,5" has a decimal comma where line 2 has a point ("1.5"): the field is read with a point and its values with a comma are rejected (set decimal_char in the study if the comma is meant)',
    );
    const t = await validate(schema(), header.names, [
      ["1", "1.5"],
      ["2", "2,5"],
    ]);
    expect(t.rejected.toArray().map((r) => r.line)).toEqual([3]);
  });

  test("a declared mark, or a point or comma as group mark, is never second-guessed", () => {
    expect(detect(["1,5"], schema({ decimalChar: "." })).choices).toEqual([]);
    expect(detect(["1.234,5"], schema({ groupChar: "." })).choices).toEqual([]);
  });

  test("a space as group mark still lets the mark be detected (1 234,56)", () => {
    expect(detect(["1 234,56", "12"], schema({ groupChar: " " })).choices[0]).toMatchObject({ mark: ",", source: "detected" });
  });
});

// A number as an export writes it: a whole part, and sometimes decimals.
const written = fc.record({
  whole: fc.integer({ min: 0, max: 999_999 }),
  decimals: fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: null }),
  negative: fc.boolean(),
});

describe("properties", () => {
  test("a column written with either mark is detected and read back to the same numbers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(written, { minLength: 1, maxLength: 30 }), fc.constantFrom(".", ","), async (values, mark) => {
        fc.pre(values.some((v) => v.decimals !== null));
        const text = (v: (typeof values)[number], m: string): string =>
          `${v.negative ? "-" : ""}${v.whole}${v.decimals === null ? "" : `${m}${v.decimals}`}`;
        const cells = values.map((v) => text(v, mark));
        const { choices } = detect(cells);
        expect(choices[0]).toMatchObject({ mark, source: "detected" });
        // Read with the detected mark, every row is accepted with the number written.
        const t = await validate(
          schema({ decimalChar: choices[0]!.mark }),
          header.names,
          cells.map((c, i) => [String(i + 1), c]),
        );
        expect(t.rejected.length).toBe(0);
        expect(t.rows.map((r) => r[1])).toEqual(values.map((v) => Number(text(v, "."))));
      }),
      { numRuns: 200 },
    );
  });

  test("the choice never depends on the order of the rows", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("1,5", "2.5", "1,234", "1.234", "7", "NSP", "0,5"), { maxLength: 12 }), (cells) => {
        const reversed = [...cells].reverse();
        expect(detect(cells).choices).toEqual(detect(reversed).choices);
      }),
    );
  });
});
