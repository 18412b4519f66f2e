/** A study file that cannot be used: the request cannot be carried out (exit 2). */
export class StudyFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
    /** The file-system code (ENOENT...) when the file could not be read, for the CLI to word. */
    readonly fsCode?: string,
  ) {
    super(message);
  }
}
