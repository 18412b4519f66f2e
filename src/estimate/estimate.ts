// One result shape for every estimator, so renderers never care which estimator ran.
import type { SurveyDesign } from "./design.js";

export interface Estimate {
  available: true;
  estimate: number;
  variance: number;
  se: number;
  /** Design degrees of freedom (R `degf` of the design restricted to the rows used). */
  df: number;
  /** Design effect as R's `deff = TRUE`; null when the SRS variance is undefined (e.g. N <= n). */
  deff: number | null;
  /** Unweighted count of rows used (in the domain, not missing). */
  n: number;
  sumWeights: number;
  warnings: string[];
  /** A replicate design's share: the variance of its logit from the replicates (R svyciprop's logit interval). */
  logitVariance?: number;
}

export type UnavailableReason = "zero-denominator" | "empty-domain" | "no-variance" | "overflow";

/** An estimate that cannot be computed; reported as "not available: <reason>", never NaN. */
export interface Unavailable {
  available: false;
  reason: UnavailableReason;
  message: string;
  n: number;
  sumWeights: number;
  warnings: string[];
}

export type EstimateResult = Estimate | Unavailable;

export function unavailable(reason: UnavailableReason, message: string, n: number, sumWeights: number, warnings: string[]): Unavailable {
  return { available: false, reason, message, n, sumWeights, warnings };
}

/** What every statistic knows of one estimate when its variance is back from the engine. */
export interface Sums {
  estimate: number;
  variance: number;
  deff: number | null;
  n: number;
  sumWeights: number;
  df: number;
  logitVariance?: number | undefined;
}

/**
 * The one way an estimate is finished: variance guarded, se, the design's and engine's warnings.
 * Sums past the largest double (a value of 1e160 squared) are Infinity or NaN by now: one check
 * here, not one per row in the builders' loops, makes the estimate "overflow" instead.
 */
export function finish(design: SurveyDesign, s: Sums, engineWarnings: readonly string[]): EstimateResult {
  const warnings = [...design.warnings, ...engineWarnings];
  if (!Number.isFinite(s.estimate) || !Number.isFinite(s.variance)) {
    const what = Number.isFinite(s.estimate) ? "its variance" : "the estimate";
    return unavailable(
      "overflow",
      `overflow: ${what} is too large to represent; check the data for an extreme value`,
      s.n,
      s.sumWeights,
      warnings,
    );
  }
  const v = Math.max(s.variance, 0); // guard -0 and rounding below zero
  return {
    available: true,
    estimate: s.estimate,
    variance: v,
    se: Math.sqrt(v),
    df: s.df,
    // A replicate design has no SRS variance of its own to compare with (R's differs by statistic): none.
    deff: s.deff !== null && Number.isFinite(s.deff) && !design.replicates ? s.deff : null,
    n: s.n,
    sumWeights: s.sumWeights,
    warnings,
    ...(s.logitVariance !== undefined && Number.isFinite(s.logitVariance) ? { logitVariance: s.logitVariance } : {}),
  };
}

/**
 * Design effect: the variance over the SRS variance of the same statistic. `vsrs` is that of a
 * mean; a total or ratio scales it by N^2 (`scale` = N), in that order: vsrs * N * N.
 */
export function deffOf(variance: number, vsrs: number | null, scale?: number): number | null {
  if (vsrs === null) return null;
  return scale === undefined ? variance / vsrs : variance / (vsrs * scale * scale);
}

/** Narrow a result, throwing with its reason when it is not available (for callers that require one). */
export function mustEstimate(r: EstimateResult): Estimate {
  if (!r.available) throw new Error(`not available: ${r.message}`);
  return r;
}
