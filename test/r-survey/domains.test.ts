// Crossed subgroups and a distribution's shares by subgroup against R survey 4.1-1
// (test/reference/r-survey/domains.R printed domains-output.txt), on the two shared designs:
// end to end through the CLI on studies/domains-*.yaml, and at module level (estimates, se, df).
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildDesign,
  EstimationContext,
  levelDfs,
  mustEstimate,
  RowIndex,
  svyDistributionShares,
  svyMeanByLevel,
  svyRatioByLevel,
} from "../../src/estimate/index.js";
import type { LevelCodes } from "../../src/pipeline/data-table.js";
import { domainLevelsOf, domainOf } from "../../src/pipeline/domain-levels.js";
import { codeArrayFor } from "../../src/table-schema/index.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { loadCsv, printed, REFERENCE_DIR, closeToR as close, type Printed, type Table } from "./reference.js";

interface RLine {
  /** "mean api00", "share awards=No", ... */
  what: string;
  /** The subgroup: field → level. */
  levels: Record<string, string>;
  fields: Record<string, Printed>;
}

/** `statistic variable field=level ... est=... se=... degf=...` lines. */
function loadR(): RLine[] {
  const out: RLine[] = [];
  for (const line of readFileSync(path.join(REFERENCE_DIR, "domains-output.txt"), "utf8").split("\n")) {
    const words = line.trim().split(" ");
    if (words.length < 4 || !words.some((w) => w.startsWith("est="))) continue;
    const [stat, variable, ...rest] = words as [string, string, ...string[]];
    const levels: Record<string, string> = {};
    const fields: Record<string, Printed> = {};
    for (const w of rest) {
      const at = w.indexOf("=");
      const [k, v] = [w.slice(0, at), w.slice(at + 1)];
      if (["est", "se", "degf", "lo", "hi"].includes(k)) fields[k] = printed(v, 10);
      else levels[k] = v;
    }
    out.push({ what: `${stat} ${variable}`, levels, fields });
  }
  return out;
}

const R = loadR();
const linesOf = (what: string): RLine[] => {
  const lines = R.filter((l) => l.what === what);
  if (lines.length === 0) throw new Error(`domains-output.txt has no "${what}" line`);
  return lines;
};

interface Shown {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
  n: number | null;
}
interface Level extends Shown {
  level: string;
  label: string;
  parts?: { field: string; level: string; label: string }[];
  categories?: (Shown & { value: string; suppression: string | null })[];
}
interface Indicator {
  id: string;
  domains?: Record<string, Level[]>;
}

async function run(study: string): Promise<Map<string, Indicator>> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", study), "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  return new Map((JSON.parse(stdout) as { indicators: Indicator[] }).indicators.map((i) => [i.id, i]));
}

/** The result's level of `key` whose crossed parts (or single level) are R's field=level. */
function levelOf(ind: Indicator | undefined, key: string, levels: Record<string, string>): Level | undefined {
  return ind?.domains?.[key]?.find((l) =>
    l.parts
      ? l.parts.every((p) => levels[p.field] === p.level)
      : Object.values(levels).length === 1 && Object.values(levels)[0] === l.level,
  );
}

describe("crossed subgroups and shares by subgroup through the CLI, as R survey", async () => {
  const [api, nhanes] = await Promise.all([run("domains-apistrat.yaml"), run("domains-nhanes.yaml")]);
  const crossed: [string, Map<string, Indicator>, string, string][] = [
    ["mean api00", api, "api00_mean", "stype × awards"],
    ["total enroll", api, "enroll_total", "stype × sch.wide"],
    ["ratio api00/api99", api, "api_ratio", "stype × awards"],
    ["mean_of_ratios api00/api99", api, "api_mean_of_ratios", "stype × awards"],
    ["proportion sch.wide=Yes", api, "sch_wide", "stype × awards"],
    ["quantile0.5 api00", api, "api00_median", "stype × awards"],
    ["proportion HI_CHOL=1", nhanes, "hi_chol", "race × RIAGENDR"],
  ];
  it.each(crossed)("%s: every crossed level's estimate and se", (what, result, id, key) => {
    const lines = linesOf(what);
    const ind = result.get(id);
    // The non-empty combinations, first field slowest; R lists them first field fastest.
    expect(ind?.domains?.[key]?.length).toBe(lines.length);
    for (const line of lines) {
      const level = levelOf(ind, key, line.levels);
      const name = `${id} ${JSON.stringify(line.levels)}`;
      close(level?.estimate, line.fields.est, `${name} estimate`);
      close(level?.se, line.fields.se, `${name} se`);
      if (line.fields.lo) close(level?.ci?.[0], line.fields.lo, `${name} lower`);
      if (line.fields.hi) close(level?.ci?.[1], line.fields.hi, `${name} upper`);
    }
  });

  it("crossed levels come in the fields' category order, first field slowest, labelled from both", () => {
    const levels = api.get("api00_mean")?.domains?.["stype × awards"] ?? [];
    expect(levels.map((l) => l.label)).toEqual([
      "Elementary × No",
      "Elementary × Yes",
      "High × No",
      "High × Yes",
      "Middle × No",
      "Middle × Yes",
    ]);
    expect(levels[0]?.parts).toEqual([
      { field: "stype", level: "E", label: "Elementary" },
      { field: "awards", level: "No", label: "No" },
    ]);
  });

  const shares: [string, Map<string, Indicator>, string, string, string][] = [
    ["share awards", api, "awards", "stype", "awards"],
    ["share agecat", nhanes, "agecat", "race", "agecat"],
  ];
  it.each(shares)("%s: each category's share within each subgroup, and its se", (what, result, id, by, field) => {
    const lines = R.filter((l) => l.what.startsWith(`${what}=`));
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) {
      const category = line.what.slice(what.length + 1);
      const level = levelOf(result.get(id), by, { [by]: line.levels[by] as string });
      const c = level?.categories?.find((x) => x.value === category);
      const name = `${field}=${category} ${by}=${line.levels[by]}`;
      close(c?.estimate, line.fields.est, `${name} share`);
      close(c?.se, line.fields.se, `${name} se`);
    }
  });
});

