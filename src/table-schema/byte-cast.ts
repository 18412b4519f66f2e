/**
 * Casting a cell straight from its bytes, so that a million repeated categories and plain
 * numbers never become strings. Each caster gives exactly what the text caster (compile.ts)
 * gives for the decoded cell: it either answers from a byte-keyed memo of the text caster's own
 * answers, or parses a plain decimal whose value is provably the same as Number()'s, or else
 * decodes the cell and asks the text caster.
 */

/** A cell's bytes as text, in the file's encoding. */
type DecodeBytes = (bytes: Buffer, start: number, end: number) => string;
export type ByteCast<R> = (bytes: Buffer, start: number, end: number, decode: DecodeBytes) => R;

/** Which cells may skip the text caster as numbers (see plainNumber). */
export interface PlainNumbers {
  integer: boolean;
  /** The decimal mark's byte: a point (0x2e) or a comma (0x2c). */
  mark: number;
  /** The field's value checks pass for n (checks that need the cell's text rule this out). */
  accept: (n: number) => boolean;
}

export function byteCaster<R>(textCast: (cell: string) => R, numbers: PlainNumbers | null): ByteCast<R> {
  const memo = new ByteMemo<R>();
  // The previous miss: ids that rarely repeat overall (clusters) often repeat row after row.
  const last = new Uint8Array(MAX_KEY);
  let lastLength = -1;
  let lastValue: R | undefined;
  const viaText: ByteCast<R> = (bytes, start, end, decode) => {
    const known = memo.get(bytes, start, end);
    if (known !== undefined) return known;
    const len = end - start;
    if (len === lastLength && sameBytes(last, 0, bytes, start, len)) return lastValue as R;
    const v = textCast(decode(bytes, start, end));
    memo.set(bytes, start, end, v);
    if (len <= MAX_KEY) {
      for (let k = 0; k < len; k++) last[k] = bytes[start + k]!;
      lastLength = len;
      lastValue = v;
    }
    return v;
  };
  if (numbers === null) return viaText;
  const { integer, mark, accept } = numbers;
  return (bytes, start, end, decode) => {
    const n = plainNumber(bytes, start, end, integer, mark);
    // NaN: not a plain number (a missing code, spaces, an exponent...): the text caster decides.
    if (!Number.isNaN(n) && accept(n)) return n as R;
    return viaText(bytes, start, end, decode);
  };
}

/** Exact powers of ten: every one up to 1e22 is a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * The value of `[+-]digits[.digits]` with at most 15 digits, or NaN for anything else. With at
 * most 15 digits the digits form an exact integer below 2^53, and dividing it by an exact power
 * of ten rounds once, correctly (Clinger's fast path): the result is Number(text), bit for bit.
 * Integers take no decimal mark, as the INTEGER pattern of parsers.ts. `mark` is the decimal
 * mark's byte (a comma reads `12,5` as parsers.ts does, and refuses a point).
 */
export function plainNumber(bytes: Uint8Array, start: number, end: number, integer: boolean, mark = 0x2e): number {
  let i = start;
  let negative = false;
  if (i < end && (bytes[i] === 0x2d || bytes[i] === 0x2b)) {
    negative = bytes[i] === 0x2d;
    i++;
  }
  let digits = 0;
  let scale = 0;
  let mantissa = 0;
  let point = false;
  for (; i < end; i++) {
    const b = bytes[i]!;
    if (b >= 0x30 && b <= 0x39) {
      mantissa = mantissa * 10 + (b - 0x30);
      digits++;
      if (point) scale++;
    } else if (b === mark && !point && !integer) point = true;
    else return Number.NaN;
  }
  if (digits === 0 || digits > 15) return Number.NaN;
  const v = scale === 0 ? mantissa : mantissa / POW10[scale]!;
  return negative ? -v : v;
}

const MAX_ENTRIES = 4096;
const FIRST_SLOTS = 16; // grows to twice the entries: short probe runs, small tables for small files
const MAX_KEY = 48;
const TRIAL = 20_000;
const RECENT = 8;

