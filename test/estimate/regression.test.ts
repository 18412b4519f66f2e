import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { buildDesign, EstimationContext, mustEstimate, svyGlm, svyMean, type RegressionFamily } from "../../src/estimate/index.js";

function glm(family: RegressionFamily, y: number[], x: number[][], w?: number[]) {
  const n = y.length;
  const design = buildDesign({ n, ...(w ? { weights: Float64Array.from(w) } : {}) });
  const rows = Int32Array.from({ length: n }, (_, i) => i);
  const ones = new Float64Array(n).fill(1);
  return svyGlm(new EstimationContext(design), {
    family,
    y: Float64Array.from(y),
    x: [ones, ...x.map((c) => Float64Array.from(c))],
    rows,
    universeRows: rows,
  });
}

describe("svyGlm", () => {
  test("an intercept-only linear model is the weighted mean, with the mean's se and df", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: -100, max: 100, noNaN: true }), fc.double({ min: 0.5, max: 20, noNaN: true })), {
          minLength: 3,
          maxLength: 40,
        }),
        (pairs) => {
          const y = pairs.map((p) => p[0]);
          const w = pairs.map((p) => p[1]);
          const m = mustEstimate(svyMean(buildDesign({ n: y.length, weights: Float64Array.from(w) }), Float64Array.from(y)));
          fc.pre(m.se > 1e-6);
          const r = glm("gaussian", y, [], w);
          expect(r.available).toBe(true);
          if (!r.available) return;
          expect(r.coefficients[0]!.estimate).toBeCloseTo(m.estimate, 8);
          expect(r.coefficients[0]!.se / m.se).toBeCloseTo(1, 8);
          expect(r.df).toBe(y.length - 1);
        },
      ),
    );
  });

  test("an intercept-only logistic model is the logit of the share, se by the delta method", () => {
    const y = [1, 0, 0, 1, 1, 0, 1, 1, 0, 1, 1, 1];
    const w = [1, 2, 1, 3, 1, 1, 2, 1, 1, 2, 1, 1];
    const m = mustEstimate(svyMean(buildDesign({ n: y.length, weights: Float64Array.from(w) }), Float64Array.from(y)));
    const r = glm("binomial", y, [], w);
    expect(r.available).toBe(true);
    if (!r.available) return;
    const p = m.estimate;
    expect(r.coefficients[0]!.estimate).toBeCloseTo(Math.log(p / (1 - p)), 8);
    expect(r.coefficients[0]!.se).toBeCloseTo(m.se / (p * (1 - p)), 8);
  });

  test("a separated outcome is not available, with the reason", () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const r = glm("binomial", [0, 0, 0, 0, 1, 1, 1, 1], [x]);
    expect(r.available).toBe(false);
    if (r.available) return;
    expect(["separation", "not-converged"]).toContain(r.reason);
  });

  test("collinear predictors are not available", () => {
    const x = [1, 2, 3, 4, 5, 6];
    const r = glm("gaussian", [3, 1, 4, 1, 5, 9], [x, x.map((v) => 2 * v)]);
    expect(r.available).toBe(false);
    if (!r.available) expect(r.reason).toBe("rank-deficient");
  });

  test("more coefficients than the design's df is not available", () => {
    const r = glm(
      "gaussian",
      [3, 1, 4],
      [
        [1, 2, 4],
        [0, 1, 0],
      ],
    );
    expect(r.available).toBe(false);
    if (!r.available) expect(r.reason).toBe("no-df");
  });
});
