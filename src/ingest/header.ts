import { issueTexts } from "../vocabulary/index.js";
import { dataError } from "./errors.js";
import type { CsvRecord } from "./parser.js";

/**
 * The header record as column names: BOM and surrounding spaces stripped. A blank header line,
 * or two names that match (ignoring case, as header matching does downstream), make the file
 * unusable: no column could be told apart, so these are errors here rather than row issues
 * later. A single blank name (a spreadsheet's trailing delimiter) is left to the validator,
 * which warns and ignores that column.
 */
export function readHeader(file: string, record: CsvRecord, lang?: "en" | "fr"): { names: string[]; line: number } {
  const texts = issueTexts(lang);
  const names = record.cells.map((cell) => cell.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, ""));
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === "") {
      if (names.every((n) => n === "")) throw dataError(file, record.line, "blank-header", texts.blankHeader, lang);
      continue;
    }
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      throw dataError(file, record.line, "duplicate-label", texts.duplicateColumns(earlier + 1, i + 1, names[earlier]!, name), lang);
    }
    seen.set(key, i);
  }
  return { names, line: record.line };
}
