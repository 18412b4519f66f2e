import { createHash } from "node:crypto";
import { open, stat, type FileHandle } from "node:fs/promises";
import { issueTexts, type Issue } from "../vocabulary/index.js";
import { cellDecoder, makeDecoder } from "./decode.js";
import { dataError, fromFsError, IngestError, requestError } from "./errors.js";
import { readHeader } from "./header.js";
import { ByteScanner } from "./byte-scanner.js";
import { CsvParser, type CsvRecord } from "./parser.js";
import { recordCells, toRecords, withoutFirst, type RecordBatch } from "./record-batch.js";
import { lineOfByte, scanBytes, type ScanMemo } from "./scan.js";
import { sniffDelimiter } from "./sniff.js";

export interface CsvSourceOptions {
  /** File to read. */
  path: string;
  /** How messages name the file (default: `path` as given). */
  displayName?: string;
  /** Fixed by the study or schema; else sniffed among `, ; \t |`. */
  delimiter?: string;
  /** Fixed; else detected (UTF-8, with or without BOM, falling back to Windows-1252). */
  encoding?: "utf-8" | "windows-1252";
  /** Default 1 MiB: a larger record is an error, not a memory blow-up. */
  maxRecordBytes?: number;
  /** After each chunk: bytes read so far, the file's size, and records parsed so far. */
  onProgress?: (bytesRead: number, totalBytes: number, records: number) => void;
  /** The language of the encoding issues (English by default). */
  lang?: "en" | "fr";
  /** The byte scan of an earlier opening of the same file, reused while the file is unchanged (scan.ts). */
  scans?: ScanMemo | undefined;
}

export interface OpenedCsv {
  encoding: "utf-8" | "utf-8-bom" | "windows-1252";
  delimiter: string;
  /** Names with BOM and surrounding spaces stripped; `line` is the header's physical line. */
  header: { names: string[]; line: number };
  /** The data records, streamed; iterate once (breaking out early releases the file). */
  records: AsyncIterable<CsvRecord>;
  /** The same records in batches (one per chunk read): iterate this or `records`, once. */
  batches: AsyncIterable<CsvRecord[]>;
  /** The same batches with cells as byte ranges (record-batch.ts): the cheapest form; or this, once. */
  byteBatches: AsyncIterable<RecordBatch>;
  /** UTF-8 was imposed on bytes that are not UTF-8 (they read as U+FFFD). */
  invalidUtf8: boolean;
  /** File-level issues (encoding fallback, ...); more may be appended during iteration. */
  issues: Issue[];
  /** SHA-256 (hex) of the file's bytes; available once records are exhausted. */
  sha256(): string;
  totalBytes: number;
}

const DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;
/** Bytes read at a time, so also the bytes behind one batch of records. */
export const READ_CHUNK = 256 * 1024;

/**
 * Open a CSV file: check it, detect encoding and delimiter, read the header, and return the
 * records as a stream. Throws IngestError (never anything else for bad input); never prints.
 *
 * Two passes: a byte-only scan (NUL bytes, UTF-8 validity, a sample for sniffing), then the
 * parse. See README.md for why and what it costs.
 */
