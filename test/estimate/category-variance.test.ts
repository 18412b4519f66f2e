// The categories' variances from sparse cluster totals equal the dense engine's on the same
// scores, z_ik = w_i (I(cat_i = k) - m_k) / D, for one- and two-stage designs, with and without
// finite population corrections, under every lonely-PSU policy, jointly or one by one.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { designVariance, seededRandom } from "../support/estimate.js";
import { buildDesign, EstimationContext, type SurveyDesign } from "../../src/estimate/index.js";
import { categoryVariances } from "../../src/estimate/category-variance.js";

interface Case {
  design: SurveyDesign;
  rows: Int32Array;
  codes: Int32Array;
  k: number;
  m: Float64Array;
  divisor: number;
}

const caseArb = fc
  .record({
    n: fc.integer({ min: 4, max: 60 }),
    nStrata: fc.integer({ min: 1, max: 3 }),
    clustersPerStratum: fc.integer({ min: 1, max: 6 }),
    twoStages: fc.boolean(),
    withFpc: fc.boolean(),
    k: fc.integer({ min: 1, max: 7 }),
    policy: fc.constantFrom("adjust", "average", "remove", "certainty"),
    shares: fc.boolean(),
    alike: fc.boolean(),
    oneCategory: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ n, nStrata, clustersPerStratum, twoStages, withFpc, k, policy, shares, alike, oneCategory, seed }): Case | null => {
    const rnd = seededRandom(seed);
    const strata = Array.from({ length: n }, (_, i) => `h${i % nStrata}`);
    // "alike": each row its own PSU and one weight per stratum, as R's dstrat: a category that is
    // a stratum then has a variance of 0.
    const psu = strata.map((h, i) => (alike ? `${h}r${i}` : `${h}c${Math.floor(rnd() * clustersPerStratum)}`));
    const ssu = psu.map((c) => `${c}u${Math.floor(rnd() * 3)}`);
    const weights = Float64Array.from(strata, (h) => (alike ? 2 + Number(h.slice(1)) * 3.7 : 1 + rnd() * 9));
    let design: SurveyDesign;
    try {
      design = buildDesign({
        n,
        strata,
        ids: twoStages ? [psu, ssu] : [psu],
        weights,
        ...(withFpc ? { fpc: twoStages ? [new Array(n).fill(40), new Array(n).fill(8)] : [new Array(n).fill(40)] } : {}),
        lonelyPsu: policy as "adjust",
      });
    } catch {
      return null;
    }
    // "oneCategory": every row in category 0, whose share is then exactly 1.
    const codes = Int32Array.from(strata, (h) => (oneCategory ? 0 : alike ? Number(h.slice(1)) % k : Math.floor(rnd() * k)));
    const rows = Int32Array.from([...codes.keys()].filter(() => alike || rnd() < 0.8));
    let sw = 0;
    const swk = new Float64Array(k);
    for (const i of rows) {
      sw += weights[i]!;
      swk[codes[i]!] = swk[codes[i]!]! + weights[i]!;
    }
    if (!(sw > 0)) return null;
    return shares
      ? { design, rows, codes, k, m: swk.map((x) => x / sw), divisor: sw }
      : { design, rows, codes, k, m: new Float64Array(k), divisor: 1 };
  })
  .filter((c): c is Case => c !== null);

/** The dense engine on the same scores, one column per category. */
function dense(c: Case): number[][] {
  const scores = Array.from({ length: c.k }, () => new Float64Array(c.design.n));
  for (const i of c.rows) {
    for (let j = 0; j < c.k; j++) scores[j]![i] = (c.design.weights[i]! * ((c.codes[i] === j ? 1 : 0) - c.m[j]!)) / c.divisor;
  }
  return designVariance(c.design, scores).cov;
}

describe("category variances from sparse cluster totals", () => {
  test("equal the dense engine's covariance (joint) and variances (one by one)", () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const want = dense(c);
        const joint = categoryVariances(new EstimationContext(c.design), c.rows, c.codes, c.k, c.m, c.divisor, true);
        const alone = categoryVariances(new EstimationContext(c.design), c.rows, c.codes, c.k, c.m, c.divisor, false);
        const size = Math.max(...want.flat().map(Math.abs), c.divisor === 1 ? 1 : 1e-3);
        for (let a = 0; a < c.k; a++) {
          for (let b = 0; b < c.k; b++) expect(Math.abs(joint.cov![a]![b]! - want[a]![b]!)).toBeLessThanOrEqual(1e-12 * size);
          expect(alone.variances[a]).toBe(joint.variances[a]);
        }
        expect(alone.cov).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  test("a category whose clusters all weigh alike, or that holds every row, has a variance of 0 to the last digits", () => {
    fc.assert(
      fc.property(
        caseArb.filter((c) => c.divisor !== 1),
        (c) => {
          const { variances } = categoryVariances(new EstimationContext(c.design), c.rows, c.codes, c.k, c.m, c.divisor, false);
          const want = dense(c);
          for (let a = 0; a < c.k; a++) {
            // The dense engine's own rounding is of order 1e-16 of the scores' squares.
            if (Math.abs(want[a]![a]!) <= 1e-30) expect(Math.abs(variances[a]!)).toBeLessThanOrEqual(1e-30);
            if (c.m[a] === 1) expect(variances[a]).toBe(0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
