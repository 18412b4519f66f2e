// The one variance engine: the analogue of R survey's svyrecvar / multistage / onestage /
// onestrat. Every estimator supplies its weighted linearised values here; none has its own copy.
import { CERTAINTY_TOLERANCE, type SurveyDesign } from "./design.js";
import { zeroedF64 } from "./scratch.js";

export type Matrix = number[][];

export interface VarianceResult {
  /** p x p covariance matrix of the estimated totals of the score columns. */
  cov: Matrix;
  warnings: string[];
}

function zeros(rows: number, cols: number): Matrix {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

function addScaled(target: Matrix, m: Matrix, k: number): void {
  for (let a = 0; a < target.length; a++) {
    const t = target[a]!;
    const r = m[a]!;
    for (let b = 0; b < t.length; b++) t[b] = t[b]! + k * r[b]!;
  }
}

/**
 * Design-based covariance of sum_i z_i over the sampling design, where each score column z
 * already carries the weight: z_i = w_i * (influence value of row i), as R passes x/prob.
 * Rows outside a domain (or missing) must have z_i = 0; they keep their PSU, so PSU counts,
 * centring and fpc stay those of the full design (Lumley 2010, section 2.3; Binder 1983).
 *
 * Stage 1: with-replacement between-PSU variance within strata,
 *   V_h = f_h * n_h/(n_h-1) * sum_c (t_c - mean t)^2,  f_h = (N_h - n_h)/N_h or 1 without fpc.
 * Later stages are added, as R's multistage, only below a stage with an fpc, scaled by n/N.
 */
export function designVariance(design: SurveyDesign, scores: readonly Float64Array[]): VarianceResult {
  const p = scores.length;
  for (const z of scores) {
    if (z.length !== design.n) throw new RangeError(`score column has ${z.length} values, design has ${design.n} rows`);
  }
  // Cluster totals at every stage, computed once.
  const totals = design.stages.map((st) => {
    const t = new Float64Array(st.nClusters * p);
    for (let k = 0; k < p; k++) {
      const z = scores[k]!;
      for (let i = 0; i < design.n; i++) {
        const zi = z[i]!;
        if (zi !== 0) {
          const j = st.clusterOfRow[i]! * p + k;
          t[j] = t[j]! + zi;
        }
      }
    }
    return t;
  });
  return varianceOfTotals(design, p, totals);
}

/**
 * Zeroed cluster totals of p score columns at every stage, cluster-major (`c * p + k`): views of
 * scratch memory (scratch.ts), valid until the next call, so one estimate's totals at a time.
 */
export function clusterTotals(design: SurveyDesign, p: number): Float64Array[] {
  const sizes = design.stages.map((st) => st.nClusters * p);
  const all = zeroedF64(sizes.reduce((a, b) => a + b, 0));
  let offset = 0;
  return sizes.map((size) => all.subarray(offset, (offset += size)));
}

/**
 * Memory for the cluster totals held at once by estimates that need only variances, column by
 * column (the levels of a subgroup, the categories of a distribution). A column holds a total per
 * cluster of every stage (535,000 clusters: 4.3 MB), so a big design does two columns per pass
 * over its rows rather than one pass with every column in memory; a small design does them all
 * in one pass. Columns are independent: each one's totals are the same sums in the same order.
 */
const TOTALS_BUDGET_BYTES = 10 << 20;

/** Columns whose totals one pass holds: as many as the budget allows, at least one. */
export function columnsPerPass(design: SurveyDesign): number {
  const perColumn = design.stages.reduce((a, st) => a + st.nClusters, 0) * Float64Array.BYTES_PER_ELEMENT;
  return Math.max(1, Math.floor(TOTALS_BUDGET_BYTES / perColumn));
}

/**
 * Zeroed cluster totals of `count` separate columns: totals[column][stage] (views of scratch
 * memory, valid until the next call), for variancesOfTotals.
 */
export function separateTotals(design: SurveyDesign, count: number): Float64Array[][] {
  const sizes = design.stages.map((st) => st.nClusters);
  const perColumn = sizes.reduce((a, b) => a + b, 0);
  const all = zeroedF64(perColumn * count);
  return Array.from({ length: count }, (_, c) => {
    let offset = c * perColumn;
    return sizes.map((size) => all.subarray(offset, (offset += size)));
  });
}

/**
 * Variances of `count` columns of scores, `step` columns per pass: `addScores` adds the scores
 * of columns lo..hi-1 into totals[column - lo] (see separateTotals), then the strata are walked
 * once for those columns.
 */
export function variancesInPasses(
  design: SurveyDesign,
  count: number,
  step: number,
  addScores: (totals: Float64Array[][], lo: number, hi: number) => void,
): VariancesResult {
  const variances: number[] = [];
  let warnings: string[] = []; // about the design's strata, the same for every pass
  for (let lo = 0; lo < count; lo += step) {
    const hi = Math.min(count, lo + step);
    const totals = separateTotals(design, hi - lo);
    addScores(totals, lo, hi);
    const pass = variancesOfTotals(design, totals);
    for (let c = 0; c < hi - lo; c++) variances.push(pass.variances[c]!);
    warnings = pass.warnings;
  }
  return { variances, warnings };
}

/** Adds row i's score z of column k to its clusters' totals at every stage (a zero adds nothing). */
export function addScoreAt(design: SurveyDesign, totals: Float64Array[], p: number, k: number, i: number, z: number): void {
  if (z === 0) return;
  const stages = design.stages;
  for (let s = 0; s < stages.length; s++) {
    const t = totals[s]!;
    const j = stages[s]!.clusterOfRow[i]! * p + k;
    t[j] = t[j]! + z;
  }
}

/** A score column given only on some rows: `values[k]` is the score of row `index[k]` (ascending); 0 elsewhere. */
export interface SparseScores {
  index: Int32Array;
  values: Float64Array;
}

/**
 * designVariance for scores that are zero outside a domain, given on the domain's rows only:
 * the cluster totals are the same sums in the same order, so the result is the same number,
 * at a cost proportional to the domain instead of the whole design.
 */
export function designVarianceAt(design: SurveyDesign, scores: readonly SparseScores[]): VarianceResult {
  const p = scores.length;
  const totals = design.stages.map((st) => {
    const t = new Float64Array(st.nClusters * p);
    const clusterOfRow = st.clusterOfRow;
    for (let k = 0; k < p; k++) {
      const { index, values } = scores[k]!;
      for (let r = 0; r < index.length; r++) {
        const zi = values[r]!;
        if (zi !== 0) {
          const j = clusterOfRow[index[r]!]! * p + k;
          t[j] = t[j]! + zi;
        }
      }
    }
    return t;
  });
  return varianceOfTotals(design, p, totals);
}

/** The stages' recursion over cluster totals (R onestrat / onestage / multistage): `totals[s]` holds
 * stage s's cluster totals, cluster-major (`c * p + k`). */
export function varianceOfTotals(design: SurveyDesign, p: number, totals: Float64Array[]): VarianceResult {
  return recurseStages(design, p, p, (s, clusters, nPsu, scale, centred) => stratumCov(totals[s]!, p, clusters, nPsu, scale, centred));
}

/** Variances of several statistics estimated separately, and the engine's warnings. */
export interface VariancesResult {
  variances: number[];
  warnings: string[];
}

/**
 * varianceOfTotals(design, 1, columns[j]) for every column j (`columns[j][s]`: stage s's cluster
 * totals of statistic j), in one walk of the strata: each stratum's sums run for all columns side
 * by side, each column's in the same cluster order as alone, so every variance is the same
 * number; the independent sums overlap instead of waiting on one another.
 */
export function variancesOfTotals(design: SurveyDesign, columns: readonly Float64Array[][]): VariancesResult {
  const byStage = design.stages.map((_, s) => columns.map((col) => col[s]!));
  const { cov, warnings } = recurseStages(design, 1, columns.length, (s, clusters, nPsu, scale, centred) =>
    stratumVariances(byStage[s]!, clusters, nPsu, scale, centred),
  );
  return { variances: cov[0]!, warnings };
}

/**
 * One stratum's contribution from its clusters' totals: scale * sum_c (t_c - centre)^2, centred at
 * the stratum mean or (centred = false, a lonely PSU under "adjust") at zero.
 */
type StratumSum = (s: number, clusters: Int32Array, nPsu: number, scale: number, centred: boolean) => Matrix;

/** Full p x p covariance of one stratum (totals cluster-major, `c * p + k`). */
function stratumCov(t: Float64Array, p: number, clusters: Int32Array, nPsu: number, scale: number, centred: boolean): Matrix {
  const v = zeros(p, p);
  const nc = clusters.length;
  if (p === 1) {
    // The common case (one statistic), without the matrix bookkeeping; same arithmetic.
    let centre = 0;
    if (centred) {
      for (let j = 0; j < nc; j++) centre = centre + t[clusters[j]!]!;
      centre = centre / nPsu;
    }
    let acc = v[0]![0]!;
    for (let j = 0; j < nc; j++) {
      const d = t[clusters[j]!]! - centre;
      acc = acc + scale * d * d;
    }
    v[0]![0] = acc;
    return v;
  }
  const centre = new Float64Array(p);
  if (centred) {
    for (let j = 0; j < nc; j++) {
      const c = clusters[j]!;
      for (let k = 0; k < p; k++) centre[k] = centre[k]! + t[c * p + k]!;
    }
    for (let k = 0; k < p; k++) centre[k] = centre[k]! / nPsu;
  }
  // Sums in a flat typed array (row-major), read into the matrix at the end: the same additions.
  const acc = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (let j = 0; j < nc; j++) {
    const c = clusters[j]!;
    for (let k = 0; k < p; k++) d[k] = t[c * p + k]! - centre[k]!;
    for (let a = 0; a < p; a++) {
      const sa = scale * d[a]!; // scale * d[a] * d[b] is (scale * d[a]) * d[b]
      const row = a * p;
      for (let b = 0; b < p; b++) acc[row + b] = acc[row + b]! + sa * d[b]!;
    }
  }
  for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) v[a]![b] = acc[a * p + b]!;
  return v;
}

