// Test helpers over the estimation engine: R's svyby over a grouping given as values, a domain as
// a 0/1 mask, and the variance engine on dense score columns (R svyrecvar's own input).
import {
  RowIndex,
  svyMeanByLevel,
  varianceOfTotals,
  type EstimateResult,
  type Matrix,
  type SurveyDesign,
  type VarianceResult,
} from "../../src/estimate/index.js";

export type GroupValue = string | number | null | undefined;

export interface DomainLevel<R> {
  level: string;
  result: R;
}

/** Levels in R's factor order: numbers numerically, text by code point; missing values are no level. */
export function groupLevels(groups: readonly GroupValue[]): string[] {
  const present = groups.filter(
    (g): g is string | number => g !== null && g !== undefined && g !== "" && !(typeof g === "number" && Number.isNaN(g)),
  );
  const numeric = present.every((g) => typeof g === "number");
  const uniq = [...new Set(present.map(String))];
  return numeric ? uniq.sort((a, b) => Number(a) - Number(b)) : uniq.sort();
}

/** Domain mask of one level, intersected with an outer domain if given. */
export function levelMask(groups: readonly GroupValue[], level: string, domain?: Uint8Array): Uint8Array {
  const m = new Uint8Array(groups.length);
  groups.forEach((g, i) => {
    if (g !== null && g !== undefined && String(g) === level && (!domain || domain[i] === 1)) m[i] = 1;
  });
  return m;
}

/** Run `estimator` per level (R svyby(..., FUN)) on each level's mask. */
export function svyBy<R>(
  design: SurveyDesign,
  groups: readonly GroupValue[],
  estimator: (design: SurveyDesign, domain: Uint8Array) => R,
  domain?: Uint8Array,
): DomainLevel<R>[] {
  if (groups.length !== design.n) throw new RangeError(`grouping column has ${groups.length} values, design has ${design.n} rows`);
  return groupLevels(groups).map((level) => ({ level, result: estimator(design, levelMask(groups, level, domain)) }));
}

export interface DomainMeans {
  levels: DomainLevel<EstimateResult>[];
  /** Covariance of the domain means (R svyby(covmat = TRUE)), for contrasts between domains. */
  cov: Matrix;
}

/** Means of y per level with their joint covariance (svyMeanByLevel, joint). */
export function svyByMeans(design: SurveyDesign, y: Float64Array, groups: readonly GroupValue[], domain?: Uint8Array): DomainMeans {
  if (groups.length !== design.n) throw new RangeError(`grouping column has ${groups.length} values, design has ${design.n} rows`);
  const levels = groupLevels(groups);
  const codes = Int32Array.from(groups, (g, i) =>
    domain && domain[i] !== 1 ? -1 : g === null || g === undefined ? -1 : levels.indexOf(String(g)),
  );
  const { results, cov } = svyMeanByLevel(design, y, new RowIndex(rowsOf()), { codes, count: levels.length }, { joint: true });
  return { levels: levels.map((level, j) => ({ level, result: results[j]! })), cov: cov! };

  function rowsOf(): Int32Array {
    return Int32Array.from({ length: design.n }, (_, i) => i);
  }
}

/** The engine on dense score columns (one score per row, 0 outside a domain), jointly: R svyrecvar. */
export function designVariance(design: SurveyDesign, scores: readonly Float64Array[]): VarianceResult {
  for (const z of scores) {
    if (z.length !== design.n) throw new RangeError(`score column has ${z.length} values, design has ${design.n} rows`);
  }
  const columns = scores.map((z) =>
    design.stages.map((st) => {
      const t = new Float64Array(st.nClusters);
      for (let i = 0; i < design.n; i++) if (z[i] !== 0) t[st.clusterOfRow[i]!] = t[st.clusterOfRow[i]!]! + z[i]!;
      return t;
    }),
  );
  return varianceOfTotals(design, columns, true);
}

/** 1 where the row is in the domain and every given column is present (R na.rm = TRUE). */
export function usedRows(design: SurveyDesign, domain: Uint8Array | undefined, ...columns: ArrayLike<number>[]): Uint8Array {
  return Uint8Array.from({ length: design.n }, (_, i) =>
    (!domain || domain[i] === 1) && columns.every((c) => !Number.isNaN(c[i]!)) ? 1 : 0,
  );
}

export function sumWeights(design: SurveyDesign, mask: Uint8Array): number {
  let s = 0;
  for (let i = 0; i < design.n; i++) if (mask[i]) s += design.weights[i]!;
  return s;
}

/** R `degf` of the design restricted to the masked rows, counted directly: PSUs with a row minus their strata. */
export function domainDf(design: SurveyDesign, mask: Uint8Array): number {
  const st = design.stages[0]!;
  const psu = new Set<number>();
  const strata = new Set<number>();
  for (let i = 0; i < design.n; i++) {
    if (!mask[i]) continue;
    psu.add(st.clusterOfRow[i]!);
    strata.add(st.stratumOfCluster[st.clusterOfRow[i]!]!);
  }
  return psu.size - strata.size;
}

/**
 * R's SRS variance for `deff = TRUE` computed from scratch: s2 (N - nobs) / (N nobs), s2 the
 * weighted variance with divisor nobs - 1; null when undefined.
 */
export function srsMeanVariance(design: SurveyDesign, y: ArrayLike<number>, mask: Uint8Array): number | null {
  let nobs = 0;
  for (let i = 0; i < design.n; i++) nobs += mask[i]!;
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

/** A seeded xorshift generator of numbers in [0, 1): the same draws for the same seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}
