import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { RowReasons } from "../../src/validate/row-reasons.js";

/** More distinct lists than are looked up, so that those added after them are packed. */
const FILLER = 5000;

describe("rejected rows' reasons", () => {
  test("a list met again reads back as it was, in any order of reading", () => {
    const rows = new RowReasons();
    const typo = ["field id: required column is not in the file"];
    const two = ["field age: not a number", "field id: required column is not in the file"];
    rows.push(typo);
    rows.push(two);
    rows.push(typo);
    expect(rows.length).toBe(3);
    expect([rows.at(2), rows.at(0), rows.at(1)]).toEqual([typo, typo, two]);
    expect(() => rows.at(3)).toThrow(RangeError);
  });

  test("rows read back as they were added, looked up or packed past thousands of others, read in order or not", () => {
    // Wordings with and without quoted values, quotes inside values, several reasons, any text.
    const reason = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "grapheme" }).map((v) => `field weight: "${v}" is not a number`),
      fc.tuple(fc.string(), fc.nat()).map(([v, l]) => `key (id) "${v}" already appears on line ${l}`),
      fc.constant('field "a" and "b": ""'),
    );
    const lists = fc.array(fc.array(reason, { maxLength: 3 }), { maxLength: 20 });
    fc.assert(
      fc.property(lists, lists, fc.array(fc.nat()), (early, late, probes) => {
        const rows = new RowReasons();
        const all = [...early, ...Array.from({ length: FILLER }, (_, k) => [`field weight: "${k}" is not a number`]), ...late];
        for (const r of all) rows.push(r);
        for (const p of probes) expect(rows.at(p % all.length)).toEqual(all[p % all.length]);
        all.forEach((r, k) => expect(rows.at(k)).toEqual(r));
      }),
      { numRuns: 30 },
    );
  });

  test("rows larger than a chunk, and chunks left part empty, read back whole", () => {
    const rows = new RowReasons();
    const all: string[][] = [];
    for (let k = 0; k < FILLER; k++) all.push([`filler ${k}`]);
    const long = "é".repeat(600_000); // 1.2 MB of UTF-8: more than the rest of any chunk
    for (let k = 0; k < 5; k++) all.push([`field comment: "${long}${k}" is too long`], [`field age: "${k}" is not a number`]);
    for (const r of all) rows.push(r);
    expect(rows.at(all.length - 1)).toEqual(all[all.length - 1]);
    all.forEach((r, k) => expect(rows.at(k)).toEqual(r));
  });
});
