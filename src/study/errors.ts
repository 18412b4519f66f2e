/** A study file that cannot be used: the request cannot be carried out (exit 2). */
export class StudyFileError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(message);
  }
}