// The module level: the crossed codes through the one by-level machinery, with each level's df.
function levelCodes(t: Table, field: string, order: readonly string[]): LevelCodes {
  const values = t.str(field);
  const codes = codeArrayFor(order.length - 1, values.length);
  values.forEach((v, i) => (codes[i] = v === null ? -1 : order.indexOf(v)));
  return { levels: order.map((value) => ({ value, label: value })), codes };
}

describe("crossed subgroups in the estimate module, as R survey (estimate, se and degf of each domain)", () => {
  const strat = loadCsv("apistrat.csv");
  const dstrat = new EstimationContext(
    buildDesign({
      n: strat.nrow,
      ids: [strat.str("dnum").map((v) => v ?? "")],
      strata: strat.str("stype").map((v) => v ?? ""),
      weights: strat.num("pw"),
      fpc: [strat.num("fpc")],
      nest: true,
    }),
  );
  const nh = loadCsv("nhanes.csv");
  const dnh = new EstimationContext(
    buildDesign({
      n: nh.nrow,
      ids: [nh.str("SDMVPSU").map((v) => v ?? "")],
      strata: nh.str("SDMVSTRA").map((v) => v ?? ""),
      weights: nh.num("WTMEC2YR"),
      nest: true,
    }),
  );
  const apiFields: Record<string, string[]> = { stype: ["E", "H", "M"], awards: ["No", "Yes"], "sch.wide": ["No", "Yes"] };
  const nhFields: Record<string, string[]> = {
    race: ["1", "2", "3", "4"],
    RIAGENDR: ["1", "2"],
    agecat: ["(0,19]", "(19,39]", "(39,59]", "(59,Inf]"],
  };
  const apiLevels = domainLevelsOf((f) => levelCodes(strat, f, apiFields[f] as string[]));
  const nhLevels = domainLevelsOf((f) => levelCodes(nh, f, nhFields[f] as string[]));

  function check(
    what: string,
    grouping: ReturnType<typeof apiLevels>,
    fields: string[],
    got: { estimate: number; se: number; df: number }[],
  ) {
    for (const line of linesOf(what)) {
      const k = grouping.parts?.findIndex((p) => p.every((x, j) => x.field === fields[j] && line.levels[x.field] === x.level)) ?? -1;
      expect(k, JSON.stringify(line.levels)).toBeGreaterThanOrEqual(0);
      const r = got[k] as { estimate: number; se: number; df: number };
      close(r.estimate, line.fields.est, `${what} ${JSON.stringify(line.levels)} estimate`);
      close(r.se, line.fields.se, `${what} ${JSON.stringify(line.levels)} se`);
      expect(r.df, `${what} ${JSON.stringify(line.levels)} degf`).toBe(line.fields.degf?.value);
    }
  }

  it("mean and ratio of api00 by school type × awards, on the stratified cluster design", () => {
    const g = apiLevels(domainOf(["stype", "awards"]));
    const all = dstrat.everyRow();
    const levels = { codes: g.codes, count: g.levels.length, dfs: levelDfs(dstrat, all, g.codes, g.levels.length) };
    const mean = svyMeanByLevel(dstrat, strat.num("api00"), new RowIndex(all), levels).results.map(mustEstimate);
    check("mean api00", g, ["stype", "awards"], mean);
    const ratio = svyRatioByLevel(dstrat, strat.num("api00"), strat.num("api99"), new RowIndex(all), levels).results.map(mustEstimate);
    check("ratio api00/api99", g, ["stype", "awards"], ratio);
  });

  it("high cholesterol by race × sex, with missing values: df of the domain before they leave it", () => {
    const g = nhLevels(domainOf(["race", "RIAGENDR"]));
    const y = nh.num("HI_CHOL");
    const all = dnh.everyRow();
    const present = Int32Array.from(all.filter((i) => !Number.isNaN(y[i]!)));
    const dfs = levelDfs(dnh, all, g.codes, g.levels.length);
    const r = svyMeanByLevel(dnh, y, new RowIndex(present), { codes: g.codes, count: g.levels.length, dfs }).results.map(mustEstimate);
    check("proportion HI_CHOL=1", g, ["race", "RIAGENDR"], r);
  });

  it("age groups within each race: shares of the level's domain on its df", () => {
    const g = nhLevels(domainOf("race"));
    const agecat = nhLevels(domainOf("agecat"));
    const all = dnh.everyRow();
    const dfs = levelDfs(dnh, all, g.codes, g.levels.length);
    expect(R.filter((l) => l.what.startsWith("share agecat=")).length).toBe(16);
    g.levels.forEach((level, k) => {
      const rows = Int32Array.from(all.filter((i) => g.codes[i] === k));
      const shares = svyDistributionShares(dnh, agecat.codes, agecat.levels.length, new RowIndex(rows, dfs[k])).map(mustEstimate);
      for (const line of R.filter((l) => l.what.startsWith("share agecat=") && l.levels.race === level.value)) {
        const c = agecat.levels.findIndex((x) => `share agecat=${x.value}` === line.what);
        close(shares[c]?.estimate, line.fields.est, `${line.what} race=${level.value}`);
        close(shares[c]?.se, line.fields.se, `${line.what} race=${level.value} se`);
        expect(shares[c]?.df).toBe(line.fields.degf?.value);
      }
    });
  });
});

