/** Exit codes, as documented in the README: the only numbers a CI job needs to know. */
export const EXIT_OK = 0;
/** The data or the result is not acceptable. */
export const EXIT_NOT_ACCEPTABLE = 1;
/** The request cannot be carried out. */
export const EXIT_BAD_REQUEST = 2;

/** An outcome a command reports as one sentence with a fixed exit code; caught only in main. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}
