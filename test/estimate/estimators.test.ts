import fc from "fast-check";
import { mean as ssMean, sampleVariance } from "simple-statistics";
import { describe, expect, test } from "vitest";
import {
  buildDesign,
  mustEstimate,
  svyDistribution,
  svyMean,
  svyMeanOfRatios,
  svyProportion,
  svyRatio,
  svyTotal,
  type EstimateResult,
} from "../../src/estimate/index.js";

const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const ys = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 3, maxLength: 40 });
const finiteEverywhere = (r: EstimateResult) => !r.available || [r.estimate, r.variance, r.se, r.sumWeights, r.n].every(Number.isFinite);

describe("svyMean / svyTotal on a simple random sample", () => {
  test("the mean is the sample mean and se = sd / sqrt(n) (checked with simple-statistics)", () => {
    fc.assert(
      fc.property(ys, (y) => {
        const n = y.length;
        const m = mustEstimate(svyMean(buildDesign({ n }), Float64Array.from(y)));
        const mean = ssMean(y);
        const s2 = sampleVariance(y);
        expect(rel(m.estimate, mean)).toBeLessThan(1e-9);
        expect(rel(m.variance, s2 / n)).toBeLessThan(1e-9);
        expect(m.df).toBe(n - 1);
        expect(m.deff).toBeNull(); // N = n: the SRS-without-replacement variance is 0
      }),
    );
  });

  test("a domain on an SRS: estimate is the domain-row mean; variance keeps the full n", () => {
    fc.assert(
      fc.property(ys, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (y, inDomain) => {
        const n = y.length;
        const domain = Uint8Array.from(y, (_, i) => (inDomain[i] ? 1 : 0));
        const rows = y.filter((_, i) => domain[i]);
        const r = svyMean(buildDesign({ n }), Float64Array.from(y), domain);
        if (rows.length === 0) {
          expect(r.available).toBe(false);
          return;
        }
        const e = mustEstimate(r);
        const mean = rows.reduce((a, b) => a + b, 0) / rows.length;
        expect(rel(e.estimate, mean)).toBeLessThan(1e-9);
        // Domain scores are 0 off the domain, so var = n/(n-1) * sum_D (y - mean_D)^2 / n_D^2.
        const ss = rows.reduce((a, x) => a + (x - mean) ** 2, 0);
        expect(rel(e.variance, ((n / (n - 1)) * ss) / rows.length ** 2)).toBeLessThan(1e-9);
        expect(e.n).toBe(rows.length);
      }),
    );
  });

  test("NaN marks missing and behaves exactly as a domain (R na.rm = TRUE)", () => {
    const y = Float64Array.from([1, NaN, 3, 8, NaN, 2]);
    const d = buildDesign({ n: 6, ids: [[1, 1, 2, 2, 3, 3]], weights: [1, 2, 3, 4, 5, 6] });
    const a = mustEstimate(svyMean(d, y));
    const b = mustEstimate(
      svyMean(
        d,
        Float64Array.from(y, (v) => (Number.isNaN(v) ? 0 : v)),
        Uint8Array.from(y, (v) => (Number.isNaN(v) ? 0 : 1)),
      ),
    );
    expect(a.estimate).toBe(b.estimate);
    expect(a.variance).toBe(b.variance);
    expect(a.n).toBe(4);
  });

  test("the total is N times the mean on an SRS with fpc", () => {
    const y = Float64Array.from([1, 2, 3, 4]);
    const d = buildDesign({ n: 4, fpc: [[40, 40, 40, 40]] });
    const t = mustEstimate(svyTotal(d, y));
    const m = mustEstimate(svyMean(d, y));
    expect(t.estimate).toBeCloseTo(100, 10);
    expect(t.sumWeights).toBeCloseTo(40, 10);
    expect(rel(t.variance, 40 * 40 * m.variance)).toBeLessThan(1e-12);
    expect(t.deff).toBeCloseTo(1, 10);
  });
});

describe("invariance to the scale of the weights", () => {
  test("means and ratios (estimate, se, deff) are unchanged when all weights are multiplied", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 100, noNaN: true }),
            fc.double({ min: 0.5, max: 100, noNaN: true }),
            fc.double({ min: 1, max: 10, noNaN: true }),
          ),
          {
            minLength: 4,
            maxLength: 30,
          },
        ),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (rows, k) => {
          const n = rows.length;
          const y = Float64Array.from(rows, (r) => r[0]);
          const x = Float64Array.from(rows, (r) => r[1]);
          const w = rows.map((r) => r[2]);
          const ids = [rows.map((_, i) => Math.floor(i / 2))];
          const d1 = buildDesign({ n, ids, weights: w });
          const d2 = buildDesign({ n, ids, weights: w.map((v) => v * k) });
          for (const [a, b] of [
            [svyMean(d1, y), svyMean(d2, y)],
            [svyRatio(d1, y, x), svyRatio(d2, y, x)],
          ] as const) {
            const ea = mustEstimate(a);
            const eb = mustEstimate(b);
            expect(rel(ea.estimate, eb.estimate)).toBeLessThan(1e-9);
            expect(Math.abs(ea.se - eb.se)).toBeLessThan(1e-9 * Math.max(1, ea.se));
          }
        },
      ),
    );
  });
});

