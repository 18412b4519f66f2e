// Post-stratification, raking, calibration (linear, truncated linear, logit) and trimming against
// R survey 4.1-1 (test/reference/r-survey/weighting.R printed weighting-output.txt) on the two
// shared designs: the weights, and means, proportions, totals and a domain with their se, at
// module level and through the CLI on studies/weighting-*.yaml.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDesign, EstimationContext, mustEstimate, RowIndex, svyMean, svyMeanByLevel, svyTotal } from "../../src/estimate/index.js";
import { calibrate, postStratify, rake, weightedDesign, type WeightingMargin } from "../../src/estimate/weighting.js";
import { trimWeights } from "../../src/estimate/weighting-trim.js";
import type { SurveyDesign } from "../../src/estimate/design.js";
import { cli, expectOneSentence, repoRoot, tempDir } from "../cli/run.js";
import { indicator } from "./designs.js";
import { loadCsv, printed, REFERENCE_DIR, tolerance, type Printed, type Table } from "./reference.js";

/** `design statistic variable [field=level] est=... se=...` → fields by "design statistic variable [level]". */
function loadR(): Map<string, Record<string, Printed>> {
  const out = new Map<string, Record<string, Printed>>();
  for (const line of readFileSync(path.join(REFERENCE_DIR, "weighting-output.txt"), "utf8").split("\n")) {
    const words = line.trim().split(" ");
    if (!words.some((w) => /^(est|min|nlower)=/.test(w))) continue;
    const key = words.filter((w) => !/^(est|se|min|max|sum|cv|neff|nlower|nupper)=/.test(w)).join(" ");
    const fields: Record<string, Printed> = {};
    for (const w of words.filter((x) => /^(est|se|min|max|sum|cv|neff|nlower|nupper)=/.test(x))) {
      const [k, v] = w.split("=") as [string, string];
      fields[k] = printed(v, 10);
    }
    out.set(key, fields);
  }
  return out;
}
const R = loadR();
function r(key: string): Record<string, Printed> {
  const f = R.get(key);
  if (!f) throw new Error(`weighting-output.txt has no "${key}" line`);
  return f;
}
/**
 * A se both R and the tool make zero up to rounding (a calibrated total of a calibration
 * variable: R prints 1.8e-10 on 3.8 million): below 1e-12 of the estimate on both sides.
 */
function closeSe(actual: number | null | undefined, expected: Printed | undefined, estimate: Printed | undefined, what: string): void {
  if (expected && estimate && expected.value < 1e-12 * Math.abs(estimate.value)) {
    expect(actual, what).toBeTypeOf("number");
    expect(actual as number, `${what}: zero up to rounding, as R`).toBeLessThan(1e-12 * Math.abs(estimate.value));
  } else close(actual, expected, what);
}

function close(actual: number | null | undefined, expected: Printed | undefined, what: string): void {
  expect(expected, `${what}: R printed no value`).toBeDefined();
  expect(actual, what).toBeTypeOf("number");
  const e = expected as Printed;
  expect(Math.abs((actual as number) - e.value), `${what}: ${actual} vs R ${e.value}`).toBeLessThanOrEqual(tolerance(e));
}

/** A margin from text columns and population counts by category (crossed columns joined by "|"). */
function margin(t: Table, cols: string[], counts: Record<string, number>): WeightingMargin {
  const levels = Object.keys(counts);
  const codes = Int32Array.from({ length: t.nrow }, (_, i) => levels.indexOf(cols.map((c) => t.str(c)[i]).join("|")));
  expect(codes.every((c) => c >= 0)).toBe(true);
  return { codes, targets: levels.map((l) => counts[l]!) };
}

const strat = loadCsv("apistrat.csv");
const nh = loadCsv("nhanes.csv");
const ids = (t: Table, col: string) => t.str(col).map((v) => v ?? "");
const dstrat = buildDesign({
  n: strat.nrow,
  ids: [ids(strat, "dnum")],
  strata: ids(strat, "stype"),
  weights: strat.num("pw"),
  fpc: [strat.num("fpc")],
  nest: true,
});
const dnh = buildDesign({ n: nh.nrow, ids: [ids(nh, "SDMVPSU")], strata: ids(nh, "SDMVSTRA"), weights: nh.num("WTMEC2YR"), nest: true });
const stypePop = { E: 4421, H: 755, M: 1018 };
const schWidePop = { No: 1072, Yes: 5122 };
const crossPop = { "E|No": 472, "H|No": 334, "M|No": 266, "E|Yes": 3949, "H|Yes": 421, "M|Yes": 752 };

