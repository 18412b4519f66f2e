import { open, stat } from "node:fs/promises";

/**
 * Reading a study or schema file: a regular file of at most MAX_TEXT_FILE_BYTES, strictly UTF-8
 * (a byte-order mark is dropped). Such files are a few kilobytes; the cap keeps a wrong path
 * (a device, a FIFO, a data file) from hanging the run or filling memory.
 */
export const MAX_TEXT_FILE_BYTES = 1024 * 1024;

/** Why a file cannot be read as text: `reason` completes "FILE …" ("is not a regular file"). */
export class TextFileError extends Error {
  constructor(
    readonly reason: string,
    readonly code?: string,
  ) {
    super(reason);
  }
}

export async function readTextFile(path: string): Promise<string> {
  const bytes = await readBoundedBytes(path);
  if (isUtf16(bytes)) throw new TextFileError("is UTF-16 text; save it as UTF-8");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new TextFileError(`is not UTF-8 text (${describeInvalidByte(bytes)}); save it as UTF-8`);
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
    const reason =
      code === "ENOENT"
        ? "does not exist"
        : code === "EACCES" || code === "EPERM"
          ? "cannot be read (permission denied)"
          : code === "EISDIR"
            ? "is a directory"
            : `cannot be read (${code ?? (error as Error).message})`;
    throw new TextFileError(reason, code);
  }
}

function checkInfo(info: { isFile(): boolean; isDirectory(): boolean; size: number }): void {
  if (info.isDirectory()) throw new TextFileError("is a directory", "EISDIR");
  if (!info.isFile()) throw new TextFileError("is not a regular file (a device, FIFO or socket); give the path of a file");
  if (info.size > MAX_TEXT_FILE_BYTES) throw tooLarge();
}

const tooLarge = (): TextFileError =>
  new TextFileError(`is larger than ${MAX_TEXT_FILE_BYTES.toLocaleString("en-US")} bytes (1 MiB), the limit for a study or schema file`);

/** A UTF-16 byte-order mark, or ASCII text with every other byte zero. */
function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  return bytes.length >= 2 && (a === 0) !== (b === 0) && (a ?? 0) < 0x80 && (b ?? 0) < 0x80;
}

/**
 * "byte 0xE9 at offset 41, line 3": the first byte the decoder replaced. The lenient decoder
 * turns each invalid sequence into U+FFFD; one that is a real U+FFFD in the file is EF BF BD.
 */
function describeInvalidByte(bytes: Uint8Array): string {
  const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
  let offset = 0;
  let line = 1;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd))
      return `byte 0x${(bytes[offset] ?? 0).toString(16).toUpperCase().padStart(2, "0")} at offset ${offset}, line ${line}`;
    if (code === 0x0a) line++;
    offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return "an invalid byte";
}
