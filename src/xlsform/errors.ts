/**
 * Why a form cannot be read or used, by code with the values its sentence needs: the CLI words
 * it in the run's language (cli/i18n's `formError`); English keeps the error's own sentence.
 */
export type FormReason = { file: string } & (
  | { code: "not-file" }
  | { code: "too-large"; bytes: number }
  | { code: "no-file" }
  | { code: "unreadable"; detail: string }
  | { code: "no-survey" }
  | { code: "no-column"; column: string }
  | { code: "choice-unnamed"; row: number }
  | { code: "choice-twice"; row: number; value: string; list: string }
  | { code: "question-unnamed"; row: number; type: string }
  | { code: "unknown-list"; row: number; name: string; list: string }
  | { code: "name-twice"; row: number; name: string }
);

/** A form that cannot be read or used: one sentence naming the file, sheet and row, and its reason. */
export class XlsFormError extends Error {
  constructor(
    message: string,
    readonly reason: FormReason,
  ) {
    super(message);
  }
}
