// Totals, means, ratios and proportions by Taylor linearisation (Binder 1983; Lumley 2010).
// Each estimator only builds its weighted linearised scores and hands them to designVariance.
import type { SurveyDesign } from "./design.js";
import { designVariance, type Matrix } from "./variance.js";
import { countRows, domainDf, srsMeanVariance, sumWeights, usedRows } from "./rows.js";
import { unavailable, type Estimate, type EstimateResult } from "./result.js";

function finish(
  design: SurveyDesign,
  mask: Uint8Array,
  estimate: number,
  variance: number,
  deff: number | null,
  warnings: string[],
): Estimate {
  const v = Math.max(variance, 0); // guard -0 and rounding below zero
  return {
    available: true,
    estimate,
    variance: v,
    se: Math.sqrt(v),
    df: domainDf(design, mask),
    deff,
    n: countRows(mask),
    sumWeights: sumWeights(design, mask),
    warnings: [...design.warnings, ...warnings],
  };
}

function ratioOrNull(v: number, vsrs: number | null): number | null {
  return vsrs === null ? null : v / vsrs;
}

/** Weighted total of y over the domain; missing (NaN) rows count as outside the domain. */
export function svyTotal(design: SurveyDesign, y: Float64Array, domain?: Uint8Array): EstimateResult {
  const mask = usedRows(design, domain, y);
  const n = countRows(mask);
  if (n === 0) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings]);
  const z = new Float64Array(design.n);
  let total = 0;
  for (let i = 0; i < design.n; i++) {
    if (!mask[i]) continue;
    z[i] = design.weights[i]! * y[i]!;
    total += z[i]!;
  }
  const { cov, warnings } = designVariance(design, [z]);
  const v = cov[0]![0]!;
  const N = sumWeights(design, mask);
  const vsrs = srsMeanVariance(design, y, mask);
  return finish(design, mask, total, v, ratioOrNull(v, vsrs === null ? null : vsrs * N * N), warnings);
}

export interface MeansWithCov {
  results: EstimateResult[];
  /** Covariance of the available means (rows/columns of unavailable ones are 0). */
  cov: Matrix;
}

/**
 * Several means estimated jointly, each over its own rows, with their covariance from one
 * call of the engine: the scores are z_ij = w_i (y_ij - mean_j) / W_j on the rows of mean j.
 * This is how svyby(covmat = TRUE) and factor proportions get covariances.
 */
export function svyMeans(design: SurveyDesign, parts: readonly { y: Float64Array; domain?: Uint8Array }[]): MeansWithCov {
  const masks = parts.map((p) => usedRows(design, p.domain, p.y));
  const means = parts.map((p, j) => {
    const mask = masks[j]!;
    let sw = 0;
    let swy = 0;
    for (let i = 0; i < design.n; i++) {
      if (!mask[i]) continue;
      sw += design.weights[i]!;
      swy += design.weights[i]! * p.y[i]!;
    }
    return sw > 0 ? { mean: swy / sw, sw } : null;
  });
  const scores = parts.map((p, j) => {
    const z = new Float64Array(design.n);
    const m = means[j];
    if (!m) return z;
    const mask = masks[j]!;
    for (let i = 0; i < design.n; i++) if (mask[i]) z[i] = (design.weights[i]! * (p.y[i]! - m.mean)) / m.sw;
    return z;
  });
  const { cov, warnings } = designVariance(design, scores);
  const results = parts.map((p, j): EstimateResult => {
    const m = means[j];
    const mask = masks[j]!;
    if (!m) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings, ...warnings]);
    const v = cov[j]![j]!;
    return finish(design, mask, m.mean, v, ratioOrNull(v, srsMeanVariance(design, p.y, mask)), warnings);
  });
  return { results, cov };
}

/** Weighted mean of y over the domain (R svymean with na.rm = TRUE on a domain). */
export function svyMean(design: SurveyDesign, y: Float64Array, domain?: Uint8Array): EstimateResult {
  return svyMeans(design, [domain ? { y, domain } : { y }]).results[0]!;
}

