// The variance engine: the analogue of R survey's svyrecvar / multistage / onestage / onestrat.
// Estimators only build weighted linearised scores and add them to cluster totals here; the whole
// sample and each level of a subgroup alike. A distribution's categories keep their totals sparse
// (category-variance.ts), except on a weighted design, and share this file's recursion over
// strata and stages (recurseStages).
import type { EstimationContext } from "./context.js";
import { CERTAINTY_TOLERANCE, type SurveyDesign } from "./design.js";
import { replicateVariances, type ReplicateEstimates } from "./replicate.js";
import { residualise } from "./weighting.js";
import type { EstimateNote } from "./notes.js";

export type Matrix = number[][];

/** Cluster totals of score columns: `totals[column][stage][cluster]`. */
export type ColumnTotals = Float64Array[][];

export interface VarianceResult {
  /** joint: the p x p covariance of the columns' totals; else one row, each column's variance. */
  cov: Matrix;
  warnings: EstimateNote[];
}

/**
 * Memory for the cluster totals held at once by estimates that need only variances (the levels of
 * a subgroup, the categories of a distribution). A column holds a total per cluster of every stage
 * (535,000 clusters: 4.3 MB), so a big design does two columns per pass over its rows rather than
 * one pass with every column in memory; a small design does them all in one pass. Columns are
 * independent: each one's totals are the same sums in the same order, however many share a pass.
 */
const TOTALS_BUDGET_BYTES = 10 << 20;

/** Columns whose totals one pass holds: as many as the budget allows, at least one. */
function columnsPerPass(design: SurveyDesign): number {
  const perColumn = design.stages.reduce((a, st) => a + st.nClusters, 0) * Float64Array.BYTES_PER_ELEMENT;
  return Math.max(1, Math.floor(TOTALS_BUDGET_BYTES / perColumn));
}

/**
 * Zeroed cluster totals of `count` columns, in the context's working memory (valid until its next
 * use); a weighted design's columns end with its slot sums (./weighting.ts).
 */
function columnTotals(ctx: EstimationContext, count: number): ColumnTotals {
  const sizes = ctx.design.stages.map((st) => st.nClusters);
  if (ctx.design.calibration) sizes.push(ctx.design.calibration.size);
  const perColumn = sizes.reduce((a, b) => a + b, 0);
  const all = ctx.zeroedTotals(perColumn * count);
  return Array.from({ length: count }, (_, c) => {
    let offset = c * perColumn;
    return sizes.map((size) => all.subarray(offset, (offset += size)));
  });
}

/** Adds row i's score z to its clusters' totals at every stage of one column (a zero adds nothing). */
export function addScoreAt(design: SurveyDesign, column: Float64Array[], i: number, z: number): void {
  if (z === 0) return;
  const stages = design.stages;
  for (let s = 0; s < stages.length; s++) {
    const t = column[s]!;
    const j = stages[s]!.clusterOfRow[i]!;
    t[j] = t[j]! + z;
  }
  const cal = design.calibration;
  if (cal) {
    const slots = column[stages.length]!;
    for (const m of cal.margins) {
      const k = m.offset + m.codes[i]!;
      slots[k] = slots[k]! + z * m.sCoef[i]!;
    }
  }
}

/** Variances of `count` columns (or, `joint`, their covariance) and the engine's warnings. */
export interface ColumnVariances {
  variances: number[];
  /** The count x count covariance when asked for (`joint`), else null. */
  cov: Matrix | null;
  warnings: EstimateNote[];
  /** A replicate design's: the variance of each column's logit, from the replicates (./replicate.ts). */
  logitVariances?: number[];
}

/**
 * The estimators' entry to the engine: `addScores(totals, lo, hi)` adds the scores of columns
 * lo..hi-1 into totals[column - lo]; the strata are then walked once for those columns. Columns
 * that need only their variance go `step` per pass (columnsPerPass); a joint covariance needs
 * every column in one pass. On a replicate design the scores are not used: the columns' point
 * estimates on each replicate's weights (`replicates.at`, the builder's own estimate) give the
 * variance (./replicate.ts), so every statistic gets it from the same function as its estimate.
 */
