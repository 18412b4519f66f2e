/**
 * A file-system error while writing or checking outputs, as what could not be done, to which
 * path, and why by code: the file-system code (`EACCES`...), or `not-a-folder` (a file where the
 * folder goes) or `cut-short` (an interrupted set's manifest that cannot be read). The CLI words
 * it in the run's language (cli/i18n `outputFailed`), one sentence with exit 2.
 */
export class OutputError extends Error {
  constructor(
    readonly action: "create the folder" | "write" | "remove" | "read",
    readonly path: string,
    readonly code: string,
  ) {
    super(`cannot ${action} ${path} (${code})`);
  }
}

/** An error as an `OutputError`, when it is a file-system one; anything else is passed on. */
export function outputError(action: OutputError["action"], path: string, error: unknown): unknown {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  return new OutputError(action, path, code);
}
