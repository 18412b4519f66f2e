import { distance } from "fastest-levenshtein";
import type { DatasetResult } from "../result/index.js";
import type { TableSchema } from "../table-schema/index.js";
import type { ValidatedTable } from "../validate/index.js";
import { issueTexts, type IssueTexts } from "../vocabulary/index.js";

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
export function noRowsMessage(run: DatasetRun, lang: "en" | "fr" = "en"): string | null {
  const { table, summary } = run;
  const texts = issueTexts(lang);
  if (table.columns.length > 0) return null;
  if (table.rowsRead === 0) return texts.headerOnly(summary.path, table.blankRows);
  const quoted: string[] = [];
  for (let r = 0; r < Math.min(QUOTED_ROWS, table.rejected.length); r++) {
    const row = table.rejected.at(r);
    quoted.push(texts.rejectedRow(row.line, row.reasons[0] ?? null));
  }
  const hints = rejectionHints(run, texts);
  return texts.allRejected(summary.path, table.rowsRead, quoted, hints.length > 0 ? hints : null);
}

/** Recognisable causes of a wholesale rejection, each as what to do. */
function rejectionHints(run: DatasetRun, texts: IssueTexts): string[] {
  return [delimiterHint(run, texts), headerTypoHints(run, texts), encodingHint(run, texts), decimalCommaHint(run, texts)]
    .flat()
    .filter((h) => h !== null);
}

const DELIMITERS = [";", ",", "\t", "|"] as const;

/** One column read where the schema expects many, its name holding another delimiter. */
function delimiterHint(run: DatasetRun, texts: IssueTexts): string | null {
  const names = run.table.header;
  if (names.length !== 1 || run.schema.fields.length < 2) return null;
  const name = names[0] ?? "";
  const counts = DELIMITERS.map((d) => name.split(d).length - 1);
  const best = counts.indexOf(Math.max(...counts));
  if ((counts[best] ?? 0) === 0) return null;
  const d = JSON.stringify(DELIMITERS[best]);
  return texts.delimiterHint(short(name), run.schema.fields.length, d);
}

/** A schema field missing from the header whose name is a small edit away from a column's. */
function headerTypoHints(run: DatasetRun, texts: IssueTexts): string[] {
  const issues = run.table.issues;
  const missing = issues.filter((i) => i.code === "missing-label" && i.field !== null).map((i) => i.field as string);
  const extra = issues.filter((i) => i.code === "extra-label" && i.value !== null).map((i) => i.value as string);
  return missing.flatMap((field) => {
    const scored = extra.map((column) => ({ column, d: distance(column.toLowerCase(), field.toLowerCase()) }));
    const near = scored.filter((s) => s.d <= Math.max(1, Math.floor(field.length / 3))).sort((a, b) => a.d - b.d)[0];
    return near ? [texts.headerTypoHint(near.column, field)] : [];
  });
}

/** UTF-8 read as Windows-1252 ("Ã©"), or bytes that are not UTF-8 read as U+FFFD. */
const MOJIBAKE = /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|Â[\u00a0-\u00bf]/;

function encodingHint(run: DatasetRun, texts: IssueTexts): string | null {
  const read = [...run.table.header, ...run.table.issues.map((i) => i.value ?? "")];
  const mojibake = read.map((t) => MOJIBAKE.exec(t)?.[0]).find((m) => m !== undefined);
  if (mojibake !== undefined)
    return run.summary.encoding === "windows-1252" ? texts.utf8ReadAs1252Hint(mojibake) : texts.garbledHint(mojibake);
  if (read.some((t) => t.includes("\uFFFD"))) return texts.notUtf8Hint;
  return null;
}

/** Numbers such as "12,5" refused in a number field whose mark nobody declared. */
function decimalCommaHint(run: DatasetRun, texts: IssueTexts): string | null {
  const undeclared = new Set(run.summary.decimal_marks.filter((m) => m.source !== "schema" && m.source !== "study").map((m) => m.field));
  const hit = run.table.issues.find(
    (i) => i.code === "type-error" && i.field !== null && undeclared.has(i.field) && /^[+-]?\d*,\d+$/.test(i.value ?? ""),
  );
  return hit ? texts.decimalCommaHint(hit.value ?? "", hit.field ?? "") : null;
}

const short = (s: string): string => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
