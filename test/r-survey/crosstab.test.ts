// Two-way tables against R survey 4.1-1 (test/reference/r-survey/crosstab.R printed
// crosstab-output.txt): cell, row and column shares with their se and logit intervals, estimated
// counts with t intervals, margins, and svychisq's Rao–Scott F and chi-square, on the stratified
// cluster design of apistrat (stype × awards) and on nhanes within RIAGENDR == 2 (HI_CHOL × race,
// HI_CHOL missing on 387 rows), in the module and through the CLI.
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildDesign,
  EstimationContext,
  levelDfs,
  proportionInterval,
  RowIndex,
  rowsDf,
  svyCrossTab,
  tInterval,
  type EstimateResult,
  type TableAxis,
} from "../../src/estimate/index.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { crosstabHeader, crosstabRef, within } from "./crosstab-reference.js";
import { loadCsv, type Table } from "./reference.js";
import type { Printed } from "./reference.js";

interface Case {
  table: string;
  data: Table;
  design: ReturnType<typeof buildDesign>;
  /** The universe's rows. */
  universe: (i: number) => boolean;
  a: { field: string; values: string[] };
  b: { field: string; values: string[] };
}

const ids = (t: Table, col: string): string[] => t.str(col).map((v) => v ?? "");

function cases(): Case[] {
  const strat = loadCsv("apistrat.csv");
  const nh = loadCsv("nhanes.csv");
  return [
    {
      table: "apistrat",
      data: strat,
      design: buildDesign({
        n: strat.nrow,
        ids: [ids(strat, "dnum")],
        strata: ids(strat, "stype"),
        weights: strat.num("pw"),
        fpc: [strat.num("fpc")],
        nest: true,
      }),
      universe: () => true,
      a: { field: "stype", values: ["E", "H", "M"] },
      b: { field: "awards", values: ["No", "Yes"] },
    },
    {
      table: "nhanes",
      data: nh,
      design: buildDesign({
        n: nh.nrow,
        ids: [ids(nh, "SDMVPSU")],
        strata: ids(nh, "SDMVSTRA"),
        weights: nh.num("WTMEC2YR"),
        nest: true,
      }),
      universe: (i) => nh.num("RIAGENDR")[i] === 2,
      a: { field: "HI_CHOL", values: ["0", "1"] },
      b: { field: "race", values: ["1", "2", "3", "4"] },
    },
  ];
}

function close(actual: number | null | undefined, expected: Printed | null | undefined, what: string): void {
  expect(within(actual, expected), `${what}: ${actual} vs R ${expected?.value}`).toBe(true);
}

function shareChecks(r: EstimateResult, ref: Record<string, Printed | null>, what: string): void {
  expect(r.available, what).toBe(true);
  if (!r.available) return;
  close(r.estimate, ref.est, `${what} estimate`);
  close(r.se, ref.se, `${what} se`);
  expect(r.df, `${what} df`).toBe(ref.degf?.value);
  const ci = proportionInterval(r, "logit");
  close(ci.lower, ref.lo, `${what} lower`);
  close(ci.upper, ref.hi, `${what} upper`);
}

function countChecks(r: EstimateResult, ref: Record<string, Printed | null>, what: string): void {
  expect(r.available, what).toBe(true);
  if (!r.available) return;
  close(r.estimate, ref.est, `${what} estimate`);
  close(r.se, ref.se, `${what} se`);
  const ci = tInterval(r);
  close(ci.lower, ref.lo, `${what} lower`);
  close(ci.upper, ref.hi, `${what} upper`);
}

describe.each(cases())("$table: the cross-table's numbers in the module, as R", (c) => {
  const ctx = new EstimationContext(c.design);
  const n = c.data.nrow;
  const codesOf = (axis: Case["a"]): Int32Array =>
    Int32Array.from(c.data.str(axis.field), (v) => (v === null ? -1 : axis.values.indexOf(v)));
  const ca = codesOf(c.a);
  const cb = codesOf(c.b);
  const inUniverse = Int32Array.from({ length: n }, (_, i) => i).filter((i) => c.universe(i));
  const kept = inUniverse.filter((i) => ca[i]! >= 0 && cb[i]! >= 0);
  const df = rowsDf(ctx, inUniverse);
  const axis = (codes: Int32Array, count: number): TableAxis => {
    const sizes = new Int32Array(count);
    for (const i of inUniverse) if (codes[i]! >= 0) sizes[codes[i]!]!++;
    return { codes, count, dfs: levelDfs(ctx, inUniverse, codes, count), sizes };
  };
  const t = svyCrossTab(ctx, axis(ca, c.a.values.length), axis(cb, c.b.values.length), new RowIndex(kept, df, inUniverse.length));
  const header = crosstabHeader(c.table);

  it("uses the rows with both fields, on the universe's df", () => {
    expect(inUniverse.length).toBe(header.rows);
    expect(kept.length).toBe(header.used);
    expect(df).toBe(header.degf);
  });

  it("cells: n, cell, row and column shares, counts", () => {
    const nb = c.b.values.length;
    c.a.values.forEach((a, i) => {
      c.b.values.forEach((b, j) => {
        const k = i * nb + j;
        expect(t.n[k], `n ${a} ${b}`).toBe(crosstabRef(c.table, "n", { a, b }).n?.value);
        shareChecks(t.cellShares[k]!, crosstabRef(c.table, "cell", { a, b }), `cell ${a} ${b}`);
        shareChecks(t.rowShares[k]!, crosstabRef(c.table, "row", { a, b }), `row share ${a} ${b}`);
        shareChecks(t.colShares[k]!, crosstabRef(c.table, "col", { a, b }), `column share ${a} ${b}`);
        countChecks(t.counts[k]!, crosstabRef(c.table, "count", { a, b }), `count ${a} ${b}`);
      });
    });
  });

  it("margins and the total", () => {
    c.a.values.forEach((a, i) => {
      shareChecks(t.rowMargins[i]!.share, crosstabRef(c.table, "rowmargin", { a }), `row margin ${a}`);
      countChecks(t.rowMargins[i]!.count, crosstabRef(c.table, "rowcount", { a }), `row count ${a}`);
    });
    c.b.values.forEach((b, j) => {
      shareChecks(t.colMargins[j]!.share, crosstabRef(c.table, "colmargin", { b }), `column margin ${b}`);
      countChecks(t.colMargins[j]!.count, crosstabRef(c.table, "colcount", { b }), `column count ${b}`);
    });
    countChecks(t.total, crosstabRef(c.table, "total"), "total");
  });

  it("Rao–Scott F (second order) and chi-square (first order), as svychisq", () => {
    expect(t.test.available).toBe(true);
    if (!t.test.available) return;
    const f = crosstabRef(c.table, "F");
    close(t.test.f.statistic, f.stat, "F");
    close(t.test.f.ndf, f.ndf, "ndf");
    close(t.test.f.ddf, f.ddf, "ddf");
    close(t.test.f.pValue, f.p, "F p");
    const x = crosstabRef(c.table, "Chisq");
    // R prints Pearson's X² as the statistic and takes the p value of X² / mean(diag(Δ)), which
    // is F·(r − 1)(c − 1) since F = X² / tr(Δ).
    close(t.test.pearson, x.stat, "Pearson X²");
    close(t.test.chisq.statistic / (x.df?.value as number), f.stat, "first-order chi-square / df");
    expect(t.test.chisq.df).toBe(x.df?.value);
    close(t.test.chisq.pValue, x.p, "chisq p");
  });
});

