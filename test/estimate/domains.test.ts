import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { designVariance, groupLevels, svyBy, svyByMeans } from "../support/estimate.js";
import { buildDesign, contrast, mustEstimate, svyMean, svyTotal } from "../../src/estimate/index.js";

describe("domains", () => {
  test("levels come in R factor order and missing groups are no level", () => {
    expect(groupLevels(["b", "a", null, "c", "a", ""])).toEqual(["a", "b", "c"]);
    expect(groupLevels([10, 9, 100, NaN])).toEqual(["9", "10", "100"]);
  });

  test("domain totals add up to the overall total, in estimate and in variance", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 100, noNaN: true })), { minLength: 6, maxLength: 40 }),
        (rows) => {
          const n = rows.length;
          const d = buildDesign({ n, ids: [rows.map((_, i) => i % 3)], weights: rows.map((_, i) => 1 + (i % 2)) });
          const y = Float64Array.from(rows, (r) => r[1]);
          const groups = rows.map((r) => ["x", "y", "z"][r[0]]!);
          const by = svyBy(d, groups, (des, dom) => mustEstimate(svyTotal(des, y, dom)));
          const overall = mustEstimate(svyTotal(d, y));
          const sum = by.reduce((a, b) => a + b.result.estimate, 0);
          expect(Math.abs(sum - overall.estimate)).toBeLessThan(1e-9 * Math.max(1, overall.estimate));
          // Var(sum of domain totals) = 1' V 1 with V from the engine = the overall variance.
          const scores = by.map((b) => Float64Array.from(y, (v, i) => (groups[i] === b.level ? d.weights[i]! * v : 0)));
          const { cov } = designVariance(d, scores);
          const c = contrast(
            by.map((b) => b.result.estimate),
            cov,
            by.map(() => 1),
          );
          expect(Math.abs(c.variance - overall.variance)).toBeLessThan(1e-6 * Math.max(1, overall.variance));
        },
      ),
    );
  });

  test("svyByMeans agrees with svyBy(svyMean) and gives the covariance diagonal", () => {
    const d = buildDesign({ n: 8, ids: [[1, 1, 2, 2, 3, 3, 4, 4]], weights: [1, 2, 1, 2, 1, 2, 1, 2] });
    const y = Float64Array.from([3, 5, 2, 8, 1, 4, 6, 7]);
    const g = ["a", "b", "a", "b", "a", "b", "a", "b"];
    const joint = svyByMeans(d, y, g);
    const each = svyBy(d, g, (des, dom) => mustEstimate(svyMean(des, y, dom)));
    joint.levels.forEach((l, j) => {
      const e = mustEstimate(l.result);
      expect(e.estimate).toBeCloseTo(each[j]!.result.estimate, 12);
      expect(joint.cov[j]![j]).toBeCloseTo(each[j]!.result.variance, 12);
    });
  });
});
