import { LineNumbers } from "./line-numbers.js";
import { isMissing } from "../vocabulary/index.js";
import type { ValidatedTable } from "./validate.js";

/**
 * Move accepted rows that a cross-dataset check found wrong to `rejected`, with their reasons
 * (and original cells, within the sample), keeping `rowsRead = rows + rejected`. Mutates and returns the table.
 */
export function rejectAcceptedRows(table: ValidatedTable, reasons: ReadonlyMap<number, string[]>): ValidatedTable {
  if (reasons.size === 0) return table;
  const found: { line: number; cells: string[]; reasons: string[] }[] = [];
  const keep = { rows: [] as number[], lines: new LineNumbers(), cells: [] as string[][] };
  const n = table.columns.length;
  for (let r = 0; r < n; r++) {
    const line = table.lines.at(r);
    const why = reasons.get(r);
    if (why) {
      // Without the original cells (schema validated without foreign keys), show the values.
      const cells = table.sourceCells[r] ?? table.columns.row(r).map((v) => (isMissing(v) ? v.code : String(v)));
      found.push({ line, cells, reasons: why });
    } else {
      keep.rows.push(r);
      keep.lines.push(line);
      if (table.sourceCells.length > 0) keep.cells.push(table.sourceCells[r] as string[]);
    }
  }
  table.columns = table.columns.select(keep.rows);
  table.lines = keep.lines;
  table.sourceCells = keep.cells;
  table.rejected = table.rejected.merge(found);
  return table;
}
