import type { CompiledSchema } from "../../table-schema/index.js";
import { Missing, readableValue, type IssueTexts, type Value, type IssueCode, type Severity } from "../../vocabulary/index.js";

/**
 * The shape every row check shares. A check is built once per dataset (it may keep state, such
 * as the keys seen so far) or returns null when the schema gives it nothing to do; it then
 * looks at each row and reports through `env.report`. Checks never throw on bad data.
 */
export interface RowState {
  line: number;
  /** The record's cells as read, in file order. */
  cells: string[];
  /** Typed values in schema order, filled by the cells check. */
  values: Value[];
  /** Per schema field: the cell failed (missing, type or constraint), so value checks skip it. */
  invalid: boolean[];
  /** Why the row is rejected; empty for an accepted row. */
  reasons: string[];
  /**
   * Its string values share no memory with a larger string (decoded from the cells' bytes), so
   * a check may keep them as they are; a text record's cells are cut from the parser's text.
   */
  owned: boolean;
}

export interface CheckEnv {
  schema: CompiledSchema;
  /** For each schema field, its file column, or -1 when the file lacks it. */
  columnOf: number[];
  headerLength: number;
  /** The sentences of the run's language, for the details checks give `report`. */
  texts: IssueTexts;
  /**
   * Record an issue about this row. Errors reject the row (their detail becomes a reason);
   * warnings keep it.
   */
  report(row: RowState, code: IssueCode, severity: Severity, field: string | null, value: string | null, detail: string): void;
}

export interface RowCheck {
  readonly name: string;
  check(row: RowState, env: CheckEnv): void;
}

export type RowCheckFactory = (env: CheckEnv) => RowCheck | null;

/** Stands for a cell that could not be read, so conditions treat it as unknown. */
export const INVALID = new Missing("#invalid", "invalid value");
/** Stands for a column the file lacks (a missing-label issue says so once). */
export const ABSENT = new Missing("#absent", "column not in the file");

/** A value as a person reads it in a message. */
export function shownValue(v: Value | undefined): string {
  if (v === undefined) return "";
  if (v instanceof Missing) return v.code === "" ? "(blank)" : v.code;
  return readableValue(String(v));
}
