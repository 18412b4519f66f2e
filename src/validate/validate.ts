import { compileSchema, type CompiledField } from "../schema/compile.js";
import type { TableSchema } from "../schema/table-schema.js";
import type { Row } from "../schema/values.js";
import { rowChecks } from "./checks/index.js";
import type { CheckEnv, RowCheck, RowState } from "./checks/check.js";
import { matchHeader } from "./header.js";
import { addIssue, DEFAULT_MAX_ISSUES, newIssueLog, type IssueLog } from "./issue-log.js";
import type { Issue } from "./issues.js";

export interface RejectedRow {
  line: number;
  /** The cells as read, in file order. */
  cells: string[];
  reasons: string[];
}

export interface ValidatedTable extends IssueLog {
  dataset: string;
  displayName: string;
  fields: CompiledField[];
  fieldIndex: Map<string, number>;
  /** Accepted rows, values in schema field order. */
  rows: Row[];
  /** The physical line of each accepted row. */
  lines: number[];
  /** Original cells of each accepted row, kept only when the schema has foreign keys (so
   * applyForeignKeys can still reject them); otherwise empty. */
  sourceCells: string[][];
  rejected: RejectedRow[];
  /** Always rows.length + rejected.length. */
  rowsRead: number;
  /** The file's header as read. */
  header: string[];
}

export interface ValidateOptions {
  dataset: string;
  displayName: string;
  schema: TableSchema;
  header: { names: string[]; line: number };
  records: AsyncIterable<{ line: number; cells: string[] }>;
  rename?: Record<string, string>;
  maxIssues?: number;
}

const located = (line: number, field: string | null, detail: string): string =>
  field === null ? `line ${line}: ${detail}` : `line ${line}, field ${field}: ${detail}`;

/**
 * Validate a stream of records against a schema: header first, then each row through the
 * ordered checks. Every record read ends up in `rows` or `rejected`; nothing is dropped.
 */
export async function validateRecords(opts: ValidateOptions): Promise<ValidatedTable> {
  const compiled = compileSchema(opts.schema);
  const table: ValidatedTable = {
    dataset: opts.dataset,
    displayName: opts.displayName,
    fields: compiled.fields,
    fieldIndex: compiled.fieldIndex,
    rows: [],
    lines: [],
    sourceCells: [],
    rejected: [],
    rowsRead: 0,
    header: opts.header.names,
    ...newIssueLog(opts.maxIssues ?? DEFAULT_MAX_ISSUES),
  };
  const match = matchHeader(opts.header, compiled.fields, opts.rename);
  for (const issue of match.issues) addIssue(table, issue);

  const env: CheckEnv = {
    schema: compiled,
    columnOf: match.columnOf,
    headerLength: opts.header.names.length,
    report(row, code, severity, field, value, detail, reject = severity === "error") {
      const issue: Issue = { code, severity, line: row.line, field, value, message: located(row.line, field, detail) };
      addIssue(table, issue);
      if (reject) row.reasons.push(field === null ? detail : `field ${field}: ${detail}`);
    },
  };
  const checks = rowChecks.map((make) => make(env)).filter((c): c is RowCheck => c !== null);
  const keepCells = opts.schema.foreignKeys.length > 0;
  const n = compiled.fields.length;

  // One RowState is reused for every row (only `values` is kept, so only it is new): a
  // million rows should not mean a million throw-away objects for the collector.
  const row: RowState = { line: 0, cells: [], values: [], invalid: new Array<boolean>(n).fill(false), reasons: [], done: false };
  for await (const record of opts.records) {
    table.rowsRead++;
    row.line = record.line;
    row.cells = record.cells;
    row.values = new Array(n);
    row.invalid.fill(false);
    row.reasons.length = 0;
    row.done = false;
    for (const check of checks) {
      check.check(row, env);
      if (row.done) break;
    }
    if (row.reasons.length > 0) table.rejected.push({ line: row.line, cells: record.cells, reasons: [...row.reasons] });
    else {
      table.rows.push(row.values);
      table.lines.push(row.line);
      if (keepCells) table.sourceCells.push(record.cells);
    }
  }
  return table;
}
