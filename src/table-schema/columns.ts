import { Missing, type Row, type Value } from "../vocabulary/index.js";
import { StringIndex } from "./string-index.js";

/**
 * A copy of s that shares no memory with a larger string: V8 cuts substrings of 13 characters
 * or more as views of their parent, which would keep a whole chunk of the file alive. Slicing
 * the concatenation flattens it into a new string first, so the result is a view of that copy
 * only (three times faster than splitting into characters and joining them, and more so on
 * long free text).
 */
export function ownString(s: string): string {
  return s.length < 13 ? s : `${s} `.slice(0, -1);
}

/**
 * Accepted rows stored column by column in typed arrays, so a million rows cost about 100 bytes
 * each instead of a `Value[]` per row (~1 KB with its boxed numbers and array header):
 *
 * - numbers: whole numbers in the narrowest signed array that holds them (Int8Array, then
 *   Int16Array, then Int32Array, widened by a copy), and a Float64Array (NaN where the cell is
 *   missing) from the first number that needs one, or once estimation reads the column as
 *   numbers: ages, counts and ids then cost 1 to 4 bytes a row instead of 8;
 * - strings (categories, ids, dates): codes into a dictionary of the distinct strings, in order
 *   of first appearance, in the narrowest signed array that holds them (`CodeArray`: Int8Array
 *   up to 127 codes, then Int16Array, then Int32Array, widened by a copy as the dictionary
 *   grows), so a column of a few categories costs 1 byte per row instead of 4;
 * - booleans: the same codes in an Int8Array, 0 = false and 1 = true;
 * - missing cells: a Uint8Array per column, allocated on the first missing cell, holding
 *   0 (present) or 1 + the index of the Missing object in the column's side table, so each
 *   missing-value code keeps its identity (code and label) as in the row form.
 *
 * A column whose values change type (never produced by the compiled casters, but possible from
 * hand-built tables) falls back to a plain `Value[]`. `get(i)` gives back exactly the Value the
 * row form held.
 */
export type ColumnKind = "empty" | "number" | "string" | "boolean" | "mixed";

/** Codes of a coded column (or of a field's levels): -1 = missing, else an index into a list. */
export type CodeArray = Int8Array | Int16Array | Int32Array;

/** Whole numbers of a number column (0 where the cell is missing). */
type IntArray = Int8Array | Int16Array | Int32Array;

/** The narrowest CodeArray of length n that holds the codes -1..maxCode. */
export function codeArrayFor(maxCode: number, n: number): CodeArray {
  if (maxCode <= 0x7f) return new Int8Array(n);
  if (maxCode <= 0x7fff) return new Int16Array(n);
  return new Int32Array(n);
}

const INITIAL_CAPACITY = 1024;

export class Column {
  kind: ColumnKind = "empty";
  length = 0;
  private capacity: number;
  private nums: Float64Array | null = null;
  /** A number column's values while all are whole numbers that fit 32 bits (nums is null). */
  private ints: IntArray | null = null;
  private codes: CodeArray | null = null;
  private dict: string[] = [];
  private dictIndex: StringIndex | null = null;
  private miss: Uint8Array | null = null;
  private missTable: Missing[] = [];
  private mixed: Value[] | null = null;
  private numericCache: Float64Array | null = null;

  constructor(capacity = INITIAL_CAPACITY) {
    this.capacity = Math.max(16, capacity);
  }

  /**
   * Append one value. `owned`: a string value shares no memory with a larger string (it was
   * decoded from the cell's bytes), so the dictionary keeps it without a copy.
   */
  push(v: Value, owned = false): void {
    const i = this.length;
    if (i === this.capacity) this.grow();
    if (this.numericCache !== null) this.numericCache = null;
    // The common cases first: a value of the column's type.
    const kind = this.kind;
    if (kind === "number" && typeof v === "number") {
      const ints = this.ints;
      if (ints === null) (this.nums as Float64Array)[i] = v;
      else {
        ints[i] = v;
        // Read back: a fraction, NaN or a number too wide is changed by the store; -0 is kept.
        if (ints[i] !== v || (v === 0 && 1 / v < 0)) this.widenNumbersFor(v, i);
      }
      this.length = i + 1;
      return;
    }
    if (kind === "string" && typeof v === "string") {
      const c = this.codeOf(v, owned); // first: a new code may widen (replace) the code array
      (this.codes as CodeArray)[i] = c;
      this.length = i + 1;
      return;
    }
    this.pushOther(v, i, owned);
  }

