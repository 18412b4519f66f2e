import { isCastFailure } from "../../table-schema/index.js";
import { readableValue } from "../../vocabulary/index.js";
import { ABSENT, INVALID, type RowCheckFactory } from "./check.js";

/**
 * Cast every cell with its field's compiled caster: `type-error` when the text is not of the
 * type, `constraint-error` when a value check fails (required included, as in Frictionless,
 * where a required cell left empty is a constraint error and `missing-cell` is kept for
 * ragged rows). A required column absent from the file rejects the row with one reason and no
 * issue: the dataset-level `missing-label` already says it once.
 */
export const cells: RowCheckFactory = (env) => {
  const fields = env.schema.fields;
  const absentReasons = fields.map((f) => `field ${f.name}: required column is not in the file`);
  const columnOf = env.columnOf;
  return {
    name: "cells",
    check(row) {
      const { cells: raw, values, invalid } = row;
      for (let i = 0; i < fields.length; i++) {
        if (invalid[i]) continue; // already reported (missing-cell)
        const col = columnOf[i] as number;
        const field = fields[i]!;
        if (col === -1) {
          values[i] = ABSENT;
          if (field.required) {
            invalid[i] = true;
            row.reasons.push(absentReasons[i]!);
          }
          continue;
        }
        const cell = raw[col] as string;
        const v = field.cast(cell);
        if (isCastFailure(v)) {
          values[i] = INVALID;
          invalid[i] = true;
          env.report(row, v.kind === "type" ? "type-error" : "constraint-error", "error", field.name, readableValue(cell), v.detail);
        } else values[i] = v;
      }
    },
  };
};
