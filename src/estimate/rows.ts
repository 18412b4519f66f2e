// Which rows an estimate uses (domain AND not missing), and the facts that depend only on them.
import type { SurveyDesign } from "./design.js";

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
