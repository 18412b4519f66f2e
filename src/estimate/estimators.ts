// Totals, means, ratios and proportions by Taylor linearisation (Binder 1983; Lumley 2010).
// Each estimator only builds its weighted linearised scores and hands their cluster totals to the
// one variance engine (variance.ts).
import type { SurveyDesign } from "./design.js";
import { addScoreAt, clusterTotals, columnsPerPass, varianceOfTotals, variancesInPasses, type Matrix } from "./variance.js";
import { dfOf, indexWhere, srsVarianceFromSums, usedIndex, type Domain } from "./rows.js";
import { unavailable, type Estimate, type EstimateResult } from "./result.js";
import { rowValuesF64 } from "./scratch.js";

// Every estimator works on the ascending indexes of the rows it uses (domain AND present), reading
// its columns at those rows. A domain may be given as a 0/1 mask or as a RowIndex;
// sums run over the same rows in the same order either way, so the numbers are the same.
// The df reported is the one a RowIndex carries, else that of the rows used (rows.ts dfOf).
// Each score goes into its clusters' totals as it is computed, and the SRS variance for the deff
// comes from sums the estimate already has: srsMeanVariance's mean, (sum w y) / N, is the
// estimator's own sum over its own sum of weights, added in the same order, so the same number.

function finish(
  design: SurveyDesign,
  index: Int32Array,
  df: number,
  estimate: number,
  variance: number,
  deff: number | null,
  warnings: string[],
  sumWeights: number,
): Estimate {
  const v = Math.max(variance, 0); // guard -0 and rounding below zero
  return {
    available: true,
    estimate,
    variance: v,
    se: Math.sqrt(v),
    df,
    deff,
    n: index.length,
    sumWeights,
    warnings: [...design.warnings, ...warnings],
  };
}

function ratioOrNull(v: number, vsrs: number | null): number | null {
  return vsrs === null ? null : v / vsrs;
}

/** Weighted total of y over the domain; missing (NaN) rows count as outside the domain. */
export function svyTotal(design: SurveyDesign, y: Float64Array, domain?: Domain): EstimateResult {
  const index = usedIndex(design, domain, y);
  const n = index.length;
  if (n === 0) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings]);
  const w = design.weights;
  const totals = clusterTotals(design, 1);
  let total = 0;
  let sw = 0;
  for (let k = 0; k < n; k++) {
    const i = index[k]!;
    const z = w[i]! * y[i]!;
    total += z;
    sw += w[i]!;
    addScoreAt(design, totals, 1, 0, i, z);
  }
  const { cov, warnings } = varianceOfTotals(design, 1, totals);
  const v = cov[0]![0]!;
  // The deff's SRS variance of y: its mean is the total over the weights.
  const m = total / sw;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const i = index[k]!;
    ss += w[i]! * (y[i]! - m) ** 2;
  }
  const vsrs = srsVarianceFromSums(n, sw, ss);
  return finish(design, index, dfOf(design, domain, index), total, v, ratioOrNull(v, vsrs === null ? null : vsrs * sw * sw), warnings, sw);
}

export interface MeansWithCov {
  results: EstimateResult[];
  /** Covariance of the available means (rows/columns of unavailable ones are 0). */
  cov: Matrix;
}

/** One mean's rows (ascending indexes), its variable (read at those rows) and its df. */
interface MeanPart {
  index: Int32Array;
  y: ArrayLike<number>;
  df: number;
}

/** The joint means engine over parts given by rows and variables (see svyMeans). */
function meansAt(design: SurveyDesign, parts: readonly MeanPart[]): MeansWithCov {
  const p = parts.length;
  const totals = clusterTotals(design, p);
  const sums = parts.map((part, j) => meanSums(design, part, totals, p, j));
  const { cov, warnings } = varianceOfTotals(design, p, totals);
  const results = parts.map(({ index, df }, j): EstimateResult => {
    const m = sums[j];
    if (!m) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings, ...warnings]);
    const v = cov[j]![j]!;
    return finish(design, index, df, m.mean, v, ratioOrNull(v, srsVarianceFromSums(index.length, m.sw, m.ss)), warnings, m.sw);
  });
  return { results, cov };
}

/**
 * Mean j of p: its weighted mean, weight and sum w (y - mean)^2 (for the deff), its scores
 * z = w (y - mean) / W added to column j of the cluster totals; null (no scores) when W = 0.
 */