  private pushOther(v: Value, i: number, owned: boolean): void {
    if (this.mixed !== null) {
      this.mixed.push(v);
      this.length++;
      return;
    }
    if (v instanceof Missing) {
      if (this.missTable.length >= 255 && !this.missTable.includes(v)) {
        this.toMixed(v);
        return;
      }
      this.setMissing(i, v);
      if (this.nums !== null) this.nums[i] = Number.NaN;
      else if (this.ints !== null) this.ints[i] = 0;
      else if (this.codes !== null) this.codes[i] = -1;
      this.length++;
      return;
    }
    const t = typeof v;
    if (this.kind === "empty") this.start(t === "number" ? "number" : t === "string" ? "string" : "boolean");
    switch (this.kind) {
      case "number": {
        if (t !== "number") {
          this.toMixed(v);
          return;
        }
        this.push(v, owned); // stores and counts it in the column's current array
        return;
      }
      case "string": {
        if (t !== "string") {
          this.toMixed(v);
          return;
        }
        const c = this.codeOf(v as string, owned); // before reading this.codes, as in push
        (this.codes as CodeArray)[i] = c;
        break;
      }
      case "boolean":
        if (t !== "boolean") {
          this.toMixed(v);
          return;
        }
        (this.codes as CodeArray)[i] = v ? 1 : 0;
        break;
      default: {
        this.toMixed(v);
        return;
      }
    }
    this.length++;
  }

  /** The value of row i, exactly as the row form held it. */
  get(i: number): Value {
    if (this.mixed !== null) return this.mixed[i] as Value;
    const m = this.miss;
    if (m !== null && m[i] !== 0) return this.missTable[m[i]! - 1] as Missing;
    switch (this.kind) {
      case "number":
        return this.ints !== null ? this.ints[i]! : (this.nums as Float64Array)[i]!;
      case "string":
        return this.dict[(this.codes as CodeArray)[i]!] as string;
      case "boolean":
        return (this.codes as CodeArray)[i] === 1;
      default:
        throw new RangeError(`row ${i} is outside the column`);
    }
  }

  /** The Missing marker of row i, or null when the cell holds a value. */
  missingAt(i: number): Missing | null {
    if (this.mixed !== null) {
      const v = this.mixed[i];
      return v instanceof Missing ? v : null;
    }
    const m = this.miss;
    return m !== null && m[i] !== 0 ? (this.missTable[m[i]! - 1] as Missing) : null;
  }

  /** Bytes per row of the value array (1, 2, 4 or 8); 0 for an empty or mixed column. */
  get bytesPerValue(): number {
    return (this.ints ?? this.nums ?? this.codes)?.BYTES_PER_ELEMENT ?? 0;
  }

  /** Any row missing? (Fast path for estimators: no side table means no missing cell.) */
  get hasMissing(): boolean {
    return this.mixed !== null ? this.mixed.some((v) => v instanceof Missing) : this.miss !== null;
  }

