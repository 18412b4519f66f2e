import path from "node:path";
import { openCsv, openSource, READ_CHUNK, ScanMemo, sourceFormat, type CellFormat } from "../ingest/index.js";
import type { DatasetResult } from "../result/index.js";
import { loadTableSchema, localizeTableSchema, type TableSchema } from "../table-schema/index.js";
import { withChoiceColumns } from "./choice-columns.js";
import { withConstantColumns } from "./constant-columns.js";
import { storedFields } from "./stored-fields.js";
import { withDecimalMarks } from "./decimal-marks.js";
import { withExportMetadata } from "../xlsform/index.js";
import type { LoadedStudy } from "../study/index.js";
import { replicateFields, type DatasetDeclaration, type DesignDeclaration, type HarmoniseDeclaration } from "../study/index.js";
import { applyForeignKeys, normaliseLabel, rejectUnlistedCoders, validateRecords, type ValidatedTable } from "../validate/index.js";
import type { Issue } from "../vocabulary/index.js";

/** One dataset after ingest and validation, with what the result reports about it. */
export interface DatasetRun {
  name: string;
  schema: TableSchema;
  table: ValidatedTable;
  /** File-level issues (encoding...) followed by the validator's. */
  issues: Issue[];
  summary: Omit<DatasetResult, "design">;
}

export interface ReadOptions {
  /** Dataset name → path replacing the study's (already resolved). */
  data: Record<string, string>;
  /** Report language: schema titles and category labels are taken in it when translated. */
  lang: "en" | "fr";
  /** Path as the user gave it, for the result (never an absolute path of this machine). */
  dataDisplay: Record<string, string>;
  /** Called after each chunk read: bytes so far, the file's size, records parsed so far. */
  onProgress?: ((dataset: string, bytesRead: number, totalBytes: number, rows: number) => void) | undefined;
  /** `compare`: the new wave's categories mapped onto the previous wave's before anything is derived. */
  harmonise?: HarmoniseDeclaration | undefined;
}

/** How many issue objects the result keeps per dataset; all are counted. */
const RESULT_ISSUE_CAP = 200;

/**
 * Ingest and validate every dataset of the study, in the order the study declares them,
 * then check foreign keys across them. Nothing is dropped: rows are accepted or rejected.
 */