export async function openCsv(options: CsvSourceOptions): Promise<OpenedCsv> {
  const file = options.displayName ?? options.path;
  const maxRecordBytes = options.maxRecordBytes ?? DEFAULT_MAX_RECORD_BYTES;
  const texts = issueTexts(options.lang);
  checkOptions(file, options, maxRecordBytes);

  let totalBytes: number;
  let changed: bigint;
  try {
    const info = await stat(options.path, { bigint: true });
    // By its file-system code, so the command line words it in the run's language.
    if (info.isDirectory()) throw fromFsError(file, { code: "EISDIR" });
    if (!info.isFile()) throw requestError(file, texts.notRegularFile, options.lang);
    totalBytes = Number(info.size);
    changed = info.mtimeNs;
  } catch (err) {
    throw fromFsError(file, err);
  }
  if (totalBytes === 0) throw dataError(file, 1, "source-error", texts.emptyCsv, options.lang);

  let scan: Awaited<ReturnType<typeof scanBytes>>;
  try {
    const checkUtf8 = options.encoding !== "windows-1252";
    const scanOnce = () => scanBytes(options.path, checkUtf8);
    scan = options.scans
      ? await options.scans.get(`${options.path}\u0000${checkUtf8}\u0000${totalBytes}\u0000${changed}`, scanOnce)
      : await scanOnce();
  } catch (err) {
    throw fromFsError(file, err);
  }
  if (scan.nulOffset !== -1) throw await binaryError(options.path, file, scan.sample, scan.nulOffset, options.lang);

  const issues: Issue[] = [];
  let encoding: "utf-8" | "windows-1252" = options.encoding ?? "utf-8";
  if (scan.invalidUtf8Offset !== -1) {
    const line = await lineOfByte(options.path, scan.invalidUtf8Offset).catch(() => null);
    const byte = await byteAt(options.path, scan.invalidUtf8Offset).catch(() => "?");
    const at = line === null ? file : texts.fileLine(file, line);
    if (options.encoding === "utf-8") {
      issues.push({
        code: "encoding-error",
        severity: "error",
        line,
        field: null,
        value: byte,
        message: texts.invalidUtf8(at, byte),
      });
    } else {
      encoding = "windows-1252";
      issues.push({
        code: "encoding-fallback",
        severity: "warning",
        line,
        field: null,
        value: byte,
        message: texts.windows1252Fallback(at, byte),
      });
    }
  }
  const delimiter = options.delimiter ?? sniffDelimiter(scan.sample.toString("latin1"), scan.sampleIsWhole);

  const hash = createHash("sha256");
  let digest: string | null = null;
  const parser = new CsvParser({ file, delimiter, maxRecordBytes, singleByte: encoding === "windows-1252", issues, lang: options.lang });
  const scanner = new ByteScanner({
    delimiter,
    maxRecordBytes,
    skip: scan.bom ? 3 : 0,
    parser,
    text: makeDecoder(encoding),
    decodeCell: cellDecoder(encoding, scan.invalidUtf8Offset !== -1),
  });

  // Records are produced a chunk at a time (a few thousand per 256 KiB): handing them on in
  // batches costs one promise per chunk instead of one per record.
  async function* stream(): AsyncGenerator<RecordBatch, void, undefined> {
    let handle: FileHandle | null = null;
    let reading: Promise<{ bytesRead: number }> | null = null;
    let bytesRead = 0;
    let records = 0;
    try {
      const fh = (handle = await open(options.path, "r"));
      // Two buffers, reused: the next chunk is read while this one is hashed and split, so the
      // wait for the disk overlaps the work (the scanner copies what it keeps; a buffer per
      // chunk left the allocator holding tens of megabytes after a big file).
      let target = Buffer.allocUnsafe(READ_CHUNK);
      let other = Buffer.allocUnsafe(READ_CHUNK);
      const readInto = (buffer: Buffer): Promise<{ bytesRead: number }> => {
        const read = fh.read(buffer, 0, READ_CHUNK, null);
        read.catch(() => undefined); // awaited below; failing while a batch is out is not "unhandled"
        return read;
      };
      reading = readInto(target);
      for (;;) {
        const { bytesRead: n } = await reading;
        if (n === 0) break;
        const chunk = target.subarray(0, n);
        [target, other] = [other, target];
        reading = readInto(target);
        hash.update(chunk);
        bytesRead += n;
        const batch = scanner.push(chunk);
        records += batch.count;
        options.onProgress?.(bytesRead, totalBytes, records);
        if (batch.count > 0) yield batch;
      }
      const batch = scanner.end();
      if (batch.count > 0) yield batch;
      if (bytesRead !== totalBytes) throw requestError(file, texts.fileChanged, options.lang);
      digest = hash.digest("hex");
    } catch (err) {
      if (err instanceof IngestError) throw err;
      throw fromFsError(file, err);
    } finally {
      // A read still in flight (the consumer stopped early, or an error) ends before the close.
      await reading?.catch(() => undefined);
      await handle?.close();
    }
  }

  const chunks = stream();
  let first: RecordBatch | null = null;
  for (;;) {
    const next = await chunks.next();
    if (next.done) break;
    if (next.value.count > 0) {
      first = next.value;
      break;
    }
  }
  if (first === null) {
    // Only possible when the file holds nothing but a BOM.
    throw dataError(file, 1, "source-error", texts.emptyCsv, options.lang);
  }
  let header: ReturnType<typeof readHeader>;
  try {
    header = readHeader(file, { line: first.lines[0]!, cells: recordCells(first, 0) }, options.lang);
  } catch (err) {
    await chunks.return(undefined); // release the file
    throw err;
  }
  const rest = withoutFirst(first);
  async function* byteBatches(): AsyncGenerator<RecordBatch, void, undefined> {
    if (rest.count > 0) yield rest;
    yield* chunks;
  }
  const views = recordViews(file, byteBatches);
  return {
    encoding: encoding === "utf-8" && scan.bom ? "utf-8-bom" : encoding,
    delimiter,
    header,
    ...views,
    issues,
    invalidUtf8: encoding === "utf-8" && scan.invalidUtf8Offset !== -1,
    sha256() {
      if (digest === null) throw new Error(`${file}: sha256 is available once all records have been read.`);
      return digest;
    },
    totalBytes,
  };
}

