import { isUtf8 } from "node:buffer";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { completeUtf8Length, countLineBreaks, firstInvalidUtf8 } from "./bytes.js";

/** What the first, byte-only pass over the file learnt. */
export interface ByteScan {
  /** The file starts with the UTF-8 byte order mark. */
  bom: boolean;
  /** Byte offset of the first invalid UTF-8 sequence, or -1 when the whole file is UTF-8. */
  invalidUtf8Offset: number;
  /** Byte offset of the first NUL byte, or -1: a NUL means a binary (or UTF-16) file. */
  nulOffset: number;
  /** The first bytes of the file, for sniffing the delimiter. */
  sample: Buffer;
  /** The sample is the whole file. */
  sampleIsWhole: boolean;
}

const SCAN_CHUNK = 1 << 20;
const SAMPLE_BYTES = 64 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * First pass: validate UTF-8 and look for NUL bytes without decoding anything. `isUtf8` and
 * `indexOf(0)` are native (simdutf / memchr), so this pass costs a small fraction of the parse
 * (measured in README.md) and lets the real pass pick its decoder once, before any record is
 * yielded, instead of buffering records in case a bad byte turns up late.
 */
export async function scanBytes(path: string, checkUtf8: boolean): Promise<ByteScan> {
  const sampleParts: Buffer[] = [];
  let sampleLength = 0;
  let offset = 0; // offset of the current chunk in the file
  let carry: Buffer = Buffer.alloc(0); // an incomplete UTF-8 sequence cut by the chunk end
  let invalidUtf8Offset = -1;
  let nulOffset = -1;
  let bom = false;

  const handle = await open(path, "r");
  // One buffer for every read (what is kept is copied): no megabyte left to the allocator per chunk.
  const buffer = Buffer.allocUnsafe(SCAN_CHUNK);
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, SCAN_CHUNK, null);
      if (bytesRead === 0) break;
      const chunk = buffer.subarray(0, bytesRead);
      if (offset === 0) bom = chunk.length >= 3 && BOM.every((b, i) => chunk[i] === b);
      if (sampleLength < SAMPLE_BYTES) {
        const part = Buffer.from(chunk.subarray(0, SAMPLE_BYTES - sampleLength));
        sampleParts.push(part);
        sampleLength += part.length;
      }
      const nul = chunk.indexOf(0);
      if (nul !== -1) {
        nulOffset = offset + nul;
        break; // the file is rejected: no need to read on
      }
      if (checkUtf8 && invalidUtf8Offset === -1) {
        const start = offset - carry.length;
        const piece = carry.length > 0 ? Buffer.concat([carry, chunk]) : chunk;
        const complete = completeUtf8Length(piece);
        const body = piece.subarray(0, complete);
        if (!isUtf8(body)) invalidUtf8Offset = start + firstInvalidUtf8(body);
        carry = Buffer.from(piece.subarray(complete));
      }
      offset += chunk.length;
    }
  } finally {
    await handle.close();
  }
  // A sequence cut by the end of the file is invalid too.
  if (checkUtf8 && invalidUtf8Offset === -1 && nulOffset === -1 && carry.length > 0) {
    invalidUtf8Offset = offset - carry.length;
  }
  return {
    bom,
    invalidUtf8Offset,
    nulOffset,
    sample: Buffer.concat(sampleParts),
    sampleIsWhole: nulOffset === -1 && offset <= SAMPLE_BYTES,
  };
}

/**
 * The last byte scan of a file, kept for its next opening: a dataset is opened twice (its first
 * records to judge decimal marks, then to be read), and the scan reads the whole file. It is
 * reused only for the same path and check, while the file keeps the size and modification
 * time (to the nanosecond) it had when scanned; else the file is scanned again.
 */
export class ScanMemo {
  private last: { key: string; scan: ByteScan } | null = null;

  async get(key: string, scan: () => Promise<ByteScan>): Promise<ByteScan> {
    if (this.last?.key === key) return this.last.scan;
    const made = await scan();
    this.last = { key, scan: made };
    return made;
  }
}

/** 1-based physical line holding byte `target` (LF, CRLF and CR all end a line). Rare path: re-reads. */
export async function lineOfByte(path: string, target: number): Promise<number> {
  let line = 1;
  let offset = 0;
  const state = { cr: false };
  const stream = createReadStream(path, { highWaterMark: SCAN_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const end = Math.min(chunk.length, target - offset);
      line += countLineBreaks(chunk, end, state);
      offset += chunk.length;
      if (offset >= target) break;
    }
  } finally {
    stream.destroy();
  }
  return line;
}
