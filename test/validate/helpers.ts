import { expect } from "vitest";
import { loadTableSchema, type TableSchema } from "../../src/table-schema/index.js";
import { validateRecords, type ValidatedTable } from "../../src/validate/validate.js";

/** Records as the ingest layer gives them: physical lines from 2 (the header is line 1). */
export async function* records(rows: string[][], firstLine = 2): AsyncIterable<{ line: number; cells: string[] }> {
  let line = firstLine;
  for (const cells of rows) yield { line: line++, cells };
}

export const schemaFile = (name: string): Promise<TableSchema> => loadTableSchema(`fixtures/schemas/${name}`, name);

export async function validate(
  schema: TableSchema,
  names: string[],
  rows: string[][],
  extra: { rename?: Record<string, string>; maxIssues?: number; dataset?: string } = {},
): Promise<ValidatedTable> {
  const table = await validateRecords({
    dataset: extra.dataset ?? "test",
    displayName: `${extra.dataset ?? "test"}.csv`,
    schema,
    header: { names, line: 1 },
    records: records(rows),
    ...(extra.rename ? { rename: extra.rename } : {}),
    ...(extra.maxIssues !== undefined ? { maxIssues: extra.maxIssues } : {}),
  });
  reconciles(table);
  return table;
}

/** Records that are rows: blank ones (every cell empty) are skipped, wherever they are. */
export function rowsOf(rows: readonly (readonly string[])[]): number {
  return rows.filter((r) => !r.every((c) => c.trim() === "")).length;
}

/** Nothing lost: every row read is accepted or rejected. */
export function reconciles(t: ValidatedTable): void {
  expect(t.rowsRead).toBe(t.rows.length + t.rejected.length);
  expect(t.lines.length).toBe(t.rows.length);
}

export const QUESTIONNAIRE_HEADER = [
  "respondent_id",
  "age",
  "reception_point",
  "monthly_resources_eur",
  "telecom_spend_eur",
  "internet_use",
  "access_place",
  "has_phone",
  "interview_date",
];

/** A valid questionnaire row, with overrides by column name. */
export function qRow(over: Record<string, string> = {}, id = "1"): string[] {
  const base: Record<string, string> = {
    respondent_id: id,
    age: "34",
    reception_point: "lille",
    monthly_resources_eur: "1 200,50",
    telecom_spend_eur: "35,5",
    internet_use: "daily",
    access_place: "home",
    has_phone: "yes",
    interview_date: "14/03/2014",
  };
  return QUESTIONNAIRE_HEADER.map((h) => over[h] ?? base[h] ?? "");
}
