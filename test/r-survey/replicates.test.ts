// Replicate-weight designs against R survey 4.1-1 (test/reference/r-survey/replicates.R printed
// replicates-output.txt): JK1, JKn, Fay's BRR, bootstrap and successive differences, and a
// post-stratified, a raked and a calibrated replicate design. Every statistic R printed is
// compared through the CLI (--json) on studies/replicates-*.yaml: means, proportions with
// svyciprop's logit interval, totals, ratios, the median with its interval, a distribution,
// domain means, a domain's proportion (its degf), a cross-table's cells and svychisq, svyglm.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { matchR, rKeys, rLine } from "./replicate-reference.js";

interface Stat {
  estimate: number | null;
  se: number | null;
  ci: [number | null, number | null] | null;
}
interface Level extends Stat {
  level: string;
}
interface Indicator extends Stat {
  id: string;
  df: number;
  domains?: Record<string, Level[]>;
  categories?: (Stat & { value: string })[];
  crosstab?: {
    cells: { row: string; column: string; share: Stat }[];
    test: { f: { statistic: number; ndf: number; ddf: number; p_value: number } };
  };
  regression?: { coefficients: { term: string; estimate: number; se: number }[] };
}
interface Result {
  datasets: { name: string; design: { df: number; replicates: { count: number; scale: number; rscales: number[] } } }[];
  indicators: Indicator[];
}

async function run(file: string): Promise<Result> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", file), "--out", out, "--json"]);
  expect(stderr).not.toMatch(/error/i);
  expect(code).toBe(0);
  return JSON.parse(stdout) as Result;
}

function compareStat(name: string, key: string, got: Stat | undefined, withCi = false): void {
  const r = rLine(key);
  expect(got, key).toBeDefined();
  matchR(got!.estimate, r.est, `${key} estimate`);
  matchR(got!.se, r.se, `${key} se`, r.est);
  if (withCi) {
    matchR(got!.ci?.[0], r.lower, `${key} lower`);
    matchR(got!.ci?.[1], r.upper, `${key} upper`);
  }
  void name;
}

/** Every line R printed for design `d` of an api file, against the study's indicators `d_*`. */
function compareApi(d: string, res: Result): number {
  const ind = (suffix: string): Indicator => {
    const found = res.indicators.find((i) => i.id === `${d}_${suffix}`);
    if (!found) throw new Error(`no indicator ${d}_${suffix}`);
    return found;
  };
  let compared = 0;
  for (const key of rKeys(`${d} `)) {
    const words = key.split(" ");
    if (words[0] !== d) continue;
    const rest = words.slice(1).join(" ");
    compared++;
    if (rest === "") {
      const design = res.datasets.find((x) => x.name === d)!.design;
      expect(design.df, `${d} degf`).toBe(rLine(key).degf!.value);
      expect(design.replicates.count).toBe(rLine(key).replicates!.value);
      matchR(design.replicates.scale, rLine(key).scale, `${d} scale`);
      matchR(
        design.replicates.rscales.reduce((a, b) => a + b, 0),
        rLine(key).sum_rscales,
        `${d} sum of rscales`,
      );
    } else if (rest === "mean api00") compareStat(d, key, ind("api00"));
    else if (rest === "proportion awards=Yes") {
      compareStat(d, key, ind("awards"), true);
      expect(ind("awards").df).toBe(rLine(key).df!.value);
    } else if (rest === "total enroll") compareStat(d, key, ind("enroll"));
    else if (rest === "ratio api00/api99") compareStat(d, key, ind("ratio"));
    else if (rest === "quantile api00 median") compareStat(d, key, ind("median"), true);
    else if (rest.startsWith("share stype stype="))
      compareStat(
        d,
        key,
        ind("stype").categories!.find((c) => c.value === rest.slice(-1)),
      );
    else if (rest.startsWith("mean api00 stype="))
      compareStat(
        d,
        key,
        ind("api00").domains!.stype!.find((l) => l.level === rest.slice(-1)),
      );
    else if (rest === "proportion awards=Yes stype=E")
      compareStat(
        d,
        key,
        ind("awards").domains!.stype!.find((l) => l.level === "E"),
        true,
      );
    else if (rest.startsWith("cell stype.awards cell=")) {
      const [row, column] = rest.slice(rest.indexOf(")") + 1).split(".") as [string, string];
      compareStat(d, key, ind("table").crosstab!.cells.find((c) => c.row === row && c.column === column)?.share);
    } else if (rest === "chisq stype.awards") compareTest(key, ind("table"));
    else if (rest.startsWith("glm ")) compareCoefficient(key, words.slice(2).join(" "), ind("glm"));
    else throw new Error(`no comparison for "${key}"`);
  }
  return compared;
}

