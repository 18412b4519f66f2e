import type { CompiledRowConstraint } from "../../table-schema/index.js";
import { readableValue, type Value } from "../../vocabulary/index.js";
import { shownValue, type RowCheckFactory, type RowState } from "./check.js";

/**
 * Cross-field rules (`rowConstraints`): where `when` holds, `require` must too. Three-valued:
 * an unknown result (a missing or unreadable value) never fires. An error rejects the row, a
 * warning keeps it and reports it.
 */
export const rowConstraints: RowCheckFactory = (env) => {
  const rules = env.schema.rowConstraints;
  if (rules.length === 0) return null;
  const index = env.schema.fieldIndex;
  const involved = (rc: CompiledRowConstraint, row: RowState): string[] =>
    rc.fields.map((f) => readableValue(`${f}=${shownValue(row.values[index.get(f) as number] as Value)}`));
  return {
    name: "row-constraints",
    check(row) {
      for (const rc of rules) {
        if (rc.when && rc.when(row.values) !== true) continue;
        if (rc.require(row.values) !== false) continue;
        const pairs = involved(rc, row);
        // The value is language-free; the sentence lists the pairs in the run's language.
        const value = readableValue(pairs.join("; "));
        env.report(row, "row-constraint", rc.severity, rc.fields[0] ?? null, value, env.texts.rowConstraint(rc.message, rc.name, pairs));
      }
    },
  };
};
