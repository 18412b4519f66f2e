import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  arithmeticColumn,
  binColumn,
  inBand,
  NOT_FINITE,
  NOT_RECODED,
  OUTSIDE_BANDS,
  recodeColumn,
  harmonised,
  ZERO_DENOMINATOR,
} from "../../src/pipeline/derive.js";
import { ColumnStore } from "../../src/table-schema/index.js";
import { parseRange, type Interval } from "../../src/study/index.js";
import { Column } from "../../src/table-schema/index.js";
import { Missing, type Value } from "../../src/vocabulary/index.js";

const NSP = new Missing("NSP", "Don't know");
const NR = new Missing("NR", "Refused");

function column(values: readonly Value[]): Column {
  const c = new Column(values.length);
  for (const v of values) c.push(v);
  return c;
}
const values = (c: Column): Value[] => Array.from({ length: c.length }, (_, i) => c.get(i));
const range = (text: string): Interval => parseRange(text) as Interval;

describe("parseRange", () => {
  it("reads closed and open ends, and infinite ends (always open)", () => {
    expect(parseRange("[18, 35)")).toEqual({ lower: 18, upper: 35, lowerClosed: true, upperClosed: false });
    expect(parseRange("(-inf,18)")).toEqual({ lower: -Infinity, upper: 18, lowerClosed: false, upperClosed: false });
    expect(parseRange(" [65, inf) ")).toEqual({ lower: 65, upper: Infinity, lowerClosed: true, upperClosed: false });
    expect(parseRange("(0.5, 1e3]")).toEqual({ lower: 0.5, upper: 1000, lowerClosed: false, upperClosed: true });
    expect(parseRange("[3, 3]")).toEqual({ lower: 3, upper: 3, lowerClosed: true, upperClosed: true });
  });

  it("says why a text is not a range", () => {
    expect(parseRange("18-35")).toMatch(/^"18-35" is not a range; write it as \[18, 35\)/);
    expect(parseRange("[65, inf]")).toBe('"[65, inf]": an infinite end is open; write ( before -inf and ) after inf');
    expect(parseRange("[35, 18)")).toBe('"[35, 18)": the lower bound must be below the upper bound');
    expect(parseRange("[3, 3)")).toBe('"[3, 3)": the lower bound must be below the upper bound');
  });
});

describe("bins", () => {
  const bands = [
    { value: "young", range: range("(-inf, 35)") },
    { value: "middle", range: range("[35, 50)") },
    { value: "old", range: range("[50, inf)") },
  ];

  it("puts a bound in the band whose end is closed, as R's cut(right = FALSE)", () => {
    expect(values(binColumn(column([34.9, 35, 49, 50, 0, -3]), bands))).toEqual(["young", "middle", "middle", "old", "young", "young"]);
  });

  it("keeps an input's missing value, and names a value in no band outside_bands", () => {
    const gappy = [
      { value: "a", range: range("[0, 10)") },
      { value: "b", range: range("(10, 20]") },
    ];
    expect(values(binColumn(column([NSP, 10, 20, 20.5, 0, NR]), gappy))).toEqual([NSP, OUTSIDE_BANDS, "b", OUTSIDE_BANDS, "a", NR]);
  });

  it("bands that tile the line put every number in exactly one band (property)", () => {
    const cutPoints = fc
      .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 6 })
      .map((xs) => xs.sort((a, b) => a - b));
    fc.assert(
      fc.property(
        cutPoints,
        fc.boolean(),
        fc.array(fc.double({ min: -2000, max: 2000, noNaN: true }), { maxLength: 50 }),
        (cuts, right, xs) => {
          // right = false: [a, b) bands as cut(right = FALSE); right = true: (a, b] bands.
          const ends = [-Infinity, ...cuts, Infinity];
          const tiles = ends.slice(0, -1).map((lower, k) => ({
            value: `b${k}`,
            range: {
              lower,
              upper: ends[k + 1] as number,
              lowerClosed: !right && lower !== -Infinity,
              upperClosed: right && ends[k + 1] !== Infinity,
            },
          }));
          for (const x of xs) expect(tiles.filter((t) => inBand(x, t.range)).length).toBe(1);
          const binned = values(binColumn(column(xs), tiles));
          expect(binned.every((v) => typeof v === "string")).toBe(true);
          // The band found is the one R's findInterval gives: the number of cut points at or below x.
          binned.forEach((v, i) => {
            const x = xs[i] as number;
            const k = cuts.filter((c) => (right ? c < x : c <= x)).length;
            expect(v).toBe(`b${k}`);
          });
        },
      ),
    );
  });
});