describe("overflow", () => {
  test("a sum past the largest double makes the estimate unavailable (overflow), never Infinity or NaN", () => {
    const d = buildDesign({ n: 4, weights: [1, 2, 1, 2] });
    const y = Float64Array.from([1, 1e160, 3, 4]);
    for (const r of [svyMean(d, y), svyTotal(d, y)]) {
      expect(r.available).toBe(false);
      expect(!r.available && r.reason).toBe("overflow");
      expect(!r.available && r.why.code).toBe("overflow");
    }
    const huge = Float64Array.from([1e308, 1e308, 1e308, 1]);
    const t = svyTotal(d, huge);
    expect(!t.available && t.reason).toBe("overflow");
  });

  test("property: extreme but finite values give a finite estimate or an overflow, for every estimator", () => {
    const extreme = fc.oneof(fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.constantFrom(1e154, -1e160, 1e300, 1.7e308, -1.7e308));
    fc.assert(
      fc.property(fc.array(fc.tuple(extreme, extreme), { minLength: 3, maxLength: 20 }), (rows) => {
        const d = buildDesign({ n: rows.length });
        const a = Float64Array.from(rows, (r) => r[0]);
        const b = Float64Array.from(rows, (r) => r[1]);
        for (const r of [svyMean(d, a), svyTotal(d, a), svyRatio(d, a, b), svyMeanOfRatios(d, a, b)]) {
          expect(finiteEverywhere(r)).toBe(true);
          if (r.available) expect(r.deff === null || Number.isFinite(r.deff)).toBe(true);
          else expect(["overflow", "zero-denominator", "empty-domain"]).toContain(r.reason);
        }
      }),
    );
  });
});

describe("zero denominators", () => {
  test("a ratio of totals with a zero denominator is unavailable, never Infinity or NaN", () => {
    const d = buildDesign({ n: 4 });
    const r = svyRatio(d, Float64Array.from([1, 2, 3, 4]), Float64Array.from([0, 0, 0, 0]));
    expect(r.available).toBe(false);
    expect(!r.available && r.reason).toBe("zero-denominator");
    expect(!r.available && r.why).toEqual({ code: "zero-denominator" });
  });

  test("mean of ratios excludes and counts zero-denominator rows", () => {
    const d = buildDesign({ n: 5 });
    const r = svyMeanOfRatios(d, Float64Array.from([1, 2, 3, 4, 5]), Float64Array.from([1, 0, 3, 0, 5]));
    expect(r.excludedZeroDenominator).toBe(2);
    const e = mustEstimate(r);
    expect(e.estimate).toBe(1);
    expect(e.n).toBe(3);
    expect(e.warnings).toContainEqual({ code: "zero-denominator-excluded", rows: 2 });
  });

  test("property: no estimator returns a non-finite number for any denominators", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -2, max: 2 })), { minLength: 2, maxLength: 20 }),
        (rows) => {
          const n = rows.length;
          const d = buildDesign({ n });
          const num = Float64Array.from(rows, (r) => r[0]);
          const den = Float64Array.from(rows, (r) => r[1]);
          expect(finiteEverywhere(svyRatio(d, num, den))).toBe(true);
          expect(finiteEverywhere(svyMeanOfRatios(d, num, den))).toBe(true);
        },
      ),
    );
  });
});

describe("svyDistribution", () => {
  test("shares sum to 1, their covariance rows sum to 0, and each equals the proportion", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 2 }), { minLength: 4, maxLength: 40 }), (cats) => {
        fc.pre(cats.filter((c) => c >= 0).length > 0);
        const n = cats.length;
        const d = buildDesign({ n, weights: cats.map((_, i) => 1 + (i % 3)) });
        const dist = svyDistribution(d, Int32Array.from(cats), 3);
        const shares = dist.categories.map((c) => mustEstimate(c).estimate);
        expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
        for (const row of dist.cov) expect(Math.abs(row.reduce((a, b) => a + b, 0))).toBeLessThan(1e-9);
        const p1 = mustEstimate(
          svyProportion(
            d,
            Float64Array.from(cats, (c) => (c < 0 ? NaN : c === 1 ? 1 : 0)),
          ),
        );
        expect(p1.estimate).toBeCloseTo(shares[1]!, 12);
        expect(p1.variance).toBeCloseTo(dist.cov[1]![1]!, 12);
      }),
    );
  });

  test("a proportion rejects values other than 0, 1 and NaN", () => {
    expect(() => svyProportion(buildDesign({ n: 3 }), Float64Array.from([0, 2, 1]))).toThrow(RangeError);
  });
});
