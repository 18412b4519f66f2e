// Design-based comparisons: an estimate against a fixed baseline, and linear contrasts of
// estimates whose covariance comes from the one variance engine.
import { tCdf } from "./dist.js";
import type { Estimate } from "./estimate.js";
import type { Matrix } from "./variance.js";

export interface TTest {
  difference: number;
  se: number;
  t: number;
  df: number;
  /** Two-sided p value from Student's t with the design df (normal when df = Infinity). */
  pValue: number;
}

function tTest(difference: number, se: number, df: number): TTest {
  const t = difference / se;
  const pValue = se > 0 && df > 0 ? Math.min(1, 2 * tCdf(-Math.abs(t), df)) : NaN;
  return { difference, se, t: se > 0 ? t : NaN, df, pValue };
}

/** t = (estimate - baseline) / se with the design df (R svyttest one-sample uses degf - 1 for a mean; pass df to match). */
export function testAgainstBaseline(est: Estimate, baseline: number, df: number = est.df): TTest {
  return tTest(est.estimate - baseline, est.se, df);
}

export interface Contrast {
  estimate: number;
  variance: number;
  se: number;
}

/** sum_j c_j * est_j with variance c' V c (R svycontrast). */
export function contrast(estimates: readonly number[], cov: Matrix, coefficients: readonly number[]): Contrast {
  if (estimates.length !== coefficients.length || cov.length !== estimates.length) {
    throw new RangeError(`contrast needs ${estimates.length} coefficients and a matching covariance matrix`);
  }
  let estimate = 0;
  let variance = 0;
  coefficients.forEach((a, j) => {
    estimate += a * estimates[j]!;
    coefficients.forEach((b, k) => {
      variance += a * b * cov[j]![k]!;
    });
  });
  variance = Math.max(variance, 0);
  return { estimate, variance, se: Math.sqrt(variance) };
}

/** Design-based t test of a contrast (e.g. a difference between two domain means). */
export function testContrast(c: Contrast, df: number, baseline = 0): TTest {
  return tTest(c.estimate - baseline, c.se, df);
}
