// A cross-table indicator: its request estimated over the universe's rows with both fields
// present, mapped to the result's snake_case objects with disclosure control on both margins.
import {
  levelDfs,
  type CrossTab,
  type Suppression,
  type RaoScottResult,
  type RowIndex,
  suppressCrossTable,
  svyCrossTab,
  tInterval,
  type EstimateResult,
  type EstimationContext,
  type Interval,
  reliabilityOf,
  type ReliabilityRule,
  type TableAxis,
} from "../estimate/index.js";
import type { CrossTabMargin, CrossTabResult, IndicatorResult, TableEstimate } from "../result/index.js";
import type { CodeArray } from "../table-schema/index.js";
import type { LevelCodes } from "./data-table.js";

type Available = Extract<EstimateResult, { available: true }>;

/** What a cross-table needs of the indicator's context. */
export interface CrossTabContext {
  estimation: EstimationContext;
  level: number;
  minCell: number;
  levelCodes: (field: string) => LevelCodes;
  /** A share's interval by the indicator's method: `count` respondents, `designRows` the domain's rows. */
  shareInterval: (r: Available, count: number, designRows: number | undefined) => Interval;
  /** When an estimate is flagged as unreliable (./reliability.ts). */
  reliability: ReliabilityRule;
}

/**
 * The table over `kept` (the universe's rows with both fields present) on the universe's df and
 * rows (`universe`, rows with a missing value included: R's subset design).
 */
export function estimateCrossTab(
  spec: { rows: string; columns: string },
  ctx: CrossTabContext,
  kept: RowIndex,
  universe: Int32Array,
): Partial<IndicatorResult> {
  const rowLevels = ctx.levelCodes(spec.rows);
  const colLevels = ctx.levelCodes(spec.columns);
  const r = rowLevels.levels.length;
  const c = colLevels.levels.length;
  if (r < 2 || c < 2) {
    const field = r < 2 ? spec.rows : spec.columns;
    return { not_available: `a cross-table needs at least two categories in each field; "${field}" has ${r < 2 ? r : c}` };
  }
  const axis = ({ codes, levels }: LevelCodes): TableAxis => ({
    codes,
    count: levels.length,
    dfs: levelDfs(ctx.estimation, universe, codes, levels.length),
    sizes: sizesOf(universe, codes, levels.length),
  });
  const rows = axis(rowLevels);
  const cols = axis(colLevels);
  const t = svyCrossTab(ctx.estimation, rows, cols, kept);
  const marks = suppressCrossTable(Array.from(t.n), r, c, ctx.minCell);
  const share = (e: EstimateResult, count: number, designRows: number | undefined): TableEstimate | null => {
    if (!e.available) return null;
    const ci = ctx.shareInterval(e, count, designRows);
    return {
      estimate: e.estimate,
      se: e.se,
      ci: [ci.lower, ci.upper],
      reliability: reliabilityOf(e.estimate, e.se, count, ctx.reliability, true),
    };
  };
  const count = (e: EstimateResult, n: number): TableEstimate | null => {
    if (!e.available) return null;
    const ci = tInterval(e, { level: ctx.level });
    return { estimate: e.estimate, se: e.se, ci: [ci.lower, ci.upper], reliability: reliabilityOf(e.estimate, e.se, n, ctx.reliability) };
  };
  const margin = (
    levels: LevelCodes["levels"],
    n: Int32Array,
    m: CrossTab["rowMargins"],
    hidden: readonly Suppression[],
  ): CrossTabMargin[] =>
    levels.map((level, k) => {
      const mark = hidden[k] ?? null;
      return {
        value: level.value,
        label: level.label,
        n: mark === null ? (n[k] as number) : null,
        share: mark === null ? share(m[k]!.share, n[k] as number, kept.designRows) : null,
        count: mark === null ? count(m[k]!.count, n[k] as number) : null,
        suppressed: mark !== null,
        suppression: mark,
      };
    });
  const cells = rowLevels.levels.flatMap((a, i) =>
    colLevels.levels.map((b, j) => {
      const k = i * c + j;
      const mark = marks.cells[k] ?? null;
      const n = t.n[k] as number;
      const shown = mark === null;
      return {
        row: a.value,
        column: b.value,
        n: shown ? n : null,
        share: shown ? share(t.cellShares[k]!, n, kept.designRows) : null,
        row_share: shown ? share(t.rowShares[k]!, n, rows.sizes[i]) : null,
        column_share: shown ? share(t.colShares[k]!, n, cols.sizes[j]) : null,
        count: shown ? count(t.counts[k]!, n) : null,
        suppressed: !shown,
        suppression: mark,
      };
    }),
  );
  const firstShare = t.cellShares.find((e): e is Available => e.available);
  const table: CrossTabResult = {
    rows: { field: spec.rows, categories: margin(rowLevels.levels, t.rowN, t.rowMargins, marks.rows) },
    columns: { field: spec.columns, categories: margin(colLevels.levels, t.colN, t.colMargins, marks.cols) },
    cells,
    total: { n: kept.index.length, count: count(t.total, kept.index.length) },
    share_ci_method: firstShare ? ctx.shareInterval(firstShare, 0, kept.designRows).method : "",
    count_ci_method: "t",
    test: testResult(t.test, rowLevels, colLevels, spec),
  };
  return {
    crosstab: table,
    n: kept.index.length,
    df: firstShare?.df ?? null,
    ci_method: table.share_ci_method,
    ...(kept.index.length === 0 ? { not_available: "no rows with both fields in the universe" } : {}),
  };
}

function testResult(
  test: RaoScottResult,
  rowLevels: LevelCodes,
  colLevels: LevelCodes,
  spec: { rows: string; columns: string },
): CrossTabResult["test"] {
  if (!test.available) {
    const levels = test.reason === "empty-row" ? rowLevels : colLevels;
    const field = test.reason === "empty-row" ? spec.rows : spec.columns;
    const level = test.reason === "empty-row" || test.reason === "empty-column" ? levels.levels[test.index] : undefined;
    const why = {
      "empty-row": `no respondent in ${field} = "${level?.label}": drop or merge the category to test`,
      "empty-column": `no respondent in ${field} = "${level?.label}": drop or merge the category to test`,
      "too-few-categories": "the test needs at least two categories in each field",
      "no-df": "the design has no degrees of freedom for the test",
      "no-variance": "the cell shares have no design variance to test with",
    }[test.reason];
    return {
      pearson: null,
      f: null,
      chisq: null,
      not_available: why,
      not_available_code: test.reason,
      empty_category: level === undefined ? null : { field, value: level.value, label: level.label },
    };
  }
  return {
    pearson: test.pearson,
    f: { statistic: test.f.statistic, ndf: test.f.ndf, ddf: test.f.ddf, p_value: test.f.pValue },
    chisq: { statistic: test.chisq.statistic, df: test.chisq.df, p_value: test.chisq.pValue },
    not_available: null,
    not_available_code: null,
    empty_category: null,
  };
}

/** Each level's rows among `rows`, missing values of other fields included. */
function sizesOf(rows: Int32Array, codes: CodeArray, count: number): Int32Array {
  const sizes = new Int32Array(count);
  for (let k = 0; k < rows.length; k++) {
    const code = codes[rows[k]!]!;
    if (code >= 0) sizes[code]!++;
  }
  return sizes;
}
