// Replicate-weight designs in the estimation module, against R survey 4.1-1
// (test/reference/r-survey/replicates.R, replicates-output.txt) on the replicate weights R wrote
// beside it: each type's mean, proportion with svyciprop's logit interval, total, ratio, median
// (Woodruff interval from the replicates), shares, domain means and svyglm, and mse = TRUE;
// then the laws of the replicate variance itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildDesign,
  EstimationContext,
  mustEstimate,
  postStratify,
  proportionInterval,
  rake,
  replicateDesign,
  reweightedReplicates,
  RowIndex,
  svyDistribution,
  svyGlm,
  svyMean,
  svyMeanByLevel,
  svyProportion,
  svyQuantile,
  svyRatio,
  svyTotal,
  type SurveyDesign,
  type WeightingMargin,
} from "../../src/estimate/index.js";
import { replicateRank } from "../../src/estimate/replicate.js";
import { jknRscales, matchR, rLine } from "./replicate-reference.js";
import { loadCsv, type Table } from "./reference.js";

type Input = Parameters<typeof replicateDesign>[1];

function design(file: string, weights: string, spec: Omit<Input, "columns">): { t: Table; d: SurveyDesign } {
  const t = loadCsv(file);
  const header = Object.keys(loadCsvHeader(t));
  const columns = header.filter((h) => /^rep[0-9]+$/.test(h)).map((h) => t.num(h));
  const base = buildDesign({ n: t.nrow, weights: t.num(weights) });
  return { t, d: replicateDesign(base, { ...spec, columns }) };
}

/** The replicate columns a fixture has (rep01, rep02, ... until one is missing). */
function loadCsvHeader(t: Table): Record<string, true> {
  const out: Record<string, true> = {};
  for (let k = 1; ; k++) {
    const name = `rep${String(k).padStart(2, "0")}`;
    try {
      t.num(name);
    } catch {
      return out;
    }
    out[name] = true;
  }
}

const codes = (values: (string | null)[], levels: string[]): Int8Array => Int8Array.from(values, (v) => levels.indexOf(v ?? ""));
const indicator = (values: (string | null)[], yes: string): Float64Array => Float64Array.from(values, (v) => (v === yes ? 1 : 0));

const apiDesigns: [string, () => { t: Table; d: SurveyDesign }][] = [
  ["jk1", () => design("replicates-jk1.csv", "pw", { type: "JK1", combinedWeights: true, mse: false })],
  ["jkn", () => design("replicates-jkn.csv", "pw", { type: "JKn", combinedWeights: false, rscales: jknRscales(), mse: false })],
  ["boot", () => design("replicates-boot.csv", "pw", { type: "bootstrap", combinedWeights: false, mse: false })],
  ["sdr", () => design("replicates-sdr.csv", "pw", { type: "SDR", combinedWeights: true, mse: false })],
];

