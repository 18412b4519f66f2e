// Population counts against R survey 4.1-1 (test/reference/r-survey/counts.R printed
// counts-output.txt): svytotal of a condition's indicator and of a factor, with se, coefficient of
// variation, deff and t interval, on apistrat (stratified clusters with fpc) and nhanes (missing
// values, domains). End to end through the CLI on studies/counts-*.yaml, and at module level.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildDesign, mustEstimate, svyCategoryTotals, svyTotal, type SurveyDesign } from "../../src/estimate/index.js";
import { reliabilityOf } from "../../src/estimate/reliability.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { loadCsv, printed, REFERENCE_DIR, closeToR as close, type Printed, type Table } from "./reference.js";

const OUTPUT = readFileSync(path.join(REFERENCE_DIR, "counts-output.txt"), "utf8");

/** `design | name | key=value ...` lines, numbers printed with %.10g, by "design | name". */
function loadR(): Map<string, Record<string, Printed>> {
  const out = new Map<string, Record<string, Printed>>();
  for (const line of OUTPUT.split("\n")) {
    const parts = line.split(" | ");
    if (parts.length !== 3) continue;
    const fields: Record<string, Printed> = {};
    for (const kv of (parts[2] as string).trim().split(" ")) {
      const [k, v] = kv.split("=") as [string, string];
      fields[k] = printed(v, 10);
    }
    out.set(`${parts[0]} | ${parts[1]}`, fields);
  }
  return out;
}

const r = loadR();

function ref(name: string): Record<string, Printed> {
  const l = r.get(name);
  if (!l) throw new Error(`counts-output.txt has no line "${name}"`);
  return l;
}

interface Shown {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
  n: number | null;
  reliability: { cv: number | null; flagged: boolean; reasons: string[] } | null;
}
interface Indicator extends Shown {
  id: string;
  kind: string;
  df: number | null;
  deff: number | null;
  n_missing: number;
  categories?: (Shown & { value: string })[];
  domains?: Record<string, (Shown & { level: string; deff: number | null })[]>;
}
interface Result {
  method: { reliability: { max_cv: number; min_n: number } };
  indicators: Indicator[];
}

async function run(study: string): Promise<{ result: Result; byId: Map<string, Indicator> }> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", study), "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  const result = JSON.parse(stdout) as Result;
  return { result, byId: new Map(result.indicators.map((i) => [i.id, i])) };
}

/** Estimate, se, cv and interval of one shown count against an R line; its df and deff when given. */
function matches(shown: Shown, g: Record<string, Printed>, what: string, df?: number | null, deff?: number | null): void {
  close(shown.estimate, g.estimate, `${what} estimate`);
  close(shown.se, g.se, `${what} se`);
  close(shown.reliability?.cv, g.cv, `${what} cv`);
  close(shown.ci?.[0], g.lo, `${what} lower`);
  close(shown.ci?.[1], g.hi, `${what} upper`);
  if (df !== undefined) expect(df, `${what} df`).toBe(g.df?.value);
  if (deff !== undefined) close(deff, g.deff, `${what} deff`);
}

const TRUE = ' I(sch.wide == "Yes")TRUE';

describe("population counts on apistrat (stratified clusters with fpc), as R svytotal", async () => {
  const { byId } = await run("counts-apistrat.yaml");

  it("the number meeting a condition, with its subgroups", () => {
    const ind = byId.get("sch_wide_yes") as Indicator;
    expect(ind.kind).toBe("count");
    matches(ind, ref(`apistrat | count sch.wide=Yes${TRUE}`), "whole", ind.df, ind.deff);
    for (const level of ["E", "H", "M"]) {
      const d = ind.domains?.stype?.find((x) => x.level === level) as Shown & { deff: number | null };
      matches(d, ref(`apistrat | count sch.wide=Yes stype=${level}${TRUE}`), `stype=${level}`, undefined, d.deff);
    }
  });

  it("the number in each category of a field", () => {
    const ind = byId.get("by_stype") as Indicator;
    expect(ind.estimate).toBeNull();
    for (const c of ind.categories ?? []) {
      matches(c, ref(`apistrat | count by stype factor(stype)${c.value}`), `stype ${c.value}`, ind.df);
    }
    expect(ind.categories?.length).toBe(3);
  });

  it("within a universe: the universe's df, and a small category flagged on both its cv and its n", () => {
    const ind = byId.get("sch_wide_yes_comp_imp") as Indicator;
    matches(ind, ref(`apistrat | count sch.wide=Yes universe comp.imp=Yes${TRUE}`), "universe", ind.df, ind.deff);
    const byAward = byId.get("by_awards_comp_imp") as Indicator;
    for (const c of byAward.categories ?? []) {
      matches(c, ref(`apistrat | count by awards universe comp.imp=Yes factor(awards)${c.value}`), `awards ${c.value}`, byAward.df);
    }
    const no = byAward.categories?.find((c) => c.value === "No");
    expect(no?.n).toBe(3);
    expect(no?.reliability).toMatchObject({ flagged: true, reasons: ["cv", "n"] });
    expect(byAward.categories?.find((c) => c.value === "Yes")?.reliability).toMatchObject({ flagged: false, reasons: [] });
  });
});

