import type { OpenedCsv } from "../ingest/index.js";
import type { DecimalMark } from "../result/index.js";
import type { TableSchema } from "../table-schema/index.js";
import { detectDecimalMarks } from "../validate/index.js";
import { issueTexts, type Issue } from "../vocabulary/index.js";

/** Records read to judge a field's decimal mark: the first ones, as `fread` samples a file's start. */
const DECIMAL_SAMPLE_ROWS = 10_000;

/**
 * Each number field's decimal mark and where it comes from: the schema's `decimalChar`, the
 * study's `decimal_char`, else judged from the first records (`detectDecimalMarks`). `declared`
 * is the schema before the study's number format was applied, `formatted` after it; the
 * schema returned sets every detected mark, so the validator reads every row alike. Without
 * `openSample` (a typed format, whose number cells carry no mark) nothing is judged.
 */
export async function withDecimalMarks(
  declared: TableSchema,
  formatted: TableSchema,
  openSample: (() => Promise<OpenedCsv>) | null,
  rename: Record<string, string>,
  lang: "en" | "fr",
): Promise<{ schema: TableSchema; marks: DecimalMark[]; issues: Issue[] }> {
  const open = openSample !== null && formatted.fields.some((f) => f.type === "number" && f.decimalChar === undefined);
  const detected = open
    ? detectDecimalMarks(formatted, ...(await sample(openSample)), rename, issueTexts(lang))
    : { choices: [], issues: [] };
  const byField = new Map(detected.choices.map((c) => [c.field, c]));
  const marks = formatted.fields.flatMap((f, i): DecimalMark[] => {
    if (f.type !== "number") return [];
    const choice = byField.get(f.name);
    if (choice) return [choice];
    const source = declared.fields[i]?.decimalChar !== undefined ? "schema" : f.decimalChar !== undefined ? "study" : "default";
    return [{ field: f.name, mark: f.decimalChar === "," ? "," : ".", source, dot: 0, comma: 0, ambiguous: 0 }];
  });
  const schema: TableSchema = {
    ...formatted,
    fields: formatted.fields.map((f) => {
      const choice = byField.get(f.name);
      return choice?.source === "detected" ? { ...f, decimalChar: choice.mark } : f;
    }),
  };
  return { schema, marks, issues: detected.issues };
}

/** The header and the first records of a second opening of the file (released after). */
async function sample(openSample: () => Promise<OpenedCsv>): Promise<[OpenedCsv["header"], { line: number; cells: string[] }[]]> {
  const source = await openSample();
  const records: { line: number; cells: string[] }[] = [];
  for await (const batch of source.batches) {
    for (const record of batch) {
      if (records.length === DECIMAL_SAMPLE_ROWS) break;
      records.push(record);
    }
    if (records.length === DECIMAL_SAMPLE_ROWS) break;
  }
  return [source.header, records];
}
