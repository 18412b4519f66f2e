import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { issueTexts } from "../vocabulary/index.js";
import type { OpenedCsv } from "./open-csv.js";
import { dataError, fromFsError, requestError } from "./errors.js";
import type { CellFormat } from "./typed-source.js";

/** An opened data file of any format: the records of `OpenedCsv`, with what the result reports. */
export interface OpenedSource extends Omit<OpenedCsv, "encoding" | "delimiter" | "invalidUtf8"> {
  format: "csv" | "xlsx" | "sav";
  /** The text encoding, or for a typed format what was read ("xlsx, sheet ..."). */
  encoding: string;
  /** The CSV delimiter; empty for a typed format. */
  delimiter: string;
}

/** What every typed reader takes. */
export interface TypedSourceOptions {
  path: string;
  displayName?: string;
  /** Called with the header's names once it is read: each column's cell format (typed-source.ts). */
  cellFormats?: (names: string[]) => (CellFormat | undefined)[];
  /** As `openCsv`'s: bytes of the file read so far, its size, and records so far. */
  onProgress?: ((bytesRead: number, totalBytes: number, records: number) => void) | undefined;
  /** The language of the refusals (English by default). */
  lang?: "en" | "fr" | undefined;
}

/** The file's size, after checking that it is a non-empty regular file of the format. */
export async function checkedSize(path: string, file: string, format: "xlsx" | "sav", lang?: "en" | "fr"): Promise<number> {
  const texts = issueTexts(lang);
  let size: number;
  try {
    const info = await stat(path);
    // By its file-system code, so the command line words it in the run's language.
    if (info.isDirectory()) throw fromFsError(file, { code: "EISDIR" });
    if (!info.isFile()) throw requestError(file, texts.notRegularFile, lang);
    size = info.size;
  } catch (err) {
    throw fromFsError(file, err);
  }
  if (size === 0) throw dataError(file, null, "source-error", texts.emptyTyped(format), lang);
  return size;
}

/** SHA-256 (hex) of a file, streamed. */
export async function fileSha256(path: string, file: string): Promise<string> {
  const hash = createHash("sha256");
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (err) {
    throw fromFsError(file, err);
  }
  return hash.digest("hex");
}