interface Shown {
  estimate: number;
  se: number;
  ci: [number, number];
}
interface JsonCell {
  row: string;
  column: string;
  n: number;
  share: Shown;
  row_share: Shown;
  column_share: Shown;
  count: Shown;
}
interface JsonMargin {
  value: string;
  n: number;
  share: Shown;
  count: Shown;
}
interface JsonTable {
  n: number;
  n_missing: number;
  df: number;
  crosstab: {
    cells: JsonCell[];
    rows: { categories: JsonMargin[] };
    columns: { categories: JsonMargin[] };
    total: { n: number; count: Shown };
    test: {
      pearson: number;
      f: { statistic: number; ndf: number; ddf: number; p_value: number };
      chisq: { statistic: number; df: number; p_value: number };
    };
  };
}

function shownChecks(s: Shown, ref: Record<string, Printed | null>, what: string): void {
  close(s.estimate, ref.est, `${what} estimate`);
  close(s.se, ref.se, `${what} se`);
  close(s.ci[0], ref.lo, `${what} lower`);
  close(s.ci[1], ref.hi, `${what} upper`);
}

describe.each([
  ["apistrat", "crosstab-apistrat.yaml"],
  ["nhanes", "crosstab-nhanes.yaml"],
])("%s: the cross-table through the CLI (--json), as R", async (table, file) => {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", file), "--out", out, "--json"]);
  const ind = (JSON.parse(stdout) as { indicators: JsonTable[] }).indicators[0] as JsonTable;
  const header = crosstabHeader(table);

  it("counts the rows used, the missing and the df", () => {
    expect(code, stderr).toBe(0);
    expect(ind.n).toBe(header.used);
    expect(ind.n + ind.n_missing).toBe(header.rows);
    expect(ind.df).toBe(header.degf);
    expect(ind.crosstab.total.n).toBe(header.used);
  });

  it("cells, margins and total", () => {
    for (const cell of ind.crosstab.cells) {
      const keys = { a: cell.row, b: cell.column };
      const what = `${cell.row} × ${cell.column}`;
      expect(cell.n, what).toBe(crosstabRef(table, "n", keys).n?.value);
      shownChecks(cell.share, crosstabRef(table, "cell", keys), `${what} cell share`);
      shownChecks(cell.row_share, crosstabRef(table, "row", keys), `${what} row share`);
      shownChecks(cell.column_share, crosstabRef(table, "col", keys), `${what} column share`);
      shownChecks(cell.count, crosstabRef(table, "count", keys), `${what} count`);
    }
    for (const m of ind.crosstab.rows.categories) {
      shownChecks(m.share, crosstabRef(table, "rowmargin", { a: m.value }), `row ${m.value} share`);
      shownChecks(m.count, crosstabRef(table, "rowcount", { a: m.value }), `row ${m.value} count`);
    }
    for (const m of ind.crosstab.columns.categories) {
      shownChecks(m.share, crosstabRef(table, "colmargin", { b: m.value }), `column ${m.value} share`);
      shownChecks(m.count, crosstabRef(table, "colcount", { b: m.value }), `column ${m.value} count`);
    }
    shownChecks(ind.crosstab.total.count, crosstabRef(table, "total"), "total count");
  });

  it("the Rao–Scott tests", () => {
    const { test } = ind.crosstab;
    const f = crosstabRef(table, "F");
    close(test.f.statistic, f.stat, "F");
    close(test.f.ndf, f.ndf, "ndf");
    close(test.f.ddf, f.ddf, "ddf");
    close(test.f.p_value, f.p, "F p");
    const x = crosstabRef(table, "Chisq");
    close(test.pearson, x.stat, "Pearson X²");
    expect(test.chisq.df).toBe(x.df?.value);
    close(test.chisq.p_value, x.p, "chisq p");
  });
});
