// Which rows an estimate uses (domain AND not missing), and the facts that depend only on them.
import type { SurveyDesign } from "./design.js";
import { zeroedU8 } from "./scratch.js";

/** 1 where the row is in the domain and every given column is present (R na.rm = TRUE). */
export function usedRows(design: SurveyDesign, domain: Uint8Array | undefined, ...columns: ArrayLike<number>[]): Uint8Array {
  if (domain && domain.length !== design.n) throw new RangeError(`domain has ${domain.length} values, design has ${design.n} rows`);
  for (const c of columns) {
    if (c.length !== design.n) throw new RangeError(`variable has ${c.length} values, design has ${design.n} rows`);
  }
  const mask = new Uint8Array(design.n);
  for (let i = 0; i < design.n; i++) {
    if (domain && domain[i] !== 1) continue;
    let ok = true;
    for (const c of columns) if (Number.isNaN(c[i]!)) ok = false;
    mask[i] = ok ? 1 : 0;
  }
  return mask;
}

export function countRows(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i]!;
  return n;
}

export function sumWeights(design: SurveyDesign, mask: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < design.n; i++) if (mask[i]) s += design.weights[i]!;
  return s;
}

/**
 * R `degf` of the design restricted to these rows: stage-1 PSUs with a used row minus
 * strata with a used row (R's degf counts rows with non-zero weight after subsetting).
 */
export function domainDf(design: SurveyDesign, mask: Uint8Array): number {
  const st = design.stages[0]!;
  const psu = new Uint8Array(st.nClusters);
  const strata = new Uint8Array(st.nStrata);
  for (let i = 0; i < design.n; i++) {
    if (!mask[i]) continue;
    const c = st.clusterOfRow[i]!;
    psu[c] = 1;
    strata[st.stratumOfCluster[c]!] = 1;
  }
  return countRows(psu) - countRows(strata);
}

/**
 * Variance of the same statistic under simple random sampling without replacement of nobs
 * rows from a population of N = sum of weights, as R's `deff = TRUE` (svymean/svytotal):
 * s2 * (N - nobs) / (N * nobs), s2 = weighted variance of y with divisor (nobs - 1).
 * Returns null when that variance is undefined (N <= nobs, fewer than 2 rows, s2 = 0).
 */
export function srsMeanVariance(design: SurveyDesign, y: ArrayLike<number>, mask: Uint8Array): number | null {
  const nobs = countRows(mask);
  const N = sumWeights(design, mask);
  if (nobs < 2 || !(N > nobs)) return null;
  let m = 0;
  for (let i = 0; i < design.n; i++) if (mask[i]) m += design.weights[i]! * y[i]!;
  m /= N;
  let ss = 0;
  for (let i = 0; i < design.n; i++) if (mask[i]) ss += design.weights[i]! * (y[i]! - m) ** 2;
  const s2 = (ss / N) * (nobs / (nobs - 1));
  const v = (s2 * (N - nobs)) / (N * nobs);
  return v > 0 ? v : null;
}

/**
 * A domain given as the ascending indexes of its rows rather than a 0/1 mask: estimators then
 * visit only those rows (in the same order as a mask scan, so every sum is the same number),
 * which makes the levels of a subgroup cost O(rows) together instead of O(rows) each.
 */
export class RowIndex {
  /**
   * `df`, when given, is the degrees of freedom of the domain these rows stand for, known to the
   * caller (R's svyciprop takes the domain's degf: a row with a missing value leaves the
   * estimate, never its cluster). Estimators then report it instead of counting the clusters of
   * the rows they use.
   */
  constructor(
    readonly index: Int32Array,
    readonly df?: number,
  ) {}
}

/** The df a domain carries (RowIndex.df), else that of the rows an estimate uses. */
export function dfOf(design: SurveyDesign, domain: Domain | undefined, used: Int32Array): number {
  return domain instanceof RowIndex && domain.df !== undefined ? domain.df : domainDfAt(design, used);
}

export type Domain = Uint8Array | RowIndex;

/**
 * Ascending indexes of the rows an estimate uses: in the domain and present in every column
 * (R na.rm = TRUE). Same checks as usedRows.
 */
