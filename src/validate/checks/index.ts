import { cellCount } from "./cell-count.js";
import { cells } from "./cells.js";
import type { RowCheckFactory } from "./check.js";
import { primaryKey } from "./primary-key.js";
import { rowConstraints } from "./row-constraints.js";
import { unique } from "./unique.js";

/**
 * The checks, in the order they run on each row: the row as a whole, then its cells, then
 * cross-field rules, then dataset-wide keys. Blank rows never come here (validate.ts skips them).
 *
 * The first two read the cells' text; the others read only the typed values, so a row whose
 * cells were cast from their bytes (validate.ts) runs just those.
 */
export const cellChecks: readonly RowCheckFactory[] = [cellCount, cells];
export const valueChecks: readonly RowCheckFactory[] = [rowConstraints, unique, primaryKey];
