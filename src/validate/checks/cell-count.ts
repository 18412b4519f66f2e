import { readableValue } from "../../vocabulary/index.js";
import type { RowCheckFactory } from "./check.js";
import { INVALID } from "./check.js";

/**
 * Ragged rows, as Frictionless reports them: cells beyond the header are one `extra-cell`
 * error per row; each schema field whose column lies beyond the row's end is a `missing-cell`
 * error (and its value checks are skipped).
 */
export const cellCount: RowCheckFactory = () => ({
  name: "cell-count",
  check(row, env) {
    const n = row.cells.length;
    if (n > env.headerLength) {
      const extra = n - env.headerLength;
      const first = row.cells[env.headerLength] ?? "";
      env.report(
        row,
        "extra-cell",
        "error",
        null,
        readableValue(first),
        env.texts.extraCells(extra, env.headerLength, readableValue(first)),
      );
    } else if (n < env.headerLength) {
      env.columnOf.forEach((col, i) => {
        if (col < n) return;
        const field = env.schema.fields[i];
        if (!field) return;
        row.invalid[i] = true;
        row.values[i] = INVALID;
        env.report(row, "missing-cell", "error", field.name, null, env.texts.missingCells(n, col + 1));
      });
    }
  },
});
