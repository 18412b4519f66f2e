// Quantiles and CDFs come from @stdlib, never hand-rolled approximations. These wrappers only
// route the limits @stdlib leaves undefined (df = Infinity, beta shape 0) to their exact values.
import tQuantileStd from "@stdlib/stats-base-dists-t-quantile";
import tCdfStd from "@stdlib/stats-base-dists-t-cdf";
import normalQuantileStd from "@stdlib/stats-base-dists-normal-quantile";
import normalCdfStd from "@stdlib/stats-base-dists-normal-cdf";
import betaQuantileStd from "@stdlib/stats-base-dists-beta-quantile";
import chisqCdfStd from "@stdlib/stats-base-dists-chisquare-cdf";
import fCdfStd from "@stdlib/stats-base-dists-f-cdf";

/** Quantile of Student's t; df = Infinity is the standard normal (as R's qt). */
export function tQuantile(p: number, df: number): number {
  if (df === Infinity) return normalQuantileStd(p, 0, 1);
  return tQuantileStd(p, df);
}

/** CDF of Student's t; df = Infinity is the standard normal. */
export function tCdf(x: number, df: number): number {
  if (df === Infinity) return normalCdfStd(x, 0, 1);
  return tCdfStd(x, df);
}

export function normalQuantile(p: number): number {
  return normalQuantileStd(p, 0, 1);
}

/** Beta quantile; a shape of 0 is a point mass (at 0 for a = 0, at 1 for b = 0), as R's qbeta. */
export function betaQuantile(p: number, a: number, b: number): number {
  if (a === 0) return 0;
  if (b === 0) return 1;
  return betaQuantileStd(p, a, b);
}

/** CDF of the F distribution (non-integer degrees of freedom as R's pf). */
export function fCdf(x: number, d1: number, d2: number): number {
  return fCdfStd(x, d1, d2);
}

/** CDF of the chi-square distribution. */
export function chisqCdf(x: number, df: number): number {
  return chisqCdfStd(x, df);
}
