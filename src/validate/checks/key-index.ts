import { ownString } from "../../table-schema/index.js";
import { FULL, STORED, TextKeys, textKeyHash } from "./text-keys.js";

/**
 * First line on which each key was seen, for the unique and primary-key checks. A million
 * respondent ids in a Map cost ~100 MB of heap and a hash per row, so:
 * - non-negative integer keys (the usual ids) go to pages of an Int32Array indexed by the key
 *   itself, allocated on first use and capped, so sparse ids stay cheap;
 * - text keys whose characters each fit a byte (UUIDs, codes) go to a table of their bytes
 *   (`text-keys.ts`), outside V8's heap;
 * - every other key (other text, negative, fractional, a boolean, or one with no room left in
 *   the pages or the table) goes to a Map. A key not yet stored anywhere is stored where it is
 *   then looked up first, and a lookup that finds nothing there looks in the Map too.
 * A text key cut from a record's text is stored in the Map as a copy, since it would keep the
 * whole record alive (a free-text answer included) for as long as the index lives; one decoded
 * from its cell's bytes is stored as it is.
 */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const MAX_KEY = 2 ** 31;
/** 512 pages of 256 KiB: at most 128 MiB, only reached by ids spread over 2^31. */
const MAX_PAGES = 512;

export class KeyIndex {
  private readonly pages: (Int32Array | undefined)[] = [];
  private pageCount = 0;
  private readonly texts = new TextKeys();
  private readonly others = new Map<string | number | boolean, number>();

  /**
   * The line first stored for key; else `line` (>= 1) is stored for it and the answer is
   * undefined. `owned`: see RowState.owned.
   */
  firstLine(key: string | number | boolean, line: number, owned: boolean): number | undefined {
    if (typeof key === "number" && Number.isInteger(key) && key >= 0 && key < MAX_KEY) {
      const page = this.pageOf(key);
      if (page !== undefined) {
        const i = key & (PAGE_SIZE - 1);
        const first = page[i]!;
        if (first !== 0) return first;
        if (line < MAX_KEY && (this.others.size === 0 || !this.others.has(key))) {
          page[i] = line;
          return undefined;
        }
      }
    } else if (typeof key === "string") {
      const hash = textKeyHash(key);
      if (hash >= 0) {
        const first = this.texts.firstLine(key, hash, line);
        if (first !== FULL) return first === STORED ? undefined : first;
      }
    }
    const first = this.others.get(key);
    if (first === undefined) this.others.set(typeof key === "string" && !owned ? ownString(key) : key, line);
    return first;
  }

  /** The page of key's range, made on first use while fewer than MAX_PAGES are. */
  private pageOf(key: number): Int32Array | undefined {
    const p = key >>> PAGE_BITS;
    let page = this.pages[p];
    if (page === undefined && this.pageCount < MAX_PAGES) {
      page = new Int32Array(PAGE_SIZE);
      this.pages[p] = page;
      this.pageCount++;
    }
    return page;
  }
}
