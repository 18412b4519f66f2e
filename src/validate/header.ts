import type { CompiledField } from "../table-schema/index.js";
import { readableValue, type Issue, type IssueTexts } from "../vocabulary/index.js";

/**
 * Which file column feeds each schema field. Matching tolerates case, surrounding spaces and
 * a byte-order mark; `rename` maps an export's column name to the schema's (yearly waves
 * rename columns). Unmatched schema fields are `missing-label` errors, undeclared file
 * columns `extra-label` warnings and unnamed ones `blank-header` warnings (both ignored).
 */
export interface HeaderMatch {
  /** For each schema field, the file column index, or -1 when the file lacks it. */
  columnOf: number[];
  issues: Issue[];
}

export const normaliseLabel = (s: string): string =>
  s
    .replace(/^\uFEFF/, "")
    .trim()
    .normalize("NFC")
    .toLowerCase();

export function matchHeader(
  header: { names: string[]; line: number },
  fields: readonly CompiledField[],
  texts: IssueTexts,
  rename: Record<string, string> = {},
): HeaderMatch {
  const renamed = new Map(Object.entries(rename).map(([from, to]) => [normaliseLabel(from), normaliseLabel(to)]));
  const fieldByLabel = new Map(fields.map((f) => [normaliseLabel(f.name), f.index]));
  const columnOf = fields.map(() => -1);
  const issues: Issue[] = [];
  const line = header.line;
  header.names.forEach((raw, col) => {
    const label = normaliseLabel(raw);
    const index = fieldByLabel.get(renamed.get(label) ?? label);
    const shown = readableValue(raw.replace(/^\uFEFF/, ""));
    if (label === "") {
      // Often a trailing delimiter in a spreadsheet export: nothing to read, but worth saying.
      issues.push({
        code: "blank-header",
        severity: "warning",
        line,
        field: null,
        value: null,
        message: texts.unnamedColumn(line, col + 1),
      });
      return;
    }
    if (index === undefined) {
      issues.push({
        code: "extra-label",
        severity: "warning",
        line,
        field: shown,
        value: shown,
        message: texts.extraColumn(line, shown),
      });
      return;
    }
    const field = fields[index] as CompiledField;
    if (columnOf[index] !== -1) {
      issues.push({
        code: "duplicate-label",
        severity: "error",
        line,
        field: field.name,
        value: shown,
        message: texts.secondColumn(line, col + 1, shown, field.name, (columnOf[index] as number) + 1),
      });
      return;
    }
    columnOf[index] = col;
  });
  fields.forEach((f, i) => {
    if (columnOf[i] !== -1) return;
    issues.push({
      code: "missing-label",
      severity: "error",
      line,
      field: f.name,
      value: null,
      message: texts.missingColumn(line, f.name, f.required),
    });
  });
  return { columnOf, issues };
}