describe.each(apiDesigns)("%s in the module, as R", (name, make) => {
  const { t, d } = make();
  const ctx = new EstimationContext(d);
  const stat = (key: string, got: { estimate: number; se: number | null }): void => {
    const r = rLine(`${name} ${key}`);
    matchR(got.estimate, r.est, `${key} estimate`);
    matchR(got.se, r.se, `${key} se`, r.est);
  };

  it("df, mean, total, ratio and domain means", () => {
    expect(d.df).toBe(rLine(name).degf!.value);
    stat("mean api00", mustEstimate(svyMean(ctx, t.num("api00"))));
    stat("total enroll", mustEstimate(svyTotal(ctx, t.num("enroll"))));
    stat("ratio api00/api99", mustEstimate(svyRatio(ctx, t.num("api00"), t.num("api99"))));
    const levels = ["E", "H", "M"];
    const by = svyMeanByLevel(ctx, t.num("api00"), new RowIndex(ctx.everyRow()), { codes: codes(t.str("stype"), levels), count: 3 });
    for (const [k, level] of levels.entries()) stat(`mean api00 stype=${level}`, mustEstimate(by.results[k]!));
  });

  it("a proportion with svyciprop's logit interval, whole and in a domain (its degf)", () => {
    const yes = indicator(t.str("awards"), "Yes");
    const whole = mustEstimate(svyProportion(ctx, yes));
    const r = rLine(`${name} proportion awards=Yes`);
    stat("proportion awards=Yes", whole);
    const ci = proportionInterval(whole, "logit");
    matchR(ci.lower, r.lower, "lower");
    matchR(ci.upper, r.upper, "upper");
    const rows = Int32Array.from(
      t.str("stype").flatMap((s, i) => (s === "E" ? [i] : [])),
      (i) => i,
    );
    const e = mustEstimate(svyProportion(ctx, yes, new RowIndex(rows)));
    const re = rLine(`${name} proportion awards=Yes stype=E`);
    expect(e.df).toBe(re.df!.value);
    stat("proportion awards=Yes stype=E", e);
    const eci = proportionInterval(e, "logit");
    matchR(eci.lower, re.lower, "domain lower");
    matchR(eci.upper, re.upper, "domain upper");
  });

  it("the median and its Woodruff interval, the shares, and svyglm refitted per replicate", () => {
    const q = svyQuantile(ctx, t.num("api00"), 0.5);
    if (!q.available) throw new Error(q.message);
    const r = rLine(`${name} quantile api00 median`);
    matchR(q.estimate, r.est, "median");
    matchR(q.lower, r.lower, "median lower");
    matchR(q.upper, r.upper, "median upper");
    matchR(q.se, r.se, "median se");
    const dist = svyDistribution(ctx, codes(t.str("stype"), ["E", "H", "M"]), 3);
    for (const [k, level] of ["E", "H", "M"].entries()) stat(`share stype stype=${level}`, mustEstimate(dist.categories[k]!));
    const stype = t.str("stype");
    const fit = svyGlm(ctx, {
      family: "binomial",
      y: indicator(t.str("sch.wide"), "Yes"),
      x: [new Float64Array(t.nrow).fill(1), t.num("api99"), indicator(stype, "H"), indicator(stype, "M")],
      rows: ctx.everyRow(),
      universeRows: ctx.everyRow(),
    });
    if (!fit.available) throw new Error(fit.message);
    for (const [j, term] of ["(Intercept)", "api99", "stypeH", "stypeM"].entries()) {
      const rr = rLine(`${name} glm ${term}`);
      matchR(fit.coefficients[j]!.estimate, rr.est, `${term} estimate`);
      matchR(fit.coefficients[j]!.se, rr.se, `${term} se`);
      expect(fit.df).toBe(rr.df!.value);
    }
  });
});

describe("Fay's BRR and BRR on nhanes's half-samples in the module (missing values), as R", () => {
  const fay = design("replicates-fay.csv", "WTMEC2YR", { type: "Fay", rho: 0.3, combinedWeights: false, mse: false });
  // BRR's factors are 2 and 0 where Fay's are 1.7 and 0.3: (f − ρ)/(1 − ρ).
  const t = fay.t;
  const columns = Object.keys(loadCsvHeader(t)).map((h) => Float64Array.from(t.num(h), (f) => (f - 0.3) / 0.7));
  const brr = replicateDesign(buildDesign({ n: t.nrow, weights: t.num("WTMEC2YR") }), {
    type: "BRR",
    columns,
    combinedWeights: false,
    mse: false,
  });
  it.each([
    ["fay", fay.d],
    ["brr", brr],
  ])("%s: df, the mean and total of HI_CHOL", (name, d) => {
    expect(d.df).toBe(rLine(name).degf!.value);
    matchR(d.replicates!.scale, rLine(name).scale, "scale");
    for (const [key, got] of [
      ["mean HI_CHOL", svyMean(d, t.num("HI_CHOL"))],
      ["total HI_CHOL", svyTotal(d, t.num("HI_CHOL"))],
    ] as const) {
      const r = rLine(`${name} ${key}`);
      matchR(mustEstimate(got).estimate, r.est, `${name} ${key} estimate`);
      matchR(mustEstimate(got).se, r.se, `${name} ${key} se`);
    }
  });
});