function meanSums(
  design: SurveyDesign,
  { index, y }: MeanPart,
  totals: Float64Array[],
  p: number,
  j: number,
): { mean: number; sw: number; ss: number } | null {
  const w = design.weights;
  let sw = 0;
  let swy = 0;
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    const wi = w[i]!;
    sw += wi;
    swy += wi * y[i]!;
  }
  if (!(sw > 0)) return null;
  const mean = swy / sw;
  let ss = 0;
  for (let k = 0; k < index.length; k++) {
    const i = index[k]!;
    const wi = w[i]!;
    addScoreAt(design, totals, p, j, i, (wi * (y[i]! - mean)) / sw);
    ss += wi * (y[i]! - mean) ** 2;
  }
  return { mean, sw, ss };
}

/**
 * Several means estimated jointly, each over its own rows, with their covariance from one
 * call of the engine: the scores are z_ij = w_i (y_ij - mean_j) / W_j on the rows of mean j.
 * This is how svyby(covmat = TRUE) and factor proportions get covariances.
 */
export function svyMeans(design: SurveyDesign, parts: readonly { y: Float64Array; domain?: Domain }[]): MeansWithCov {
  return meansAt(
    design,
    parts.map((p) => {
      const index = usedIndex(design, p.domain, p.y);
      return { index, y: p.y, df: dfOf(design, p.domain, index) };
    }),
  );
}

/**
 * svyMean of y on given rows (ascending, all present; y is read only there), `df` as the
 * estimate's domain gives it (dfOf).
 */
export function meanAt(design: SurveyDesign, index: Int32Array, y: ArrayLike<number>, df: number): EstimateResult {
  return meansAt(design, [{ index, y, df }]).results[0]!;
}

/** Weighted mean of y over the domain (R svymean with na.rm = TRUE on a domain). */
export function svyMean(design: SurveyDesign, y: Float64Array, domain?: Domain): EstimateResult {
  return svyMeans(design, [domain ? { y, domain } : { y }]).results[0]!;
}

/** Indicators already checked to hold only 0, 1 or NaN (checked once, estimated per domain). */
const checkedIndicators = new WeakSet<Float64Array>();

/** Proportion = mean of a 0/1 indicator (NaN = missing). */
export function svyProportion(design: SurveyDesign, indicator: Float64Array, domain?: Domain): EstimateResult {
  if (!checkedIndicators.has(indicator)) {
    for (let i = 0; i < indicator.length; i++) {
      const v = indicator[i]!;
      if (!Number.isNaN(v) && v !== 0 && v !== 1) throw new RangeError(`indicator must be 0, 1 or NaN; got ${v} at row ${i + 1}`);
    }
    checkedIndicators.add(indicator);
  }
  return svyMean(design, indicator, domain);
}

/**
 * Ratio of weighted totals sum(w num) / sum(w den) with scores w (num - R den) / sum(w den)
 * (R svyratio). A zero denominator total is reported as unavailable, never Infinity/NaN.
 */
export function svyRatio(design: SurveyDesign, num: Float64Array, den: Float64Array, domain?: Domain): EstimateResult {
  const index = usedIndex(design, domain, num, den);
  const n = index.length;
  if (n === 0) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings]);
  const w = design.weights;
  let tn = 0;
  let td = 0;
  let sw = 0;
  for (let k = 0; k < n; k++) {
    const i = index[k]!;
    tn += w[i]! * num[i]!;
    td += w[i]! * den[i]!;
    sw += w[i]!;
  }
  if (td === 0) {
    return unavailable("zero-denominator", "zero denominator: the weighted total of the denominator is 0", n, sw, [...design.warnings]);
  }
  const r = tn / td;
  // Scores w u, u = (num - r den) / td the unweighted linearised values (R's r); their weighted
  // sum gives the deff's SRS mean of u, and a second pass (u again: the same numbers) its ss.
  const totals = clusterTotals(design, 1);
  let swu = 0;
  for (let k = 0; k < n; k++) {
    const i = index[k]!;
    const z = w[i]! * ((num[i]! - r * den[i]!) / td);
    addScoreAt(design, totals, 1, 0, i, z);
    swu += z;
  }
  const { cov, warnings } = varianceOfTotals(design, 1, totals);
  const v = cov[0]![0]!;
  // R: deff(svytotal(r, design, deff = TRUE)).
  const m = swu / sw;
  let ss = 0;
  for (let k = 0; k < n; k++) {
    const i = index[k]!;
    ss += w[i]! * ((num[i]! - r * den[i]!) / td - m) ** 2;
  }
  const vsrs = srsVarianceFromSums(n, sw, ss);
  return finish(design, index, dfOf(design, domain, index), r, v, ratioOrNull(v, vsrs === null ? null : vsrs * sw * sw), warnings, sw);
}