export async function readDatasets(loaded: LoadedStudy, options: ReadOptions): Promise<Map<string, DatasetRun>> {
  const runs = new Map<string, DatasetRun>();
  const studyDir = path.dirname(loaded.file);
  for (const [name, decl] of Object.entries(loaded.study.datasets)) {
    const resolved = loaded.resolved[name] as { data: string; schema: string; xlsform: boolean };
    const schemaDisplay = path.relative(studyDir, resolved.schema) || (decl.schema ?? resolved.schema);
    // A form's schema is made when the study is checked (loadSchemasAndCheckFields), with its renames.
    const loadedSchema = loaded.schemas?.get(name) ?? (await loadTableSchema(resolved.schema, schemaDisplay, options.lang));
    const rename = { ...(loaded.formRenames?.get(name) ?? {}), ...decl.rename };
    const dataPath = options.data[name] ?? resolved.data;
    const display = options.dataDisplay[name] ?? decl.path;
    const sourceOptions = {
      path: dataPath,
      displayName: display,
      lang: options.lang,
      // Its first records are read to judge decimal marks, then all of it: the byte scan once.
      scans: new ScanMemo(),
      ...(decl.delimiter ? { delimiter: decl.delimiter } : {}),
      ...(decl.encoding ? { encoding: decl.encoding } : {}),
      ...(decl.sheet !== undefined ? { sheet: decl.sheet } : {}),
      ...(decl.header_row !== undefined ? { headerRow: decl.header_row } : {}),
      optionNames: {
        delimiter: `${name}.delimiter`,
        encoding: `${name}.encoding`,
        sheet: `${name}.sheet`,
        headerRow: `${name}.header_row`,
      },
    };
    const declared = requireDesignFields(localizeTableSchema(loadedSchema, options.lang), decl.design);
    // Number fields whose decimal mark neither the schema nor the study says: judged from a CSV
    // file's first records (a workbook's or SPSS file's numbers are typed: nothing to judge).
    const csv = (await sourceFormat(dataPath, display, options.lang)) === "csv";
    const {
      schema: marked,
      marks,
      issues: markIssues,
    } = await withDecimalMarks(declared, withNumberFormat(declared, decl), csv ? () => openCsv(sourceOptions) : null, rename, options.lang);
    const source = await openSource({
      ...sourceOptions,
      cellFormats: (names) => cellFormats(names, marked, rename),
      ...(options.onProgress
        ? { onProgress: (read: number, total: number, rows: number) => options.onProgress?.(name, read, total, rows) }
        : {}),
    });
    // An XLSForm's export has metadata columns (_id, _uuid...) that no question names: declared
    // here, as text (nothing to judge or format in them).
    const schema = resolved.xlsform ? requireDesignFields(withExportMetadata(marked, source.header.names, rename), decl.design) : marked;
    // Constant columns change text records; other files, per-choice columns combined or not, go
    // to the validator as bytes.
    const choices = withChoiceColumns(source, schema.fields, rename);
    const constants = Object.keys(decl.constants).length > 0;
    const input = constants ? withConstantColumns(choices, decl.constants) : choices;
    const textual = constants;
    const table = await validateRecords({
      dataset: name,
      displayName: display,
      schema,
      header: input.header,
      ...(textual ? { batches: input.batches } : { byteBatches: choices.byteBatches }),
      ...(source.format === "csv" ? { sizeHint: { totalBytes: source.totalBytes, batchBytes: READ_CHUNK } } : {}),
      rename,
      lang: options.lang,
      storeFields: storedFields(loaded, name, schema, Object.keys(options.harmonise?.[name] ?? {})),
    });
    runs.set(name, {
      name,
      schema,
      table,
      issues: [],
      summary: {
        name,
        path: display,
        sha256: source.sha256(),
        encoding: source.encoding,
        delimiter: source.delimiter,
        rows_read: 0,
        rows_accepted: 0,
        rows_rejected: 0,
        blank_rows: 0,
        decimal_marks: marks,
        issue_counts: {},
        issues: [],
        issues_omitted: 0,
      },
    });
    (runs.get(name) as DatasetRun).issues = [...source.issues, ...markIssues, ...noDataRows(table, input.header.line)];
  }
  for (const run of runs.values()) {
    if ((run.schema.foreignKeys ?? []).length === 0) continue;
    const parents = new Map([...runs.values()].map((r) => [r.name, r.table]));
    applyForeignKeys(run.table, run.schema, parents);
  }
  const q = loaded.study.qualitative;
  const interviews = q ? runs.get(q.interviews) : undefined;
  for (const codings of q && interviews ? q.codings.map((c) => runs.get(c)) : [])
    if (q && interviews && codings)
      rejectUnlistedCoders(codings.table, interviews.table, {
        codingInterview: q.coding_interview,
        codingCoder: q.coding_coder,
        interviewId: q.interview_id,
        coders: q.coders,
        separator: q.coders_separator,
      });
  for (const run of runs.values()) finishSummary(run);
  return runs;
}

/** Design fields must hold a value in every row: a row without its weight or cluster is rejected. */
function requireDesignFields(schema: TableSchema, design: DesignDeclaration | undefined): TableSchema {
  if (!design) return schema;
  const needed = new Set([
    ...design.ids,
    ...design.fpc,
    ...(design.strata ? [design.strata] : []),
    ...(design.weights ? [design.weights] : []),
  ]);
  // Replicate weights: required too, and never negative (a row with -1 is rejected with its line and field).
  const replicates = new Set(
    design.replicates
      ? replicateFields(
          design.replicates,
          schema.fields.map((f) => f.name),
        )
      : [],
  );
  return {
    ...schema,
    fields: schema.fields.map((f) =>
      replicates.has(f.name)
        ? { ...f, constraints: { ...(f.constraints ?? {}), required: true, minimum: nonNegative(f.constraints?.minimum) } }
        : needed.has(f.name)
          ? { ...f, constraints: { ...(f.constraints ?? {}), required: true } }
          : f,
    ),
  };
}

