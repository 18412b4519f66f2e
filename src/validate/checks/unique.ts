import { readableValue } from "../../vocabulary/index.js";
import type { RowCheckFactory } from "./check.js";
import { KeyIndex } from "./key-index.js";

/**
 * `unique` fields: a value seen before (on any row whose cell was valid) is a `unique-error`
 * naming the first line. Missing values are not values, so they never collide.
 */
export const unique: RowCheckFactory = (env) => {
  const fields = env.schema.fields.filter((f) => f.unique);
  if (fields.length === 0) return null;
  const seen = fields.map(() => new KeyIndex());
  return {
    name: "unique",
    check(row) {
      for (let k = 0; k < fields.length; k++) {
        const f = fields[k]!;
        if (row.invalid[f.index]) continue;
        const v = row.values[f.index];
        if (v === undefined || typeof v === "object") continue; // Missing
        const first = seen[k]!.firstLine(v, row.line, row.owned);
        if (first !== undefined)
          env.report(row, "unique-error", "error", f.name, readableValue(String(v)), env.texts.notUnique(readableValue(String(v)), first));
      }
    },
  };
};
