// The estimators replicates.test.ts leaves out, on a JK1 replicate design and the same design
// post-stratified, against R survey 4.1-1 (test/reference/r-survey/replicates.R, the "x" lines of
// replicates-output.txt) through the CLI (--json) on studies/replicates-more.yaml: counts by
// category and of a condition (svytotal), the mean of ratios, svyciprop's beta and mean intervals, a multiple-choice question's shares
// and mean number chosen, a contrast of two domains (svyby covmat + svycontrast), a median (with
// its Woodruff interval, or none where R gives none), a ratio and a total in domains, a cross-table's
// row and column shares (svyby), cell counts and first-order test (svychisq "Chisq"), and linear
// and logistic models (svyglm). Every R line of the two designs is compared; none is left over.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { matchR, rKeys, rLine } from "./replicate-reference.js";

interface Stat {
  estimate: number | null;
  se: number | null;
  ci?: [number, number] | null;
}
interface Indicator extends Stat {
  id: string;
  df: number | null;
  domains?: Record<string, (Stat & { level: string })[]>;
  categories?: (Stat & { value: string })[];
  contrasts?: { field: string; a: string; b: string; difference: number; se: number }[];
  crosstab?: {
    cells: { row: string; column: string; row_share: Stat; column_share: Stat; count: Stat }[];
    test: { pearson: number; chisq: { df: number; p_value: number } };
  };
  regression?: { coefficients: { term: string; estimate: number; se: number }[] };
}

async function run(): Promise<Indicator[]> {
  const out = await tempDir();
  const study = path.join(repoRoot, "test/r-survey/studies/replicates-more.yaml");
  const { code, stdout, stderr } = await cli(["report", study, "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  return (JSON.parse(stdout) as { indicators: Indicator[] }).indicators;
}

function compare(key: string, got: Stat | undefined): void {
  const r = rLine(key);
  expect(got, key).toBeDefined();
  matchR(got!.estimate, r.est, `${key} estimate`);
  matchR(got!.se, r.se, `${key} se`, r.est);
}

describe("every other estimator on a replicate design, plain and post-stratified, as R", () => {
  it("counts, mean of ratios, multiple choice, a contrast, a cross-table's shares, counts and test, models", async () => {
    const indicators = await run();
    for (const d of ["more", "more_ps"]) {
      const ind = (suffix: string): Indicator => {
        const found = indicators.find((i) => i.id === `${d}_${suffix}`);
        if (!found) throw new Error(`no indicator ${d}_${suffix}`);
        return found;
      };
      const cell = (rest: string): { row: string; column: string } => {
        const [row, column] = rest
          .slice(rest.lastIndexOf("=") + 1)
          .replace(/^.*\)/, "")
          .split(".") as [string, string];
        return { row, column };
      };
      const tableCell = (rest: string) => {
        const { row, column } = cell(rest);
        return ind("table").crosstab!.cells.find((c) => c.row === row && c.column === column);
      };
      const keys = rKeys(`x ${d} `);
      for (const key of keys) {
        const rest = key.slice(`x ${d} `.length);
        if (rest.startsWith("count stype stype="))
          compare(
            key,
            ind("count_stype").categories!.find((c) => c.value === rest.slice(-1)),
          );
        else if (rest === "count awards=Yes") compare(key, ind("count_awards"));
        else if (rest === "meanratio api00/api99") compare(key, ind("meanratio"));
        else if (rest.startsWith("proportion awards=Yes ")) {
          const got = ind(`awards_${rest.slice("proportion awards=Yes ".length)}`);
          compare(key, got);
          matchR(got.ci?.[0], rLine(key).lower, `${key} lower`);
          matchR(got.ci?.[1], rLine(key).upper, `${key} upper`);
        } else if (rest.startsWith("choice targets="))
          compare(
            key,
            ind("targets").categories!.find((c) => c.value === rest.slice("choice targets=".length)),
          );
        else if (rest === "chosen targets") compare(key, ind("targets"));
        else if (/^(quantile api00 median|ratio api00\/api99|total enroll) stype=/.test(rest)) {
          const id = rest.startsWith("quantile") ? "median" : rest.startsWith("ratio") ? "ratio" : "enroll";
          const level = ind(id).domains!.stype!.find((l) => l.level === rest.slice(-1));
          const r = rLine(key);
          if (r.se === undefined) {
            // R gives no interval (Woodruff's bounds fall outside [0, 1]): neither does the tool.
            matchR(level?.estimate, r.est, `${key} estimate`);
            expect(level?.se, key).toBeNull();
            expect(level?.ci, key).toBeNull();
          } else compare(key, level);
          if (r.lower !== undefined) {
            matchR(level?.ci?.[0], r.lower, `${key} lower`);
            matchR(level?.ci?.[1], r.upper, `${key} upper`);
          }
        } else if (rest === "contrast api00 stype=E-H") {
          const c = ind("api00").contrasts!.find((x) => x.a === "E" && x.b === "H");
          compare(key, c && { estimate: c.difference, se: c.se });
        } else if (rest.startsWith("rowshare ")) compare(key, tableCell(rest)?.row_share);
        else if (rest.startsWith("colshare ")) compare(key, tableCell(rest)?.column_share);
        else if (rest.startsWith("cellcount ")) compare(key, tableCell(rest)?.count);
        else if (rest === "chisq1 stype.awards") {
          const r = rLine(key);
          const test = ind("table").crosstab!.test;
          // R prints Pearson's X² of the scaled table as the statistic, the first-order p value beside it.
          matchR(test.pearson, r.stat, `${key} statistic`);
          expect(test.chisq.df).toBe(r.df!.value);
          matchR(test.chisq.p_value, r.p, `${key} p`);
        } else if (rest.startsWith("lm ") || rest.startsWith("glm ")) {
          const [model, term] = rest.split(" ") as [string, string];
          const fit = ind(model);
          const c = fit.regression!.coefficients.find((x) => x.term === term);
          compare(key, c);
          expect(fit.df, `${key} df`).toBe(rLine(key).df!.value);
        } else throw new Error(`no comparison for "${key}"`);
      }
      // 3 + 1 counts, 1 mean of ratios, 2 intervals of a proportion, 5 multiple-choice lines, 1 contrast, 3 medians, ratios and
      // totals in subgroups, 18 cross-table lines, 1 test, 8 coefficients.
      expect(keys.length, d).toBe(49);
    }
  });
});
