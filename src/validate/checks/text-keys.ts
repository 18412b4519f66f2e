/**
 * First lines of text keys whose characters each fit one byte (UUIDs, codes, most ids), kept as
 * bytes in chunks of 1 MiB with an open-addressing table of entries, not as strings in a Map. A
 * Map of a million UUIDs keeps a million strings in V8's old generation and its own table beside
 * them (some 100 MB, collected only after the reading); here a UUID costs 54 bytes outside the
 * heap: its 36 bytes and a 2-byte length, its position and line (8 bytes), two table slots (8).
 */
const CHUNK_BITS = 20;
const CHUNK = 1 << CHUNK_BITS;
/** Positions are chunk × CHUNK + offset in an Int32Array: at most 2 GiB of keys. */
const MAX_CHUNKS = 2 ** 31 / CHUNK;
const MAX_LENGTH = 0xffff;
/** Lines are kept in an Int32Array. */
const MAX_LINE = 0x7fffffff;

/** The table's answer for a key: its first line, STORED when it was not there, FULL when it could not be. */
export const STORED = 0;
export const FULL = -1;

/**
 * FNV-1a over the key's characters, or -1 when one needs more than a byte or the key is longer
 * than a length prefix can say: such a key is not kept here.
 */
export function textKeyHash(key: string): number {
  if (key.length > MAX_LENGTH) return -1;
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c > 0xff) return -1;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h >>> 0;
}

export class TextKeys {
  private readonly chunks: Uint8Array[] = [];
  /** Bytes used in the last chunk (CHUNK before the first, so the first key makes one). */
  private used = CHUNK;
  /** Per entry: where its length prefix starts (chunk × CHUNK + offset), and its line. */
  private starts = new Int32Array(1024);
  private lines = new Int32Array(1024);
  private count = 0;
  /** Open addressing with linear probing, at most half full: 0 = empty, else entry + 1. */
  private slots = new Int32Array(2048);

  /**
   * The first line of `key` (hash: `textKeyHash(key)`, not -1); else `line` is stored and the
   * answer is STORED, or FULL when 2 GiB of keys leave no room for it or its line needs more
   * than 31 bits.
   */
  firstLine(key: string, hash: number, line: number): number {
    if ((this.count + 1) * 2 > this.slots.length) this.rehash();
    const mask = this.slots.length - 1;
    let s = hash & mask;
    for (let e = this.slots[s]! - 1; e >= 0; e = this.slots[s]! - 1) {
      if (this.holds(e, key)) return this.lines[e]!;
      s = (s + 1) & mask;
    }
    if (line > MAX_LINE) return FULL;
    const start = this.room(key.length + 2);
    if (start < 0) return FULL;
    if (this.count === this.starts.length) this.growEntries();
    const e = this.count++;
    this.starts[e] = start;
    this.lines[e] = line;
    this.write(start, key);
    this.slots[s] = e + 1;
    return STORED;
  }

  /** Whether entry e's bytes are key's characters. */
  private holds(e: number, key: string): boolean {
    const start = this.starts[e]!;
    const chunk = this.chunks[start >>> CHUNK_BITS]!;
    let at = start & (CHUNK - 1);
    if ((chunk[at]! | (chunk[at + 1]! << 8)) !== key.length) return false;
    at += 2;
    for (let i = 0; i < key.length; i++) if (chunk[at + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  /** Where `size` bytes go (a key never straddles two chunks), or -1. */
  private room(size: number): number {
    if (this.used + size > CHUNK) {
      if (this.chunks.length === MAX_CHUNKS) return -1;
      this.chunks.push(new Uint8Array(CHUNK));
      this.used = 0;
    }
    const start = (this.chunks.length - 1) * CHUNK + this.used;
    this.used += size;
    return start;
  }

  private write(start: number, key: string): void {
    const chunk = this.chunks[start >>> CHUNK_BITS]!;
    const at = start & (CHUNK - 1);
    chunk[at] = key.length & 0xff;
    chunk[at + 1] = key.length >>> 8;
    for (let i = 0; i < key.length; i++) chunk[at + 2 + i] = key.charCodeAt(i);
  }

  private growEntries(): void {
    const starts = new Int32Array(this.starts.length * 2);
    starts.set(this.starts);
    this.starts = starts;
    const lines = new Int32Array(this.lines.length * 2);
    lines.set(this.lines);
    this.lines = lines;
  }

  /** Twice the slots, every entry placed again by the hash of its bytes. */
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let e = 0; e < this.count; e++) {
      let s = this.bytesHash(e) & mask;
      while (slots[s] !== 0) s = (s + 1) & mask;
      slots[s] = e + 1;
    }
    this.slots = slots;
  }

  /** textKeyHash of entry e, from its bytes. */
  private bytesHash(e: number): number {
    const start = this.starts[e]!;
    const chunk = this.chunks[start >>> CHUNK_BITS]!;
    const at = (start & (CHUNK - 1)) + 2;
    const end = at + (chunk[at - 2]! | (chunk[at - 1]! << 8));
    let h = 0x811c9dc5;
    for (let i = at; i < end; i++) h = Math.imul(h ^ chunk[i]!, 0x01000193);
    return h >>> 0;
  }
}