/**
 * The three ways to iterate a source's records, all drawn from its byte batches; together
 * they may be iterated once.
 */
export function recordViews(
  file: string,
  byteBatches: () => AsyncGenerator<RecordBatch, void, undefined>,
): Pick<OpenedCsv, "records" | "batches" | "byteBatches"> {
  async function* batches(): AsyncGenerator<CsvRecord[], void, undefined> {
    for await (const batch of byteBatches()) yield toRecords(batch);
  }
  async function* records(): AsyncGenerator<CsvRecord, void, undefined> {
    for await (const batch of byteBatches()) yield* toRecords(batch);
  }
  let iterated = false;
  const once = <T>(make: () => AsyncIterator<T>): AsyncIterable<T> => ({
    [Symbol.asyncIterator]() {
      if (iterated) throw new Error(`${file}: records can be iterated only once.`);
      iterated = true;
      return make();
    },
  });
  return { records: once(records), batches: once(batches), byteBatches: once(byteBatches) };
}

/** Backstops: the study's checks refuse such options first, naming the study's key. */
function checkOptions(file: string, options: CsvSourceOptions, maxRecordBytes: number): void {
  const texts = issueTexts(options.lang);
  const d = options.delimiter;
  if (d !== undefined && (d.length !== 1 || d === '"' || d === "\n" || d === "\r")) {
    throw requestError(file, texts.badDelimiter(JSON.stringify(d)), options.lang);
  }
  if (!Number.isInteger(maxRecordBytes) || maxRecordBytes <= 0) {
    throw requestError(file, texts.badRecordLimit(String(maxRecordBytes)), options.lang);
  }
}

async function binaryError(path: string, file: string, sample: Buffer, nulOffset: number, lang?: "en" | "fr"): Promise<IngestError> {
  const texts = issueTexts(lang);
  const utf16 = sample.length >= 2 && ((sample[0] === 0xff && sample[1] === 0xfe) || (sample[0] === 0xfe && sample[1] === 0xff));
  if (utf16) return dataError(file, 1, "encoding-error", texts.utf16File, lang);
  const line = await lineOfByte(path, nulOffset).catch(() => null);
  return dataError(file, line, "source-error", texts.binaryFile, lang);
}

async function byteAt(path: string, offset: number): Promise<string> {
  const handle = await open(path, "r");
  try {
    const buf = Buffer.alloc(1);
    await handle.read(buf, 0, 1, offset);
    return `0x${buf[0]!.toString(16).toUpperCase().padStart(2, "0")}`;
  } finally {
    await handle.close();
  }
}
