import { open, stat } from "node:fs/promises";
import { formatSize, issueTexts } from "../vocabulary/index.js";

/**
 * Reading a study or schema file: a regular file of at most MAX_TEXT_FILE_BYTES, strictly UTF-8
 * (a byte-order mark is dropped). Such files are a few kilobytes; the cap keeps a wrong path
 * (a device, a FIFO, a data file) from hanging the run or filling memory.
 */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** Why a file cannot be read as text, language-free: worded by `textFileReason`. */
export type TextFileProblem =
  | { kind: "utf16" | "notRegular" | "tooLarge" | "missing" | "directory" | "permission" }
  | { kind: "notUtf8"; byte: string | null; offset: number; line: number }
  | { kind: "unreadable"; detail: string };

export class TextFileError extends Error {
  constructor(
    readonly problem: TextFileProblem,
    readonly code?: string,
  ) {
    super(textFileReason(problem));
  }
}

/** The reason in `lang`; it completes "FILE: …" ("is not a regular file"). */
export function textFileReason(problem: TextFileProblem, lang?: "en" | "fr"): string {
  const t = issueTexts(lang).textFile;
  switch (problem.kind) {
    case "notUtf8":
      return t.notUtf8(problem.byte, problem.offset, problem.line);
    case "unreadable":
      return t.unreadable(problem.detail);
    case "tooLarge":
      return t.tooLarge(MAX_TEXT_FILE_BYTES, formatSize(MAX_TEXT_FILE_BYTES, lang));
    default:
      return t[problem.kind];
  }
}

export async function readTextFile(path: string): Promise<string> {
  const bytes = await readBoundedBytes(path);
  if (isUtf16(bytes)) throw new TextFileError({ kind: "utf16" });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new TextFileError({ kind: "notUtf8", ...invalidByte(bytes) });
  }
  // TextDecoder drops a leading BOM by default.
  return text;
}

async function readBoundedBytes(path: string): Promise<Uint8Array> {
  try {
    // stat before open: opening a FIFO for reading would block until a writer comes.
    const info = await stat(path);
    checkInfo(info);
    const handle = await open(path, "r");
    try {
      checkInfo(await handle.stat());
      // Read one byte past the cap, so a file that grew since stat is still refused.
      const buffer = new Uint8Array(MAX_TEXT_FILE_BYTES + 1);
      let length = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
        if (bytesRead === 0) break;
        length += bytesRead;
        if (length > MAX_TEXT_FILE_BYTES) throw tooLarge();
      }
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof TextFileError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const problem: TextFileProblem =
      code === "ENOENT"
        ? { kind: "missing" }
        : code === "EACCES" || code === "EPERM"
          ? { kind: "permission" }
          : code === "EISDIR"
            ? { kind: "directory" }
            : { kind: "unreadable", detail: code ?? (error as Error).message };
    throw new TextFileError(problem, code);
  }
}

function checkInfo(info: { isFile(): boolean; isDirectory(): boolean; size: number }): void {
  if (info.isDirectory()) throw new TextFileError({ kind: "directory" }, "EISDIR");
  if (!info.isFile()) throw new TextFileError({ kind: "notRegular" });
  if (info.size > MAX_TEXT_FILE_BYTES) throw tooLarge();
}

const tooLarge = (): TextFileError => new TextFileError({ kind: "tooLarge" });

/** A UTF-16 byte-order mark, or ASCII text with every other byte zero. */
function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  return bytes.length >= 2 && (a === 0) !== (b === 0) && (a ?? 0) < 0x80 && (b ?? 0) < 0x80;
}

/**
 * The first byte the decoder replaced ("0xE9", its offset and line). The lenient decoder turns
 * each invalid sequence into U+FFFD; one that is a real U+FFFD in the file is EF BF BD.
 */
function invalidByte(bytes: Uint8Array): { byte: string | null; offset: number; line: number } {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let line = 1;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
      return { byte: `0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")}`, offset, line };
    if (code === 0x0a) line++;
    offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return { byte: null, offset, line };
}
