/**
 * The distinct reason lists of rejected rows, each under a number. A header typo gives one list
 * for every row, kept once. A column of bad values gives as many lists as values (`field weight:
 * "12kg" is not a number`): past {@link MAX_LISTS} a list is no longer looked up but packed, each
 * reason as its wording around the quoted value (interned) and the value's UTF-8 bytes, so that
 * millions of rejected rows take about twenty bytes each, not a few hundred as strings.
 */
const MAX_LISTS = 4096;

/** Wordings (text before the first and after the last quote) kept; past it a reason is packed whole. */
const MAX_WORDINGS = 4096;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class ReasonLists {
  private readonly lists: string[][] = [];
  private readonly keys = new Map<string, number>();
  // Packed lists: list p's reasons are pieces listStart[p]..listStart[p+1]-1; piece q is
  // wording[q]'s prefix, bytes pieceStart[q]..pieceStart[q+1]-1, then its suffix (-1: no wording).
  private readonly wordings: [string, string][] = [];
  private readonly wordingKeys = new Map<string, number>();
  private listStart = new Int32Array(16);
  private packedLists = 0;
  private wording = new Int32Array(16);
  private pieceStart = new Float64Array(17);
  private pieces = 0;
  private bytes = new Uint8Array(1 << 12);

  /** The number of this list of reasons. */
  add(reasons: readonly string[]): number {
    const key = JSON.stringify(reasons); // unambiguous, whatever the reasons hold
    const known = this.keys.get(key);
    if (known !== undefined) return known;
    if (this.lists.length < MAX_LISTS) {
      this.keys.set(key, this.lists.length);
      this.lists.push([...reasons]);
      return this.lists.length - 1;
    }
    return MAX_LISTS + this.pack(reasons);
  }

  /** The list numbered `id` (a fresh array). */
  get(id: number): string[] {
    if (id < MAX_LISTS) return [...this.lists[id]!];
    const p = id - MAX_LISTS;
    const out: string[] = [];
    for (let q = this.listStart[p]!; q < this.listStart[p + 1]!; q++) {
      const text = decoder.decode(this.bytes.subarray(this.pieceStart[q]!, this.pieceStart[q + 1]!));
      const w = this.wording[q]!;
      out.push(w < 0 ? text : this.wordings[w]![0] + text + this.wordings[w]![1]);
    }
    return out;
  }

  private pack(reasons: readonly string[]): number {
    const p = this.packedLists++;
    if (p + 2 > this.listStart.length) this.listStart = grown(this.listStart, p + 2);
    this.listStart[p] = this.pieces;
    for (const reason of reasons) this.packReason(reason);
    this.listStart[p + 1] = this.pieces;
    return p;
  }

  private packReason(reason: string): void {
    const first = reason.indexOf('"');
    const last = reason.lastIndexOf('"');
    let w = -1;
    let text = reason;
    if (first >= 0 && last > first) {
      const prefix = reason.slice(0, first + 1);
      const suffix = reason.slice(last);
      const key = `${prefix}\u0000${suffix}`;
      const found = this.wordingKeys.get(key);
      if (found !== undefined) w = found;
      else if (this.wordings.length < MAX_WORDINGS) {
        w = this.wordings.length;
        this.wordings.push([prefix, suffix]);
        this.wordingKeys.set(key, w);
      }
      if (w >= 0) text = reason.slice(first + 1, last);
    }
    const q = this.pieces++;
    if (q + 2 > this.pieceStart.length) {
      this.pieceStart = grown(this.pieceStart, q + 2);
      this.wording = grown(this.wording, q + 2);
    }
    this.wording[q] = w;
    const at = this.pieceStart[q]!;
    // At most three bytes per UTF-16 unit.
    if (at + text.length * 3 > this.bytes.length) this.bytes = grown(this.bytes, at + text.length * 3);
    const { written } = encoder.encodeInto(text, this.bytes.subarray(at));
    this.pieceStart[q + 1] = at + written;
  }
}

/** A copy of `a` with room for at least `size` elements (doubling). */
function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  out.set(a);
  return out;
}
