import { compileSchema, isCastFailure, type TableSchema } from "../table-schema/index.js";
import { issueTexts, Missing, readableValue, type Issue, type IssueTexts } from "../vocabulary/index.js";
import { matchHeader } from "./header.js";

/** How a number field's decimal mark was chosen, and what the data showed. */
export interface DecimalMarkChoice {
  field: string;
  mark: "." | ",";
  /**
   * `detected`: from the values (some showed a mark); `default`: no value showed one, or they
   * disagreed (`mixed`), so the point, as when nothing is detected.
   */
  source: "detected" | "default";
  /** Values read only with a point, only with a comma, and ambiguous ones ("1,234", "1.234"). */
  dot: number;
  comma: number;
  ambiguous: number;
}

/** A mark followed by exactly three digits after one to three: thousands or decimals, it cannot tell. */
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2}[.,]\d{3}$/;

interface Example {
  line: number;
  value: string;
}

/**
 * The decimal mark of each `number` field of `schema` that has none (`decimalChar` unset, and no
 * group mark that is a point or a comma), judged from sample records, field by field, as
 * data.table's `fread(dec = "auto")` judges a file: a value counts for the point when it reads
 * as a number with a point and not with a comma ("12.5"), for the comma the other way ("12,5");
 * whole numbers count for neither. Rule for what is not clear-cut:
 *
 * - a value whose one mark is followed by exactly three digits ("1,234", "1.234") is ambiguous
 *   (thousands or decimals); it decides only when no other value does, and then as a decimal mark
 *   (a group mark is read only when declared), with a warning;
 * - values for both marks (unambiguous ones, or ambiguous ones only) make the field mixed: it
 *   keeps the point, the values with a comma are rejected as type errors, and a warning says so.
 *
 * The choice holds for every row: never per row. Returns the choices (fields in schema order)
 * and the warnings to report.
 */
export function detectDecimalMarks(
  schema: TableSchema,
  header: { names: string[]; line: number },
  records: Iterable<{ line: number; cells: readonly string[] }>,
  rename: Record<string, string> = {},
  texts: IssueTexts = issueTexts(),
): { choices: DecimalMarkChoice[]; issues: Issue[] } {
  const open = schema.fields.flatMap((f, i) =>
    f.type === "number" && f.decimalChar === undefined && f.groupChar !== "." && f.groupChar !== "," ? [i] : [],
  );
  if (open.length === 0) return { choices: [], issues: [] };
  const withMark = (mark: "." | ","): ReturnType<typeof compileSchema> =>
    compileSchema({ ...schema, fields: schema.fields.map((f, i) => (open.includes(i) ? { ...f, decimalChar: mark } : f)) });
  const dotFields = withMark(".").fields;
  const commaFields = withMark(",").fields;
  const { columnOf } = matchHeader(header, dotFields, texts, rename);

  const tally = open.map(() => ({
    dot: 0,
    comma: 0,
    ambiguousDot: 0,
    ambiguousComma: 0,
    firstDot: null as Example | null,
    firstComma: null as Example | null,
  }));
  for (const record of records) {
    open.forEach((f, k) => {
      const col = columnOf[f]!;
      const raw = col === -1 ? undefined : record.cells[col];
      if (raw === undefined) return;
      const cell = raw.trim();
      const asDot = dotFields[f]!.cast(cell);
      if (asDot instanceof Missing) return;
      const readsDot = !isCastFailure(asDot) || asDot.kind !== "type";
      const asComma = commaFields[f]!.cast(cell);
      const readsComma = !isCastFailure(asComma) || asComma.kind !== "type";
      if (readsDot === readsComma) return;
      const t = tally[k]!;
      const ambiguous = AMBIGUOUS.test(cell);
      if (readsDot) {
        if (ambiguous) t.ambiguousDot++;
        else t.dot++;
        t.firstDot ??= { line: record.line, value: readableValue(cell) };
      } else {
        if (ambiguous) t.ambiguousComma++;
        else t.comma++;
        t.firstComma ??= { line: record.line, value: readableValue(cell) };
      }
    });
  }

  const issues: Issue[] = [];
  const choices = open.map((f, k): DecimalMarkChoice => {
    const name = schema.fields[f]!.name;
    const t = tally[k]!;
    const counts = { dot: t.dot, comma: t.comma, ambiguous: t.ambiguousDot + t.ambiguousComma };
    const sureDot = t.dot > 0;
    const sureComma = t.comma > 0;
    const mixed = (sureDot && sureComma) || (!sureDot && !sureComma && t.ambiguousDot > 0 && t.ambiguousComma > 0);
    if (mixed && t.firstDot && t.firstComma) {
      issues.push({
        code: "decimal-mark",
        severity: "warning",
        line: t.firstComma.line,
        field: name,
        value: t.firstComma.value,
        message: texts.located(t.firstComma.line, name, texts.mixedDecimalMarks(t.firstComma.value, t.firstDot.line, t.firstDot.value)),
      });
      return { field: name, mark: ".", source: "default", ...counts };
    }
    const mark: "." | "," | null = sureComma ? "," : sureDot ? "." : t.ambiguousComma > 0 ? "," : t.ambiguousDot > 0 ? "." : null;
    if (mark === null) return { field: name, mark: ".", source: "default", ...counts };
    const example = mark === "," ? t.firstComma : t.firstDot;
    if (!sureComma && !sureDot && example) {
      issues.push({
        code: "decimal-mark",
        severity: "warning",
        line: example.line,
        field: name,
        value: example.value,
        message: texts.located(example.line, name, texts.ambiguousDecimalMark(example.value, mark)),
      });
    }
    return { field: name, mark, source: "detected", ...counts };
  });
  return { choices, issues };
}
