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
        `${extra} cell${extra > 1 ? "s" : ""} more than the ${env.headerLength} columns of the header (starting with "${readableValue(first)}")`,
      );
    } else if (n < env.headerLength) {
      env.columnOf.forEach((col, i) => {
        if (col < n) return;
        const field = env.schema.fields[i];
        if (!field) return;
        row.invalid[i] = true;
        row.values[i] = INVALID;
        env.report(
          row,
          "missing-cell",
          "error",
          field.name,
          null,
          `the row ends after ${n} cell${n === 1 ? "" : "s"}, before this column (${col + 1})`,
        );
      });
    }
  },
});