export interface Distribution {
  /** One share per category 0..k-1, each with its se; categories absent from the domain have estimate 0. */
  categories: EstimateResult[];
  /** k x k covariance of the shares (from the one engine), for contrasts and chi-square tests. */
  cov: Matrix;
}

/** Rows, weights and per-category deviations shared by the distribution estimators. */
interface DistributionSums {
  index: Int32Array;
  sw: number;
  mean: Float64Array;
  /** A row's y - mean[j]: 1 - mean[j] in category j, 0 - mean[j] elsewhere; and their squares. */
  devIn: Float64Array;
  devOut: Float64Array;
  sqIn: Float64Array;
  sqOut: Float64Array;
}

type CategoryIndex = Int8Array | Int16Array | Int32Array | Float64Array | number[];

function distributionSums(design: SurveyDesign, categoryIndex: CategoryIndex, k: number, domain?: Domain): DistributionSums {
  if (categoryIndex.length !== design.n) throw new RangeError(`variable has ${categoryIndex.length} values, design has ${design.n} rows`);
  for (let i = 0; i < design.n; i++) {
    const c = categoryIndex[i]!;
    if (Number.isNaN(c) || c === -1) continue;
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`category index ${c} at row ${i + 1} is outside 0..${k - 1}`);
  }
  // Every category's indicator is missing on the same rows, so all share one set of rows; the
  // k means are computed together without a column per category (the sums are those of
  // svyMeans over the 0/1 indicators, in the same order: adding w * 0 changes no sum).
  const index = indexWhere(design, domain, (i) => {
    const c = categoryIndex[i]!;
    return !(Number.isNaN(c) || c === -1);
  });
  const w = design.weights;
  let sw = 0;
  const swy = new Float64Array(k);
  for (let r = 0; r < index.length; r++) {
    const i = index[r]!;
    sw += w[i]!;
    const c = categoryIndex[i]!;
    swy[c] = swy[c]! + w[i]! * 1;
  }
  const mean = Float64Array.from(swy, (s) => s / sw);
  // The same k pairs of deviations (and squares) for every row, computed once.
  const devIn = Float64Array.from(mean, (m) => 1 - m);
  const devOut = Float64Array.from(mean, (m) => 0 - m);
  const sqIn = Float64Array.from(devIn, (d) => d ** 2);
  const sqOut = Float64Array.from(devOut, (d) => d ** 2);
  return { index, sw, mean, devIn, devOut, sqIn, sqOut };
}

/** Every share unavailable: no rows (the engine's warnings are still given). */
function emptyShares(design: SurveyDesign, k: number, warnings: string[]): EstimateResult[] {
  return Array.from({ length: k }, () => unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings, ...warnings]));
}

/**
 * Shares of the k categories of a categorical variable (R svymean of a factor).
 * categoryIndex holds 0..k-1, with -1 or NaN for missing.
 */