/** stratumCov's p = 1 arithmetic for each of several separate totals columns, as a 1 x L row. */
function stratumVariances(cols: readonly Float64Array[], clusters: Int32Array, nPsu: number, scale: number, centred: boolean): Matrix {
  const out = new Array<number>(cols.length);
  // Four columns per walk, their sums in locals (registers); a short group repeats its last
  // column, whose duplicate sums are dropped.
  for (let g = 0; g < cols.length; g += 4) {
    const last = Math.min(g + 4, cols.length) - 1;
    const col = (k: number): Float64Array => cols[Math.min(g + k, last)]!;
    const sums = fourVariances(col(0), col(1), col(2), col(3), clusters, nPsu, scale, centred);
    for (let k = 0; g + k <= last; k++) out[g + k] = sums[k]!;
  }
  return [out];
}

/** stratumCov's p = 1 sum for four columns at once, each in its own locals. */
function fourVariances(
  t0: Float64Array,
  t1: Float64Array,
  t2: Float64Array,
  t3: Float64Array,
  clusters: Int32Array,
  nPsu: number,
  scale: number,
  centred: boolean,
): [number, number, number, number] {
  const nc = clusters.length;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  if (centred) {
    for (let j = 0; j < nc; j++) {
      const c = clusters[j]!;
      m0 = m0 + t0[c]!;
      m1 = m1 + t1[c]!;
      m2 = m2 + t2[c]!;
      m3 = m3 + t3[c]!;
    }
    m0 = m0 / nPsu;
    m1 = m1 / nPsu;
    m2 = m2 / nPsu;
    m3 = m3 / nPsu;
  }
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  for (let j = 0; j < nc; j++) {
    const c = clusters[j]!;
    const d0 = t0[c]! - m0;
    const d1 = t1[c]! - m1;
    const d2 = t2[c]! - m2;
    const d3 = t3[c]! - m3;
    v0 = v0 + scale * d0 * d0;
    v1 = v1 + scale * d1 * d1;
    v2 = v2 + scale * d2 * d2;
    v3 = v3 + scale * d3 * d3;
  }
  return [v0, v1, v2, v3];
}

