import { codeArrayFor, ColumnStore, type CodeArray, type Column } from "../table-schema/index.js";
import { isMissing, type Row, type Value } from "../vocabulary/index.js";

/**
 * What estimation needs of a validated dataset (a ValidatedTable satisfies it): estimation
 * never reads files, it reads accepted rows, column by column (`columns`) when the table has
 * them, else from `rows` (converted once).
 */
export interface DataTable {
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly columns?: ColumnStore;
  readonly rows?: readonly Row[];
  readonly fields: readonly DataField[];
  /** The file's line of each accepted row, when the table was read from a file. */
  readonly lines?: RowLines;
}

/** Row index to physical line (a validated table's `LineNumbers`). */
export interface RowLines {
  at(row: number): number;
}

interface DataField {
  readonly name: string;
  readonly title?: string | null | undefined;
  readonly categories?: readonly { value: string | number; label?: string | null | undefined }[] | null | undefined;
}

/**
 * The table's columns; a table given as rows (tests, small inputs) is converted on each call, so
 * the pipeline converts it once (`withColumns`) before estimating from it.
 */
function storeOf(table: DataTable): ColumnStore {
  return table.columns ?? ColumnStore.fromRows(table.rows ?? [], table.fields.length);
}

/** The table with its columns built (itself when it has them). */
export function withColumns<T extends DataTable>(table: T): T & { columns: ColumnStore } {
  return table.columns ? (table as T & { columns: ColumnStore }) : { ...table, columns: storeOf(table) };
}

/** Number of accepted rows. */
export function rowCount(table: DataTable): number {
  return storeOf(table).length;
}

export function columnOf(table: DataTable, field: string): Column {
  return storeOf(table).columns[requireField(table, field)] as Column;
}

/** Rows' values of one field, NaN where missing or not numeric. Shared per table: read-only. */
export function numericColumn(table: DataTable, field: string): Float64Array {
  return columnOf(table, field).numeric();
}

/** Rows' values of one field as strings (design ids, strata, domain levels); null where missing. */
export function labelColumn(table: DataTable, field: string): (string | null)[] {
  const col = columnOf(table, field);
  const n = col.length;
  const out = new Array<string | null>(n);
  const coded = col.coded();
  if (coded) {
    const { codes, dictionary } = coded;
    for (let i = 0; i < n; i++) {
      const c = codes[i]!;
      out[i] = c < 0 ? null : (dictionary[c] as string);
    }
    return out;
  }
  for (let i = 0; i < n; i++) {
    const v = col.get(i);
    out[i] = isMissing(v) ? null : String(v);
  }
  return out;
}

export function requireField(table: DataTable, field: string): number {
  const index = table.fieldIndex.get(field);
  if (index === undefined) throw new Error(`unknown field "${field}"`);
  return index;
}

export interface LevelCodes {
  levels: { value: string; label: string }[];
  /** Per row: the index of its level in `levels`, or -1 (missing); as narrow as the levels allow. */
  codes: CodeArray;
}

/**
 * Levels of a categorical field (declared categories first, in schema order, then any other
 * value seen, sorted) and each row's level. One pass over the rows: a run makes them once per
 * field (`levelCodesOf`), and its estimation context keys facts on the codes array.
 */
function levelCodes(table: DataTable, field: string): LevelCodes {
  const index = requireField(table, field);
  const col = storeOf(table).columns[index] as Column;
  const def = table.fields[index];
  const declared = (def?.categories ?? []).map((c) => ({ value: String(c.value), label: c.label ?? String(c.value) }));
  const known = new Set(declared.map((c) => c.value));
  const n = col.length;
  const coded = col.coded();
  let levels: { value: string; label: string }[];
  let codes: CodeArray; // allocated once the levels are known: one byte per row up to 127 levels
  if (coded) {
    // The distinct values are the dictionary entries that occur (all of them, for strings).
    const seen = new Uint8Array(coded.dictionary.length);
    for (let i = 0; i < n; i++) {
      const c = coded.codes[i]!;
      if (c >= 0) seen[c] = 1;
    }
    const extra = new Set<string>();
    coded.dictionary.forEach((v, c) => {
      if (seen[c] === 1 && !known.has(v)) extra.add(v);
    });
    levels = [...declared, ...[...extra].sort().map((value) => ({ value, label: value }))];
    const position = new Map(levels.map((l, i) => [l.value, i]));
    const levelOfCode = Int32Array.from(coded.dictionary, (v) => position.get(v) ?? -1);
    codes = codeArrayFor(levels.length - 1, n);
    for (let i = 0; i < n; i++) {
      const c = coded.codes[i]!;
      codes[i] = c < 0 ? -1 : levelOfCode[c]!;
    }
  } else {
    const extra = new Set<string>();
    for (let i = 0; i < n; i++) {
      const v = col.get(i);
      if (!isMissing(v) && !known.has(String(v))) extra.add(String(v));
    }
    levels = [...declared, ...[...extra].sort().map((value) => ({ value, label: value }))];
    const position = new Map(levels.map((l, i) => [l.value, i]));
    codes = codeArrayFor(levels.length - 1, n);
    for (let i = 0; i < n; i++) {
      const v = col.get(i);
      codes[i] = isMissing(v) ? -1 : (position.get(String(v)) ?? -1);
    }
  }
  return { levels, codes };
}

/** levelCodes of a table, each field's made at its first use and kept by the returned function. */
export function levelCodesOf(table: DataTable): (field: string) => LevelCodes {
  const made = new Map<string, LevelCodes>();
  return (field) => {
    let codes = made.get(field);
    if (!codes) made.set(field, (codes = levelCodes(table, field)));
    return codes;
  };
}

/**
 * One row at a time in the row form, for compiled conditions, without a new array per row: the
 * same array is refilled (only the fields the caller reads) on every `at(i)`.
 */
export class RowCursor {
  private readonly row: Value[];
  private readonly cols: Column[];
  private readonly fields: number[];

  constructor(table: DataTable, fields: readonly number[]) {
    const store = storeOf(table);
    this.row = new Array<Value>(table.fields.length);
    this.fields = [...new Set(fields)];
    this.cols = this.fields.map((f) => store.columns[f] as Column);
  }

  at(i: number): Row {
    const { row, cols, fields } = this;
    for (let k = 0; k < fields.length; k++) row[fields[k]!] = cols[k]!.get(i);
    return row;
  }
}
