/**
 * Why a design cannot be built, by code with the values its sentence needs: the command line
 * words it in the run's language (cli/i18n `design`). The refusals a study's data meet most.
 */
export type DesignReason =
  | { code: "missing-design-value"; field: string; row: string }
  | { code: "one-psu" }
  | { code: "lonely-psu"; unit: string; stage: number }
  | { code: "not-nested"; cluster: string; first: string; second: string }
  | { code: "bad-weight"; field: string; value: number; row: string };

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
