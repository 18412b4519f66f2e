import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildDesign, svyQuantile } from "../../src/estimate/index.js";

/** R quantile(type = 1): the inverse of the empirical CDF. */
function type1(y: number[], p: number): number {
  const s = [...y].sort((a, b) => a - b);
  const n = s.length;
  const k = Math.max(1, Math.ceil(n * p - 1e-9));
  return s[k - 1]!;
}

describe("svyQuantile", () => {
  test("unweighted, it is R's type-1 quantile; the Woodruff interval contains it", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 3, maxLength: 60 }),
        fc.constantFrom(0.1, 0.25, 0.5, 0.75, 0.9),
        (y, p) => {
          const r = svyQuantile(buildDesign({ n: y.length }), Float64Array.from(y), p);
          expect(r.available).toBe(true);
          if (!r.available) return;
          expect(r.estimate).toBe(type1(y, p));
          expect(r.lower).toBeLessThanOrEqual(r.estimate);
          expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
          expect(r.se).toBeGreaterThanOrEqual(0);
          expect(r.ci).toEqual([r.lower, r.upper]);
        },
      ),
    );
  });

  test("scaling all weights leaves the quantile and its interval unchanged", () => {
    const y = Float64Array.from([5, 1, 4, 2, 8, 7, 3, 6, 9, 10]);
    const w = [1, 2, 3, 1, 2, 3, 1, 2, 3, 1];
    const ids = [[1, 1, 2, 2, 3, 3, 4, 4, 5, 5]];
    const a = svyQuantile(buildDesign({ n: 10, ids, weights: w }), y, 0.5);
    const b = svyQuantile(buildDesign({ n: 10, ids, weights: w.map((v) => v * 7.5) }), y, 0.5);
    const pick = (r: typeof a) => (r.available ? [r.estimate, r.lower, r.upper, r.se] : null);
    expect(pick(a)).toEqual(pick(b));
  });

  test("an empty domain is unavailable", () => {
    const r = svyQuantile(buildDesign({ n: 3 }), Float64Array.from([1, NaN, 3]), 0.5, Uint8Array.from([0, 1, 0]));
    expect(r.available).toBe(false);
  });
});