const calOpts = { lower: -Infinity, upper: Infinity, maxIterations: 50, tolerance: 1e-7 };
const calLinear = weightedDesign(
  dstrat,
  calibrate(dstrat.weights, [margin(strat, ["stype"], stypePop)], [{ values: strat.num("enroll"), total: 3811472 }], {
    ...calOpts,
    calfun: "linear",
  }),
);
const psCross = weightedDesign(dstrat, postStratify(dstrat.weights, margin(strat, ["stype", "sch.wide"], crossPop)));
const raceMargin = margin(nh, ["race"], { "1": 60e6, "2": 150e6, "3": 40e6, "4": 26e6 });
const sexMargin = margin(nh, ["RIAGENDR"], { "1": 135e6, "2": 141e6 });
const rakeNhanes = weightedDesign(dnh, rake(dnh.weights, [raceMargin, sexMargin], { maxIterations: 10, tolerance: 1 }));
/** R trimWeights(design, lower, upper, strict): the weights trimmed, the weighting's residuals kept. */
function trimmed(design: SurveyDesign, lower: number, upper: number, strict: boolean): SurveyDesign {
  const t = trimWeights(design.weights, { lower, upper, strict, maxPasses: 1000 });
  expect(t.failure).toBeNull();
  return { ...design, weights: t.weights };
}

const weighted = {
  ps_stype: weightedDesign(dstrat, postStratify(dstrat.weights, margin(strat, ["stype"], stypePop))),
  ps_cross: psCross,
  rake_api: weightedDesign(
    dstrat,
    rake(dstrat.weights, [margin(strat, ["stype"], stypePop), margin(strat, ["sch.wide"], schWidePop)], {
      maxIterations: 10,
      tolerance: 1,
    }),
  ),
  cal_linear: calLinear,
  cal_logit: weightedDesign(
    dstrat,
    calibrate(dstrat.weights, [margin(strat, ["stype"], stypePop)], [{ values: strat.num("enroll"), total: 3811472 }], {
      ...calOpts,
      calfun: "logit",
      lower: 0.7,
      upper: 1.7,
    }),
  ),
  cal_truncated: weightedDesign(
    dstrat,
    calibrate(dstrat.weights, [margin(strat, ["stype"], stypePop)], [{ values: strat.num("enroll"), total: 3811472 }], {
      ...calOpts,
      calfun: "linear",
      lower: 0.8,
      upper: 1.3,
    }),
  ),
  cal_raking: weightedDesign(
    dstrat,
    calibrate(dstrat.weights, [margin(strat, ["stype"], stypePop)], [{ values: strat.num("enroll"), total: 3811472 }], {
      ...calOpts,
      calfun: "raking",
    }),
  ),
  trim_alone: trimmed(dstrat, 20, 40, false),
  trim_cal: trimmed(calLinear, 15, 45, false),
  trim_cal_strict: trimmed(calLinear, 25, 35, true),
  trim_ps: trimmed(psCross, 16, 45, false),
  trim_rake_nhanes: trimmed(rakeNhanes, 10000, 120000, true),
  rake_nhanes: rakeNhanes,
  ps_nhanes: weightedDesign(dnh, postStratify(dnh.weights, raceMargin)),
  cal_logit_nhanes: weightedDesign(
    dnh,
    calibrate(dnh.weights, [raceMargin, sexMargin], [], { ...calOpts, calfun: "logit", lower: 0.8, upper: 1.5 }),
  ),
};