describe("population counts on nhanes (missing values, domains), as R svytotal(na.rm = TRUE)", async () => {
  const { result, byId } = await run("counts-nhanes.yaml");
  const nas = Number(/NAs in nhanes\$HI_CHOL: (\d+)/.exec(OUTPUT)?.[1]);

  it("the number meeting a condition: rows with a missing value leave the domain, not the design", () => {
    const ind = byId.get("hi_chol") as Indicator;
    expect(ind.n_missing).toBe(nas);
    matches(ind, ref("nhanes | count HI_CHOL=1 I(HI_CHOL == 1)TRUE"), "whole", ind.df, ind.deff);
    for (const [field, levels] of [
      ["RIAGENDR", ["1", "2"]],
      ["race", ["1", "2", "3", "4"]],
    ] as const) {
      for (const level of levels) {
        const d = ind.domains?.[field]?.find((x) => x.level === level) as Shown & { deff: number | null };
        matches(d, ref(`nhanes | count HI_CHOL=1 ${field}=${level} I(HI_CHOL == 1)TRUE`), `${field}=${level}`, undefined, d.deff);
      }
    }
  });

  it("the number in each category, with and without missing values", () => {
    const hi = byId.get("by_hi_chol") as Indicator;
    expect(hi.n_missing).toBe(nas);
    for (const c of hi.categories ?? [])
      matches(c, ref(`nhanes | count by HI_CHOL factor(HI_CHOL)${c.value}`), `HI_CHOL ${c.value}`, hi.df);
    const race = byId.get("by_race") as Indicator;
    for (const c of race.categories ?? []) matches(c, ref(`nhanes | count by race factor(race)${c.value}`), `race ${c.value}`, race.df);
    expect(race.categories?.length).toBe(4);
  });

  it("the study's thresholds decide the flags (max_cv 0.2: only race = Other's cv of 0.25)", () => {
    expect(result.method.reliability).toEqual({ max_cv: 0.2, min_n: 50 });
    const flagged = (byId.get("hi_chol")?.domains?.race ?? []).filter((d) => d.reliability?.flagged).map((d) => d.level);
    expect(flagged).toEqual(["4"]);
    expect(ref("nhanes | count HI_CHOL=1 race=4 I(HI_CHOL == 1)TRUE").cv?.value).toBeGreaterThan(0.2);
  });
});

/* ----- module level: the estimators on the designs counts.R declares ----- */

const codes = (t: Table, col: string): string[] => t.str(col).map((v) => v ?? "");

function apistrat(): { t: Table; design: SurveyDesign } {
  const t = loadCsv("apistrat.csv");
  const design = buildDesign({
    n: t.nrow,
    ids: [codes(t, "dnum")],
    strata: codes(t, "stype"),
    weights: t.num("pw"),
    fpc: [t.num("fpc")],
    nest: true,
  });
  return { t, design };
}

function nhanes(): { t: Table; design: SurveyDesign } {
  const t = loadCsv("nhanes.csv");
  const design = buildDesign({
    n: t.nrow,
    ids: [codes(t, "SDMVPSU")],
    strata: codes(t, "SDMVSTRA"),
    weights: t.num("WTMEC2YR"),
    nest: true,
  });
  return { t, design };
}

/** Each row's category index among `levels` (-1: missing). */
function categoryIndex(values: (string | null)[], levels: string[]): Int32Array {
  return Int32Array.from(values, (v) => (v === null ? -1 : levels.indexOf(v)));
}

const cvOf = (e: { estimate: number; se: number }): number | null =>
  reliabilityOf(e.estimate, e.se, 1000, { maxCv: 1, minN: 1 })?.cv ?? null;

describe("svyTotal and svyCategoryTotals, as R svytotal", () => {
  it("apistrat: a condition and a factor (estimate, se, cv, deff)", () => {
    const { t, design } = apistrat();
    const yes = Float64Array.from(t.str("sch.wide"), (v) => (v === null ? Number.NaN : v === "Yes" ? 1 : 0));
    const total = mustEstimate(svyTotal(design, yes));
    const g = ref(`apistrat | count sch.wide=Yes${TRUE}`);
    close(total.estimate, g.estimate, "estimate");
    close(total.se, g.se, "se");
    close(cvOf(total), g.cv, "cv");
    close(total.deff, g.deff, "deff");
    const levels = ["E", "H", "M"];
    const counts = svyCategoryTotals(design, categoryIndex(t.str("stype"), levels), levels.length).map(mustEstimate);
    levels.forEach((level, k) => {
      const c = ref(`apistrat | count by stype factor(stype)${level}`);
      close(counts[k]?.estimate, c.estimate, `${level} estimate`);
      close(counts[k]?.se, c.se, `${level} se`);
      close(cvOf(counts[k]!), c.cv, `${level} cv`);
      close(counts[k]?.deff, c.deff, `${level} deff`);
    });
  });

  it("nhanes: a factor with missing values leaves them out of its domain (R na.rm = TRUE)", () => {
    const { t, design } = nhanes();
    const levels = ["0", "1"];
    const counts = svyCategoryTotals(design, categoryIndex(t.str("HI_CHOL"), levels), levels.length).map(mustEstimate);
    levels.forEach((level, k) => {
      const c = ref(`nhanes | count by HI_CHOL factor(HI_CHOL)${level}`);
      close(counts[k]?.estimate, c.estimate, `${level} estimate`);
      close(counts[k]?.se, c.se, `${level} se`);
      close(counts[k]?.deff, c.deff, `${level} deff`);
    });
    // The category's count is the total of its 0/1 indicator: the same statistic, one engine.
    const one = mustEstimate(
      svyTotal(
        design,
        Float64Array.from(t.num("HI_CHOL"), (v) => (Number.isNaN(v) ? v : v === 1 ? 1 : 0)),
      ),
    );
    expect(Math.abs(one.estimate - counts[1]!.estimate)).toBeLessThanOrEqual(1e-9 * one.estimate);
    expect(Math.abs(one.se - counts[1]!.se)).toBeLessThanOrEqual(1e-9 * one.se);
  });
});
