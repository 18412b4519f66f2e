import { LineNumbers } from "./line-numbers.js";
import { RejectedRows } from "./rejected-rows.js";
import { recordCells, type RecordBatch } from "../ingest/index.js";
import { CastFailure, compileSchema, ColumnStore, type CompiledField, type TableSchema } from "../table-schema/index.js";
import { issueTexts, type IssueTexts, type Row, type Value, type Issue } from "../vocabulary/index.js";
import { cellChecks, valueChecks } from "./checks/index.js";
import { ABSENT, type CheckEnv, type RowCheck, type RowCheckFactory, type RowState } from "./checks/check.js";
import { matchHeader } from "./header.js";
import { addIssue, DEFAULT_MAX_ISSUES, newIssueLog, type IssueLog } from "./issue-log.js";

export interface ValidatedTable extends IssueLog {
  dataset: string;
  displayName: string;
  fields: CompiledField[];
  fieldIndex: Map<string, number>;
  /** Accepted rows, stored column by column (see schema/columns.ts). */
  columns: ColumnStore;
  /** Accepted rows in the row form, values in schema field order: built from `columns` on
   * first use (small tables, tests); estimation reads `columns`. */
  readonly rows: Row[];
  /** The physical line of each accepted row. */
  lines: LineNumbers;
  /** Original cells of each accepted row, kept only when the schema has foreign keys (so
   * applyForeignKeys can still reject them); otherwise empty. */
  sourceCells: string[][];
  /** Every rejected row's line and reasons; cells for the first rows only (see rejected-rows.ts). */
  rejected: RejectedRows;
  /** Always rows.length + rejected.length. */
  rowsRead: number;
  /** Records whose every cell is empty (blank lines, Excel's `;;;;` rows): skipped, not rows read. */
  blankRows: number;
  /** The file's header as read. */
  header: string[];
  /** The language its issues are written in, for the checks that run after it (foreign keys). */
  texts: IssueTexts;
}

export interface ValidateOptions {
  dataset: string;
  displayName: string;
  schema: TableSchema;
  header: { names: string[]; line: number };
  /**
   * The records, one by one, in batches, or in batches of byte-range cells (`byteBatches`,
   * cheapest for big files: most cells are cast without becoming strings); give one.
   */
  records?: AsyncIterable<{ line: number; cells: string[] }>;
  batches?: AsyncIterable<readonly { line: number; cells: string[] }[]>;
  byteBatches?: AsyncIterable<RecordBatch>;
  rename?: Record<string, string>;
  /**
   * The fields whose accepted values are kept (all when omitted). Every field is still
   * validated; the others' values are dropped once checked, since nothing reads them.
   */
  storeFields?: ReadonlySet<string> | undefined;
  maxIssues?: number;
  /** Expected number of records, to size the columns once (a hint; they grow as needed). */
  expectedRows?: number;
  /**
   * With `batches` or `byteBatches`: the file's size and the bytes behind one batch, so the columns can be
   * sized once from the first batch's record count (a hint; they grow as needed).
   */
  sizeHint?: { totalBytes: number; batchBytes: number };
  /** The language of the issues' messages and the rejection reasons (English by default). */
  lang?: "en" | "fr";
}

/**
 * Validate a stream of records against a schema: header first, then each row through the
 * ordered checks. Every record read ends up in `rows` or `rejected`; nothing is dropped. Blank
 * lines at the end of the file are not records read (trailing newlines, not respondents).
 */