describe("a distribution by crossed subgroups through the CLI: shares per level, two-way suppression", async () => {
  const dir = await tempDir();
  const ref = (file: string) => JSON.stringify(path.join(REFERENCE_DIR, file));
  const study = path.join(dir, "study.yaml");
  writeFileSync(
    study,
    `study: suppressed
title: Awards by school type and school-wide target
datasets:
  api:
    path: ${ref("apistrat.csv")}
    schema: ${JSON.stringify(path.join(repoRoot, "test/r-survey/studies/api.schema.json"))}
    design: { ids: [dnum], strata: stype, fpc: [fpc], weights: pw, nest: true }
indicators:
  - { id: awards, label: Awards, dataset: api, kind: distribution, field: awards, domains: [[stype, sch.wide]] }
disclosure: { min_cell: 12 }
`,
  );
  const { code, stdout, stderr } = await cli(["report", study, "--out", dir, "--json"]);
  const levels = code === 0 ? ((JSON.parse(stdout) as { indicators: Indicator[] }).indicators[0]?.domains?.["stype × sch.wide"] ?? []) : [];

  it("runs, one level per school type × target combination", () => {
    expect(code, stderr).toBe(0);
    expect(levels.map((l) => l.label)).toEqual([
      "Elementary × No",
      "Elementary × Yes",
      "High × No",
      "High × Yes",
      "Middle × No",
      "Middle × Yes",
    ]);
  });

  it("shares of a level without a hidden category add up to 1", () => {
    const whole = levels.filter((l) => (l.categories ?? []).every((c) => c.estimate !== null));
    expect(whole.length).toBeGreaterThan(0);
    for (const l of whole) expect(Math.abs((l.categories ?? []).reduce((a, c) => a + (c.estimate as number), 0) - 1)).toBeLessThan(1e-12);
  });

  it("hides small cells whole, and leaves no row or column with exactly one hidden entry", () => {
    const hidden = (c: { suppression: string | null }) => c.suppression !== null;
    const cells = levels.map((l) => l.categories ?? []);
    expect(cells.flat().some(hidden)).toBe(true);
    for (const c of cells.flat()) if (hidden(c)) expect([c.estimate, c.se, c.ci, c.n]).toEqual([null, null, null, null]);
    // Each level's count is shown unless hidden: a row is its cells with its count, and its cells
    // alone (their shares add up to 100 %). A line may keep exactly one hidden entry only when
    // every entry it shows is 0 (nothing left to hide).
    type Entry = { hidden: boolean; n: number | null };
    const entries = cells.map((r) => r.map((c): Entry => ({ hidden: hidden(c), n: c.n })));
    const rows = levels.flatMap((l, g) => [[...(entries[g] ?? []), { hidden: l.n === null, n: l.n }], entries[g] ?? []]);
    const columns = [0, 1].map((k) => entries.map((r) => r[k] as Entry));
    for (const line of [...rows, ...columns]) {
      const exposed = line.filter((e) => e.hidden).length === 1 && line.some((e) => !e.hidden && (e.n ?? 0) > 0);
      expect(exposed, JSON.stringify(line)).toBe(false);
    }
  });
});
