// The columnar store gives back exactly the row form it was fed.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Column, ColumnStore } from "../../src/table-schema/columns.js";
import { Missing, type Value } from "../../src/vocabulary/index.js";

const NR = new Missing("NR", "refused");
const NSP = new Missing("NSP", null);
const BLANK = new Missing("", "blank");
const missing = fc.constantFrom(NR, NSP, BLANK);

/** Columns as the casters make them: one type per column, with missing cells anywhere. */
const typedColumn = fc.oneof(
  fc.array(fc.oneof(fc.double({ noNaN: true }), missing), { maxLength: 300 }),
  fc.array(fc.oneof(fc.constantFrom("a", "b", "paris-belleville", "Très long libellé de catégorie", ""), fc.string(), missing), {
    maxLength: 300,
  }),
  fc.array(fc.oneof(fc.boolean(), missing), { maxLength: 300 }),
);
/** Anything at all, types mixed (the fallback). */
const anyColumn = fc.array(fc.oneof(fc.double(), fc.string(), fc.boolean(), missing), { maxLength: 200 });

function roundTrip(values: Value[], capacity?: number): Column {
  const col = new Column(capacity);
  for (const v of values) col.push(v);
  return col;
}

describe("Column", () => {
  test("get(i) is the value pushed, Missing markers by identity", () => {
    fc.assert(
      fc.property(fc.oneof(typedColumn, anyColumn), fc.integer({ min: 1, max: 64 }), (values, capacity) => {
        const col = roundTrip(values, capacity);
        expect(col.length).toBe(values.length);
        values.forEach((v, i) => {
          const got = col.get(i);
          if (v instanceof Missing) expect(got).toBe(v);
          else expect(Object.is(got, v)).toBe(true);
          expect(col.missingAt(i)).toBe(v instanceof Missing ? v : null);
        });
        col.trim();
        values.forEach((v, i) => expect(Object.is(col.get(i), v) || col.get(i) === v).toBe(true));
      }),
    );
  });

  test("numeric() is the number, 0/1 for booleans, NaN where missing or text", () => {
    fc.assert(
      fc.property(fc.oneof(typedColumn, anyColumn), (values) => {
        const num = roundTrip(values).numeric();
        values.forEach((v, i) => {
          const want = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : Number.NaN;
          expect(Object.is(num[i], want)).toBe(true);
        });
      }),
    );
  });

  test("coded() indexes the distinct strings; -1 where missing", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string(), missing), { maxLength: 300 }), (values) => {
        const col = roundTrip(values);
        const coded = col.coded();
        if (values.every((v) => v instanceof Missing)) return;
        expect(coded).not.toBeNull();
        values.forEach((v, i) => {
          const c = coded!.codes[i]!;
          if (v instanceof Missing) expect(c).toBe(-1);
          else expect(coded!.dictionary[c]).toBe(v);
        });
        expect(new Set(coded!.dictionary).size).toBe(coded!.dictionary.length);
      }),
    );
  });

  test("more than 255 distinct missing markers fall back to the plain form", () => {
    const markers = Array.from({ length: 300 }, (_, k) => new Missing(`M${k}`));
    const values: Value[] = [1, ...markers, 2];
    const col = roundTrip(values);
    values.forEach((v, i) => expect(col.get(i)).toBe(v));
    expect(col.length).toBe(values.length);
  });
});

describe("Column numbers", () => {
  /** Numbers at the edges of each width, fractions, -0 and NaN, with missing cells between. */
  const edgy = fc.constantFrom(
    0,
    -0,
    1.5,
    127,
    128,
    -128,
    -129,
    32767,
    32768,
    -32768,
    -32769,
    2 ** 31 - 1,
    2 ** 31,
    -(2 ** 31),
    -(2 ** 31) - 1,
    Number.NaN,
    1e300,
  );
  const numbers = fc.array(fc.oneof(fc.integer({ min: -300, max: 300 }), fc.integer(), edgy, fc.double(), missing), { maxLength: 300 });

  test("whole numbers of any width read back exactly, before and after numeric() (property)", () => {
    fc.assert(
      fc.property(numbers, fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 64 }), (values, cut, capacity) => {
        // numeric() part way through: the column turns to doubles and keeps taking rows.
        const col = new Column(capacity);
        const wanted = (v: Value): number => (typeof v === "number" ? v : Number.NaN);
        values.forEach((v, i) => {
          if (i === cut) expect(Array.from(col.numeric()).every((x, k) => Object.is(x, wanted(values[k]!)))).toBe(true);
          col.push(v);
        });
        values.forEach((v, i) => {
          expect(Object.is(col.get(i), v)).toBe(true);
          expect(col.missingAt(i)).toBe(v instanceof Missing ? v : null);
        });
        expect(Array.from(col.numeric()).every((x, k) => Object.is(x, wanted(values[k]!)))).toBe(true);
        expect(
          col
            .select(values.map((_, i) => i).reverse())
            .numeric()
            .reverse()
            .every((x, k) => Object.is(x, wanted(values[k]!))),
        ).toBe(true);
      }),
    );
  });

  test("a column keeps the narrowest width its numbers need until read as doubles", () => {
    const width = (values: Value[]): number => {
      const col = new Column(16);
      for (const v of values) col.push(v);
      return col.bytesPerValue;
    };
    expect(width([18, NR, 64, 99, -5])).toBe(1);
    expect(width([18, 640, NSP])).toBe(2);
    expect(width([1, 70_000, 730_059])).toBe(4);
    expect(width([1, 2 ** 31])).toBe(8);
    expect(width([1, 0.5])).toBe(8);
    expect(width([1, -0])).toBe(8);
    const col = new Column();
    for (let i = 0; i < 100; i++) col.push(i % 7 === 0 ? NR : i);
    expect(col.bytesPerValue).toBe(1);
    expect(Number.isNaN(col.numeric()[0])).toBe(true);
    expect(col.numeric()[1]).toBe(1);
    expect(col.bytesPerValue).toBe(8);
  });
});

