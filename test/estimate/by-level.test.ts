// Estimates for all levels of a subgroup at once, a few levels per pass over the rows, are those of
// each level's domain alone, bit for bit; a domain given by its rows is the matching mask; the df
// counted per level is R's degf of each level's rows; one context serves estimates in turn.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { designVariance, domainDf, seededRandom, srsMeanVariance, sumWeights, usedRows } from "../support/estimate.js";
import {
  buildDesign,
  EstimationContext,
  levelDfs,
  RowIndex,
  svyCategoryTotals,
  svyDistribution,
  svyDistributionShares,
  svyMean,
  svyMeanByLevel,
  svyProportion,
  svyQuantile,
  svyRatio,
  svyRatioByLevel,
  svyTotal,
  type EstimateResult,
  type SurveyDesign,
} from "../../src/estimate/index.js";

interface Case {
  design: SurveyDesign;
  y: Float64Array;
  den: Float64Array;
  codes: Int32Array;
  nLevels: number;
  universe: Uint8Array;
}

const caseArb = fc
  .record({
    n: fc.integer({ min: 6, max: 80 }),
    nStrata: fc.integer({ min: 1, max: 3 }),
    clustersPerStratum: fc.integer({ min: 2, max: 5 }),
    nLevels: fc.integer({ min: 1, max: 9 }),
    policy: fc.constantFrom("fail", "adjust", "average", "remove", "certainty"),
    withFpc: fc.boolean(),
    seed: fc.integer(),
  })
  .map(({ n, nStrata, clustersPerStratum, nLevels, policy, withFpc, seed }): Case | null => {
    const rnd = seededRandom(seed);
    const strata: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const h = i % nStrata;
      strata.push(`h${h}`);
      ids.push(`h${h}c${Math.floor(rnd() * clustersPerStratum)}`);
    }
    const weights = Float64Array.from({ length: n }, () => 1 + rnd() * 9);
    let design: SurveyDesign;
    try {
      design = buildDesign({
        n,
        strata,
        ids: [ids],
        weights,
        ...(withFpc ? { fpc: [Float64Array.from({ length: n }, () => 50)] } : {}),
        lonelyPsu: policy as "adjust",
      });
    } catch {
      return null; // a design the constructor refuses (one PSU; a lonely PSU under "fail")
    }
    const y = Float64Array.from({ length: n }, () => (rnd() < 0.1 ? Number.NaN : rnd() < 0.5 ? 1 : 0));
    const den = Float64Array.from({ length: n }, () => (rnd() < 0.1 ? Number.NaN : rnd() < 0.05 ? 0 : 100 + rnd() * 900));
    const codes = Int32Array.from({ length: n }, () => (rnd() < 0.1 ? -1 : Math.floor(rnd() * nLevels)));
    const universe = Uint8Array.from({ length: n }, () => (rnd() < 0.8 ? 1 : 0));
    return { design, y, den, codes, nLevels, universe };
  })
  .filter((c): c is Case => c !== null);

const cases = caseArb as fc.Arbitrary<Case>;

function levelMask(c: Case, level: number): Uint8Array {
  return Uint8Array.from(c.codes, (code, i) => (code === level && c.universe[i] === 1 ? 1 : 0));
}

const levels = (c: Case, codes: Int32Array = c.codes, count = c.nLevels, dfs?: ArrayLike<number>) => ({ codes, count, dfs });

const universeRows = (c: Case): Int32Array => Int32Array.from([...c.universe.keys()].filter((i) => c.universe[i] === 1));

function safely<T>(f: () => T): T | "refused" {
  try {
    return f();
  } catch {
    return "refused";
  }
}

/**
 * A category's estimate from its sparse cluster totals (src/estimate/category-variance.ts) against
 * the estimator of its 0/1 indicator: the same sums, so the same estimate, n and df; the variance
 * (so its se and deff) the same up to rounding, as the two add the same scores in another order.
 */
function expectSameUpToRounding(got: EstimateResult, want: EstimateResult): void {
  const exact = (r: EstimateResult) => (r.available ? { ...r, variance: 0, se: 0, deff: r.deff === null ? null : 0 } : r);
  expect(exact(got)).toEqual(exact(want));
  if (!got.available || !want.available) return;
  // Variances here are around 1e-3 (shares) to 1e3 (counts): rounding is far below 1e-15 of 1 + v.
  expect(Math.abs(got.variance - want.variance)).toBeLessThanOrEqual(1e-12 * (1e-3 + want.variance));
  expect(Math.abs(got.se ** 2 - want.se ** 2)).toBeLessThanOrEqual(1e-12 * (1e-3 + want.variance));
  if (got.deff !== null && want.deff !== null) expect(Math.abs(got.deff - want.deff)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want.deff)));
}

