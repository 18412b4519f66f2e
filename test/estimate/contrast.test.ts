import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildDesign, contrast, mustEstimate, svyMean, testAgainstBaseline, testContrast } from "../../src/estimate/index.js";

describe("comparisons", () => {
  test("baseline t test: two-sided p in [0, 1], 1 at the estimate, symmetric in the sign", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 3, maxLength: 30 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (y, shift) => {
          const e = mustEstimate(svyMean(buildDesign({ n: y.length }), Float64Array.from(y)));
          fc.pre(e.se > 1e-9);
          const up = testAgainstBaseline(e, e.estimate + shift);
          const down = testAgainstBaseline(e, e.estimate - shift);
          expect(up.pValue).toBeGreaterThanOrEqual(0);
          expect(up.pValue).toBeLessThanOrEqual(1);
          expect(up.pValue).toBeCloseTo(down.pValue, 12);
          expect(up.t).toBeCloseTo(-down.t, 9);
          expect(testAgainstBaseline(e, e.estimate).pValue).toBe(1);
          expect(up.df).toBe(y.length - 1);
        },
      ),
    );
  });

  test("a contrast is c'est with variance c'Vc", () => {
    const c = contrast(
      [10, 4],
      [
        [4, 1],
        [1, 9],
      ],
      [1, -1],
    );
    expect(c.estimate).toBe(6);
    expect(c.variance).toBe(11);
    const t = testContrast(c, Infinity);
    expect(t.t).toBeCloseTo(6 / Math.sqrt(11), 12);
    expect(t.pValue).toBeGreaterThan(0);
    expect(() => contrast([1], [[1]], [1, 2])).toThrow(RangeError);
  });
});