function compareTest(key: string, ind: Indicator): void {
  const r = rLine(key);
  const f = ind.crosstab!.test.f;
  matchR(f.statistic, r.F, `${key} F`);
  matchR(f.ndf, r.ndf, `${key} ndf`);
  matchR(f.ddf, r.ddf, `${key} ddf`);
  matchR(f.p_value, r.p, `${key} p`);
}

/** R's term ("factor(race)2") as the tool names it ("race2"). */
function compareCoefficient(key: string, rTerm: string, ind: Indicator): void {
  const term = rTerm.replace(/^factor\((\w+)\)/, "$1");
  const r = rLine(key);
  const c = ind.regression!.coefficients.find((x) => x.term === term);
  expect(c, `${key}: term ${term}`).toBeDefined();
  matchR(c!.estimate, r.est, `${key} estimate`);
  matchR(c!.se, r.se, `${key} se`);
  expect(ind.df, `${key} df`).toBe(r.df!.value);
}

describe("replicate-weight designs through the CLI, as R svrepdesign", () => {
  it.each([
    ["replicates-jk1.yaml", ["jk1", "jk1_ps", "jk1_rake"]],
    ["replicates-jkn.yaml", ["jkn", "jkn_cal"]],
    ["replicates-boot.yaml", ["boot"]],
    ["replicates-sdr.yaml", ["sdr"]],
  ])("%s", async (file, designs) => {
    const res = await run(file);
    // 23 lines per design, 19 on a weighted one (no model).
    for (const d of designs) expect(compareApi(d, res), d).toBeGreaterThanOrEqual(d.includes("_") ? 19 : 23);
  });

  it("Fay's BRR on nhanes (missing values, domains, a cross-table, a logistic model)", async () => {
    const res = await run("replicates-fay.yaml");
    const ind = (id: string): Indicator => res.indicators.find((i) => i.id === id)!;
    let compared = 0;
    for (const key of rKeys("fay ")) {
      const rest = key.slice(4);
      compared++;
      if (rest === "") expect(res.datasets[0]!.design.df).toBe(rLine(key).degf!.value);
      else if (rest === "mean HI_CHOL") compareStat("fay", key, ind("fay_hichol"));
      else if (rest === "proportion HI_CHOL=1") compareStat("fay", key, ind("fay_prop"), true);
      else if (rest === "total HI_CHOL") compareStat("fay", key, ind("fay_total"));
      else if (rest.startsWith("share race race="))
        compareStat(
          "fay",
          key,
          ind("fay_race").categories!.find((c) => c.value === rest.slice(-1)),
        );
      else if (rest.startsWith("mean HI_CHOL agecat="))
        compareStat(
          "fay",
          key,
          ind("fay_hichol").domains!.agecat!.find((l) => l.level === rest.slice("mean HI_CHOL agecat=".length)),
        );
      else if (rest === "proportion HI_CHOL=1 RIAGENDR=2")
        compareStat(
          "fay",
          key,
          ind("fay_prop").domains!.RIAGENDR!.find((l) => l.level === "2"),
          true,
        );
      else if (rest.startsWith("cell HI_CHOL.RIAGENDR cell=")) {
        const [row, column] = rest.slice(rest.indexOf(")") + 1).split(".") as [string, string];
        compareStat("fay", key, ind("fay_table").crosstab!.cells.find((c) => c.row === row && c.column === column)?.share);
      } else if (rest === "chisq HI_CHOL.RIAGENDR") compareTest(key, ind("fay_table"));
      else if (rest.startsWith("glm ")) compareCoefficient(key, rest.slice(4), ind("fay_glm"));
      else throw new Error(`no comparison for "${key}"`);
    }
    expect(compared).toBeGreaterThanOrEqual(22);
  });
});