export function scoreVariances(
  ctx: EstimationContext,
  count: number,
  addScores: (totals: ColumnTotals, lo: number, hi: number) => void,
  {
    joint = false,
    step = columnsPerPass(ctx.design),
    replicates,
  }: { joint?: boolean; step?: number; replicates?: ReplicateEstimates | undefined } = {},
): ColumnVariances {
  const reps = ctx.design.replicates;
  if (reps) {
    if (!replicates) throw new Error("this statistic has no estimate on replicate weights");
    return replicateVariances(reps, count, replicates, joint);
  }
  const perPass = joint ? Math.max(count, 1) : Math.max(step, 1);
  const variances: number[] = [];
  let cov: Matrix | null = null;
  let warnings: EstimateNote[] = []; // about the design's strata, the same for every pass
  // At least one pass, so that even no column reports the design's warnings.
  for (let lo = 0; lo === 0 || lo < count; lo += perPass) {
    const hi = Math.min(count, lo + perPass);
    const totals = columnTotals(ctx, hi - lo);
    addScores(totals, lo, hi);
    // Weighted to population counts: the totals of the scores' residuals (R svyrecvar's postStrata), for every estimator.
    const cal = ctx.design.calibration;
    if (cal) for (const column of totals) residualise(ctx.design, cal, column);
    const pass = varianceOfTotals(ctx.design, totals, joint);
    if (joint) {
      cov = pass.cov;
      for (let c = 0; c < hi - lo; c++) variances.push(pass.cov[c]![c]!);
    } else for (let c = 0; c < hi - lo; c++) variances.push(pass.cov[0]![c]!);
    warnings = pass.warnings;
  }
  return { variances, cov, warnings };
}

/**
 * Design-based variance of the totals of score columns, where each score already carries the
 * weight: z_i = w_i * (influence value of row i), as R passes x/prob. Rows outside a domain (or
 * missing) add nothing; they keep their PSU, so PSU counts, centring and fpc stay those of the
 * full design (Lumley 2010, section 2.3; Binder 1983).
 *
 * Stage 1: with-replacement between-PSU variance within strata,
 *   V_h = f_h * n_h/(n_h-1) * sum_c (t_c - mean t)^2,  f_h = (N_h - n_h)/N_h or 1 without fpc.
 * Later stages are added, as R's multistage, only below a stage with an fpc, scaled by n/N.
 */
export function varianceOfTotals(design: SurveyDesign, columns: ColumnTotals, joint: boolean): VarianceResult {
  const byStage = design.stages.map((_, s) => columns.map((col) => col[s]!));
  const p = columns.length;
  return recurseStages(design, joint ? p : 1, p, (s, clusters, nPsu, scale, centred) =>
    stratumSum(byStage[s]!, clusters, nPsu, scale, centred, joint),
  );
}

/**
 * One stratum's contribution from its clusters' totals: scale * sum_c (t_ac - centre_a)(t_bc -
 * centre_b) for the pairs (a, b) asked for (every pair when joint, else a = b), centred at the
 * stratum mean or (centred = false, a lonely PSU under "adjust") at zero.
 */
export type StratumSum = (s: number, clusters: Int32Array, nPsu: number, scale: number, centred: boolean) => Matrix;

