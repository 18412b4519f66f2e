// A design built from coded id columns (a validated table's) is the design built from the labels.
import fc from "fast-check";
import { expect, test } from "vitest";
import { buildDesign } from "../../src/estimate/index.js";

const labels = ["a", "b", "c", "d", "e", "f"];

test("coded ids and strata give the same design as their labels", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 2 })), {
        minLength: 4,
        maxLength: 60,
      }),
      fc.boolean(),
      fc.boolean(),
      (rows, nest, twoStages) => {
        const strata = Int32Array.from(rows, (r) => r[0]);
        const psu = Int32Array.from(rows, (r) => r[1]);
        const ssu = Int32Array.from(rows, (r) => r[2]);
        const text = (codes: Int32Array) => Array.from(codes, (c) => labels[c]!);
        const build = (coded: boolean) => {
          try {
            return buildDesign({
              n: rows.length,
              strata: coded ? { codes: strata, labels } : text(strata),
              ids: [coded ? { codes: psu, labels } : text(psu), ...(twoStages ? [coded ? { codes: ssu, labels } : text(ssu)] : [])],
              nest,
              lonelyPsu: "adjust",
            });
          } catch (err) {
            return (err as Error).message;
          }
        };
        expect(build(true)).toEqual(build(false));
      },
    ),
  );
});

test("a missing coded id is refused as a missing label is", () => {
  const make = (coded: boolean) => () =>
    buildDesign({ n: 3, ids: [coded ? { codes: Int32Array.from([0, -1, 1]), labels } : ["a", null as unknown as string, "b"]] });
  expect(make(true)).toThrow(/missing at row 2/);
  expect(make(false)).toThrow(/missing at row 2/);
});

/** Codes as a column numbers them: 0, 1, 2... in order of first appearance, every label used. */
function asColumn(codes: Int32Array): { codes: Int32Array; labels: string[] } {
  const seen = new Map<number, number>();
  const out = Int32Array.from(codes, (c) => {
    if (!seen.has(c)) seen.set(c, seen.size);
    return seen.get(c)!;
  });
  return { codes: out, labels: [...seen.keys()].map((c) => labels[c]!) };
}

test("ids numbered as a column numbers them give the same design as their labels", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.integer({ min: 0, max: 5 })), { minLength: 4, maxLength: 60 }),
      (rows) => {
        const strata = asColumn(Int32Array.from(rows, (r) => r[0]));
        const psu = asColumn(Int32Array.from(rows, (r) => r[1]));
        const text = (col: { codes: Int32Array; labels: string[] }) => Array.from(col.codes, (c) => col.labels[c]!);
        const build = (coded: boolean) => {
          try {
            return buildDesign({
              n: rows.length,
              strata: coded ? strata : text(strata),
              ids: [coded ? psu : text(psu)],
              lonelyPsu: "adjust",
            });
          } catch (err) {
            return (err as Error).message;
          }
        };
        expect(build(true)).toEqual(build(false));
      },
    ),
  );
});

test("a blank coded id is refused even when the codes are in order", () => {
  const make = (coded: boolean) => () =>
    buildDesign({ n: 3, ids: [coded ? { codes: Int32Array.from([0, 1, 2]), labels: ["a", "", "b"] } : ["a", "", "b"]] });
  expect(make(true)).toThrow(/row 2/);
  expect(make(false)).toThrow(/row 2/);
});
