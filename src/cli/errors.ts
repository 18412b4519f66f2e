/** Exit codes, as documented in the README: the only numbers a CI job needs to know. */
export const EXIT_OK = 0;
/** The data or the result is not acceptable. */
export const EXIT_NOT_ACCEPTABLE = 1;
/** The request cannot be carried out. */
export const EXIT_BAD_REQUEST = 2;

/**
 * An outcome a command reports as one sentence with a fixed exit code; caught only in main.
 * `file` is the file the sentence is about (as the user named it), when there is one: `--json`
 * prints it beside the sentence.
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
    readonly file: string | null = null,
  ) {
    super(message);
  }
}

/**
 * What a command given `--json` prints on stdout when it fails: the sentence, the file it names,
 * and the summaries of the datasets read before the failure (none when it came first), so that
 * a script always reads JSON, whatever went wrong.
 */
export function failureJson(error: CliError, datasets: readonly unknown[]): string {
  return `${JSON.stringify({ valid: false, error: error.message, file: error.file, datasets }, null, 2)}\n`;
}