describe("recode", () => {
  const map = new Map([
    ["daily", "often"],
    ["weekly", "often"],
    ["rarely", "seldom"],
    ["never", "seldom"],
  ]);

  it("maps categories, keeps missing values and names a value it does not list", () => {
    expect(values(recodeColumn(column(["daily", NSP, "never", "weekly", "other"]), map))).toEqual([
      "often",
      NSP,
      "seldom",
      "often",
      NOT_RECODED,
    ]);
  });

  it("preserves counts: each new category counts the rows of the categories merged into it (property)", () => {
    const cell = fc.oneof(fc.constantFrom<Value>("daily", "weekly", "rarely", "never"), fc.constant<Value>(NSP), fc.constant<Value>(NR));
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 200 }), (cells) => {
        const out = values(recodeColumn(column(cells), map));
        expect(out.length).toBe(cells.length);
        const count = (xs: Value[], pred: (v: Value) => boolean) => xs.filter(pred).length;
        for (const target of ["often", "seldom"]) {
          const sources = [...map].filter(([, t]) => t === target).map(([s]) => s);
          expect(count(out, (v) => v === target)).toBe(count(cells, (v) => typeof v === "string" && sources.includes(v)));
        }
        for (const m of [NSP, NR]) expect(count(out, (v) => v === m)).toBe(count(cells, (v) => v === m));
      }),
    );
  });
});

describe("arithmetic", () => {
  it("sums, subtracts and divides row by row", () => {
    expect(values(arithmeticColumn("sum", [column([1, 2.5]), column([10, 0]), column([100, -1])]))).toEqual([111, 1.5]);
    expect(values(arithmeticColumn("difference", [column([5, 1]), column([2, 3])]))).toEqual([3, -2]);
    expect(values(arithmeticColumn("ratio", [column([1, 3]), column([4, 2])]))).toEqual([0.25, 1.5]);
  });

  it("a zero denominator is missing (zero_denominator), never Infinity or NaN; an overflow is not_finite", () => {
    expect(values(arithmeticColumn("ratio", [column([1, 0, -2]), column([0, 0, -0])]))).toEqual([
      ZERO_DENOMINATOR,
      ZERO_DENOMINATOR,
      ZERO_DENOMINATOR,
    ]);
    expect(values(arithmeticColumn("sum", [column([1e308]), column([1e308])]))).toEqual([NOT_FINITE]);
  });

  it("a missing input gives a missing output with the first missing input's own code (property)", () => {
    const cell = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant<Value>(NSP), fc.constant<Value>(NR));
    const op = fc.constantFrom("sum" as const, "difference" as const, "ratio" as const);
    fc.assert(
      fc.property(op, fc.array(fc.tuple(cell, cell), { maxLength: 50 }), (o, rows) => {
        const out = values(arithmeticColumn(o, [column(rows.map((r) => r[0])), column(rows.map((r) => r[1]))]));
        rows.forEach(([a, b], i) => {
          const v = out[i] as Value;
          if (a instanceof Missing) expect(v).toBe(a);
          else if (b instanceof Missing) expect(v).toBe(b);
          else if (o === "ratio" && b === 0) expect(v).toBe(ZERO_DENOMINATOR);
          else {
            const x =
              o === "sum"
                ? (a as number) + (b as number)
                : o === "difference"
                  ? (a as number) - (b as number)
                  : (a as number) / (b as number);
            // A tiny denominator can overflow: no cell is ever infinite.
            expect(v).toBe(Number.isFinite(x) ? x : NOT_FINITE);
          }
        });
      }),
    );
  });
});

describe("harmonise (compare)", () => {
  const cats = ["several_a_day", "daily", "weekly", "never"].map((value) => ({ value, label: value.toUpperCase() }));
  const table = (cells: Value[]) => {
    const columns = ColumnStore.of([column(cells)], cells.length);
    return { columns, fieldIndex: new Map([["use", 0]]), fields: [{ name: "use", categories: cats }] };
  };

  it("merges answers into one the field has, which keeps its place and label; others and missing values unchanged", () => {
    const later = harmonised(table(["several_a_day"]), { use: { several_a_day: "weekly" } });
    expect(later.fields[0]?.categories?.map((c) => c.value)).toEqual(["daily", "weekly", "never"]);
    const t = harmonised(table(["several_a_day", "daily", NSP, "never"]), { use: { several_a_day: "daily" } });
    expect(values(t.columns.columns[0] as Column)).toEqual(["daily", "daily", NSP, "never"]);
    expect(t.fields[0]?.categories).toEqual([
      { value: "daily", label: "DAILY" },
      { value: "weekly", label: "WEEKLY" },
      { value: "never", label: "NEVER" },
    ]);
  });

  it("renames answers to one the field lacks, in the place of the first answer mapped to it", () => {
    const t = harmonised(table(["weekly", "daily", "several_a_day"]), { use: { several_a_day: "often", daily: "often" } });
    expect(values(t.columns.columns[0] as Column)).toEqual(["weekly", "often", "often"]);
    expect(t.fields[0]?.categories?.map((c) => c.value)).toEqual(["often", "weekly", "never"]);
  });

  it("is the table itself without a map for its dataset", () => {
    const t = table(["daily"]);
    expect(harmonised(t, undefined)).toBe(t);
  });
});
