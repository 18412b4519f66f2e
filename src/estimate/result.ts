// One result shape for every estimator, so renderers never care which estimator ran.

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
}

export type UnavailableReason = "zero-denominator" | "empty-domain" | "no-variance";

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

/** Narrow a result, throwing with its reason when it is not available (for callers that require one). */
export function mustEstimate(r: EstimateResult): Estimate {
  if (!r.available) throw new Error(`not available: ${r.message}`);
  return r;
}
