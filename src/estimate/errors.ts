/**
 * Why a design cannot be built, by code with the values its sentence needs: the command line
 * words it in the run's language (cli/i18n `design`). `row` is already worded ("line 17").
 */
export type DesignReason =
  | { code: "missing-design-value"; field: string; row: string }
  | { code: "one-psu" }
  | { code: "lonely-psu"; unit: string; stage: number }
  | { code: "not-nested"; cluster: string; first: string; second: string }
  | { code: "bad-weight"; field: string; value: number; row: string }
  // The rarer refusals of a design: its fpc, its weights, a column of the wrong length.
  | { code: "tiny-weight"; field: string; value: number; row: string }
  | { code: "weights-overflow"; field: string }
  | { code: "weights-needed" }
  | { code: "infinite-fpc" }
  | { code: "fpc-not-positive"; stage: number; row: string }
  | { code: "fpc-mixed" }
  | { code: "fpc-stages"; given: number; stages: number }
  | { code: "fpc-varies"; stratum: string; stage: number; first: number; second: number }
  | { code: "fpc-too-small"; stratum: string; stage: number; population: number; sampled: number }
  | { code: "no-rows"; n: number }
  | { code: "unknown-lonely-psu"; value: string; options: readonly string[] }
  | { code: "length"; field: string; values: number; rows: number }
  // A replicate-weight design's declaration that cannot be used (estimate/replicate.ts).
  | { code: "too-few-replicates"; found: number }
  | { code: "rscales-length"; given: number; columns: number }
  | { code: "scale-fixed"; type: string; scale: string }
  | { code: "fay-needs-rho" }
  | { code: "jkn-needs-rscales" }
  | { code: "other-needs-scale" };

/**
 * A structural contradiction in a declared survey design, found once at construction
 * (as R `survey::svydesign` stops). The message is one sentence naming the field,
 * stratum or cluster at fault, in English; `reason` (when set) is the same as a code.
 */
export class DesignError extends Error {
  readonly field: string;
  constructor(
    field: string,
    message: string,
    readonly reason: DesignReason | null = null,
  ) {
    super(message);
    this.name = "DesignError";
    this.field = field;
  }
}
