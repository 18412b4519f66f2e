// Replicate-weight designs (R survey's svrepdesign / svrVar / degf.svyrep.design). A statistic's
// point estimate is computed once per replicate by the same function that computes it on the
// full-sample weights (the estimators hand it to the engine, variance.ts), and its variance is
//   V = scale · Σ_r rscales_r (θ_r − θ̄)(θ_r − θ̄)′,
// θ̄ the mean of the replicates with rscales_r > 0, or the full-sample estimate with `mse`.
import { DesignError } from "./errors.js";
import type { EstimateNote } from "./notes.js";
import type { Replicates, ReplicateType, SurveyDesign } from "./design.js";
/** A covariance, as the engine returns it (variance.ts). */
type Matrix = number[][];

export interface ReplicateInput {
  type: ReplicateType;
  /** One column of weights per replicate, as read (combined with the full-sample weight or not). */
  columns: readonly Float64Array[];
  /** The columns already include the full-sample weight (R `combined.weights`, default TRUE). */
  combinedWeights: boolean;
  /** Fay's coefficient (type Fay). */
  rho?: number | undefined;
  scale?: number | undefined;
  /** One per replicate, or one for all. */
  rscales?: readonly number[] | undefined;
  mse: boolean;
}

/**
 * A design whose variances come from replicate weights: the full-sample weights of `design`
 * (a design of individual units with those weights), the replicates' analysis weights, the scale
 * and rscales of the type as R's svrepdesign sets them, and df = rank of the replicate weights − 1.
 * Throws DesignError (field "replicates") with one sentence when the declaration cannot be used.
 */
export function replicateDesign(design: SurveyDesign, input: ReplicateInput): SurveyDesign {
  const { columns, type } = input;
  const r = columns.length;
  if (r < 2)
    throw new DesignError("replicates", `A replicate design needs at least two replicate-weight columns; found ${r}.`, {
      code: "too-few-replicates",
      found: r,
    });
  const full = design.weights;
  // R weights(design, "analysis"): the replicate weights times the sampling weight unless combined.
  const weights = input.combinedWeights ? columns : columns.map((c) => Float64Array.from(c, (v, i) => v * full[i]!));
  const { scale, rscales } = scaleOf(input, weights);
  const replicates: Replicates = { type, weights, scale, rscales, mse: input.mse, rho: input.rho ?? null };
  const rank = replicateRank(weights, null);
  return { ...design, replicates, df: rank - 1 };
}

/** R svrepdesign's scale and rscales for each type (ACS: 4/R; BRR: 1/R; Fay: 1/(R(1 − ρ)²)...). */
function scaleOf(input: ReplicateInput, weights: readonly Float64Array[]): { scale: number; rscales: Float64Array } {
  const r = weights.length;
  const given = input.rscales;
  if (given && given.length !== 1 && given.length !== r) {
    throw new DesignError(
      "rscales",
      `"rscales" has ${given.length} values but there are ${r} replicate-weight columns; give one per column (or one for all).`,
      { code: "rscales-length", given: given.length, columns: r },
    );
  }
  const rscales = given ? Float64Array.from({ length: r }, (_, k) => given[given.length === 1 ? 0 : k]!) : new Float64Array(r).fill(1);
  const fixed = (what: string): never => {
    throw new DesignError("scale", `Type ${input.type} fixes the scale and rscales (scale ${what}); remove "scale" and "rscales".`, {
      code: "scale-fixed",
      type: input.type,
      scale: what,
    });
  };
  switch (input.type) {
    case "BRR":
      if (input.scale !== undefined || given) fixed("1/R");
      return { scale: 1 / r, rscales };
    case "Fay": {
      const rho = input.rho;
      if (rho === undefined)
        throw new DesignError("rho", `Type Fay needs "rho", Fay's coefficient (between 0 and 1).`, { code: "fay-needs-rho" });
      if (input.scale !== undefined || given) fixed("1/(R(1 − rho)²)");
      return { scale: 1 / (r * (1 - rho) ** 2), rscales };
    }
    case "SDR":
      if (input.scale !== undefined || given) fixed("4/R");
      return { scale: 4 / r, rscales };
    case "bootstrap":
      return { scale: input.scale ?? 1 / (r - 1), rscales };
    case "JK1":
      // R guesses n = the number of replicates; uncombined, 1 over the largest factor of the first column.
      return { scale: input.scale ?? (input.combinedWeights ? (r - 1) / r : 1 / maxOf(input.columns[0]!)), rscales };
    case "JKn":
      if (given) return { scale: input.scale ?? 1, rscales };
      if (input.combinedWeights)
        throw new DesignError("rscales", `Type JKn with combined weights needs "rscales", (n_h − 1)/n_h for each replicate's stratum.`, {
          code: "jkn-needs-rscales",
        });
      return { scale: input.scale ?? 1, rscales: Float64Array.from(input.columns, (c) => 1 / maxOf(c)) };
    case "other":
      if (input.scale === undefined)
        throw new DesignError("scale", `Type other needs "scale" (and "rscales" unless every one is 1).`, { code: "other-needs-scale" });
      return { scale: input.scale, rscales };
  }
}