describe("estimates by level", () => {
  test("svyMeanByLevel = svyMean on each level's mask", () => {
    fc.assert(
      // Levels held at once: fewer than the levels means several passes over the rows.
      fc.property(cases, fc.integer({ min: 1, max: 4 }), (c, atOnce) => {
        const all = svyMeanByLevel(c.design, c.y, new RowIndex(universeRows(c)), levels(c), { columnsAtOnce: atOnce }).results;
        for (let level = 0; level < c.nLevels; level++) {
          expect(all[level]).toEqual(svyMean(c.design, c.y, levelMask(c, level)));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("svyRatioByLevel = svyRatio on each level's mask", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 4 }), (c, atOnce) => {
        const num = Float64Array.from(c.den, (d, i) => (Number.isNaN(c.y[i]!) ? Number.NaN : d * 0.1 * (c.y[i]! + 0.5)));
        const all = svyRatioByLevel(c.design, num, c.den, new RowIndex(universeRows(c)), levels(c), { columnsAtOnce: atOnce }).results;
        for (let level = 0; level < c.nLevels; level++) {
          expect(all[level]).toEqual(svyRatio(c.design, num, c.den, levelMask(c, level)));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("a RowIndex domain gives what the matching mask gives", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const rows = new RowIndex(universeRows(c));
        expect(svyProportion(c.design, c.y, rows)).toEqual(svyProportion(c.design, c.y, c.universe));
        expect(svyTotal(c.design, c.den, rows)).toEqual(svyTotal(c.design, c.den, c.universe));
        expect(svyRatio(c.design, c.y, c.den, rows)).toEqual(svyRatio(c.design, c.y, c.den, c.universe));
        expect(safely(() => svyQuantile(c.design, c.den, 0.5, rows))).toEqual(safely(() => svyQuantile(c.design, c.den, 0.5, c.universe)));
      }),
      { numRuns: 200 },
    );
  });

  test("svyDistribution = svyMean of each category's 0/1 indicator; its covariance = the engine's on their scores", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const k = c.nLevels;
        const indicators = Array.from({ length: k }, (_, j) =>
          Float64Array.from(c.codes, (code) => (code === -1 ? Number.NaN : code === j ? 1 : 0)),
        );
        const got = svyDistribution(c.design, c.codes, k, c.universe);
        got.categories.forEach((share, j) => expectSameUpToRounding(share, svyMean(c.design, indicators[j]!, c.universe)));
        expect(svyDistribution(c.design, c.codes, k, new RowIndex(universeRows(c)))).toEqual(got);
        // The shares' linearised scores z_ij = w_i (y_ij - p_j) / W on the rows with a category.
        const used = usedRows(c.design, c.universe, indicators[0]!);
        const W = sumWeights(c.design, used);
        if (!(W > 0)) return;
        const scores = indicators.map((y, j) => {
          const p = got.categories[j]!.available ? (got.categories[j] as { estimate: number }).estimate : 0;
          return Float64Array.from(y, (v, i) => (used[i] === 1 ? (c.design.weights[i]! * (v - p)) / W : 0));
        });
        const expected = designVariance(c.design, scores).cov;
        for (const [a, row] of got.cov.entries()) {
          for (const [b, v] of row.entries()) expect(Math.abs(v - expected[a]![b]!)).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(v)));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("svyDistributionShares = svyDistribution's shares, a few categories per pass or all at once", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 4 }), (c, atOnce) => {
        const k = c.nLevels;
        const full = svyDistribution(c.design, c.codes, k, c.universe);
        expect(svyDistributionShares(c.design, c.codes, k, c.universe, { columnsAtOnce: atOnce })).toEqual(full.categories);
        expect(svyDistributionShares(c.design, c.codes, k, new RowIndex(universeRows(c)))).toEqual(full.categories);
        // No row in the domain: every share unavailable, with the engine's warnings.
        const none = new Uint8Array(c.design.n);
        expect(svyDistributionShares(c.design, c.codes, k, none, { columnsAtOnce: atOnce })).toEqual(
          svyDistribution(c.design, c.codes, k, none).categories,
        );
      }),
      { numRuns: 200 },
    );
  });

  test("svyCategoryTotals = svyTotal of each category's 0/1 indicator (a count is a total), a few categories per pass", () => {
    fc.assert(
      fc.property(cases, fc.integer({ min: 1, max: 4 }), (c, atOnce) => {
        const k = c.nLevels;
        const counts = svyCategoryTotals(c.design, c.codes, k, c.universe, { columnsAtOnce: atOnce });
        expect(svyCategoryTotals(c.design, c.codes, k, new RowIndex(universeRows(c)))).toEqual(counts);
        for (let j = 0; j < k; j++) {
          // Rows without a category are missing: outside the domain, as R's na.rm = TRUE.
          const indicator = Float64Array.from(c.codes, (code) => (code < 0 ? Number.NaN : code === j ? 1 : 0));
          expectSameUpToRounding(counts[j]!, svyTotal(c.design, indicator, c.universe));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("svyQuantile's tie collapsing = a stable sort by value and a running sum (the former code)", () => {
    fc.assert(
      fc.property(cases, fc.double({ min: 0, max: 1, noNaN: true }), (c, p) => {
        // Few distinct values, so ties are common.
        const y = Float64Array.from(c.den, (d) => (Number.isNaN(d) ? d : Math.round(d / 200)));
        const got = svyQuantile(c.design, y, p, c.universe);
        const rows: number[] = [];
        for (let i = 0; i < y.length; i++) if (c.universe[i] === 1 && !Number.isNaN(y[i]!)) rows.push(i);
        if (rows.length === 0) return;
        rows.sort((a, b) => y[a]! - y[b]!);
        const vals: number[] = [];
        const wts: number[] = [];
        for (const i of rows) {
          if (vals.length > 0 && vals[vals.length - 1] === y[i]) wts[wts.length - 1]! += c.design.weights[i]!;
          else {
            vals.push(y[i]!);
            wts.push(c.design.weights[i]!);
          }
        }
        const total = wts.reduce((a, b) => a + b, 0);
        let acc = 0;
        const cum = wts.map((w) => (acc += w) / total);
        const q = vals[cum.findIndex((s) => s >= p - 1e-12)] ?? vals[vals.length - 1];
        expect(got.available && got.estimate).toBe(got.available ? q : false);
      }),
      { numRuns: 200 },
    );
  });

  test("more levels than bits in a word (the other marking path) give the same df", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const nLevels = 40;
        const codes = Int32Array.from(c.codes, (code, i) => (code === -1 ? -1 : (code * 7 + i) % nLevels));
        const all = svyMeanByLevel(c.design, c.y, new RowIndex(universeRows(c)), levels(c, codes, nLevels)).results;
        for (let level = 0; level < nLevels; level++) {
          const mask = Uint8Array.from(codes, (code, i) => (code === level && c.universe[i] === 1 ? 1 : 0));
          expect(all[level]).toEqual(svyMean(c.design, c.y, mask));
        }
      }),
      { numRuns: 50 },
    );
  });

  test("levelDfs = the df of each level's rows, however many levels, and again from its cache", () => {
    fc.assert(
      fc.property(cases, fc.constantFrom(0, 40), (c, wide) => {
        const nLevels = wide || c.nLevels;
        const codes = wide ? Int32Array.from(c.codes, (code, i) => (code === -1 ? -1 : (code * 7 + i) % nLevels)) : c.codes;
        const rows = universeRows(c);
        const expected = Array.from({ length: nLevels }, (_, level) =>
          domainDf(
            c.design,
            Uint8Array.from(codes, (code, i) => (code === level && c.universe[i] === 1 ? 1 : 0)),
          ),
        );
        const ctx = new EstimationContext(c.design);
        expect([...levelDfs(ctx, rows, codes, nLevels)]).toEqual(expected);
        expect([...levelDfs(ctx, rows, codes, nLevels)]).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });

  test("the level df a context keeps belong to its design", () => {
    const design = (strata: string[]): SurveyDesign => buildDesign({ n: 4, strata, ids: [["a", "b", "c", "d"]], weights: [1, 1, 1, 1] });
    const rows = Int32Array.from([0, 1, 2, 3]);
    const codes = Int32Array.from([0, 0, 0, 0]);
    expect([...levelDfs(new EstimationContext(design(["x", "x", "x", "x"])), rows, codes, 1)]).toEqual([3]);
    expect([...levelDfs(new EstimationContext(design(["x", "x", "y", "y"])), rows, codes, 1)]).toEqual([2]);
  });

  test("a RowIndex's df is the one reported; without one, that of the rows used", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const index = universeRows(c);
        const counted = svyMean(c.design, c.y, new RowIndex(index));
        const given = svyMean(c.design, c.y, new RowIndex(index, 1234));
        if (!counted.available) return;
        expect(counted.df).toBe(
          domainDf(
            c.design,
            Uint8Array.from(c.y, (y, i) => (c.universe[i] === 1 && !Number.isNaN(y) ? 1 : 0)),
          ),
        );
        expect(given).toEqual({ ...counted, df: 1234 });
        const byLevel = svyMeanByLevel(
          c.design,
          c.y,
          new RowIndex(index),
          levels(
            c,
            c.codes,
            c.nLevels,
            Int32Array.from({ length: c.nLevels }, (_, k) => 100 + k),
          ),
        ).results;
        for (const [k, r] of byLevel.entries()) if (r.available) expect(r.df).toBe(100 + k);
      }),
      { numRuns: 100 },
    );
  });

  test("the deff's SRS variance, from the estimators' own sums, is srsMeanVariance's, bit for bit", () => {
    fc.assert(
      fc.property(cases, (c) => {
        // As the estimators: a total's SRS variance is the mean's times N * N (in that order).
        const deffFrom = (v: number, vsrs: number | null, N?: number): number | null =>
          vsrs === null ? null : N === undefined ? v / vsrs : v / (vsrs * N * N);
        const mean = svyMean(c.design, c.y, c.universe);
        const used = usedRows(c.design, c.universe, c.y);
        if (mean.available) expect(mean.deff).toBe(deffFrom(mean.variance, srsMeanVariance(c.design, c.y, used)));
        const total = svyTotal(c.design, c.den, c.universe);
        const usedDen = usedRows(c.design, c.universe, c.den);
        const N = sumWeights(c.design, usedDen);
        if (total.available) expect(total.deff).toBe(deffFrom(total.variance, srsMeanVariance(c.design, c.den, usedDen), N));
        const ratio = svyRatio(c.design, c.y, c.den, c.universe);
        if (ratio.available) {
          const both = usedRows(c.design, c.universe, c.y, c.den);
          const W = sumWeights(c.design, both);
          let td = 0;
          for (const [i, m] of both.entries()) if (m) td += c.design.weights[i]! * c.den[i]!;
          const u = Float64Array.from(c.y, (y, i) => (y - ratio.estimate * c.den[i]!) / td);
          expect(ratio.deff).toBe(deffFrom(ratio.variance, srsMeanVariance(c.design, u, both), W));
        }
      }),
      { numRuns: 200 },
    );
  });

  test("one context serves estimates in turn: each is what a fresh context gives", () => {
    fc.assert(
      fc.property(cases, (c) => {
        const ctx = new EstimationContext(c.design);
        const rows = new RowIndex(universeRows(c));
        const num = Float64Array.from(c.den, (d, i) => (Number.isNaN(c.y[i]!) ? Number.NaN : d * 0.1 * (c.y[i]! + 0.5)));
        const run = (e: EstimationContext | SurveyDesign) => [
          svyMean(e, c.y, rows),
          svyRatio(e, num, c.den, rows),
          svyMeanByLevel(e, c.y, rows, levels(c)).results,
          svyTotal(e, c.den, c.universe),
          svyDistributionShares(e, c.codes, c.nLevels, rows),
          safely(() => svyQuantile(e, c.den, 0.5, rows)),
          svyMean(e, c.y, rows),
        ];
        expect(run(ctx)).toEqual(run(c.design));
        expect(run(ctx)).toEqual(run(c.design)); // and again, on the same context
      }),
      { numRuns: 100 },
    );
  });
});

describe("no state outside the context", () => {
  test("an estimator called twice on changed data gives the right answer both times", () => {
    const design = buildDesign({ n: 4 });
    const ctx = new EstimationContext(design);
    const y = Float64Array.from([1, 0, 1, 0]);
    expect(svyProportion(ctx, y)).toMatchObject({ estimate: 0.5, n: 4 });
    y[1] = 1;
    expect(svyProportion(ctx, y)).toMatchObject({ estimate: 0.75, n: 4 });
    y[1] = 5; // no longer a 0/1 indicator: refused, not estimated from a stale check
    expect(() => svyProportion(ctx, y)).toThrow(RangeError);
    expect(() => svyProportion(design, y)).toThrow(RangeError);
  });
});
