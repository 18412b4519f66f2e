/**
 * What an estimate says beside its numbers (a warning, why an interval is not the plain formula,
 * why there is no estimate), as a code and the values the sentence needs: estimation stays free
 * of any language, and the pipeline words each note in the result's language.
 */
export type EstimateNote =
  /** A stratum (stage 1) or a cluster of stage `stage - 1` with one sampled unit at `stage`. */
  | { code: "lonely-psu"; unit: string; stage: number; policy: string }
  | { code: "no-stratum-to-average"; stage: number }
  | { code: "zero-denominator-excluded"; rows: number }
  | { code: "no-df" }
  | { code: "exact-bound"; proportion: 0 | 1; n: number }
  | { code: "zero-variance" }
  /** A Woodruff bound R gives as NA: the shares F(q) ∓ t·se outside [0, 1], and the other bound. */
  | { code: "quantile-bound"; low: number | null; high: number | null; lower: number | null; upper: number | null }
  | { code: "empty-domain" }
  | { code: "zero-denominator" }
  | { code: "overflow"; part: "estimate" | "variance" }
  | { code: "no-quantile-df" }
  | { code: "no-model-rows" }
  | { code: "collinear" }
  | { code: "not-converged"; iterations: number }
  | { code: "separation" }
  | { code: "no-model-df"; df: number; coefficients: number }
  /** Replicates with no row of the domain, left out of a replicate design's variance. */
  | { code: "replicates-dropped"; count: number };

export type NoteCode = EstimateNote["code"];