/**
 * Answers of the text caster keyed by the cell's bytes (open addressing, FNV-1a). Columns that
 * rarely repeat (ids, amounts) turn it off after a trial, as the text caster's own memo does;
 * it stops growing at MAX_ENTRIES.
 */
class ByteMemo<R> {
  private hashes = new Int32Array(FIRST_SLOTS);
  private offsets = new Int32Array(FIRST_SLOTS);
  /** Key length + 1; 0 marks an empty slot. */
  private lengths = new Int32Array(FIRST_SLOTS);
  private values: R[] = new Array<R>(FIRST_SLOTS);
  private keys = new Uint8Array(256);
  private used = 0;
  private entries = 0;
  private lookups = 0;
  private hits = 0;
  private on = true;
  /** Slots of the first RECENT keys. */
  private readonly recent: number[] = [];

  get(bytes: Uint8Array, start: number, end: number): R | undefined {
    if (!this.on) return undefined;
    const len = end - start;
    if (len > MAX_KEY) return undefined;
    this.lookups++;
    // The first few keys (a category column's whole vocabulary) are compared directly.
    const recent = this.recent;
    for (let k = 0; k < recent.length; k++) {
      const slot = recent[k]!;
      if (this.lengths[slot] === len + 1 && this.sameKey(this.offsets[slot]!, bytes, start, len)) {
        this.hits++;
        return this.values[slot];
      }
    }
    if (this.entries <= RECENT) return this.miss();
    const h = hash(bytes, start, end);
    const mask = this.lengths.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const l = this.lengths[slot]!;
      if (l === 0) break;
      if (l === len + 1 && this.hashes[slot] === h && this.sameKey(this.offsets[slot]!, bytes, start, len)) {
        this.hits++;
        return this.values[slot];
      }
    }
    return this.miss();
  }

  private miss(): undefined {
    if (this.lookups === TRIAL && this.hits < TRIAL / 2) this.on = false;
    return undefined;
  }

  set(bytes: Uint8Array, start: number, end: number, value: R): void {
    const len = end - start;
    if (!this.on || len > MAX_KEY || this.entries >= MAX_ENTRIES) return;
    if (2 * (this.entries + 1) > this.lengths.length) this.grow();
    const h = hash(bytes, start, end);
    const slot = this.freeSlot(h);
    if (this.used + len > this.keys.length) {
      const keys = new Uint8Array(this.keys.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    this.keys.set(bytes.subarray(start, end), this.used);
    this.hashes[slot] = h;
    this.offsets[slot] = this.used;
    this.lengths[slot] = len + 1;
    this.values[slot] = value;
    this.used += len;
    this.entries++;
    if (this.recent.length < RECENT) this.recent.push(slot);
  }

  private freeSlot(h: number): number {
    const mask = this.lengths.length - 1;
    let slot = h & mask;
    while (this.lengths[slot] !== 0) slot = (slot + 1) & mask;
    return slot;
  }

  /** Twice the slots, every entry placed again (its hash is kept). */
  private grow(): void {
    const { hashes, offsets, lengths, values } = this;
    const size = 2 * lengths.length;
    this.hashes = new Int32Array(size);
    this.offsets = new Int32Array(size);
    this.lengths = new Int32Array(size);
    this.values = new Array<R>(size);
    const moved = new Int32Array(lengths.length).fill(-1);
    for (let old = 0; old < lengths.length; old++) {
      if (lengths[old] === 0) continue;
      const slot = this.freeSlot(hashes[old]!);
      this.hashes[slot] = hashes[old]!;
      this.offsets[slot] = offsets[old]!;
      this.lengths[slot] = lengths[old]!;
      this.values[slot] = values[old] as R;
      moved[old] = slot;
    }
    for (let k = 0; k < this.recent.length; k++) this.recent[k] = moved[this.recent[k]!]!;
  }

  private sameKey(offset: number, bytes: Uint8Array, start: number, len: number): boolean {
    return sameBytes(this.keys, offset, bytes, start, len);
  }
}

function sameBytes(a: Uint8Array, aStart: number, b: Uint8Array, bStart: number, len: number): boolean {
  for (let k = 0; k < len; k++) if (a[aStart + k] !== b[bStart + k]) return false;
  return true;
}

function hash(bytes: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h;
}
