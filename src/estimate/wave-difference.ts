// Difference between two waves' estimates of the same indicator. The waves are independent
// samples (different people drawn each year), so the covariance is zero and the variance of the
// difference is the sum of the two variances. Reference distribution: Student's t with the
// smaller of the two design df — the design-based intervals of each wave already use t with
// their own df, and taking the smaller one is the conservative choice (it never claims more
// precision than the less precise wave supports); with no finite df, the standard normal.
import { tCdf, tQuantile } from "./dist.js";

export interface WaveEstimate {
  estimate: number;
  se: number;
  /** Design degrees of freedom; null or Infinity when unknown or unbounded. */
  df: number | null;
}

export interface WaveDifference {
  /** new − base */
  estimate: number;
  /** sqrt(se_base² + se_new²) */
  se: number;
  ci: [number, number];
  /** Two-sided, for the null hypothesis of no change. */
  pValue: number;
  /** The t statistic (difference / se). */
  statistic: number;
  /** df of the reference t distribution; null for the standard normal. */
  df: number | null;
  reference: "t" | "normal";
}

/** The df used for a difference: min(df_base, df_new) when both are finite and positive. */
export function differenceDf(baseDf: number | null, newDf: number | null): number | null {
  if (baseDf === null || newDf === null || !Number.isFinite(baseDf) || !Number.isFinite(newDf)) return null;
  const df = Math.min(baseDf, newDf);
  return df > 0 ? df : null;
}

/**
 * new − base with its standard error, interval at `level` and two-sided p value. Null when a
 * standard error is not finite or both are zero (a difference without uncertainty is not tested),
 * or when the difference or its standard error overflows.
 */
export function waveDifference(base: WaveEstimate, next: WaveEstimate, level: number): WaveDifference | null {
  if (![base.estimate, base.se, next.estimate, next.se].every(Number.isFinite)) return null;
  const se = Math.sqrt(base.se * base.se + next.se * next.se);
  const estimate = next.estimate - base.estimate;
  // Two finite variances or estimates can still add past the largest double.
  if (!(se > 0) || se === Infinity || !Number.isFinite(estimate)) return null;
  const df = differenceDf(base.df, next.df);
  const dfOrInf = df ?? Infinity;
  const q = tQuantile(1 - (1 - level) / 2, dfOrInf);
  const statistic = estimate / se;
  const pValue = Math.min(1, 2 * tCdf(-Math.abs(statistic), dfOrInf));
  return { estimate, se, ci: [estimate - q * se, estimate + q * se], pValue, statistic, df, reference: df === null ? "normal" : "t" };
}
