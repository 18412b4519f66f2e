import type { CliMessages } from "./i18n/en.js";

/** Exit codes, as documented in the README: the only numbers a CI job needs to know. */
export const EXIT_OK = 0;
/** The data or the result is not acceptable. */
export const EXIT_NOT_ACCEPTABLE = 1;
/** The request cannot be carried out. */
export const EXIT_BAD_REQUEST = 2;

/** A sentence to word in the run's language, once that language is known. */
type Worded = (t: CliMessages) => string;

/**
 * An outcome a command reports as one sentence with a fixed exit code; caught only in main.
 * Given as a function of the commands' catalogue (`(t) => t.someKey(...)`), the sentence is
 * worded where the run's language is known: `in` (by main, with --lang's, or by the study's
 * run, with the study's). `file` is the file the sentence is about (as the user named it), when
 * there is one: `--json` prints it beside the sentence.
 */
export class CliError extends Error {
  constructor(
    message: string | Worded,
    readonly exitCode: number,
    readonly file: string | null = null,
  ) {
    super(typeof message === "string" ? message : "");
    this.words = typeof message === "string" ? null : message;
  }

  private readonly words: Worded | null;

  /** This error with its sentence in `t`'s language (itself when it is worded already). */
  in(t: CliMessages): CliError {
    return this.words === null ? this : new CliError(this.words(t), this.exitCode, this.file);
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