describe("weighting against R survey (module)", () => {
  for (const [name, design] of Object.entries(weighted)) {
    it(`${name}: weights, estimates and se as R`, () => {
      const w = design.weights;
      close(Math.min(...w), r(`${name} weights`).min, `${name} min weight`);
      close(Math.max(...w), r(`${name} weights`).max, `${name} max weight`);
      const ctx = new EstimationContext(design);
      const check = (key: string, est: { estimate: number; se: number }) => {
        close(est.estimate, r(key).est, `${key} estimate`);
        closeSe(est.se, r(key).se, r(key).est, `${key} se`);
      };
      if (name.endsWith("nhanes")) {
        const y = nh.num("HI_CHOL");
        check(`${name} mean HI_CHOL`, mustEstimate(svyMean(ctx, y)));
        check(`${name} total HI_CHOL`, mustEstimate(svyTotal(ctx, y)));
        const levels = ["(0,19]", "(19,39]", "(39,59]", "(59,Inf]"];
        const codes = Int8Array.from(nh.str("agecat"), (v) => levels.indexOf(v ?? ""));
        const by = svyMeanByLevel(ctx, y, new RowIndex(Int32Array.from({ length: design.n }, (_, i) => i)), {
          codes,
          count: levels.length,
        });
        levels.forEach((l, k) => check(`${name} mean HI_CHOL agecat=${l}`, mustEstimate(by.results[k]!)));
        // The margins' own totals: se 0 after raking, not after trimming (the residuals are kept, the weights moved).
        for (const [field, count] of [
          ["race", 4],
          ["RIAGENDR", 2],
        ] as const) {
          for (let l = 1; l <= count; l++) {
            const y = Float64Array.from(nh.num(field), (v) => (v === l ? 1 : 0));
            check(`${name} margin ${field} ${field}=${l}`, mustEstimate(svyTotal(ctx, y)));
          }
        }
      } else {
        check(`${name} mean api00`, mustEstimate(svyMean(ctx, strat.num("api00"))));
        check(`${name} proportion awards=Yes`, mustEstimate(svyMean(ctx, indicator(strat, "awards", "Yes"))));
        check(`${name} total enroll`, mustEstimate(svyTotal(ctx, strat.num("enroll"))));
      }
    });
  }
});

interface Shown {
  id: string;
  dataset: string;
  estimate: number | null;
  se: number | null;
  domains?: Record<string, { level: string; estimate: number | null; se: number | null }[]>;
}
type Stats = { min: number; max: number; sum: number; cv: number; n_eff: number };
interface Weighting {
  method: string | null;
  iterations: number;
  tolerance: number | null;
  max_iterations: number | null;
  trim?: { strict: boolean; passes: number; trimmed_lower: number; trimmed_upper: number; before: Stats };
  totals: { field: string; target: number; reached: number }[];
  before: Stats;
  after: Stats;
  margins: { fields: string[]; categories: { category: string; target: number; reached: number }[] }[];
}
interface Result {
  datasets: { name: string; design: { weighting?: Weighting } | null }[];
  indicators: Shown[];
}

/** The JSON result, and the Markdown report written beside it. */
async function run(study: string): Promise<Result & { markdown: string }> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", study), "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  const markdown = readFileSync(path.join(out, study.replace(/\.yaml$/, ".md")), "utf8");
  return { ...(JSON.parse(stdout) as Result), markdown };
}

