import { isMissing, type Missing, type Row, type Value } from "../schema/values.js";

/**
 * What estimation needs of a validated dataset (a ValidatedTable satisfies it):
 * estimation never reads files, it reads accepted rows.
 */
export interface DataTable {
  readonly fieldIndex: ReadonlyMap<string, number>;
  readonly rows: readonly Row[];
  readonly fields: readonly DataField[];
}

export interface DataField {
  readonly name: string;
  readonly title?: string | null | undefined;
  readonly categories?: readonly { value: string | number; label?: string | null | undefined }[] | null | undefined;
}

/** Rows' values of one field, NaN where missing or not numeric. */
export function numericColumn(table: DataTable, field: string): Float64Array {
  const index = requireField(table, field);
  const out = new Float64Array(table.rows.length);
  table.rows.forEach((row, i) => {
    const v = row[index] as Value;
    out[i] = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : Number.NaN;
  });
  return out;
}

/** Rows' values of one field as strings (design ids, strata, domain levels); null where missing. */
export function labelColumn(table: DataTable, field: string): (string | null)[] {
  const index = requireField(table, field);
  return table.rows.map((row) => {
    const v = row[index] as Value;
    return isMissing(v) ? null : String(v);
  });
}

/** The Missing marker of a row's field, if any. */
export function missingAt(row: Row, index: number): Missing | null {
  const v = row[index] as Value;
  return isMissing(v) ? v : null;
}

export function requireField(table: DataTable, field: string): number {
  const index = table.fieldIndex.get(field);
  if (index === undefined) throw new Error(`unknown field "${field}"`);
  return index;
}

/** Levels of a categorical field: declared categories first (schema order), then any other value seen, sorted. */
export function levelsOf(table: DataTable, field: string): { value: string; label: string }[] {
  const index = requireField(table, field);
  const def = table.fields[index];
  const declared = (def?.categories ?? []).map((c) => ({ value: String(c.value), label: c.label ?? String(c.value) }));
  const known = new Set(declared.map((c) => c.value));
  const extra = new Set<string>();
  for (const row of table.rows) {
    const v = row[index] as Value;
    if (!isMissing(v) && !known.has(String(v))) extra.add(String(v));
  }
  return [...declared, ...[...extra].sort().map((value) => ({ value, label: value }))];
}

export function fieldTitle(table: DataTable, field: string): string {
  const def = table.fields[requireField(table, field)];
  return def?.title ?? field;
}
