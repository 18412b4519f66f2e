import { distance } from "fastest-levenshtein";
import type { DatasetResult } from "../result/index.js";
import type { TableSchema } from "../table-schema/index.js";
import type { ValidatedTable } from "../validate/index.js";

/** What the message reads of a dataset run (read-datasets.ts). */
interface DatasetRun {
  schema: TableSchema;
  table: ValidatedTable;
  summary: Pick<DatasetResult, "path" | "encoding" | "decimal_marks">;
}

/** A dataset an analysis needs has no accepted row: the message names the file and the likely cause. */
export class NoRowsError extends Error {
  constructor(
    message: string,
    /** The dataset's file, as the result names it. */
    readonly file: string,
  ) {
    super(message);
    this.name = "NoRowsError";
  }
}

/** Rejected rows quoted in the message: enough to see the pattern. */
const QUOTED_ROWS = 3;

/**
 * Why a dataset has no accepted row, as one line: a file with a header and no data, or every row
 * rejected, with the first rejected rows (line, field, value) and a hint when the cause is
 * recognisable (decimal comma, delimiter, encoding, a header typo). Null when rows were accepted.
 */
export function noRowsMessage(run: DatasetRun): string | null {
  const { table, summary } = run;
  if (table.columns.length > 0) return null;
  if (table.rowsRead === 0) {
    const blank =
      table.blankRows > 0 ? ` (only ${table.blankRows.toLocaleString("en-US")} blank line${table.blankRows === 1 ? "" : "s"})` : "";
    return `${summary.path}: the file has a header but no data rows${blank}; there is nothing to analyse.`;
  }
  const quoted: string[] = [];
  for (let r = 0; r < Math.min(QUOTED_ROWS, table.rejected.length); r++) {
    const row = table.rejected.at(r);
    quoted.push(`line ${row.line}, ${row.reasons[0] ?? "rejected"}`);
  }
  const n = table.rowsRead;
  const every = n === 1 ? "its only row was rejected" : `every one of its ${n.toLocaleString("en-US")} rows was rejected`;
  const hints = rejectionHints(run);
  return `${summary.path}: ${every} (${quoted.join("; ")}).${hints.length > 0 ? ` Hint: ${hints.join("; ")}.` : ""}`;
}

/** Recognisable causes of a wholesale rejection, each as what to do. */
function rejectionHints(run: DatasetRun): string[] {
  return [delimiterHint(run), headerTypoHints(run), encodingHint(run), decimalCommaHint(run)].flat().filter((h) => h !== null);
}

const DELIMITERS = [";", ",", "\t", "|"] as const;

/** One column read where the schema expects many, its name holding another delimiter. */
function delimiterHint(run: DatasetRun): string | null {
  const names = run.table.header;
  if (names.length !== 1 || run.schema.fields.length < 2) return null;
  const name = names[0] ?? "";
  const counts = DELIMITERS.map((d) => name.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  if ((counts[best] ?? 0) === 0) return null;
  const d = JSON.stringify(DELIMITERS[best]);
  return `the header was read as one column ("${short(name)}") where the schema expects ${run.schema.fields.length}: the file's delimiter is probably ${d} (set delimiter: ${d} for the dataset in the study)`;
}

/** A schema field missing from the header whose name is a small edit away from a column's. */
function headerTypoHints(run: DatasetRun): string[] {
  const issues = run.table.issues;
  const missing = issues.filter((i) => i.code === "missing-label" && i.field !== null).map((i) => i.field as string);
  const extra = issues.filter((i) => i.code === "extra-label" && i.value !== null).map((i) => i.value as string);
  return missing.flatMap((field) => {
    const scored = extra.map((column) => ({ column, d: distance(column.toLowerCase(), field.toLowerCase()) }));
    const near = scored.filter((s) => s.d <= Math.max(1, Math.floor(field.length / 3))).sort((a, b) => a.d - b.d)[0];
    return near
      ? [`column "${near.column}" looks like field ${field} (fix the header, or map it with rename: { ${near.column}: ${field} })`]
      : [];
  });
}

/** UTF-8 read as Windows-1252 ("Ã©"), or bytes that are not UTF-8 read as U+FFFD. */
const MOJIBAKE = /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|Â[\u00a0-\u00bf]/;

function encodingHint(run: DatasetRun): string | null {
  const texts = [...run.table.header, ...run.table.issues.map((i) => i.value ?? "")];
  const mojibake = texts.map((t) => MOJIBAKE.exec(t)?.[0]).find((m) => m !== undefined);
  if (mojibake !== undefined)
    return run.summary.encoding === "windows-1252"
      ? `text such as "${mojibake}" is UTF-8 read as Windows-1252 (set encoding: utf-8 for the dataset in the study)`
      : `text such as "${mojibake}" was garbled before the file was saved (UTF-8 decoded as Windows-1252, then saved as UTF-8): export the file again as UTF-8`;
  if (texts.some((t) => t.includes("\uFFFD")))
    return `"\uFFFD" stands for bytes that are not UTF-8: the file is probably Windows-1252 (set encoding: windows-1252 for the dataset in the study)`;
  return null;
}

/** Numbers such as "12,5" refused in a number field whose mark nobody declared. */
function decimalCommaHint(run: DatasetRun): string | null {
  const undeclared = new Set(run.summary.decimal_marks.filter((m) => m.source !== "schema" && m.source !== "study").map((m) => m.field));
  const hit = run.table.issues.find(
    (i) => i.code === "type-error" && i.field !== null && undeclared.has(i.field) && /^[+-]?\d*,\d+$/.test(i.value ?? ""),
  );
  return hit
    ? `numbers such as "${hit.value}" in field ${hit.field} have a decimal comma (set decimal_char: "," for the dataset in the study)`
    : null;
}

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
