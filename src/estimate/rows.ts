// Which rows an estimate uses: a domain (every row, a RowIndex or a 0/1 mask) less the rows where
// a variable it reads is missing (NaN; R na.rm = TRUE).
import type { EstimationContext } from "./context.js";

/**
 * A domain given as the ascending indexes of its rows: estimators visit only those rows (in the
 * same order as a scan of every row, so every sum is the same number), which makes the levels of a
 * subgroup cost O(rows) together instead of O(rows) each.
 */
export class RowIndex {
  /**
   * `df`, when given, is the degrees of freedom of the domain these rows stand for, known to the
   * caller (R's svyciprop takes the domain's degf: a row with a missing value leaves the
   * estimate, never its cluster). Estimators then report it instead of counting the clusters of
   * the rows they use. `designRows`, when given, is that domain's row count, rows with a missing
   * value included (svyciprop's nrow(design), for the beta interval's t(n - 1)).
   */
  constructor(
    readonly index: Int32Array,
    readonly df?: number,
    readonly designRows?: number,
  ) {}
}

/** A domain: a RowIndex, or a 0/1 mask over the design's rows (1 = in). */
export type Domain = Uint8Array | RowIndex;

/**
 * The ascending rows of a domain (every row when there is none) and the df it carries, after
 * checking that the domain and every variable have one value per row of the design.
 */
export function domainRows(
  ctx: EstimationContext,
  domain: Domain | undefined,
  ...columns: ArrayLike<number>[]
): { rows: Int32Array; df: number | undefined } {
  const n = ctx.design.n;
  for (const c of columns) {
    if (c.length !== n) throw new RangeError(`variable has ${c.length} values, design has ${n} rows`);
  }
  if (domain === undefined) return { rows: ctx.everyRow(), df: undefined };
  if (domain instanceof RowIndex) return { rows: domain.index, df: domain.df };
  if (domain.length !== n) throw new RangeError(`domain has ${domain.length} values, design has ${n} rows`);
  let count = 0;
  for (let i = 0; i < n; i++) if (domain[i] === 1) count++;
  const rows = new Int32Array(count);
  for (let i = 0, j = 0; i < n; i++) if (domain[i] === 1) rows[j++] = i;
  return { rows, df: undefined };
}

/** The rows where every given column is present (not NaN): `rows` itself when all are. */
export function presentRows(rows: Int32Array, ...columns: ArrayLike<number>[]): Int32Array {
  let count = 0;
  for (let k = 0; k < rows.length; k++) if (present(rows[k]!, columns)) count++;
  if (count === rows.length) return rows;
  const out = new Int32Array(count);
  for (let k = 0, j = 0; k < rows.length; k++) if (present(rows[k]!, columns)) out[j++] = rows[k]!;
  return out;
}

function present(i: number, columns: readonly ArrayLike<number>[]): boolean {
  for (let c = 0; c < columns.length; c++) if (Number.isNaN(columns[c]![i]!)) return false;
  return true;
}

/**
 * Variance of a mean under simple random sampling without replacement of nobs rows from a
 * population of N = their weight, as R's `deff = TRUE`: s2 (N - nobs) / (N nobs), s2 the weighted
 * variance with divisor nobs - 1, from ss = sum w (y - mean)^2. Null when it is undefined
 * (N <= nobs, fewer than 2 rows, s2 = 0).
 */
export function srsVarianceFromSums(nobs: number, N: number, ss: number): number | null {
  if (nobs < 2 || !(N > nobs)) return null;
  const s2 = (ss / N) * (nobs / (nobs - 1));
  const v = (s2 * (N - nobs)) / (N * nobs);
  return v > 0 ? v : null;
}
