import type { TableSchema } from "../table-schema/index.js";
import { isMissing, readableValue, type Row } from "../vocabulary/index.js";
import { addIssue } from "./issue-log.js";
import { rejectAcceptedRows } from "./reject-rows.js";
import type { ValidatedTable } from "./validate.js";

/**
 * Foreign keys cross datasets, so they run after every dataset is validated: a child row whose
 * key is absent from the referenced table's accepted rows moves to `rejected` with a
 * `foreign-key` issue. A key with a missing part refers to nothing and is allowed, as in
 * Frictionless. Mutates and returns `child`; reconciliation still holds.
 */
export class ForeignKeyConfigError extends Error {
  override readonly name = "ForeignKeyConfigError";
}

const keyOf = (row: Row, indexes: number[]): string | null => {
  const parts: string[] = [];
  for (const i of indexes) {
    const v = row[i];
    if (v === undefined || isMissing(v)) return null;
    parts.push(String(v));
  }
  return parts.join("\u001f");
};

/** The key's fields in `table`; the sentence of a refusal in `child`'s language. */
function indexes(table: ValidatedTable, names: string[], child: ValidatedTable): number[] {
  return names.map((n) => {
    const i = table.fieldIndex.get(n);
    if (i === undefined) throw new ForeignKeyConfigError(child.texts.foreignKeyField(child.dataset, n, table.dataset));
    return i;
  });
}

export function applyForeignKeys(
  child: ValidatedTable,
  childSchema: TableSchema,
  parents: ReadonlyMap<string, ValidatedTable>,
): ValidatedTable {
  const reasons = new Map<number, string[]>(); // accepted-row index → why it now fails
  for (const fk of childSchema.foreignKeys) {
    const resource = fk.reference.resource;
    const parent = resource === "" ? child : parents.get(resource);
    if (!parent) throw new ForeignKeyConfigError(child.texts.foreignKeyDataset(child.dataset, resource));
    const parentIdx = indexes(parent, fk.reference.fields, child);
    const childIdx = indexes(child, fk.fields, child);
    const known = new Set<string>();
    for (const row of parent.rows) {
      const k = keyOf(row, parentIdx);
      if (k !== null) known.add(k);
    }
    const fields = fk.fields.join(", ");
    child.rows.forEach((row, r) => {
      const k = keyOf(row, childIdx);
      if (k === null || known.has(k)) return;
      const value = readableValue(k.split("\u001f").join(", "));
      const line = child.lines.at(r);
      const detail = child.texts.notAmongParents(value, fk.reference.fields.join(", "), parent.dataset, parent.rows.length === 0);
      addIssue(child, {
        code: "foreign-key",
        severity: "error",
        line,
        field: fields,
        value,
        message: child.texts.located(line, fields, detail),
      });
      const list = reasons.get(r) ?? [];
      list.push(child.texts.fieldReason(fields, detail));
      reasons.set(r, list);
    });
  }
  return rejectAcceptedRows(child, reasons);
}
