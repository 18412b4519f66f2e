import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { ReasonLists } from "../../src/validate/reason-lists.js";

/** More distinct lists than are looked up, so that those added after them are packed. */
const FILLER = 5000;

describe("reason lists", () => {
  test("a list met again has the number it had, kept once", () => {
    const lists = new ReasonLists();
    const a = lists.add(["field id: required column is not in the file"]);
    const b = lists.add(["field age: not a number", "field id: required column is not in the file"]);
    expect(lists.add(["field id: required column is not in the file"])).toBe(a);
    expect(b).not.toBe(a);
    expect(lists.get(b)).toEqual(["field age: not a number", "field id: required column is not in the file"]);
  });

  test("lists read back as they were added, looked up or packed past thousands of others", () => {
    // Wordings with and without quoted values, quotes inside values, several reasons, any text.
    const reason = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: "grapheme" }).map((v) => `field weight: "${v}" is not a number`),
      fc.tuple(fc.string(), fc.nat()).map(([v, l]) => `key (id) "${v}" already appears on line ${l}`),
      fc.constant('field "a" and "b": ""'),
    );
    const lists = fc.array(fc.array(reason, { maxLength: 3 }), { maxLength: 20 });
    fc.assert(
      fc.property(lists, lists, (early, late) => {
        const store = new ReasonLists();
        const earlyIds = early.map((r) => store.add(r));
        for (let k = 0; k < FILLER; k++) store.add([`field weight: "${k}" is not a number`]);
        const lateIds = late.map((r) => store.add(r));
        early.forEach((r, k) => expect(store.get(earlyIds[k]!)).toEqual(r));
        late.forEach((r, k) => expect(store.get(lateIds[k]!)).toEqual(r));
        expect(store.get(store.add(['field weight: "12" is not a number']))).toEqual(['field weight: "12" is not a number']);
      }),
      { numRuns: 30 },
    );
  });
});
