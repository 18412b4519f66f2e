// Post-stratification and raking against R survey 4.1-1 (test/reference/r-survey/weighting.R
// printed weighting-output.txt) on the two shared designs: the weights, and means, proportions,
// totals and a domain with their se, at module level and through the CLI on
// studies/weighting-*.yaml.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDesign, EstimationContext, mustEstimate, RowIndex, svyMean, svyMeanByLevel, svyTotal } from "../../src/estimate/index.js";
import { postStratify, rake, weightedDesign, type WeightingMargin } from "../../src/estimate/weighting.js";
import { cli, repoRoot } from "../cli/run.js";
import { indicator } from "./designs.js";
import { loadCsv, printed, REFERENCE_DIR, tolerance, type Printed, type Table } from "./reference.js";

/** `design statistic variable [field=level] est=... se=...` → fields by "design statistic variable [level]". */
function loadR(): Map<string, Record<string, Printed>> {
  const out = new Map<string, Record<string, Printed>>();
  for (const line of readFileSync(path.join(REFERENCE_DIR, "weighting-output.txt"), "utf8").split("\n")) {
    const words = line.trim().split(" ");
    if (!words.some((w) => /^(est|min)=/.test(w))) continue;
    const key = words.filter((w) => !/^(est|se|min|max|sum|cv|neff)=/.test(w)).join(" ");
    const fields: Record<string, Printed> = {};
    for (const w of words.filter((x) => /^(est|se|min|max|sum|cv|neff)=/.test(x))) {
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
const dstrat = buildDesign({ n: strat.nrow, ids: [ids(strat, "dnum")], strata: ids(strat, "stype"), weights: strat.num("pw"), fpc: [strat.num("fpc")], nest: true });
const dnh = buildDesign({ n: nh.nrow, ids: [ids(nh, "SDMVPSU")], strata: ids(nh, "SDMVSTRA"), weights: nh.num("WTMEC2YR"), nest: true });
const stypePop = { E: 4421, H: 755, M: 1018 };
const schWidePop = { No: 1072, Yes: 5122 };
const crossPop = { "E|No": 472, "H|No": 334, "M|No": 266, "E|Yes": 3949, "H|Yes": 421, "M|Yes": 752 };

const weighted = {
  ps_stype: weightedDesign(dstrat, postStratify(dstrat.weights, margin(strat, ["stype"], stypePop))),
  ps_cross: weightedDesign(dstrat, postStratify(dstrat.weights, margin(strat, ["stype", "sch.wide"], crossPop))),
  rake_api: weightedDesign(
    dstrat,
    rake(dstrat.weights, [margin(strat, ["stype"], stypePop), margin(strat, ["sch.wide"], schWidePop)], { maxIterations: 10, tolerance: 1 }),
  ),
  rake_nhanes: weightedDesign(
    dnh,
    rake(
      dnh.weights,
      [
        margin(nh, ["race"], { "1": 60e6, "2": 150e6, "3": 40e6, "4": 26e6 }),
        margin(nh, ["RIAGENDR"], { "1": 135e6, "2": 141e6 }),
      ],
      { maxIterations: 10, tolerance: 1 },
    ),
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
        close(est.se, r(key).se, `${key} se`);
      };
      if (name === "rake_nhanes") {
        const y = nh.num("HI_CHOL");
        check(`${name} mean HI_CHOL`, mustEstimate(svyMean(ctx, y)));
        check(`${name} total HI_CHOL`, mustEstimate(svyTotal(ctx, y)));
        const levels = ["(0,19]", "(19,39]", "(39,59]", "(59,Inf]"];
        const codes = Int8Array.from(nh.str("agecat"), (v) => levels.indexOf(v ?? ""));
        const by = svyMeanByLevel(ctx, y, new RowIndex(Int32Array.from({ length: design.n }, (_, i) => i)), { codes, count: levels.length });
        levels.forEach((l, k) => check(`${name} mean HI_CHOL agecat=${l}`, mustEstimate(by.results[k]!)));
      } else {
        check(`${name} mean api00`, mustEstimate(svyMean(ctx, strat.num("api00"))));
        check(`${name} proportion awards=Yes`, mustEstimate(svyMean(ctx, indicator(strat, "awards", "Yes"))));
        check(`${name} total enroll`, mustEstimate(svyTotal(ctx, strat.num("enroll"))));
      }
    });
  }
});
