import tQuantileStd from "@stdlib/stats-base-dists-t-quantile";
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
          // A simple random sample: F = share of y <= q, var = F(1 - F)/(n - 1), t on n - 1 df.
          // A bound is not available (null) exactly when F -+ t se leaves [0, 1], as R's NaN.
          const n = y.length;
          const f = y.filter((v) => v <= r.estimate).length / n;
          const half = tQuantileStd(0.975, n - 1) * Math.sqrt((f * (1 - f)) / (n - 1));
          const eps = 1e-9; // the boundary itself is left to the arithmetic
          if (f - half < -eps) expect(r.lower).toBeNull();
          if (f - half > eps) expect(r.lower).not.toBeNull();
          if (f + half > 1 + eps) expect(r.upper).toBeNull();
          if (f + half < 1 - eps) expect(r.upper).not.toBeNull();
          if (r.lower !== null) expect(r.lower).toBeLessThanOrEqual(r.estimate);
          if (r.upper !== null) expect(r.upper).toBeGreaterThanOrEqual(r.estimate);
          if (r.lower !== null && r.upper !== null) {
            expect(r.se).toBeGreaterThanOrEqual(0);
            expect(r.boundNote).toBeNull();
          } else {
            expect(r.se).toBeNull();
            expect(r.boundNote?.code).toBe("quantile-bound");
          }
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
