// Design-based regression against R survey 4.1-1's svyglm (test/reference/r-survey/regression.R
// printed regression-output.txt): coefficients, sandwich SEs, t, p and t intervals on
// df.residual, for gaussian() and quasibinomial() models on apistrat (stratified cluster with fpc)
// and nhanes (HI_CHOL missing on 745 rows, a universe), with categorical predictors, a
// non-default reference level and an interaction; in the module and through the CLI.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDesign, EstimationContext, svyGlm, type RegressionFamily } from "../../src/estimate/index.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { near, regressionRef } from "./regression-reference.js";
import { loadCsv, type Table } from "./reference.js";

const ids = (t: Table, col: string): string[] => t.str(col).map((v) => v ?? "");
const dummy = (values: (string | null)[], level: string): Float64Array =>
  Float64Array.from(values, (v) => (v === null ? NaN : v === level ? 1 : 0));

function fitModel(
  t: Table,
  design: ReturnType<typeof buildDesign>,
  family: RegressionFamily,
  y: Float64Array,
  x: Float64Array[],
  inUniverse: (i: number) => boolean,
) {
  const all = Int32Array.from({ length: t.nrow }, (_, i) => i).filter(inUniverse);
  const rows = all.filter((i) => !Number.isNaN(y[i]!) && x.every((c) => !Number.isNaN(c[i]!)));
  const ones = new Float64Array(t.nrow).fill(1);
  return svyGlm(new EstimationContext(design), { family, y, x: [ones, ...x], rows, universeRows: all });
}

function matches(model: string, r: ReturnType<typeof fitModel>): void {
  const ref = regressionRef(model);
  expect(r.available, model).toBe(true);
  if (!r.available) return;
  expect(r.n).toBe(ref.n);
  expect(r.df).toBe(ref.df);
  expect(r.coefficients.length).toBe(ref.coefficients.length);
  ref.coefficients.forEach((c, j) => {
    const got = r.coefficients[j]!;
    for (const [k, v] of [
      ["est", got.estimate],
      ["se", got.se],
      ["t", got.t],
      ["p", got.pValue],
      ["lo", got.lower],
      ["hi", got.upper],
    ] as const) {
      expect(near(v, c[k]), `${model} ${c.term} ${k}: ${v} vs R ${c[k].value}`).toBe(true);
    }
  });
}

describe("svyGlm against R svyglm", () => {
  const strat = loadCsv("apistrat.csv");
  const dstrat = buildDesign({
    n: strat.nrow,
    ids: [ids(strat, "dnum")],
    strata: ids(strat, "stype"),
    weights: strat.num("pw"),
    fpc: [strat.num("fpc")],
    nest: true,
  });
  const stype = strat.str("stype");
  const ell = strat.num("ell");
  const all = (): boolean => true;

  it("gaussian: api00 ~ ell + meals + stype", () => {
    matches(
      "api_linear",
      fitModel(strat, dstrat, "gaussian", strat.num("api00"), [ell, strat.num("meals"), dummy(stype, "H"), dummy(stype, "M")], all),
    );
  });

  it("gaussian with reference M and an interaction: api00 ~ ell + stype + ell:stype", () => {
    const e = dummy(stype, "E");
    const h = dummy(stype, "H");
    const times = (a: Float64Array, b: Float64Array): Float64Array => a.map((v, i) => v * b[i]!);
    matches("api_interaction", fitModel(strat, dstrat, "gaussian", strat.num("api00"), [ell, e, h, times(ell, e), times(ell, h)], all));
  });

  it("rows with a missing outcome leave the design's df with their PSUs (R subsets the design)", () => {
    const dnum = strat.num("dnum");
    const y = strat.num("api00").map((v, i) => (dnum[i] === 153 ? Number.NaN : v));
    const r = fitModel(strat, dstrat, "gaussian", y, [ell, strat.num("meals")], all);
    expect(regressionRef("api_missing_psu").df).toBeLessThan(159 + 1 - 3);
    matches("api_missing_psu", r);
  });

  it("quasibinomial: sch.wide == Yes ~ ell + stype", () => {
    matches(
      "api_logistic",
      fitModel(strat, dstrat, "binomial", dummy(strat.str("sch.wide"), "Yes"), [ell, dummy(stype, "H"), dummy(stype, "M")], all),
    );
  });

  const nh = loadCsv("nhanes.csv");
  const dn = buildDesign({ n: nh.nrow, ids: [ids(nh, "SDMVPSU")], strata: ids(nh, "SDMVSTRA"), weights: nh.num("WTMEC2YR"), nest: true });
  const race = nh.str("race");
  const age = nh.str("agecat");
  const races = ["1", "3", "4"].map((l) => dummy(race, l));
  const ages = ["(19,39]", "(39,59]", "(59,Inf]"].map((l) => dummy(age, l));

  it("quasibinomial with missing outcomes and reference race 2: HI_CHOL ~ race + agecat + RIAGENDR", () => {
    const y = nh.num("HI_CHOL");
    matches("nhanes_logistic", fitModel(nh, dn, "binomial", y, [...races, ...ages, dummy(nh.str("RIAGENDR"), "2")], all));
  });

  it("gaussian in a universe: HI_CHOL ~ agecat + race among women", () => {
    const sex = nh.num("RIAGENDR");
    matches(
      "nhanes_linear_women",
      fitModel(nh, dn, "gaussian", nh.num("HI_CHOL"), [...ages, ...races], (i) => sex[i] === 2),
    );
  });
});

interface JsonModel {
  id: string;
  n: number;
  df: number;
  not_available: string | null;
  regression: {
    family: string;
    formula: string;
    coefficients: {
      term: string;
      estimate: number;
      se: number;
      t: number;
      p_value: number;
      ci: [number, number];
      odds_ratio: number | null;
      odds_ratio_ci: [number, number] | null;
    }[];
  };
}

describe.each([
  ["regression-apistrat.yaml", ["api_linear", "api_interaction", "api_logistic"]],
  ["regression-nhanes.yaml", ["nhanes_logistic", "nhanes_linear_women"]],
])("%s through the CLI (--json), as R", async (file, models) => {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", file), "--out", out, "--json"]);

  it.each(models)("%s: terms, coefficients, SEs, t, p, intervals, n and df", (model) => {
    expect(code, stderr).toBe(0);
    const ind = (JSON.parse(stdout) as { indicators: JsonModel[] }).indicators.find((i) => i.id === model)!;
    const ref = regressionRef(model);
    expect(ind.not_available).toBeNull();
    expect(ind.n).toBe(ref.n);
    expect(ind.df).toBe(ref.df);
    expect(ind.regression.coefficients.map((c) => c.term)).toEqual(ref.coefficients.map((c) => c.term));
    ref.coefficients.forEach((c, j) => {
      const got = ind.regression.coefficients[j]!;
      for (const [k, v] of [
        ["est", got.estimate],
        ["se", got.se],
        ["t", got.t],
        ["p", got.p_value],
        ["lo", got.ci[0]],
        ["hi", got.ci[1]],
      ] as const) {
        expect(near(v, c[k]), `${model} ${c.term} ${k}: ${v} vs R ${c[k].value}`).toBe(true);
      }
      if (ind.regression.family === "binomial") {
        expect(got.odds_ratio).toBeCloseTo(Math.exp(c.est.value), 6);
        expect(near(Math.log(got.odds_ratio_ci![0]), c.lo)).toBe(true);
        expect(near(Math.log(got.odds_ratio_ci![1]), c.hi)).toBe(true);
      } else expect(got.odds_ratio).toBeNull();
    });
  });
});
