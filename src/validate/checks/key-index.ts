import { ownString } from "../../table-schema/index.js";

/**
 * First line on which each key was seen, for the unique and primary-key checks. A million
 * respondent ids in a Map cost ~70 MB and a hash per row; non-negative integer keys (the usual
 * ids) go instead to pages of an Int32Array indexed by the key itself, allocated on first use
 * and capped, so sparse ids stay cheap. Every other key (text, negative, fractional, or whose
 * page could not be allocated once the cap is reached) goes to a Map. A key is always routed to
 * the same place: a page is only ever created for a key not yet stored anywhere. A text key cut
 * from a record's text is stored as a copy, since it would keep the whole record alive (a
 * free-text answer included) for as long as the index lives; one decoded from its cell's bytes
 * is stored as it is (a copy of 13 characters or more costs a view and the copy: a million
 * UUIDs, 32 MB more).
 */
const PAGE_BITS = 16;
const PAGE_SIZE = 1 << PAGE_BITS;
const MAX_KEY = 2 ** 31;
/** 512 pages of 256 KiB: at most 128 MiB, only reached by ids spread over 2^31. */
const MAX_PAGES = 512;

export class KeyIndex {
  private readonly pages: (Int32Array | undefined)[] = [];
  private pageCount = 0;
  private readonly others = new Map<string | number | boolean, number>();

  /** The line stored for key, or undefined. */
  get(key: string | number | boolean): number | undefined {
    if (typeof key === "number" && Number.isInteger(key) && key >= 0 && key < MAX_KEY) {
      const page = this.pages[key >>> PAGE_BITS];
      if (page !== undefined) {
        const line = page[key & (PAGE_SIZE - 1)]!;
        return line === 0 ? undefined : line;
      }
    }
    return this.others.get(key);
  }

  /** Store the line of a key not stored yet (lines are >= 1); `owned`: see RowState.owned. */
  set(key: string | number | boolean, line: number, owned: boolean): void {
    if (typeof key === "number" && Number.isInteger(key) && key >= 0 && key < MAX_KEY && line >= 1 && line < MAX_KEY) {
      const p = key >>> PAGE_BITS;
      let page = this.pages[p];
      if (page === undefined && this.pageCount < MAX_PAGES && !this.others.has(key)) {
        page = new Int32Array(PAGE_SIZE);
        this.pages[p] = page;
        this.pageCount++;
      }
      if (page !== undefined) {
        page[key & (PAGE_SIZE - 1)] = line;
        return;
      }
    }
    this.others.set(typeof key === "string" && !owned ? ownString(key) : key, line);
  }
}
