import { issueTexts, type IssueCode } from "../vocabulary/index.js";

/**
 * Why a CSV source cannot be read at all. `request` means the request cannot be carried out
 * (missing path, directory, unreadable file, bad option: exit 2); `data` means the file is there
 * but is not a usable CSV (binary, unclosed quote, bad header: exit 1). The message is one
 * sentence naming the file (and line when there is one), ready to show as is.
 */
export class IngestError extends Error {
  readonly kind: "request" | "data";
  readonly file: string;
  readonly line: number | null;
  /** The issue code this error maps to when it is reported as data (JSON results). */
  readonly code: IssueCode;
  /** The file-system code (ENOENT...) when the file could not be read, for the CLI to word. */
  fsCode?: string;

  constructor(kind: "request" | "data", file: string, line: number | null, code: IssueCode, message: string) {
    super(message);
    this.name = "IngestError";
    this.kind = kind;
    this.file = file;
    this.line = line;
    this.code = code;
  }
}

/** "file, line N: what" when a line is known, else "file: what"; `what` is in `lang` already. */
export function dataError(file: string, line: number | null, code: IssueCode, what: string, lang?: "en" | "fr"): IngestError {
  const texts = issueTexts(lang);
  const where = line === null ? file : texts.fileLine(file, line);
  return new IngestError("data", file, line, code, `${where}${texts.colon} ${what}`);
}

export function requestError(file: string, what: string, lang?: "en" | "fr"): IngestError {
  return new IngestError("request", file, null, "source-error", `${file}${issueTexts(lang).colon} ${what}`);
}

/** Turn a Node file-system error into one sentence; never leaks a stack trace. */
export function fromFsError(file: string, err: unknown): IngestError {
  if (err instanceof IngestError) return err;
  const code = (err as NodeJS.ErrnoException | null)?.code;
  const error = fsRequestError(file, code);
  if (code !== undefined) error.fsCode = code;
  return error;
}

function fsRequestError(file: string, code: string | undefined): IngestError {
  switch (code) {
    case "ENOENT":
      return requestError(file, "no such file.");
    case "ENOTDIR":
      return requestError(file, "no such file (a part of the path is not a directory).");
    case "EISDIR":
      return requestError(file, "is a directory, not a CSV file.");
    case "EACCES":
    case "EPERM":
      return requestError(file, "permission denied; the file cannot be read.");
    default:
      return requestError(file, `the file cannot be read (${code ?? "unknown error"}).`);
  }
}