describe("a weighted replicate design in the module: each replicate re-weighted, as R's postStratify and rake on a svyrep.design", () => {
  const { t, d } = design("replicates-jk1.csv", "pw", { type: "JK1", combinedWeights: true, mse: false });
  const margin = (field: string, levels: string[], targets: number[]): WeightingMargin => ({ codes: codes(t.str(field), levels), targets });
  const stype = margin("stype", ["E", "H", "M"], [4421, 755, 1018]);
  const schWide = margin("sch.wide", ["No", "Yes"], [1072, 5122]);
  const full = rake(d.weights, [stype, schWide], { maxIterations: 10, tolerance: 1 });
  const weighted: [string, SurveyDesign][] = [
    ["jk1_ps", reweightedReplicates(d, postStratify(d.weights, stype).weights, (w) => postStratify(w, stype).weights)],
    // A replicate is raked in the full sample's sweeps (R rakes the replicates along with it).
    [
      "jk1_rake",
      reweightedReplicates(d, full.weights, (w) => rake(w, [stype, schWide], { maxIterations: full.iterations, tolerance: 0 }).weights),
    ],
  ];
  it.each(weighted)("%s: df, mean, total, ratio, shares and a domain's proportion", (name, wd) => {
    const ctx = new EstimationContext(wd);
    const stat = (key: string, got: { estimate: number; se: number | null }): void => {
      const r = rLine(`${name} ${key}`);
      matchR(got.estimate, r.est, `${key} estimate`);
      matchR(got.se, r.se, `${key} se`, r.est);
    };
    expect(wd.df).toBe(rLine(name).degf!.value);
    stat("mean api00", mustEstimate(svyMean(ctx, t.num("api00"))));
    stat("total enroll", mustEstimate(svyTotal(ctx, t.num("enroll"))));
    stat("ratio api00/api99", mustEstimate(svyRatio(ctx, t.num("api00"), t.num("api99"))));
    const dist = svyDistribution(ctx, stype.codes as Int8Array, 3);
    for (const [k, level] of ["E", "H", "M"].entries()) stat(`share stype stype=${level}`, mustEstimate(dist.categories[k]!));
    const rows = Int32Array.from(t.str("stype").flatMap((s, i) => (s === "E" ? [i] : [])));
    const e = mustEstimate(svyProportion(ctx, indicator(t.str("awards"), "Yes"), new RowIndex(rows)));
    stat("proportion awards=Yes stype=E", e);
    const ci = proportionInterval(e, "logit");
    matchR(ci.lower, rLine(`${name} proportion awards=Yes stype=E`).lower, "domain lower");
    matchR(ci.upper, rLine(`${name} proportion awards=Yes stype=E`).upper, "domain upper");
  });
});