describe("weighting through the CLI, as R survey", async () => {
  const results = await Promise.all([run("weighting-apistrat.yaml"), run("weighting-trim.yaml"), run("weighting-nhanes.yaml")]);
  const indicators = new Map(results.flatMap((r) => r.indicators.map((i) => [i.id, i] as const)));
  const datasets = results.flatMap((r) => r.datasets);
  const check = (id: string, key: string, shown: { estimate: number | null; se: number | null } | undefined) => {
    close(shown?.estimate, r(key).est, `${id} estimate`);
    closeSe(shown?.se, r(key).se, r(key).est, `${id} se`);
  };

  const api = [
    "ps_stype",
    "ps_cross",
    "rake_api",
    "cal_linear",
    "cal_logit",
    "cal_truncated",
    "trim_alone",
    "trim_cal",
    "trim_cal_strict",
    "trim_ps",
    "cal_raking",
  ];
  for (const name of api) {
    it(`${name}: mean, proportion, total and a domain`, () => {
      check(`${name}_api00`, `${name} mean api00`, indicators.get(`${name}_api00`));
      check(`${name}_awards`, `${name} proportion awards=Yes`, indicators.get(`${name}_awards`));
      check(`${name}_enroll`, `${name} total enroll`, indicators.get(`${name}_enroll`));
      for (const level of ["No", "Yes"]) {
        const shown = indicators.get(`${name}_api00`)?.domains?.awards?.find((l) => l.level === level);
        check(`${name}_api00 awards=${level}`, `${name} mean api00 awards=${level}`, shown);
      }
    });
  }

  for (const name of ["rake_nhanes", "trim_rake_nhanes", "ps_nhanes", "cal_logit_nhanes"]) {
    it(`${name}: a proportion with missing values, its total and a domain`, () => {
      check(`${name}_hi_chol`, `${name} mean HI_CHOL`, indicators.get(`${name}_hi_chol`));
      check(`${name}_hi_chol_total`, `${name} total HI_CHOL`, indicators.get(`${name}_hi_chol_total`));
      for (const level of ["(0,19]", "(19,39]", "(39,59]", "(59,Inf]"]) {
        const shown = indicators.get(`${name}_hi_chol`)?.domains?.agecat?.find((l) => l.level === level);
        check(`${name}_hi_chol agecat=${level}`, `${name} mean HI_CHOL agecat=${level}`, shown);
      }
    });
  }

  it("reports the weights after weighting as R's, and each margin reached", () => {
    for (const name of [
      "ps_stype",
      "ps_cross",
      "rake_api",
      "cal_linear",
      "cal_logit",
      "cal_truncated",
      "cal_raking",
      "rake_nhanes",
      "ps_nhanes",
      "cal_logit_nhanes",
    ]) {
      const w = datasets.find((d) => d.name === name)?.design?.weighting;
      const ref = r(`${name} weights`);
      close(w?.after.min, ref.min, `${name} min`);
      close(w?.after.max, ref.max, `${name} max`);
      close(w?.after.sum, ref.sum, `${name} sum`);
      close(w?.after.cv, ref.cv, `${name} cv`);
      close(w?.after.n_eff, ref.neff, `${name} n_eff`);
      expect(w?.before.n_eff).not.toBe(w?.after.n_eff);
      for (const x of w?.totals ?? []) expect(Math.abs(x.reached - x.target), `${name} ${x.field}`).toBeLessThan(1e-6 * x.target);
      expect(w?.totals.length).toBe(name.startsWith("cal") && !name.endsWith("nhanes") ? 1 : 0);
      for (const m of w?.margins ?? [])
        for (const c of m.categories)
          expect(Math.abs(c.reached - c.target), `${name} ${c.category}`).toBeLessThan(1e-6 * c.target + (name.startsWith("ps") ? 0 : 1));
    }
  });

  it("reports the raking and calibration control: iterations, tolerance and most iterations (R's maxit, epsilon)", () => {
    const control = (name: string) => {
      const w = datasets.find((d) => d.name === name)?.design?.weighting;
      return { method: w?.method, iterations: w?.iterations, tolerance: w?.tolerance, max_iterations: w?.max_iterations };
    };
    expect(control("ps_stype")).toEqual({ method: "post-stratify", iterations: 1, tolerance: null, max_iterations: null });
    expect(control("rake_api")).toMatchObject({ method: "rake", tolerance: 1, max_iterations: 10 });
    expect(control("rake_api").iterations).toBeGreaterThan(1);
    expect(control("cal_logit")).toMatchObject({ method: "calibrate", tolerance: 1e-7, max_iterations: 50 });
    expect(control("trim_alone")).toEqual({ method: null, iterations: 0, tolerance: null, max_iterations: null });
  });

  it("trimming: the weights before and after as R's, and how many were set to each bound", () => {
    const trims = {
      trim_alone: null,
      trim_cal: "cal_linear",
      trim_cal_strict: "cal_linear",
      trim_ps: "ps_cross",
      trim_rake_nhanes: "rake_nhanes",
    };
    for (const [name, from] of Object.entries(trims)) {
      const w = datasets.find((d) => d.name === name)?.design?.weighting;
      const ref = r(`${name} weights`);
      for (const k of ["min", "max", "sum", "cv"] as const) close(w?.after[k], ref[k], `${name} ${k}`);
      close(w?.after.n_eff, ref.neff, `${name} n_eff`);
      const trim = w?.trim;
      expect(trim, name).toBeDefined();
      if (from !== null) {
        // Before trimming: the weights the method reached, as R's.
        close(trim?.before.max, r(`${from} weights`).max, `${name} before trimming, max`);
        close(trim?.before.n_eff, r(`${from} weights`).neff, `${name} before trimming, n_eff`);
      } else expect(trim?.before).toEqual(w?.before);
      const outside = r(`${name} trimmed`);
      if (trim?.strict) {
        // Strict passes trim again the weights the shares pushed out: at least R's first-pass counts.
        expect(trim.trimmed_lower).toBeGreaterThanOrEqual(outside.nlower!.value);
        expect(trim.trimmed_upper).toBeGreaterThanOrEqual(outside.nupper!.value);
      } else {
        expect([trim?.trimmed_lower, trim?.trimmed_upper, trim?.passes], name).toEqual([outside.nlower!.value, outside.nupper!.value, 1]);
      }
    }
    expect(datasets.find((d) => d.name === "trim_cal_strict")?.design?.weighting?.trim?.passes).toBeGreaterThan(1);
  });

  it("the report says what trimming alone did, with the weights before and after it", () => {
    const markdown = results[1]!.markdown;
    expect(markdown).toContain(
      "The weights of trim_alone were trimmed to [20, 40] (R survey’s trimWeights, 1 pass): 50 weights were raised to the lower bound and 100 lowered to the upper bound",
    );
    expect(markdown).toMatch(/\| before trimming \| 15\.10 \| 44\.21 \|[^\n]*\n\| after trimming \| 20\.00 \| 40\.00 \|/);
  });
});