/** A replicate weight's minimum: the schema's when it is above 0, else 0. */
const nonNegative = (m: number | string | undefined): number => (typeof m === "number" && m > 0 ? m : 0);

/**
 * A dataset's `decimal_char` applies to number fields, and its `group_char` to number and
 * integer fields ("1 862"), wherever the schema leaves them open.
 */
function withNumberFormat(schema: TableSchema, decl: DatasetDeclaration): TableSchema {
  if (decl.decimal_char === undefined && decl.group_char === undefined) return schema;
  return {
    ...schema,
    fields: schema.fields.map((f) =>
      f.type !== "number" && f.type !== "integer"
        ? f
        : {
            ...f,
            ...(f.type === "number" && f.decimalChar === undefined && decl.decimal_char !== undefined
              ? { decimalChar: decl.decimal_char }
              : {}),
            ...(f.groupChar === undefined && decl.group_char !== undefined ? { groupChar: decl.group_char } : {}),
          },
    ),
  };
}

/**
 * How a typed cell (a workbook's number, date or boolean) is written for the field its column
 * feeds, so the field's caster reads back the same value: its decimal mark, its date format, its
 * first true and false values. Columns are matched to fields as the validator matches them.
 */
function cellFormats(names: string[], schema: TableSchema, rename: Record<string, string>): (CellFormat | undefined)[] {
  const renamed = new Map(Object.entries(rename).map(([from, to]) => [normaliseLabel(from), normaliseLabel(to)]));
  const fields = new Map(schema.fields.map((f) => [normaliseLabel(f.name), f]));
  return names.map((raw) => {
    const label = normaliseLabel(raw);
    const f = fields.get(renamed.get(label) ?? label);
    if (f === undefined) return undefined;
    return {
      decimalChar: f.decimalChar,
      dateFormat: f.type === "date" ? f.format : undefined,
      trueText: f.trueValues?.[0],
      falseText: f.falseValues?.[0],
    };
  });
}

function finishSummary(run: DatasetRun): void {
  const { table } = run;
  const issues = [...run.issues, ...table.issues];
  const counts: Record<string, { errors: number; warnings: number }> = {};
  const add = (code: string, errors: number, warnings: number): void => {
    const c = (counts[code] ??= { errors: 0, warnings: 0 });
    c.errors += errors;
    c.warnings += warnings;
  };
  for (const i of run.issues) add(i.code, i.severity === "error" ? 1 : 0, i.severity === "warning" ? 1 : 0);
  for (const [code, c] of Object.entries(table.issueCounts)) add(code, c.errors, c.warnings);
  run.issues = issues;
  run.summary = {
    ...run.summary,
    rows_read: table.rowsRead,
    rows_accepted: table.columns.length,
    rows_rejected: table.rejected.length,
    blank_rows: table.blankRows,
    issue_counts: Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b))),
    issues: issues.slice(0, RESULT_ISSUE_CAP),
    issues_omitted: table.issuesOmitted + Math.max(0, issues.length - RESULT_ISSUE_CAP),
  };
}

/** A file with a header and not one data row says so (the report then stops on it, naming the file). */
function noDataRows(table: ValidatedTable, headerLine: number): Issue[] {
  if (table.rowsRead > 0) return [];
  const message = table.texts.located(headerLine, null, table.texts.noDataRows);
  return [{ code: "source-error", severity: "warning", line: headerLine, field: null, value: null, message }];
}

export { unacceptableDatasets } from "./acceptance.js";
export { noRowsMessage } from "./no-rows.js";