function maxOf(c: Float64Array): number {
  let m = -Infinity;
  for (let i = 0; i < c.length; i++) if (c[i]! > m) m = c[i]!;
  return m;
}

/** R qr(…, tol = 1e-5)$rank tolerance: a column whose residual is below tol of its own length depends on the earlier ones. */
const RANK_TOL = 1e-5;

/**
 * The rank of the replicate weights over a set of rows (null: every row), as R's
 * qr(weights, tol = 1e-5)$rank: columns in order, each kept when its part orthogonal to the kept
 * ones is at least tol of its length. One pass over the rows builds the Gram matrix (R × R), so
 * a million rows need no copy of the weights; the elimination runs on that matrix.
 */
export function replicateRank(weights: readonly Float64Array[], rows: Int32Array | null): number {
  const r = weights.length;
  const gram = new Float64Array(r * r);
  const m = rows ? rows.length : weights[0]!.length;
  const row = new Float64Array(r);
  for (let k = 0; k < m; k++) {
    const i = rows ? rows[k]! : k;
    for (let a = 0; a < r; a++) row[a] = weights[a]![i]!;
    for (let a = 0; a < r; a++) {
      const x = row[a]!;
      if (x === 0) continue;
      const base = a * r;
      for (let b = a; b < r; b++) gram[base + b] = gram[base + b]! + x * row[b]!;
    }
  }
  for (let a = 0; a < r; a++) for (let b = 0; b < a; b++) gram[a * r + b] = gram[b * r + a]!;
  // Cholesky in column order on the kept columns: the Schur complement's diagonal is the
  // squared length of each column's residual.
  const kept: number[] = [];
  const l = new Float64Array(r * r); // l[j * r + k]: column j's coefficient on the k-th kept column
  for (let j = 0; j < r; j++) {
    const norm2 = gram[j * r + j]!;
    let resid = norm2;
    for (let k = 0; k < kept.length; k++) resid -= l[j * r + k]! ** 2;
    if (!(norm2 > 0) || resid <= RANK_TOL * RANK_TOL * norm2) continue;
    const d = Math.sqrt(resid);
    const kIndex = kept.length;
    kept.push(j);
    // Later columns' coefficients on this one.
    for (let b = j + 1; b < r; b++) {
      let s = gram[j * r + b]!;
      for (let k = 0; k < kIndex; k++) s -= l[j * r + k]! * l[b * r + k]!;
      l[b * r + kIndex] = s / d;
    }
  }
  return kept.length;
}

/** The columns' point estimates: on the full-sample weights (`full`), and on any weights (`at`). */
export interface ReplicateEstimates {
  full: ArrayLike<number>;
  at: (weights: Float64Array) => ArrayLike<number>;
}