/** A one-dataset study on apistrat with the given weighting block (YAML, indented by 6). */
async function refusal(weighting: string): Promise<{ code: number; stderr: string }> {
  const dir = await tempDir();
  const study = path.join(dir, "study.yaml");
  writeFileSync(
    study,
    `study: refused
title: Refused weighting
datasets:
  api:
    path: ${JSON.stringify(path.join(REFERENCE_DIR, "apistrat.csv"))}
    schema: ${JSON.stringify(path.join(repoRoot, "test/r-survey/studies/api.schema.json"))}
    design:
      ids: [dnum]
      strata: stype
      weights: pw
      nest: true
      weighting:
${weighting}
indicators:
  - { id: api00, label: API, dataset: api, kind: mean, field: api00 }
`,
  );
  const { code, stderr } = await cli(["report", study, "--out", dir]);
  return { code, stderr };
}

describe("weighting refusals: one sentence naming the study file and line", () => {
  it("a category the data have and the counts lack", async () => {
    const { code, stderr } = await refusal(`        method: post-stratify
        margins:
          - fields: stype
            counts: { E: 4421, H: 755 }`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/study\.yaml, line 16 .*category "M" of stype .*no population count/);
    expectOneSentence(stderr);
  });

  it("a category with a count and no respondent", async () => {
    const { code, stderr } = await refusal(`        method: post-stratify
        margins:
          - fields: stype
            counts: { E: 4421, H: 755, M: 1018, X: 5 }`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/study\.yaml, line 16 .*category "X" of stype has a population count but no respondent/);
    expectOneSentence(stderr);
  });

  it("margins that do not add up to the same population", async () => {
    const { code, stderr } = await refusal(`        method: rake
        margins:
          - fields: stype
            counts: { E: 4421, H: 755, M: 1018 }
          - fields: sch.wide
            counts: { "No": 1072, "Yes": 5000 }`);
    expect(code).toBe(2);
    expect(stderr).toMatch(/study\.yaml, line 18 .*margin 2 \(sch\.wide\) add up to 6072, not the first margin's 6194/);
    expectOneSentence(stderr);
  });

  it("raking that does not converge, with its iterations", async () => {
    const { code, stderr } = await refusal(`        method: rake
        max_iterations: 1
        tolerance: 0.0000001
        margins:
          - fields: stype
            counts: { E: 4421, H: 755, M: 1018 }
          - fields: sch.wide
            counts: { "No": 1072, "Yes": 5122 }`);
    expect(code).toBe(1);
    expect(stderr).toMatch(/study\.yaml, line 14 .*raking did not converge in 1 iterations/);
    expectOneSentence(stderr);
  });
});

describe("weighting refusals: calibration, trimming and keys", () => {
  const stype = `          - fields: stype
            counts: { E: 4421, H: 755, M: 1018 }`;

  it("calibration whose bounds cannot be met: it does not converge, naming the bounds' line", async () => {
    const { code, stderr } = await refusal(`        method: calibrate
        calfun: logit
        bounds: [0.95, 1.05]
        margins:
${stype}
        totals: { enroll: 3811472 }`);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /study\.yaml, line 15 .*calibration did not converge in 51 iterations, so the targets cannot be met with every weight ratio within the bounds \[0\.95, 1\.05\]/,
    );
    expectOneSentence(stderr);
  });

  it("trimming bounds the weights' mean is outside of", async () => {
    const { code, stderr } = await refusal("        trim: { lower: 35, upper: 40 }");
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /study\.yaml, line 13 .*the weights average 30\.97, outside the bounds \[35, 40\], so no trimming that keeps their sum \(6194\)/,
    );
    expectOneSentence(stderr);
  });

  it("trimming bounds every weight is outside of", async () => {
    // apistrat's weights are 15.1, 20.36 and 44.21.
    const { code, stderr } = await refusal("        trim: { lower: 21, upper: 44 }");
    expect(code).toBe(1);
    expect(stderr).toMatch(/study\.yaml, line 13 .*every weight is outside the bounds \[21, 44\], so none is left to take up the excess/);
    expectOneSentence(stderr);
  });

  it("trimming without bounds, or with bounds the wrong way round", async () => {
    const none = await refusal("        trim: { strict: true }");
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/study\.yaml, line 13 \(datasets\.api\.design\.weighting\.trim\): give lower, upper or both/);
    const reversed = await refusal("        trim: { lower: 40, upper: 20 }");
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toMatch(/line 13 \(datasets\.api\.design\.weighting\.trim\.upper\): upper \(20\) must be above lower \(40\)/);
    expectOneSentence(reversed.stderr);
  });

  it("a key the method does not take, a method without margins, margins without a method", async () => {
    const tolerance = await refusal(`        method: post-stratify
        tolerance: 2
        margins:
${stype}`);
    expect(tolerance.code).toBe(2);
    expect(tolerance.stderr).toMatch(
      /line 14 \(datasets\.api\.design\.weighting\.tolerance\): tolerance applies to method rake or calibrate, not to post-stratify/,
    );
    const population = await refusal(`        population: 6194
        trim: { upper: 40 }`);
    expect(population.code).toBe(2);
    expect(population.stderr).toMatch(
      /line 13 \(datasets\.api\.design\.weighting\.population\): population applies to method post-stratify, rake or calibrate, not to trimming alone\./,
    );
    const noMargin = await refusal("        method: rake");
    expect(noMargin.code).toBe(2);
    expect(noMargin.stderr).toMatch(/weighting\.margins\): rake needs at least one margin/);
    const noMethod = await refusal(`        trim: { upper: 40 }
        margins:
${stype}`);
    expect(noMethod.code).toBe(2);
    const logit = await refusal(`        method: calibrate
        calfun: logit
        margins:
${stype}`);
    expect(logit.code).toBe(2);
    expect(logit.stderr).toMatch(/line 14 \(datasets\.api\.design\.weighting\.calfun\): logit calibration needs bounds/);
    expect(noMethod.stderr).toMatch(/line 15 \(datasets\.api\.design\.weighting\.margins\): margins need a method/);
    expectOneSentence(noMethod.stderr);
  });

  it("a margin or calibration field the schema does not have, or a total of a text field", async () => {
    const margin = await refusal(`        method: post-stratify
        margins:
          - fields: [stype, sch.wid]
            counts: { "E|No": 1 }`);
    expect(margin.code).toBe(2);
    expect(margin.stderr).toMatch(
      /line 15 \(datasets\.api\.design\.weighting\.margins\[0\]\.fields\[1\]\): unknown field "sch\.wid" in dataset api/,
    );
    expectOneSentence(margin.stderr);
    const text = await refusal(`        method: calibrate
        margins:
${stype}
        totals: { stype: 3 }`);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/line 17 \(datasets\.api\.design\.weighting\.totals\.stype\): a calibration total needs a numeric field/);
  });
});
