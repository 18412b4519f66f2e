import { dataError } from "./errors.js";
import type { CsvRecord } from "./parser.js";

/**
 * The header record as column names: BOM and surrounding spaces stripped. A blank header line,
 * or two names that match (ignoring case, as header matching does downstream), make the file
 * unusable: no column could be told apart, so these are errors here rather than row issues
 * later. A single blank name (a spreadsheet's trailing delimiter) is left to the validator,
 * which warns and ignores that column.
 */
export function readHeader(file: string, record: CsvRecord): { names: string[]; line: number } {
  const names = record.cells.map((cell) => cell.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, ""));
  const seen = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    if (name === "") {
      if (names.every((n) => n === ""))
        throw dataError(file, record.line, "blank-header", "the header line is blank; the first line must name the columns.");
      continue;
    }
    const key = name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const other = names[earlier]!;
      const named =
        other === name ? `are both named ${JSON.stringify(name)}` : `are named ${JSON.stringify(other)} and ${JSON.stringify(name)}`;
      throw dataError(
        file,
        record.line,
        "duplicate-label",
        `columns ${earlier + 1} and ${i + 1} ${named}; column names must be unique (ignoring case).`,
      );
    }
    seen.set(key, i);
  }
  return { names, line: record.line };
}