describe("ColumnStore", () => {
  test("rows in, same rows out; select keeps the chosen rows", () => {
    const row = fc.tuple(
      fc.integer(),
      fc.constantFrom("x", "y", "z"),
      fc.oneof(fc.boolean(), missing),
      fc.oneof(fc.double({ noNaN: true }), missing),
    );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 200 }), fc.array(fc.boolean(), { maxLength: 200 }), (rows, keepFlags) => {
        const store = ColumnStore.fromRows(rows as Value[][], 4);
        expect(store.length).toBe(rows.length);
        expect(store.toRows()).toEqual(rows);
        const keep = rows.map((_, i) => i).filter((i) => keepFlags[i] === true);
        expect(store.select(keep).toRows()).toEqual(keep.map((i) => rows[i]));
      }),
    );
  });

  test("a schema without fields still counts its rows", () => {
    const store = new ColumnStore(0);
    store.pushRow([]);
    store.pushRow([]);
    expect(store.length).toBe(2);
    expect(store.toRows()).toEqual([[], []]);
  });
});

describe("Column codes", () => {
  test("codes widen from Int8 to Int16 to Int32 as the dictionary grows, keeping every value", () => {
    // Distinct strings beyond 127 and 32767 codes, each pushed twice (a new code, then a known
    // one) with missing cells between: every row reads back across both widenings.
    const values: Value[] = [];
    for (let k = 0; k < 33000; k++) values.push(`s${k}`, k % 1000 === 0 ? NR : `s${k >> 1}`);
    const col = new Column(16);
    const widths = new Set<string>();
    values.forEach((v, i) => {
      col.push(v);
      if (i % 64 === 0) widths.add(col.coded()!.codes.constructor.name);
    });
    expect([...widths]).toEqual(["Int8Array", "Int16Array", "Int32Array"]);
    expect(values.filter((v, i) => col.get(i) !== v)).toEqual([]);
    const { codes, dictionary } = col.coded()!;
    expect(values.filter((v, i) => (v instanceof Missing ? codes[i] !== -1 : dictionary[codes[i]!] !== v))).toEqual([]);
  });

  test("a column of few categories and a boolean column take one byte per row", () => {
    const cat = new Column();
    const flag = new Column();
    for (let i = 0; i < 100; i++) {
      cat.push(["a", "b", "c"][i % 3]!);
      flag.push(i % 2 === 0);
    }
    expect(cat.coded()!.codes).toBeInstanceOf(Int8Array);
    expect(flag.coded()!.codes).toBeInstanceOf(Int8Array);
  });

  test("after trim() a new string still gets its own code and known strings their old one", () => {
    const col = new Column();
    for (const v of ["x", "y", "x"]) col.push(v);
    col.trim();
    for (const v of ["z", "y", "x", "z"]) col.push(v);
    expect(col.coded()!.dictionary).toEqual(["x", "y", "z"]);
    expect(Array.from(col.coded()!.codes)).toEqual([0, 1, 0, 2, 1, 0, 2]);
  });
});

describe("ColumnStore with unstored fields", () => {
  test("only the stored fields keep values; reading an unstored one fails loudly, also after select", () => {
    const store = new ColumnStore(3, undefined, [true, false, true]);
    store.pushRow([1, "a long comment nobody reads", "x"]);
    store.pushRow([2, "another", NR]);
    expect(store.length).toBe(2);
    expect(store.columns[0]?.get(1)).toBe(2);
    expect(store.columns[2]?.get(1)).toBe(NR);
    expect(store.columns[1]?.length).toBe(0);
    expect(() => store.columns[1]?.get(0)).toThrow(/not stored/);
    expect(() => store.columns[1]?.coded()).toThrow(/not stored/);
    expect(() => store.columns[1]?.numeric()).toThrow(/not stored/);
    const kept = store.select([1]);
    expect(kept.columns[2]?.get(0)).toBe(NR);
    expect(() => kept.columns[1]?.get(0)).toThrow(/not stored/);
    kept.pushRow([3, "more", "y"]);
    expect(kept.columns[0]?.get(1)).toBe(3);
    expect(kept.columns[1]?.length).toBe(0);
  });
});
