/**
 * The codes of a column's distinct strings, for lookups by string: an open-addressing table of
 * codes keyed by a hash of the characters. A Map did the same job, but a column of 428,000
 * distinct cluster ids spent half a second growing it and 14 MB holding it; this table is two
 * Int32Arrays, and it compares a string with its candidate only when the hashes collide.
 */
export class StringIndex {
  private slots: Int32Array; // a code, or -1 for an empty slot
  private hashes: Int32Array; // per code: its string's hash, to rehash without recomputing
  private size = 0;

  /** `strings[code]` is the string of each code given to `add`. */
  constructor(private readonly strings: readonly string[]) {
    this.slots = new Int32Array(64).fill(-1);
    this.hashes = new Int32Array(32);
    for (let c = 0; c < strings.length; c++) this.add(strings[c]!, c);
  }

  /** The code of s, or -1. */
  get(s: string): number {
    const mask = this.slots.length - 1;
    const h = hashString(s);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const c = this.slots[slot]!;
      if (c === -1) return -1;
      if (this.hashes[c] === h && this.strings[c] === s) return c;
    }
  }

  /** Record that `s` (not yet in the index) has code `code`. */
  add(s: string, code: number): void {
    if (2 * (this.size + 1) > this.slots.length) this.grow();
    if (code >= this.hashes.length) {
      const hashes = new Int32Array(Math.max(2 * this.hashes.length, code + 1));
      hashes.set(this.hashes);
      this.hashes = hashes;
    }
    const h = hashString(s);
    this.hashes[code] = h;
    this.place(code, h);
    this.size++;
  }

  private place(code: number, h: number): void {
    const mask = this.slots.length - 1;
    let slot = h & mask;
    while (this.slots[slot] !== -1) slot = (slot + 1) & mask;
    this.slots[slot] = code;
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Int32Array(old.length * 2).fill(-1);
    for (let k = 0; k < old.length; k++) {
      const c = old[k]!;
      if (c !== -1) this.place(c, this.hashes[c]!);
    }
  }
}

/** FNV-1a over UTF-16 code units, mixed at the end so that nearby ids spread over the table. */
function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
