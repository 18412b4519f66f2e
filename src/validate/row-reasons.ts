/**
 * The reasons of each rejected row, in row order, in as few bytes as they allow. A header typo
 * gives one list for every row: the first {@link MAX_LISTS} distinct lists are kept once and a
 * row names one in a byte or two. A column of bad values gives as many lists as rows (`field
 * weight: "12kg" is not a number`): past them a row's list is packed, each reason as its wording
 * around the quoted value (kept once) and the value's UTF-8 bytes, so that five million rows each
 * with its own value take about fifty bytes a row, written in 1 MiB chunks that are never copied.
 */
const MAX_LISTS = 4096;

/** Wordings (text before the first and after the last quote) kept; past it a reason is packed whole. */
const MAX_WORDINGS = 4096;

/** Bytes of a chunk; a row's entry never spans two chunks (a larger one gets a chunk of its own size). */
const CHUNK = 1 << 20;

/** Every STRIDE-th row's place is indexed; a row is found by reading on from the last indexed one. */
const STRIDE = 64;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class RowReasons {
  private readonly lists: string[][] = [];
  private readonly keys = new Map<string, number>();
  private readonly wordings: [string, string][] = [];
  private readonly wordingKeys = new Map<string, number>();
  // Each row's entry: varint v; v > 0 names lists[v - 1]; v = 0 is followed by the packed list:
  // varint count, then per reason varint w (wordings[w - 1] around the bytes; 0: none), varint
  // byte length, the bytes.
  private readonly chunks: Uint8Array[] = [new Uint8Array(CHUNK)];
  /** Bytes used in each chunk but the last (a row that does not fit the rest starts the next). */
  private readonly ends: number[] = [];
  /** Bytes used in the last chunk. */
  private used = 0;
  private count = 0;
  // Chunk and offset of every STRIDE-th row.
  private strideChunk: Int32Array = new Int32Array(16);
  private strideOffset: Int32Array = new Int32Array(16);
  // Where the row after the last one read starts: rows are mostly read in order.
  private cursorRow = 0;
  private cursorChunk = 0;
  private cursorOffset = 0;

  get length(): number {
    return this.count;
  }

  /** Add the next row's reasons. */
  push(reasons: readonly string[]): void {
    const key = JSON.stringify(reasons); // unambiguous, whatever the reasons hold
    let id = this.keys.get(key);
    if (id === undefined && this.lists.length < MAX_LISTS) {
      id = this.lists.length;
      this.keys.set(key, id);
      this.lists.push([...reasons]);
    }
    const pieces = id === undefined ? reasons.map((r) => this.piece(r)) : [];
    // At most 5 bytes a varint and 3 bytes a UTF-16 unit.
    const room = 10 + pieces.reduce((sum, p) => sum + 10 + p.text.length * 3, 0);
    this.reserve(room);
    if (this.count % STRIDE === 0) this.index(this.count / STRIDE);
    const chunk = this.chunks[this.chunks.length - 1]!;
    if (id !== undefined) this.used = writeVarint(chunk, this.used, id + 1);
    else {
      this.used = writeVarint(chunk, this.used, 0);
      this.used = writeVarint(chunk, this.used, pieces.length);
      for (const { wording, text } of pieces) {
        this.used = writeVarint(chunk, this.used, wording + 1);
        // The text is encoded past the room of its length's varint, then moved up against it.
        const start = this.used + 5;
        const { written } = encoder.encodeInto(text, chunk.subarray(start));
        this.used = writeVarint(chunk, this.used, written);
        chunk.copyWithin(this.used, start, start + written);
        this.used += written;
      }
    }
    this.count++;
  }

  /** Row r's reasons (a fresh array). */
  at(r: number): string[] {
    if (r < 0 || r >= this.count) throw new RangeError(`row ${r} is outside the rejected rows`);
    let row: number;
    let c: number;
    let off: number;
    if (r >= this.cursorRow && r - this.cursorRow < STRIDE) {
      row = this.cursorRow;
      c = this.cursorChunk;
      off = this.cursorOffset;
    } else {
      const k = Math.floor(r / STRIDE);
      row = k * STRIDE;
      c = this.strideChunk[k]!;
      off = this.strideOffset[k]!;
    }
    const reader = new Reader(this.chunks, (k) => (k < this.ends.length ? this.ends[k]! : this.used), c, off);
    for (; row < r; row++) reader.row(null);
    const out: string[] = [];
    const list = reader.row((w, bytes) => {
      const text = decoder.decode(bytes);
      out.push(w < 0 ? text : this.wordings[w]![0] + text + this.wordings[w]![1]);
    });
    if (list > 0) out.push(...this.lists[list - 1]!);
    this.cursorRow = r + 1;
    this.cursorChunk = reader.chunk;
    this.cursorOffset = reader.offset;
    return out;
  }

  /** A reason as its wording's number (-1: none) and the text it leaves. */
  private piece(reason: string): { wording: number; text: string } {
    const first = reason.indexOf('"');
    const last = reason.lastIndexOf('"');
    if (first < 0 || last <= first) return { wording: -1, text: reason };
    const prefix = reason.slice(0, first + 1);
    const suffix = reason.slice(last);
    const key = `${prefix}\u0000${suffix}`;
    let w = this.wordingKeys.get(key);
    if (w === undefined) {
      if (this.wordings.length >= MAX_WORDINGS) return { wording: -1, text: reason };
      w = this.wordings.length;
      this.wordings.push([prefix, suffix]);
      this.wordingKeys.set(key, w);
    }
    return { wording: w, text: reason.slice(first + 1, last) };
  }

  /** Room for `bytes` more in the last chunk, else a new chunk. */
  private reserve(bytes: number): void {
    if (this.used + bytes <= this.chunks[this.chunks.length - 1]!.length) return;
    this.ends.push(this.used);
    this.chunks.push(new Uint8Array(Math.max(CHUNK, bytes)));
    this.used = 0;
  }

  private index(k: number): void {
    if (k === this.strideChunk.length) {
      this.strideChunk = grown(this.strideChunk);
      this.strideOffset = grown(this.strideOffset);
    }
    this.strideChunk[k] = this.chunks.length - 1;
    this.strideOffset[k] = this.used;
  }
}