/**
 * R's recursion (onestrat / onestage / multistage) on rows x cols contributions, each stratum's
 * from `stratumSum`; contributions only ever add up and scale element by element.
 */
function recurseStages(design: SurveyDesign, rows: number, cols: number, stratumSum: StratumSum): VarianceResult {
  const warnings: string[] = [];

  /** R onestrat: contribution of one stratum, or null for a lonely PSU under "average". */
  const oneStratum = (s: number, h: number): Matrix | null => {
    const st = design.stages[s]!;
    const nPsu = st.nPsu[h]!;
    const N = st.popSize ? st.popSize[h]! : Infinity;
    const f = N === Infinity ? 1 : (N - nPsu) / N;
    if (f < CERTAINTY_TOLERANCE) return zeros(rows, cols); // self-representing stratum
    if (nPsu === 1 && design.lonelyPsu === "average") return null;
    const scale = nPsu > 1 ? (f * nPsu) / (nPsu - 1) : f;
    // "adjust" leaves a lonely PSU uncentred, i.e. measured from the (zero) overall mean of
    // the scores, as survey 4.1 does; every other case centres at the stratum mean.
    const centred = !(nPsu === 1 && design.lonelyPsu === "adjust");
    return stratumSum(s, st.clustersOfStratum[h]!, nPsu, scale, centred);
  };

  /** R onestage: sum over strata; "average" scales up by strata / strata with a variance. */
  const oneStage = (s: number, strata: ArrayLike<number>): Matrix => {
    const v = zeros(rows, cols);
    let ok = 0;
    for (let j = 0; j < strata.length; j++) {
      const m = oneStratum(s, strata[j]!);
      if (m) {
        ok++;
        addScaled(v, m, 1);
      }
    }
    if (ok < strata.length) {
      if (ok === 0) {
        warnings.push(`No stratum at stage ${s + 1} has two or more PSUs to average over; its contribution is 0.`);
        return v;
      }
      const k = strata.length / ok;
      for (const row of v) for (let b = 0; b < cols; b++) row[b] = row[b]! * k;
    }
    return v;
  };

  const multiStage = (s: number, strata: ArrayLike<number>): Matrix => {
    const v = oneStage(s, strata);
    const st = design.stages[s]!;
    if (s + 1 >= design.stages.length || !st.popSize) return v;
    for (let j = 0; j < strata.length; j++) {
      const h = strata[j]!;
      const N = st.popSize[h]!;
      if (N === Infinity) continue;
      const fraction = st.nPsu[h]! / N;
      // At stage s+1 the strata are the clusters of stage s.
      for (const c of st.clustersOfStratum[h]!) addScaled(v, multiStage(s + 1, [c]), fraction);
    }
    return v;
  };

  const all = Int32Array.from({ length: design.stages[0]!.nStrata }, (_, h) => h);
  return { cov: multiStage(0, all), warnings };
}