function stratumSum(
  cols: readonly Float64Array[],
  clusters: Int32Array,
  nPsu: number,
  scale: number,
  centred: boolean,
  joint: boolean,
): Matrix {
  const p = cols.length;
  if (!joint) {
    // The pairs (k, k), four columns per walk, through the same arithmetic as a covariance's
    // pairs, so a variance is the covariance matrix's diagonal, bit for bit.
    const out = new Array<number>(p);
    for (let g = 0; g < p; g += 4) {
      const last = Math.min(g + 4, p) - 1;
      const col = (k: number): Float64Array => cols[Math.min(g + k, last)]!;
      const sums = fourProducts(col(0), col(0), col(1), col(1), col(2), col(2), col(3), col(3), clusters, nPsu, scale, centred);
      for (let k = 0; g + k <= last; k++) out[g + k] = sums[k]!;
    }
    return [out];
  }
  // The pairs a <= b, mirrored: a covariance matrix is symmetric, so half of it is computed.
  const pairs: [number, number][] = [];
  for (let a = 0; a < p; a++) for (let b = a; b < p; b++) pairs.push([a, b]);
  const out: Matrix = Array.from({ length: p }, () => new Array<number>(p));
  for (let g = 0; g < pairs.length; g += 4) {
    const last = Math.min(g + 4, pairs.length) - 1;
    const pair = (k: number): [number, number] => pairs[Math.min(g + k, last)]!;
    const [a0, b0] = pair(0);
    const [a1, b1] = pair(1);
    const [a2, b2] = pair(2);
    const [a3, b3] = pair(3);
    const sums = fourProducts(
      cols[a0]!,
      cols[b0]!,
      cols[a1]!,
      cols[b1]!,
      cols[a2]!,
      cols[b2]!,
      cols[a3]!,
      cols[b3]!,
      clusters,
      nPsu,
      scale,
      centred,
    );
    for (let k = 0; g + k <= last; k++) {
      const [a, b] = pairs[g + k]!;
      out[a]![b] = sums[k]!;
      out[b]![a] = sums[k]!;
    }
  }
  return out;
}

/** The stratum sum of four pairs of columns (a, b) at once, each in its own locals (a covariance). */
function fourProducts(
  a0: Float64Array,
  b0: Float64Array,
  a1: Float64Array,
  b1: Float64Array,
  a2: Float64Array,
  b2: Float64Array,
  a3: Float64Array,
  b3: Float64Array,
  clusters: Int32Array,
  nPsu: number,
  scale: number,
  centred: boolean,
): [number, number, number, number] {
  const nc = clusters.length;
  let ma0 = 0;
  let mb0 = 0;
  let ma1 = 0;
  let mb1 = 0;
  let ma2 = 0;
  let mb2 = 0;
  let ma3 = 0;
  let mb3 = 0;
  if (centred) {
    for (let j = 0; j < nc; j++) {
      const c = clusters[j]!;
      ma0 = ma0 + a0[c]!;
      mb0 = mb0 + b0[c]!;
      ma1 = ma1 + a1[c]!;
      mb1 = mb1 + b1[c]!;
      ma2 = ma2 + a2[c]!;
      mb2 = mb2 + b2[c]!;
      ma3 = ma3 + a3[c]!;
      mb3 = mb3 + b3[c]!;
    }
    ma0 = ma0 / nPsu;
    mb0 = mb0 / nPsu;
    ma1 = ma1 / nPsu;
    mb1 = mb1 / nPsu;
    ma2 = ma2 / nPsu;
    mb2 = mb2 / nPsu;
    ma3 = ma3 / nPsu;
    mb3 = mb3 / nPsu;
  }
  let v0 = 0;
  let v1 = 0;
  let v2 = 0;
  let v3 = 0;
  for (let j = 0; j < nc; j++) {
    const c = clusters[j]!;
    // scale * da * db is (scale * da) * db
    v0 = v0 + scale * (a0[c]! - ma0) * (b0[c]! - mb0);
    v1 = v1 + scale * (a1[c]! - ma1) * (b1[c]! - mb1);
    v2 = v2 + scale * (a2[c]! - ma2) * (b2[c]! - mb2);
    v3 = v3 + scale * (a3[c]! - ma3) * (b3[c]! - mb3);
  }
  return [v0, v1, v2, v3];
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
 * R's recursion (onestrat / onestage / multistage) on rows x cols contributions, each stratum's
 * from `stratumSum`; contributions only ever add up and scale element by element.
 */
export function recurseStages(design: SurveyDesign, rows: number, cols: number, stratumSum: StratumSum): VarianceResult {
  const warnings: EstimateNote[] = [];

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
        warnings.push({ code: "no-stratum-to-average", stage: s + 1 });
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