  /**
   * Numbers of the column as a Float64Array (booleans as 0/1), NaN where missing or not a
   * number. For a number column this is the stored array itself: treat it as read-only.
   */
  numeric(): Float64Array {
    if (this.numericCache !== null) return this.numericCache;
    const n = this.length;
    let out: Float64Array;
    if (this.kind === "number" && this.mixed === null) {
      // Estimation reads it as doubles: the column keeps that form from now on.
      if (this.ints !== null) this.widenNumbers();
      out = (this.nums as Float64Array).subarray(0, n);
    } else {
      out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = this.get(i);
        out[i] = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : Number.NaN;
      }
    }
    this.numericCache = out;
    return out;
  }

  /**
   * Codes of a string or boolean column: `codes[i]` indexes `dictionary` (-1 where missing).
   * Null for number and mixed columns.
   */
  coded(): { codes: CodeArray; dictionary: readonly string[] } | null {
    if (this.mixed !== null) return null;
    if (this.kind === "string") return { codes: (this.codes as CodeArray).subarray(0, this.length), dictionary: this.dict };
    if (this.kind === "boolean") return { codes: (this.codes as CodeArray).subarray(0, this.length), dictionary: ["false", "true"] };
    if (this.kind === "empty") return { codes: new Int8Array(this.length).fill(-1), dictionary: [] };
    return null;
  }

  /** A new column holding the rows at `keep` (ascending indexes). */
  select(keep: ArrayLike<number>): Column {
    const out = new Column(keep.length);
    for (let k = 0; k < keep.length; k++) out.push(this.get(keep[k]!));
    return out;
  }

  /** Make room for `capacity` rows in all (a size hint: avoids regrowing a big column). */
  reserve(capacity: number): void {
    if (capacity <= this.capacity || this.mixed !== null) return;
    this.resize(capacity);
  }

  /**
   * The column is complete. Spare capacity is kept, not copied away: its pages were never
   * written, so they cost address space but no memory, while a trimming copy would briefly
   * double the column. The string-to-code index is dropped (a few MB for a million-row id
   * column); a later push rebuilds it from the dictionary.
   */
  trim(): void {
    this.numericCache = null;
    this.dictIndex = null;
  }

  private start(kind: "number" | "string" | "boolean"): void {
    this.kind = kind;
    const filled = this.length; // rows so far were all missing
    if (kind === "number") {
      this.ints = new Int8Array(this.capacity); // rows so far: 0, as any missing cell
    } else {
      // Booleans need 0, 1 and -1; strings start narrow and widen as their dictionary grows.
      this.codes = new Int8Array(this.capacity);
      this.codes.fill(-1, 0, filled);
    }
  }

  private lastString: string | null = null;
  private lastCode = -1;

  /** The first few distinct strings and their codes, compared before hashing (categories). */
  private readonly recent: string[] = [];

  private codeOf(s: string, owned: boolean): number {
    // Cells of a column often repeat the previous row's (sorted clusters, strata): same string.
    if (s === this.lastString) return this.lastCode;
    const recent = this.recent;
    let c = -1;
    for (let k = 0; k < recent.length; k++) {
      if (recent[k] === s) {
        c = k;
        break;
      }
    }
    if (c === -1) c = this.lookUp(s, owned);
    this.lastString = s;
    this.lastCode = c;
    return c;
  }

  private lookUp(s: string, owned: boolean): number {
    const index = (this.dictIndex ??= new StringIndex(this.dict));
    let c = index.get(s);
    if (c === -1) {
      c = this.dict.length;
      this.widenFor(c);
      const own = owned ? s : ownString(s); // must not pin the chunk of text it was cut from
      this.dict.push(own);
      index.add(own, c);
      if (c < 8) this.recent.push(own); // codes 0..7: recent[k] has code k
    }
    return c;
  }

  /**
   * Row i's number v did not fit the whole-number array: copy the column into the narrowest
   * array that holds v (a wider one, or a Float64Array) and store v there.
   */
  private widenNumbersFor(v: number, i: number): void {
    const ints = this.ints as IntArray;
    ints[i] = 0;
    const whole = Number.isInteger(v) && !(v === 0 && 1 / v < 0);
    if (whole && v >= -0x80000000 && v <= 0x7fffffff && !(ints instanceof Int32Array)) {
      const wider =
        v >= -0x8000 && v <= 0x7fff && ints instanceof Int8Array ? new Int16Array(this.capacity) : new Int32Array(this.capacity);
      wider.set(ints);
      wider[i] = v;
      this.ints = wider;
      return;
    }
    this.widenNumbers();
    (this.nums as Float64Array)[i] = v;
  }

  /** Whole numbers to doubles: NaN where the cell is missing. */
  private widenNumbers(): void {
    const ints = this.ints as IntArray;
    const nums = new Float64Array(this.capacity);
    nums.set(ints);
    const m = this.miss;
    if (m !== null) for (let i = 0; i < this.length; i++) if (m[i] !== 0) nums[i] = Number.NaN;
    this.nums = nums;
    this.ints = null;
  }

  /** Make the code array hold `code`, copying it into the next wider type when it cannot. */
  private widenFor(code: number): void {
    const codes = this.codes as CodeArray;
    if (code <= 0x7f || (code <= 0x7fff && !(codes instanceof Int8Array)) || codes instanceof Int32Array) return;
    const wider = codeArrayFor(code, this.capacity);
    wider.set(codes);
    this.codes = wider;
  }

  private setMissing(i: number, v: Missing): void {
    let k = this.missTable.indexOf(v);
    if (k === -1) {
      this.missTable.push(v);
      k = this.missTable.length - 1;
    }
    this.miss ??= new Uint8Array(this.capacity);
    this.miss[i] = k + 1;
  }

  private grow(): void {
    this.resize(Math.ceil(this.capacity * 1.5) + 16);
  }

  private resize(next: number): void {
    if (this.nums !== null) {
      const a = new Float64Array(next);
      a.set(this.nums);
      this.nums = a;
    }
    if (this.codes !== null) {
      const a = new (this.codes.constructor as new (n: number) => CodeArray)(next);
      a.set(this.codes);
      this.codes = a;
    }
    if (this.ints !== null) {
      const a = new (this.ints.constructor as new (n: number) => IntArray)(next);
      a.set(this.ints);
      this.ints = a;
    }
    if (this.miss !== null) {
      const a = new Uint8Array(next);
      a.set(this.miss);
      this.miss = a;
    }
    this.capacity = next;
  }

  /** Fall back to a plain array: the typed representation cannot hold `next`. */
  private toMixed(next: Value): void {
    const all: Value[] = [];
    for (let i = 0; i < this.length; i++) all.push(this.get(i));
    all.push(next);
    this.mixed = all;
    this.kind = "mixed";
    this.nums = this.ints = this.codes = this.miss = null;
    this.dictIndex = null;
    this.length = all.length;
    this.capacity = Number.POSITIVE_INFINITY;
  }
}