export function svyDistribution(design: SurveyDesign, categoryIndex: CategoryIndex, k: number, domain?: Domain): Distribution {
  const { index, sw, mean, devIn, devOut, sqIn, sqOut } = distributionSums(design, categoryIndex, k, domain);
  if (!(sw > 0)) {
    // No rows: every share is unavailable; the engine still runs on zero scores (its warnings).
    const { cov, warnings } = varianceOfTotals(design, k, clusterTotals(design, k));
    return { categories: emptyShares(design, k, warnings), cov };
  }
  const w = design.weights;
  const stages = design.stages;
  const totals = clusterTotals(design, k);
  const base = new Int32Array(stages.length); // the row's first cell at each stage
  const ss = new Float64Array(k);
  for (let r = 0; r < index.length; r++) {
    const i = index[r]!;
    const c = categoryIndex[i]!;
    const wi = w[i]!;
    for (let s = 0; s < stages.length; s++) base[s] = stages[s]!.clusterOfRow[i]! * k;
    for (let j = 0; j < k; j++) {
      const inCategory = c === j;
      const z = (wi * (inCategory ? devIn[j]! : devOut[j]!)) / sw;
      if (z !== 0) {
        for (let s = 0; s < stages.length; s++) {
          const t = totals[s]!;
          const cell = base[s]! + j;
          t[cell] = t[cell]! + z;
        }
      }
      ss[j] = ss[j]! + wi * (inCategory ? sqIn[j]! : sqOut[j]!);
    }
  }
  const { cov, warnings } = varianceOfTotals(design, k, totals);
  const df = dfOf(design, domain, index);
  const categories: EstimateResult[] = [];
  for (let j = 0; j < k; j++) {
    const v = cov[j]![j]!;
    const vsrs = srsVarianceFromSums(index.length, sw, ss[j]!);
    categories.push(finish(design, index, df, mean[j]!, v, ratioOrNull(v, vsrs), warnings, sw));
  }
  return { categories, cov };
}

/**
 * svyDistribution's shares without their covariance, so the categories' cluster totals need not
 * be held all at once: a few categories per pass over the rows (columnsPerPass), each share's
 * variance the diagonal of svyDistribution's covariance, bit for bit (the same sums, in the same
 * order). `categoriesAtOnce`: categories per pass (the numbers are the same).
 */
export function svyDistributionShares(
  design: SurveyDesign,
  categoryIndex: CategoryIndex,
  k: number,
  domain?: Domain,
  categoriesAtOnce = columnsPerPass(design),
): EstimateResult[] {
  const { index, sw, mean, devIn, devOut, sqIn, sqOut } = distributionSums(design, categoryIndex, k, domain);
  if (!(sw > 0)) return emptyShares(design, k, variancesInPasses(design, 1, 1, () => {}).warnings);
  const w = design.weights;
  const stages = design.stages;
  const ss = new Float64Array(k);
  const { variances, warnings } = variancesInPasses(design, k, categoriesAtOnce, (totals, lo, hi) => {
    for (let r = 0; r < index.length; r++) {
      const i = index[r]!;
      const c = categoryIndex[i]!;
      const wi = w[i]!;
      for (let j = lo; j < hi; j++) {
        const inCategory = c === j;
        const z = (wi * (inCategory ? devIn[j]! : devOut[j]!)) / sw;
        if (z !== 0) {
          const t = totals[j - lo]!;
          for (let s = 0; s < stages.length; s++) {
            const ts = t[s]!;
            const cell = stages[s]!.clusterOfRow[i]!;
            ts[cell] = ts[cell]! + z;
          }
        }
        ss[j] = ss[j]! + wi * (inCategory ? sqIn[j]! : sqOut[j]!);
      }
    }
  });
  const df = dfOf(design, domain, index);
  return variances.map((v, j) => finish(design, index, df, mean[j]!, v, ratioOrNull(v, srsVarianceFromSums(index.length, sw, ss[j]!)), warnings, sw));
}

export type MeanOfRatiosResult = EstimateResult & { excludedZeroDenominator: number };

/**
 * Mean of individual ratios num/den (a separate kind from a ratio of totals). Rows with a zero
 * denominator are excluded from the domain, counted and reported, never turned into Infinity.
 */
export function svyMeanOfRatios(design: SurveyDesign, num: Float64Array, den: Float64Array, domain?: Domain): MeanOfRatiosResult {
  const used = usedIndex(design, domain, num, den);
  let excluded = 0;
  for (let k = 0; k < used.length; k++) if (den[used[k]!] === 0) excluded++;
  // The rows with a ratio: used rows with a non-zero denominator (num/den is then never NaN).
  const index = excluded === 0 ? used : used.filter((i) => den[i] !== 0);
  const ratios = rowValuesF64(design.n); // read only at the rows of index; kept by nothing
  for (let k = 0; k < index.length; k++) ratios[index[k]!] = num[index[k]!]! / den[index[k]!]!;
  const r = meanAt(design, index, ratios, dfOf(design, domain, index));
  if (excluded > 0) {
    r.warnings.push(`${excluded} row(s) with a zero denominator were excluded from the mean of ratios.`);
  }
  return { ...r, excludedZeroDenominator: excluded };
}
