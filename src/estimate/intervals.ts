// Confidence intervals. Quantiles of t, normal and beta come from @stdlib (see dist.ts).
import { betaQuantile, normalQuantile, tQuantile } from "./dist.js";
import type { Estimate } from "./estimate.js";

export interface Interval {
  lower: number;
  upper: number;
  method: string;
  level: number;
  df: number;
  /** Why the interval is not the plain formula (e.g. a proportion of exactly 0 or 1). */
  note?: string;
}

/** Design-based proportion intervals, as R `svyciprop` (plus Wilson as in survey 4.5). */
export type ProportionMethod = "logit" | "xlogit" | "beta" | "wilson" | "mean" | "asin";
/** Intervals for plain counts x of n (no design: simple random sample). */
export type SrsProportionMethod = "wilson" | "clopper-pearson";

export interface IntervalOptions {
  level?: number;
  /** Degrees of freedom for the t quantile; default the estimate's df; Infinity = normal. */
  df?: number;
  /**
   * Rows of the design (or domain) the proportion is estimated in, rows with a missing value
   * included: the n of the beta method's t(n - 1), as R's svyciprop takes nrow(design), which
   * na.rm does not change. Default: the rows the estimate uses.
   */
  designRows?: number;
}

const NO_DF = "no design degrees of freedom (df <= 0): the interval is unbounded";

function checkLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}

/** estimate +- t(df) quantile x se, for any estimate with a design-based se (e.g. a contrast). */
export function waldInterval(estimate: number, se: number, df: number, level = 0.95): Interval {
  checkLevel(level);
  if (!(df > 0)) return { lower: -Infinity, upper: Infinity, method: "t", level, df, note: NO_DF };
  const q = tQuantile(1 - (1 - level) / 2, df);
  return { lower: estimate - q * se, upper: estimate + q * se, method: "t", level, df };
}

/** estimate +- t(df) quantile x se: means, totals, ratios (df defaults to the estimate's). */
export function tInterval(est: Estimate, opts: IntervalOptions = {}): Interval {
  return waldInterval(est.estimate, est.se, opts.df ?? est.df, opts.level ?? 0.95);
}

/**
 * Clopper–Pearson (1934) exact interval for x successes in n trials (beta quantiles);
 * n may be an effective sample size and x = p * n need not be an integer.
 */
export function clopperPearson(x: number, n: number, level = 0.95): [number, number] {
  checkLevel(level);
  const a = (1 - level) / 2;
  const lower = x <= 0 ? 0 : betaQuantile(a, x, n - x + 1);
  const upper = x >= n ? 1 : betaQuantile(1 - a, x + 1, n - x);
  return [lower, upper];
}

/** Wilson (1927) score interval without continuity correction, for p from n with critical value z. */
function wilsonScore(p: number, n: number, z: number): [number, number] {
  const z2n = (z * z) / n;
  const centre = p + z2n / 2;
  const half = z * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  return [Math.max(0, (centre - half) / (1 + z2n)), Math.min(1, (centre + half) / (1 + z2n))];
}

/** Plain counts x of n (no design): Wilson score (default) or Clopper–Pearson. */
export function srsProportionInterval(x: number, n: number, method: SrsProportionMethod = "wilson", level = 0.95): Interval {
  checkLevel(level);
  if (!(n > 0) || x < 0 || x > n) throw new RangeError(`need 0 <= x <= n and n > 0, got x = ${x}, n = ${n}`);
  const [lower, upper] = method === "wilson" ? wilsonScore(x / n, n, normalQuantile(1 - (1 - level) / 2)) : clopperPearson(x, n, level);
  return { lower, upper, method, level, df: Infinity };
}

/**
 * Design-based interval for a proportion estimated as a mean of a 0/1 indicator.
 * - logit (R default; xlogit is the same): logit(p) +- t * se / (p (1 - p)), back-transformed.
 * - beta (Korn & Graubard 1998, R method "beta"): Clopper–Pearson with effective n
 *   p(1-p)/var scaled by (t(n-1)/t(df))^2, n = the design's rows (`designRows`) and df the
 *   design's, both before rows with a missing value leave the estimate (as svyciprop).
 * - wilson (survey 4.5): Wilson score with effective n = p(1-p)/var and the t(df) quantile.
 * - mean: Wald p +- t(df) * se (may leave [0, 1], as R).
 * - asin: sin^2(asin(sqrt p) +- t * se / (2 sqrt(p(1-p)))), as R (which squares a negative
 *   lower angle rather than truncating it).
 * A proportion of exactly 0 or 1 (or with zero variance at 0/1) never gets a zero-width
 * interval: it gets the one-sided exact Clopper–Pearson bound with n = rows used,
 * e.g. [0, 1 - (alpha/2)^(1/n)] for p = 0, and a note saying so.
 */
export function proportionInterval(est: Estimate, method: ProportionMethod = "logit", opts: IntervalOptions = {}): Interval {
  const level = opts.level ?? 0.95;
  const df = opts.df ?? est.df;
  checkLevel(level);
  const p = est.estimate;
  const alpha = 1 - level;
  const base = { method, level, df };
  if (p <= 0 || p >= 1) {
    const [lower, upper] = clopperPearson(p <= 0 ? 0 : est.n, est.n, level);
    return {
      ...base,
      lower,
      upper,
      note: `proportion is exactly ${p <= 0 ? 0 : 1}: one-sided exact (Clopper–Pearson) bound with n = ${est.n}`,
    };
  }
  if (!(df > 0)) return { ...base, lower: 0, upper: 1, note: NO_DF };
  if (!(est.variance > 0)) return { ...base, lower: p, upper: p, note: "zero design variance: the proportion is fixed by the design" };
  const q = tQuantile(1 - alpha / 2, df);
  switch (method) {
    case "mean":
      return { ...base, lower: p - q * est.se, upper: p + q * est.se };
    case "logit":
    case "xlogit": {
      const eta = Math.log(p / (1 - p));
      // A replicate design's logit interval uses the replicates' logits (R svyciprop fits svyglm); xlogit the delta method.
      const h = method === "logit" && est.logitVariance !== undefined ? q * Math.sqrt(est.logitVariance) : (q * est.se) / (p * (1 - p));
      const expit = (x: number) => 1 / (1 + Math.exp(-x));
      return { ...base, lower: expit(eta - h), upper: expit(eta + h) };
    }
    case "asin": {
      const a = Math.asin(Math.sqrt(p));
      const h = (q * est.se) / (2 * Math.sqrt(p * (1 - p)));
      return { ...base, lower: Math.sin(a - h) ** 2, upper: Math.sin(a + h) ** 2 };
    }
    case "beta": {
      const n = opts.designRows ?? est.n;
      const nEff = ((p * (1 - p)) / est.variance) * (tQuantile(alpha / 2, n - 1) / tQuantile(alpha / 2, df)) ** 2;
      return {
        ...base,
        lower: betaQuantile(alpha / 2, nEff * p, nEff * (1 - p) + 1),
        upper: betaQuantile(1 - alpha / 2, nEff * p + 1, nEff * (1 - p)),
      };
    }
    case "wilson": {
      const [lower, upper] = wilsonScore(p, (p * (1 - p)) / est.variance, q);
      return { ...base, lower, upper };
    }
  }
}