export function usedIndex(design: SurveyDesign, domain: Domain | undefined, ...columns: ArrayLike<number>[]): Int32Array {
  if (domain instanceof Uint8Array && domain.length !== design.n) {
    throw new RangeError(`domain has ${domain.length} values, design has ${design.n} rows`);
  }
  for (const c of columns) {
    if (c.length !== design.n) throw new RangeError(`variable has ${c.length} values, design has ${design.n} rows`);
  }
  return indexWhere(design, domain, (i) => {
    for (let k = 0; k < columns.length; k++) if (Number.isNaN(columns[k]![i]!)) return false;
    return true;
  });
}

/**
 * Ascending indexes of the rows in the domain where `present(i)` holds: usedIndex for a test
 * that needs no column of its own (a category present), the domain's own array when every row passes.
 */
export function indexWhere(design: SurveyDesign, domain: Domain | undefined, present: (i: number) => boolean): Int32Array {
  if (domain instanceof Uint8Array && domain.length !== design.n) {
    throw new RangeError(`domain has ${domain.length} values, design has ${design.n} rows`);
  }
  if (domain instanceof RowIndex) {
    const idx = domain.index;
    let count = 0;
    for (let k = 0; k < idx.length; k++) if (present(idx[k]!)) count++;
    if (count === idx.length) return idx;
    const out = new Int32Array(count);
    let j = 0;
    for (let k = 0; k < idx.length; k++) if (present(idx[k]!)) out[j++] = idx[k]!;
    return out;
  }
  let count = 0;
  for (let i = 0; i < design.n; i++) if ((!domain || domain[i] === 1) && present(i)) count++;
  const out = new Int32Array(count);
  let j = 0;
  for (let i = 0; i < design.n; i++) if ((!domain || domain[i] === 1) && present(i)) out[j++] = i;
  return out;
}

const allRows = new WeakMap<SurveyDesign, Int32Array>();

/** 0..n-1 of a design: one shared array (read only), so caches keyed on a row set hit for every caller. */
export function everyRow(design: SurveyDesign): Int32Array {
  let rows = allRows.get(design);
  if (!rows) {
    rows = new Int32Array(design.n);
    for (let i = 0; i < design.n; i++) rows[i] = i;
    allRows.set(design, rows);
  }
  return rows;
}

/** The df of a row set (it depends only on the design and the rows), counted once per row set. */
const rowDf = new WeakMap<Int32Array, { design: SurveyDesign; df: number }>();

/** domainDf for rows given by index (same result as domainDf on the matching mask). */
export function domainDfAt(design: SurveyDesign, index: Int32Array): number {
  // Every row (indexes are distinct): every PSU and stratum has one, so it is the design's df.
  if (index.length === design.n) return design.df;
  const hit = rowDf.get(index);
  if (hit && hit.design === design) return hit.df;
  const df = countDomainDf(design, index);
  rowDf.set(index, { design, df });
  return df;
}

function countDomainDf(design: SurveyDesign, index: Int32Array): number {
  const st = design.stages[0]!;
  const marks = zeroedU8(st.nClusters + st.nStrata);
  const psu = marks.subarray(0, st.nClusters);
  const strata = marks.subarray(st.nClusters);
  let nPsu = 0;
  let nStrata = 0;
  for (let k = 0; k < index.length; k++) {
    const c = st.clusterOfRow[index[k]!]!;
    if (psu[c] === 0) {
      psu[c] = 1;
      nPsu++;
      const h = st.stratumOfCluster[c]!;
      if (strata[h] === 0) {
        strata[h] = 1;
        nStrata++;
      }
    }
  }
  return nPsu - nStrata;
}

/** srsMeanVariance from its sums: nobs rows, N = their weight, ss = sum w (y - mean)^2. */
export function srsVarianceFromSums(nobs: number, N: number, ss: number): number | null {
  if (nobs < 2 || !(N > nobs)) return null;
  const s2 = (ss / N) * (nobs / (nobs - 1));
  const v = (s2 * (N - nobs)) / (N * nobs);
  return v > 0 ? v : null;
}