/**
 * A field validated but not stored: nothing reads it (a free-text comment no indicator uses),
 * so its values are not kept. Reading it is a programming error, said loudly rather than
 * answered with an empty column.
 */
class UnstoredColumn extends Column {
  override get(): never {
    throw new Error("internal error: a field the study does not read was not stored");
  }
  override numeric(): never {
    return this.get();
  }
  override coded(): never {
    return this.get();
  }
  override missingAt(): never {
    return this.get();
  }
  /** Rows removed from the table (a rejected foreign key): still nothing stored. */
  override select(): Column {
    return new UnstoredColumn(0);
  }
  override reserve(): void {}
}

const storedIndexes = (columns: readonly Column[]): number[] => columns.flatMap((c, f) => (c instanceof UnstoredColumn ? [] : [f]));

/** The accepted rows of a table, one Column per schema field. */
export class ColumnStore {
  readonly columns: Column[];
  /** Indexes of the columns rows are pushed into (all but the unstored ones). */
  private stored: number[];

  /** `store`: which fields keep their values (all when omitted); the others are unstored. */
  constructor(nFields: number, capacity?: number, store?: readonly boolean[]) {
    this.columns = Array.from({ length: nFields }, (_, f) =>
      store === undefined || store[f] === true ? new Column(capacity) : new UnstoredColumn(0),
    );
    this.stored = storedIndexes(this.columns);
  }

  /** Rows held (also for a schema without fields). */
  get length(): number {
    return this.rowCount;
  }

  private rowCount = 0;

  /** One row's values; `owned` as in Column.push. */
  pushRow(values: ArrayLike<Value>, owned = false): void {
    const cols = this.columns;
    const stored = this.stored;
    for (let k = 0; k < stored.length; k++) {
      const f = stored[k] as number;
      (cols[f] as Column).push(values[f] as Value, owned);
    }
    this.rowCount++;
  }

  /** Row i in the row form (a new array). */
  row(i: number): Row {
    const cols = this.columns;
    const out: Value[] = new Array<Value>(cols.length);
    for (let f = 0; f < cols.length; f++) out[f] = (cols[f] as Column).get(i);
    return out;
  }

  /** Every row in the row form (for small tables and code that wants rows). */
  toRows(): Row[] {
    const n = this.length;
    const out: Row[] = new Array<Row>(n);
    for (let i = 0; i < n; i++) out[i] = this.row(i);
    return out;
  }

  select(keep: ArrayLike<number>): ColumnStore {
    const out = new ColumnStore(0);
    (out as { columns: Column[] }).columns = this.columns.map((c) => c.select(keep));
    out.stored = storedIndexes(out.columns);
    out.rowCount = keep.length;
    return out;
  }

  trim(): void {
    for (const c of this.columns) c.trim();
  }

  reserve(capacity: number): void {
    for (const c of this.columns) c.reserve(capacity);
  }

  /** A store of existing columns of `length` rows each (a table with derived columns added). */
  static of(columns: readonly Column[], length: number): ColumnStore {
    const out = new ColumnStore(0);
    (out as { columns: Column[] }).columns = [...columns];
    out.stored = storedIndexes(columns);
    out.rowCount = length;
    return out;
  }

  static fromRows(rows: readonly Row[], nFields: number): ColumnStore {
    const store = new ColumnStore(nFields, rows.length);
    for (const r of rows) store.pushRow(r);
    return store;
  }
}
