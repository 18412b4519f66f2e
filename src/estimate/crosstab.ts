// A two-way table of two categorical variables: every number from the existing score builders
// (category shares with their joint covariance, totals by level) and so from the one variance
// engine, then the Rao–Scott tests of independence.
import type { CodeArray } from "../table-schema/index.js";
import { contextOf, type Estimation } from "./context.js";
import type { EstimateResult } from "./estimate.js";
import { svyDistribution, svyDistributionShares, svyTotalByLevel } from "./estimators.js";
import { raoScott, type RaoScottResult } from "./rao-scott.js";
import { RowIndex } from "./rows.js";

/** One of the table's two variables: each row's category (−1: missing) and its categories' domains. */
export interface TableAxis {
  codes: CodeArray;
  count: number;
  /** Each category's df and rows (missing values of the other variable included), as RowIndex carries them. */
  dfs: ArrayLike<number>;
  sizes: ArrayLike<number>;
}

export interface CrossTab {
  /** Respondents per cell, row-major (cell (i, j) at i·cols + j), and per row and column. */
  n: Int32Array;
  rowN: Int32Array;
  colN: Int32Array;
  /** Each cell's share of the table (svymean of the interaction). */
  cellShares: EstimateResult[];
  /** Each cell's share of its row (svyby(~b, ~a, svymean)): a domain mean over the row's rows. */
  rowShares: EstimateResult[];
  /** Each cell's share of its column. */
  colShares: EstimateResult[];
  /** Estimated population counts (svytotal of each cell's indicator). */
  counts: EstimateResult[];
  rowMargins: { share: EstimateResult; count: EstimateResult }[];
  colMargins: { share: EstimateResult; count: EstimateResult }[];
  total: EstimateResult;
  test: RaoScottResult;
}

/**
 * The table over `domain` (its rows: those with both variables present; its df and design
 * rows: the universe's, rows with a missing value included, as R's subset design keeps them).
 */
export function svyCrossTab(e: Estimation, rows: TableAxis, cols: TableAxis, domain: RowIndex): CrossTab {
  const ctx = contextOf(e);
  const r = rows.count;
  const c = cols.count;
  const index = domain.index;
  const cellCodes = new Int32Array(ctx.design.n).fill(-1);
  const n = new Int32Array(r * c);
  const rowN = new Int32Array(r);
  const colN = new Int32Array(c);
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    const a = rows.codes[i]!;
    const b = cols.codes[i]!;
    if (a < 0 || b < 0) throw new RangeError(`row ${i + 1} of the table's domain has a missing category`);
    cellCodes[i] = a * c + b;
    n[a * c + b]!++;
    rowN[a]!++;
    colN[b]!++;
  }
  const df = domain.df ?? ctx.design.df;
  const { categories: cellShares, cov } = svyDistribution(ctx, cellCodes, r * c, domain);
  // The counts' y: 1 for every row, in the context's room for row values (no estimate below uses it).
  const ones = ctx.rowValues().fill(1);
  const counts = svyTotalByLevel(ctx, ones, domain, { codes: cellCodes, count: r * c, dfs: new Float64Array(r * c).fill(df) });
  const rowShares = new Array<EstimateResult>(r * c);
  const colShares = new Array<EstimateResult>(r * c);
  const parts = (axis: TableAxis): Int32Array[] => ctx.splitByLevel(index, axis.codes, axis.count);
  parts(rows).forEach((part, a) => {
    const shares = svyDistributionShares(ctx, cols.codes, c, new RowIndex(part, rows.dfs[a], rows.sizes[a]));
    shares.forEach((s, b) => {
      rowShares[a * c + b] = s;
    });
  });
  parts(cols).forEach((part, b) => {
    const shares = svyDistributionShares(ctx, rows.codes, r, new RowIndex(part, cols.dfs[b], cols.sizes[b]));
    shares.forEach((s, a) => {
      colShares[a * c + b] = s;
    });
  });
  const margins = (axis: TableAxis): { share: EstimateResult; count: EstimateResult }[] => {
    const shares = svyDistributionShares(ctx, axis.codes, axis.count, domain);
    const totals = svyTotalByLevel(ctx, ones, domain, {
      codes: axis.codes,
      count: axis.count,
      dfs: new Float64Array(axis.count).fill(df),
    });
    return shares.map((share, k) => ({ share, count: totals[k]! }));
  };
  const total = svyTotalByLevel(ctx, ones, domain, { codes: ctx.singleLevel(), count: 1, dfs: [df] })[0]!;
  const test = raoScott({
    shares: cellShares.map((s) => (s.available ? s.estimate : 0)),
    cov,
    rows: r,
    cols: c,
    designRows: domain.designRows ?? index.length,
    df,
  });
  return { n, rowN, colN, cellShares, rowShares, colShares, counts, rowMargins: margins(rows), colMargins: margins(cols), total, test };
}