/** Proportion = mean of a 0/1 indicator (NaN = missing). */
export function svyProportion(design: SurveyDesign, indicator: Float64Array, domain?: Uint8Array): EstimateResult {
  for (let i = 0; i < indicator.length; i++) {
    const v = indicator[i]!;
    if (!Number.isNaN(v) && v !== 0 && v !== 1) throw new RangeError(`indicator must be 0, 1 or NaN; got ${v} at row ${i + 1}`);
  }
  return svyMean(design, indicator, domain);
}

/**
 * Ratio of weighted totals sum(w num) / sum(w den) with scores w (num - R den) / sum(w den)
 * (R svyratio). A zero denominator total is reported as unavailable, never Infinity/NaN.
 */
export function svyRatio(design: SurveyDesign, num: Float64Array, den: Float64Array, domain?: Uint8Array): EstimateResult {
  const mask = usedRows(design, domain, num, den);
  const n = countRows(mask);
  if (n === 0) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings]);
  let tn = 0;
  let td = 0;
  for (let i = 0; i < design.n; i++) {
    if (!mask[i]) continue;
    tn += design.weights[i]! * num[i]!;
    td += design.weights[i]! * den[i]!;
  }
  if (td === 0) {
    return unavailable("zero-denominator", "zero denominator: the weighted total of the denominator is 0", n, sumWeights(design, mask), [
      ...design.warnings,
    ]);
  }
  const r = tn / td;
  const u = new Float64Array(design.n); // unweighted linearised values, as R's r
  const z = new Float64Array(design.n);
  for (let i = 0; i < design.n; i++) {
    if (!mask[i]) continue;
    u[i] = (num[i]! - r * den[i]!) / td;
    z[i] = design.weights[i]! * u[i]!;
  }
  const { cov, warnings } = designVariance(design, [z]);
  const v = cov[0]![0]!;
  // R: deff(svytotal(r, design, deff = TRUE)).
  const N = sumWeights(design, mask);
  const vsrs = srsMeanVariance(design, u, mask);
  return finish(design, mask, r, v, ratioOrNull(v, vsrs === null ? null : vsrs * N * N), warnings);
}

export interface Distribution {
  /** One share per category 0..k-1, each with its se; categories absent from the domain have estimate 0. */
  categories: EstimateResult[];
  /** k x k covariance of the shares (from the one engine), for contrasts and chi-square tests. */
  cov: Matrix;
}

/**
 * Shares of the k categories of a categorical variable (R svymean of a factor).
 * categoryIndex holds 0..k-1, with -1 or NaN for missing.
 */
export function svyDistribution(
  design: SurveyDesign,
  categoryIndex: Int32Array | Float64Array | number[],
  k: number,
  domain?: Uint8Array,
): Distribution {
  const indicators = Array.from({ length: k }, () => new Float64Array(design.n));
  for (let i = 0; i < design.n; i++) {
    const c = categoryIndex[i]!;
    if (Number.isNaN(c) || c === -1) {
      for (const ind of indicators) ind[i] = NaN;
      continue;
    }
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`category index ${c} at row ${i + 1} is outside 0..${k - 1}`);
    indicators[c]![i] = 1;
  }
  const { results, cov } = svyMeans(
    design,
    indicators.map((y) => (domain ? { y, domain } : { y })),
  );
  return { categories: results, cov };
}

export type MeanOfRatiosResult = EstimateResult & { excludedZeroDenominator: number };

/**
 * Mean of individual ratios num/den (a separate kind from a ratio of totals). Rows with a zero
 * denominator are excluded from the domain, counted and reported, never turned into Infinity.
 */
export function svyMeanOfRatios(design: SurveyDesign, num: Float64Array, den: Float64Array, domain?: Uint8Array): MeanOfRatiosResult {
  const mask = usedRows(design, domain, num, den);
  const ratio = new Float64Array(design.n).fill(NaN);
  let excluded = 0;
  for (let i = 0; i < design.n; i++) {
    if (!mask[i]) continue;
    if (den[i] === 0) excluded++;
    else ratio[i] = num[i]! / den[i]!;
  }
  const r = svyMean(design, ratio, domain);
  if (excluded > 0) {
    r.warnings.push(`${excluded} row(s) with a zero denominator were excluded from the mean of ratios.`);
  }
  return { ...r, excludedZeroDenominator: excluded };
}