export async function validateRecords(opts: ValidateOptions): Promise<ValidatedTable> {
  const texts = issueTexts(opts.lang);
  const compiled = compileSchema(opts.schema, texts);
  const n = compiled.fields.length;
  const table: ValidatedTable = withRowView({
    dataset: opts.dataset,
    displayName: opts.displayName,
    fields: compiled.fields,
    fieldIndex: compiled.fieldIndex,
    columns: new ColumnStore(
      n,
      opts.expectedRows,
      compiled.fields.map((f) => opts.storeFields?.has(f.name) ?? true),
    ),
    lines: new LineNumbers(),
    sourceCells: [],
    rejected: new RejectedRows(),
    rowsRead: 0,
    blankRows: 0,
    header: opts.header.names,
    texts,
    ...newIssueLog(opts.maxIssues ?? DEFAULT_MAX_ISSUES),
  });
  const match = matchHeader(opts.header, compiled.fields, texts, opts.rename);
  for (const issue of match.issues) addIssue(table, issue);

  const env: CheckEnv = {
    schema: compiled,
    columnOf: match.columnOf,
    headerLength: opts.header.names.length,
    texts,
    report(row, code, severity, field, value, detail) {
      const issue: Issue = { code, severity, line: row.line, field, value, message: texts.located(row.line, field, detail) };
      addIssue(table, issue);
      if (severity === "error") row.reasons.push(field === null ? detail : texts.fieldReason(field, detail));
    },
  };
  const build = (factories: readonly RowCheckFactory[]): RowCheck[] =>
    factories.map((make) => make(env)).filter((c): c is RowCheck => c !== null);
  const valueStage = build(valueChecks);
  const checks = [...build(cellChecks), ...valueStage];
  const keepCells = opts.schema.foreignKeys.length > 0;
  const store = table.columns;

  // One RowState is reused for every row, values included: accepted values are copied into
  // the columns, so a million rows are no million throw-away objects for the collector.
  const row: RowState = {
    line: 0,
    cells: [],
    values: new Array<Value>(n),
    invalid: new Array<boolean>(n).fill(false),
    reasons: [],
    owned: false,
  };
  const reset = (line: number, cells: string[]): void => {
    table.rowsRead++;
    row.line = line;
    row.cells = cells;
    row.invalid.fill(false);
    row.values.fill(undefined as unknown as Value);
    row.reasons.length = 0;
    row.owned = false;
  };
  /** The row's outcome: rejected with its cells and reasons, or its values into the columns. */
  const settle = (cells: () => string[]): void => {
    if (row.reasons.length > 0) table.rejected.push({ line: row.line, cells: cells(), reasons: row.reasons });
    else {
      store.pushRow(row.values);
      table.lines.push(row.line);
      if (keepCells) table.sourceCells.push(cells());
    }
  };
  // A blank record is no respondent: skipped and counted, never read nor rejected. One with a
  // row after it is also a warning with its line; blank lines at the end of the file (an editor's
  // final newlines, Excel's trailing `;;;;` rows) are only counted.
  const heldBlank: number[] = [];
  const releaseBlank = (): void => {
    for (const line of heldBlank.splice(0))
      addIssue(table, {
        code: "blank-row",
        severity: "warning",
        line,
        field: null,
        value: null,
        message: texts.blankRow(line),
      });
  };
  const take = (record: { line: number; cells: string[] }): void => {
    if (isBlank(record.cells)) {
      table.blankRows++;
      heldBlank.push(record.line);
      return;
    }
    if (heldBlank.length > 0) releaseBlank();
    check(record);
  };
  const check = (record: { line: number; cells: string[] }): void => {
    reset(record.line, record.cells);
    for (let c = 0; c < checks.length; c++) checks[c]!.check(row, env);
    settle(() => record.cells);
  };

  // Rows read as bytes: when every cell casts from its bytes, the cell checks have nothing to
  // say (the row has the header's width, is not blank, and every cast succeeded), so only the
  // value checks run. Any other row takes the text path, which finds and words its issues.
  const fields = compiled.fields;
  const columnOf = match.columnOf;
  const headerLength = opts.header.names.length;
  const noCells: string[] = [];
  /** Take record r from its bytes; false when it must take the text path instead. */
  const takeBytes = (batch: RecordBatch, r: number): boolean => {
    const first = batch.firstCell[r]!;
    const bytes = batch.bytes;
    const starts = batch.cellStart;
    const ends = batch.cellEnd;
    if (
      batch.texts[r] !== undefined ||
      batch.firstCell[r + 1]! - first !== headerLength ||
      maybeBlank(bytes, starts, ends, first, headerLength)
    )
      return false;
    if (heldBlank.length > 0) releaseBlank();
    const values = row.values;
    for (let i = 0; i < n; i++) {
      const col = columnOf[i]!;
      let v: Value | CastFailure;
      if (col === -1) {
        if (fields[i]!.required) return false;
        v = ABSENT;
      } else v = fields[i]!.castBytes(bytes, starts[first + col]!, ends[first + col]!, batch.decode);
      if (v instanceof CastFailure) return false;
      values[i] = v;
    }
    table.rowsRead++;
    row.line = batch.lines[r]!;
    row.cells = noCells;
    if (row.invalid.includes(true)) row.invalid.fill(false);
    row.reasons.length = 0;
    row.owned = true;
    for (let c = 0; c < valueStage.length; c++) valueStage[c]!.check(row, env);
    if (row.reasons.length > 0 || keepCells) settle(() => recordCells(batch, r));
    else {
      store.pushRow(values, true); // strings decoded from bytes: no copy needed
      table.lines.push(row.line);
    }
    return true;
  };

  // The columns are sized once, from the first batch's records per byte (a hint; they grow
  // as needed), so a big column is not copied again and again as it grows.
  let sized = false;
  const sizeFrom = (records: number): void => {
    const hint = opts.sizeHint;
    if (!sized && hint && hint.totalBytes > hint.batchBytes && records > 0) {
      const perRecord = hint.batchBytes / records;
      store.reserve(Math.ceil((hint.totalBytes / perRecord) * 1.03) + 64);
    }
    sized = true;
  };
  if (opts.byteBatches) {
    for await (const batch of opts.byteBatches) {
      sizeFrom(batch.count);
      for (let r = 0; r < batch.count; r++) if (!takeBytes(batch, r)) take({ line: batch.lines[r]!, cells: recordCells(batch, r) });
    }
  } else if (opts.batches) {
    for await (const batch of opts.batches) {
      sizeFrom(batch.length);
      for (let r = 0; r < batch.length; r++) take(batch[r]!);
    }
  } else if (opts.records) {
    for await (const record of opts.records) take(record);
  }
  store.trim();
  return table;
}

/** Every cell empty once trimmed: a blank line, or Excel's `;;;;` row, which is no respondent. */
export function isBlank(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== "") return false;
  return true;
}

/**
 * Could the record be blank (every cell empty once trimmed)? Only a cell starting with a
 * visible ASCII character proves it is not; anything else takes the text path, which decides.
 */
function maybeBlank(bytes: Buffer, starts: Int32Array, ends: Int32Array, first: number, count: number): boolean {
  for (let c = first; c < first + count; c++) {
    if (ends[c]! > starts[c]!) {
      const b = bytes[starts[c]!]!;
      if (b > 0x20 && b < 0x7f) return false;
    }
  }
  return true;
}

/** Give a table a `rows` property: the row form of its columns, built once per column store. */
function withRowView<T extends { columns: ColumnStore }>(table: T): T & { readonly rows: Row[] } {
  let cachedFor: ColumnStore | null = null;
  let cached: Row[] = [];
  return Object.defineProperty(table, "rows", {
    enumerable: false,
    configurable: true,
    get(this: T): Row[] {
      if (cachedFor !== this.columns) {
        cached = this.columns.toRows();
        cachedFor = this.columns;
      }
      return cached;
    },
  }) as T & { readonly rows: Row[] };
}
