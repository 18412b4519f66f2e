import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  buildDesign,
  clopperPearson,
  mustEstimate,
  proportionInterval,
  srsProportionInterval,
  svyMean,
  tInterval,
  type ProportionMethod,
} from "../../src/estimate/index.js";

const methods: ProportionMethod[] = ["logit", "xlogit", "beta", "wilson", "mean", "asin"];

/** A clustered design and a 0/1 variable with x ones among n rows (spread over clusters). */
function proportion(n: number, x: number) {
  const d = buildDesign({
    n,
    ids: [Array.from({ length: n }, (_, i) => i % 5)],
    weights: Array.from({ length: n }, (_, i) => 1 + (i % 4)),
  });
  return mustEstimate(
    svyMean(
      d,
      Float64Array.from({ length: n }, (_, i) => (i < x ? 1 : 0)),
    ),
  );
}

describe("design-based proportion intervals", () => {
  test("every method's interval contains the estimate and stays ordered", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 200 }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.constantFrom(...methods),
        (n, share, method) => {
          const x = Math.max(1, Math.min(n - 1, Math.round(share * n)));
          const e = proportion(n, x);
          // Equal shares in every cluster give a variance that is 0 up to rounding (1e-35): a
          // zero-width interval is then the right answer, not a failure of the method.
          fc.pre(e.se > 1e-9);
          const ci = proportionInterval(e, method);
          expect(ci.lower).toBeLessThanOrEqual(e.estimate + 1e-12);
          expect(ci.upper).toBeGreaterThanOrEqual(e.estimate - 1e-12);
          expect(ci.upper).toBeGreaterThan(ci.lower);
        },
      ),
    );
  });

  test("a proportion of exactly 0 or 1 gets the one-sided exact bound, never a zero-width interval", () => {
    const zero = proportion(30, 0);
    for (const method of methods) {
      const ci = proportionInterval(zero, method);
      expect(ci.lower).toBe(0);
      expect(ci.upper).toBeCloseTo(1 - 0.025 ** (1 / 30), 12);
      expect(ci.note).toEqual({ code: "exact-bound", proportion: 0, n: 30 });
    }
    const one = proportion(30, 30);
    const ci = proportionInterval(one, "logit");
    expect(ci.upper).toBe(1);
    expect(ci.lower).toBeCloseTo(0.025 ** (1 / 30), 12);
  });

  test("no degrees of freedom: unbounded rather than NaN", () => {
    const e = { ...proportion(20, 5), df: 0 };
    const ci = proportionInterval(e, "logit");
    expect([ci.lower, ci.upper]).toEqual([0, 1]);
    expect(ci.note).toEqual({ code: "no-df" });
    const t = tInterval(e);
    expect([t.lower, t.upper]).toEqual([-Infinity, Infinity]);
  });
});

describe("intervals without a design", () => {
  test("Wilson and Clopper–Pearson contain x/n, lie in [0, 1] and are mirror-symmetric", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom("wilson", "clopper-pearson" as const),
        (n, share, method) => {
          const x = Math.round(share * n);
          const ci = srsProportionInterval(x, n, method);
          const mirror = srsProportionInterval(n - x, n, method);
          expect(ci.lower).toBeGreaterThanOrEqual(0);
          expect(ci.upper).toBeLessThanOrEqual(1);
          expect(ci.lower).toBeLessThanOrEqual(x / n + 1e-12);
          expect(ci.upper).toBeGreaterThanOrEqual(x / n - 1e-12);
          expect(ci.upper).toBeGreaterThan(ci.lower);
          expect(ci.lower).toBeCloseTo(1 - mirror.upper, 8);
        },
      ),
    );
  });

  test("Clopper–Pearson at x = 0 is [0, 1 - (alpha/2)^(1/n)]", () => {
    const [lo, hi] = clopperPearson(0, 50);
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo(1 - 0.025 ** (1 / 50), 12);
  });

  test("t interval for a mean on an SRS: mean +- t(n-1) s / sqrt(n)", () => {
    const d = buildDesign({ n: 4 });
    const e = mustEstimate(svyMean(d, Float64Array.from([1, 2, 3, 6])));
    const ci = tInterval(e);
    // qt(0.975, 3) = 3.182446305284263
    expect(ci.upper - e.estimate).toBeCloseTo(3.182446305284263 * e.se, 9);
    expect(() => tInterval(e, { level: 1 })).toThrow(RangeError);
  });
});
