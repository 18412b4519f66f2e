/**
 * A file-system error while writing or checking outputs, in words a user can act on: what could
 * not be done, to which path, and why. The CLI turns it into one sentence and exit 2.
 */
export class OutputError extends Error {
  constructor(
    readonly action: "create the folder" | "write" | "remove" | "read",
    readonly path: string,
    readonly reason: string,
  ) {
    super(`cannot ${action} ${path}: ${reason}`);
  }
}

/** Plain words for the error codes a write can meet. */
const REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EISDIR: "it is a folder, where a file is needed",
  ENOTDIR: "a part of the path is a file, where a folder is needed",
  EEXIST: "something else is already there",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EIO: "the device reported an input/output error",
  ENOENT: "a folder on the way does not exist",
  EBUSY: "it is busy",
};

/** An error as an `OutputError`, when it is a file-system one; anything else is passed on. */
export function outputError(action: OutputError["action"], path: string, error: unknown): unknown {
  if (error instanceof OutputError) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== "string") return error;
  return new OutputError(action, path, REASONS[code] ?? `the system refused (${code})`);
}