/** Reads row entries on from a place. */
class Reader {
  constructor(
    private readonly chunks: readonly Uint8Array[],
    private readonly end: (chunk: number) => number,
    public chunk: number,
    public offset: number,
  ) {}

  /** Read one row's entry, giving each packed reason to `onReason` (null: skip); its looked-up list's number + 1, or 0 (packed). */
  row(onReason: ((wording: number, bytes: Uint8Array) => void) | null): number {
    // A row that did not fit the rest of a chunk starts the next one.
    while (this.offset >= this.end(this.chunk)) {
      this.chunk++;
      this.offset = 0;
    }
    const list = this.varint();
    if (list > 0) return list;
    const n = this.varint();
    for (let i = 0; i < n; i++) {
      const w = this.varint() - 1;
      const length = this.varint();
      if (onReason) onReason(w, this.chunks[this.chunk]!.subarray(this.offset, this.offset + length));
      this.offset += length;
    }
    return 0;
  }

  private varint(): number {
    const bytes = this.chunks[this.chunk]!;
    let value = 0;
    let scale = 1;
    for (;;) {
      const b = bytes[this.offset++]!;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return value;
      scale *= 128;
    }
  }
}

function writeVarint(bytes: Uint8Array, at: number, value: number): number {
  let v = value;
  let i = at;
  while (v >= 0x80) {
    bytes[i++] = (v % 128) | 0x80;
    v = Math.floor(v / 128);
  }
  bytes[i++] = v;
  return i;
}

/** A copy of `a` with twice the room. */
function grown(a: Int32Array): Int32Array {
  const out = new Int32Array(a.length * 2);
  out.set(a);
  return out;
}