/**
 * R svrVar on `count` columns: their variances, or (joint) their covariance. A replicate whose
 * estimate is not a number (no row of a domain in it) is left out, as R's na.action does: for a
 * covariance, the whole replicate; for variances, that column's.
 */
export function replicateVariances(
  reps: Replicates,
  count: number,
  estimates: ReplicateEstimates,
  joint: boolean,
): { variances: number[]; cov: Matrix | null; warnings: EstimateNote[]; logitVariances: number[] } {
  const thetas = reps.weights.map((w) => estimates.at(w));
  const R = thetas.length;
  const whole = thetas.map((t) => allNumbers(t, count));
  const usable = (r: number, c: number): boolean => (joint ? whole[r]! : !Number.isNaN(thetas[r]![c]!));
  const centre = new Float64Array(count);
  const dropped = new Int32Array(count);
  for (let c = 0; c < count; c++) {
    let s = 0;
    let k = 0;
    for (let r = 0; r < R; r++) {
      if (!usable(r, c)) {
        dropped[c]!++;
        continue;
      }
      if (reps.rscales[r]! > 0) {
        s += thetas[r]![c]!;
        k++;
      }
    }
    centre[c] = reps.mse ? estimates.full[c]! : s / k;
  }
  const pairSum = (a: number, b: number): number => {
    let v = 0;
    for (let r = 0; r < R; r++) {
      if (!usable(r, a) || !usable(r, b)) continue;
      v += (thetas[r]![a]! - centre[a]!) * (thetas[r]![b]! - centre[b]!) * reps.rscales[r]!;
    }
    return v * reps.scale;
  };
  const variances = Array.from({ length: count }, (_, c) => pairSum(c, c));
  // The variance of each column's logit (NaN unless every estimate is inside (0, 1)): R's svyciprop
  // takes a share's logit interval from svyglm, i.e. from the replicates' logits, not the delta method.
  const logitVariances = Array.from({ length: count }, (_, c) => {
    let s = 0;
    let k = 0;
    for (let r = 0; r < R; r++) {
      if (!usable(r, c) || !(reps.rscales[r]! > 0)) continue;
      s += logit(thetas[r]![c]!);
      k++;
    }
    const mid = reps.mse ? logit(estimates.full[c]!) : s / k;
    let v = 0;
    for (let r = 0; r < R; r++) if (usable(r, c)) v += (logit(thetas[r]![c]!) - mid) ** 2 * reps.rscales[r]!;
    return v * reps.scale;
  });
  const cov = joint
    ? Array.from({ length: count }, (_, a) => Array.from({ length: count }, (_, b) => (a === b ? variances[a]! : pairSum(a, b))))
    : null;
  const most = Math.max(0, ...dropped);
  const warnings: EstimateNote[] = most > 0 ? [{ code: "replicates-dropped", count: most }] : [];
  return { variances, cov, warnings, logitVariances };
}

const logit = (p: number): number => (p > 0 && p < 1 ? Math.log(p / (1 - p)) : Number.NaN);

function allNumbers(values: ArrayLike<number>, count: number): boolean {
  for (let c = 0; c < count; c++) if (Number.isNaN(values[c]!)) return false;
  return true;
}

/**
 * A replicate design weighted to population counts as R's postStratify, rake and calibrate do
 * on a svyrep.design: the full-sample weights weighted (`weights`), and each replicate's
 * weights weighted the same way by `reweigh`, so the variance comes from re-weighted replicates
 * (no linearisation of the weighting).
 */
export function reweightedReplicates(
  design: SurveyDesign,
  weights: Float64Array,
  reweigh: (w: Float64Array, replicate: number) => Float64Array,
): SurveyDesign {
  const reps = design.replicates!;
  const reweighted = reps.weights.map(reweigh);
  // R recomputes degf from the re-weighted replicates (a calibration can raise their rank).
  return { ...design, weights, replicates: { ...reps, weights: reweighted }, df: replicateRank(reweighted, null) - 1 };
}
