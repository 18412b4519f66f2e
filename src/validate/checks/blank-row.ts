import type { RowCheckFactory } from "./check.js";

/** A record whose cells are all empty is no respondent: counted as read, rejected, warned. */
export const blankRow: RowCheckFactory = () => ({
  name: "blank-row",
  check(row, env) {
    for (const cell of row.cells) if (cell.trim() !== "") return;
    env.report(row, "blank-row", "warning", null, null, "the row is blank", true);
    row.done = true;
  },
});