describe("replicate variance: options and laws", () => {
  it("mse = TRUE centres the replicates at the full-sample estimate (R's svrVar)", () => {
    for (const [name, file, spec] of [
      ["jk1", "replicates-jk1.csv", { type: "JK1", combinedWeights: true }],
      ["boot", "replicates-boot.csv", { type: "bootstrap", combinedWeights: false }],
    ] as const) {
      const { t, d } = design(file, "pw", { ...spec, mse: true });
      for (const [key, got] of [
        ["mean api00", svyMean(d, t.num("api00"))],
        ["ratio api00/api99", svyRatio(d, t.num("api00"), t.num("api99"))],
      ] as const) {
        const r = rLine(`${name}_mse ${key}`);
        matchR(mustEstimate(got).se, r.se, `${name} mse ${key}`);
      }
    }
  });

  it("type other with JK1's scale gives JK1's variance; rscales scale it replicate by replicate", () => {
    const { t, d } = design("replicates-jk1.csv", "pw", { type: "JK1", combinedWeights: true, mse: false });
    const other = design("replicates-jk1.csv", "pw", { type: "other", scale: 14 / 15, combinedWeights: true, mse: false }).d;
    const doubled = design("replicates-jk1.csv", "pw", {
      type: "other",
      scale: 14 / 15,
      rscales: [2],
      combinedWeights: true,
      mse: false,
    }).d;
    const v = mustEstimate(svyMean(d, t.num("api00"))).variance;
    expect(mustEstimate(svyMean(other, t.num("api00"))).variance).toBe(v);
    expect(mustEstimate(svyMean(doubled, t.num("api00"))).variance).toBeCloseTo(2 * v, 6);
  });

  it("replicates equal to the full-sample weights give zero variance; a replicate without the domain is left out", () => {
    const w = Float64Array.from({ length: 6 }, (_, i) => 1 + i);
    const base = buildDesign({ n: 6, weights: w });
    const same = replicateDesign(base, { type: "bootstrap", columns: [w, w, w], combinedWeights: true, mse: false });
    const y = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(mustEstimate(svyMean(same, y)).variance).toBe(0);
    // Replicate 3 drops rows 0 and 1: the domain {0, 1} has no estimate there.
    const r3 = Float64Array.from([0, 0, 3, 4, 5, 6]);
    const r2 = Float64Array.from([2, 1, 3, 4, 5, 6]);
    const d = replicateDesign(base, { type: "bootstrap", columns: [w, r2, r3], combinedWeights: true, mse: false });
    const dom = mustEstimate(svyMean(d, y, new RowIndex(Int32Array.from([0, 1]))));
    // Two usable replicates, scale 1/(3 - 1): means 5/3 and 4/3, centred at 3/2.
    expect(dom.variance).toBeCloseTo(0.5 * ((5 / 3 - 1.5) ** 2 + (4 / 3 - 1.5) ** 2), 12);
    expect(dom.warnings.join(" ")).toMatch(/1 replicate\(s\) gave no estimate/);
  });

  it("the rank of the replicate weights is R's qr rank: repeated and proportional columns add nothing", () => {
    const a = Float64Array.from([1, 2, 3, 4]);
    const b = Float64Array.from([0, 1, 0, 1]);
    const c = Float64Array.from([2, 4, 6, 8]);
    expect(replicateRank([a, b, c, a], null)).toBe(2);
    expect(replicateRank([a, b, Float64Array.from([1, 3, 3, 5])], null)).toBe(2);
    expect(replicateRank([a, b], Int32Array.from([0, 2]))).toBe(1); // b is 0 on those rows
    expect(replicateRank([a, b, Float64Array.from([0, 0, 1, 0])], null)).toBe(3);
  });

  it("laws (fast-check): a rescaled design leaves a mean's variance and scales a total's by c², and a variance is the covariance's diagonal", () => {
    const row = fc.tuple(
      fc.double({ min: -100, max: 100, noNaN: true }),
      fc.double({ min: 0.5, max: 5, noNaN: true }),
      // A replicate's factor: 0 (a unit left out) or a factor of order 1. A subnormal factor (1e-323)
      // would underflow to 0 once the weights are rescaled, changing which replicates have an estimate.
      fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 3, noNaN: true })), { minLength: 4, maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(row, { minLength: 3, maxLength: 30 }), fc.double({ min: 0.01, max: 100, noNaN: true }), (rows, c) => {
        const y = Float64Array.from(rows, (r) => r[0]);
        const make = (k: number): SurveyDesign => {
          const w = Float64Array.from(rows, (r) => k * r[1]);
          const columns = [0, 1, 2, 3].map((j) => Float64Array.from(rows, (r, i) => w[i]! * r[2][j]!));
          return replicateDesign(buildDesign({ n: rows.length, weights: w }), {
            type: "bootstrap",
            columns,
            combinedWeights: true,
            mse: false,
          });
        };
        const [one, scaled] = [make(1), make(c)];
        const m1 = svyMean(one, y);
        const m2 = svyMean(scaled, y);
        if (!m1.available || !m2.available) return;
        expect(m2.variance).toBeCloseTo(m1.variance, 6);
        const t1 = mustEstimate(svyTotal(one, y)).variance;
        const t2 = mustEstimate(svyTotal(scaled, y)).variance;
        expect(Math.abs(t2 - c * c * t1)).toBeLessThanOrEqual(1e-9 * Math.max(1, c * c * t1));
        const codes = Int8Array.from(rows, (r) => (r[0] > 0 ? 1 : 0));
        const dist = svyDistribution(one, codes, 2);
        dist.categories.forEach((cat, k) => {
          if (cat.available) expect(cat.variance).toBe(Math.max(dist.cov[k]![k]!, 0));
        });
      }),
    );
  });
});
