/**
 * A structural contradiction in a declared survey design, found once at construction
 * (as R `survey::svydesign` stops). The message is one sentence naming the field,
 * stratum or cluster at fault.
 */
export class DesignError extends Error {
  readonly field: string;
  constructor(field: string, message: string) {
    super(message);
    this.name = "DesignError";
    this.field = field;
  }
}
