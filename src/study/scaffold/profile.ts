import { type CompiledField, compileSchema, isCastFailure, parseTableSchema, type TableSchema } from "../../table-schema/index.js";
import { missingTokenLabel, NEGATIVE_SENTINELS, POSITIVE_SENTINELS } from "./evidence.js";

/**
 * One column's evidence, gathered in one streaming pass over its cells (for `init` without a
 * base study). Memory is bounded whatever the row count: counters, a range per candidate type,
 * at most DISTINCT_CAP distinct values with their counts, and at most MAX_CODES texts a
 * candidate type could not read. Types are tried with the validator's own casters, so a type
 * the profile accepts is one `validate` accepts.
 */

type FieldSpec = TableSchema["fields"][number];
export type TypeSpec = Pick<FieldSpec, "type" | "format" | "decimalChar" | "groupChar">;

/** Distinct values kept per column (enough for categories and yes/no; beyond, only "more"). */
const DISTINCT_CAP = 100;
/** Texts without a digit that a numeric or date column may hold as missing-value codes. */
const MAX_CODES = 3;

const NUMERIC_SPECS: TypeSpec[] = [
  { type: "integer" },
  { type: "integer", groupChar: " " },
  { type: "integer", groupChar: "," },
  { type: "integer", groupChar: "." },
  { type: "number" },
  { type: "number", decimalChar: "," },
  { type: "number", decimalChar: ",", groupChar: " " },
  { type: "number", decimalChar: ",", groupChar: "." },
  { type: "number", groupChar: "," },
  { type: "number", groupChar: " " },
];
const DATE_FORMATS = ["default", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d", "%m/%d/%Y"];
const DATE_SPECS: TypeSpec[] = DATE_FORMATS.map((format) => ({ type: "date", format }));

const SPACES = "[ \\u00A0\\u202F\\u2009]";
/** Group separators only between groups of three digits: "1.5" is not 15 with a "." group. */
function groupShape(spec: TypeSpec): RegExp | null {
  if (spec.groupChar === undefined) return null;
  const g = spec.groupChar === " " ? SPACES : `\\${spec.groupChar}`;
  const d = spec.decimalChar === "," ? "," : "\\.";
  const fraction = spec.type === "number" ? `(?:${d}\\d*)?` : "";
  return new RegExp(`^[+-]?(?:\\d+|\\d{1,3}(?:${g}\\d{3})+)${fraction}$`);
}

/** Numbers seen by a numeric candidate; sentinel codes are counted apart from the range. */
export interface NumericStats {
  count: number;
  min: number;
  max: number;
  /** Every value a whole number. */
  whole: boolean;
  /** Sentinel codes (-99, 99...) seen, with counts, kept out of the range. */
  sentinels: Map<number, number>;
}

interface Candidate {
  spec: TypeSpec;
  cast: CompiledField["cast"];
  shape: RegExp | null;
  alive: boolean;
  /** Texts without a digit the type could not read, with counts (possible missing codes). */
  failures: Map<string, number>;
  numbers: NumericStats | null;
  /** Dates: the earliest and latest, as ISO text. */
  dates: { min: string; max: string } | null;
}

const SENTINELS = new Set([...NEGATIVE_SENTINELS, ...POSITIVE_SENTINELS]);

function candidate(spec: TypeSpec): Candidate {
  const schema = parseTableSchema({ fields: [{ name: "x", ...spec }], missingValues: [""] }, "inferred");
  const field = compileSchema(schema).fields[0];
  if (!field) throw new Error("a one-field schema compiles to one field");
  const numeric = spec.type === "integer" || spec.type === "number";
  return {
    spec,
    cast: field.cast,
    shape: groupShape(spec),
    alive: true,
    failures: new Map(),
    numbers: numeric ? { count: 0, min: Infinity, max: -Infinity, whole: true, sentinels: new Map() } : null,
    dates: null,
  };
}

/** Digits only (a sign allowed), short enough to be a safe integer. */
const PLAIN_INTEGER = /^[+-]?\d{1,15}$/;

function addNumber(s: NumericStats, v: number): void {
  if (SENTINELS.has(v)) s.sentinels.set(v, (s.sentinels.get(v) ?? 0) + 1);
  else {
    s.count++;
    if (v < s.min) s.min = v;
    if (v > s.max) s.max = v;
    if (!Number.isInteger(v)) s.whole = false;
  }
}

/** Unambiguous decimal marks: "12,5" or "1 234,56" is a comma; "12.5" a point ("1,234" is neither). */
const COMMA_DECIMAL = /^[+-]?[\d \u00A0\u202F.]*\d,(?:\d{1,2}|\d{4,})$/;
const POINT_DECIMAL = /^[+-]?[\d,]*\d\.(?:\d{1,2}|\d{4,})$/;

export class ColumnProfile {
  rows = 0;
  blank = 0;
  /** Recognised missing-value tokens, as spelt, with counts. */
  readonly tokens = new Map<string, number>();
  /** Distinct other values with counts; null once there are more than DISTINCT_CAP. */
  distinct: Map<string, number> | null = new Map();
  commaDecimals = 0;
  pointDecimals = 0;
  readonly candidates: Candidate[] = [...NUMERIC_SPECS, ...DATE_SPECS].map(candidate);

  constructor(readonly header: string) {}

  add(cell: string): void {
    this.rows++;
    const text = cell.trim();
    if (text === "") {
      this.blank++;
      return;
    }
    if (missingTokenLabel(text) !== null) {
      this.tokens.set(text, (this.tokens.get(text) ?? 0) + 1);
      return;
    }
    if (this.distinct !== null) {
      this.distinct.set(text, (this.distinct.get(text) ?? 0) + 1);
      if (this.distinct.size > DISTINCT_CAP) this.distinct = null;
    }
    if (COMMA_DECIMAL.test(text)) this.commaDecimals++;
    else if (POINT_DECIMAL.test(text)) this.pointDecimals++;
    if (PLAIN_INTEGER.test(text)) {
      // Every numeric candidate reads a plain integer as itself and no date format reads one:
      // one Number() instead of a cast per candidate (most cells of most surveys).
      const v = Number(text);
      for (const c of this.candidates) {
        if (!c.alive) continue;
        if (c.numbers) addNumber(c.numbers, v);
        else c.alive = false;
      }
      return;
    }
    for (const c of this.candidates) if (c.alive) this.tryCandidate(c, text);
  }

  private tryCandidate(c: Candidate, text: string): void {
    const known = c.failures.get(text);
    if (known !== undefined) {
      // A code seen before (yes/no columns repeat two or three texts a million times).
      c.failures.set(text, known + 1);
      return;
    }
    const v = c.cast(text);
    if (isCastFailure(v) || (c.shape !== null && !c.shape.test(text))) {
      // A text with a digit is a value of another type; one without may be a code ("x", "N.C.").
      if (/\d/.test(text)) c.alive = false;
      else {
        c.failures.set(text, (c.failures.get(text) ?? 0) + 1);
        if (c.failures.size > MAX_CODES) c.alive = false;
      }
      return;
    }
    if (c.numbers !== null && typeof v === "number") addNumber(c.numbers, v);
    else if (typeof v === "string" && c.spec.type === "date") {
      if (c.dates === null) c.dates = { min: v, max: v };
      else {
        if (v < c.dates.min) c.dates.min = v;
        if (v > c.dates.max) c.dates.max = v;
      }
    }
  }

  /** Cells that hold a value (not blank, not a recognised token). */
  get present(): number {
    return this.rows - this.blank - [...this.tokens.values()].reduce((a, b) => a + b, 0);
  }

  /** The candidates still alive, in preference order for the file's decimal mark. */
  alive(decimalMark: "." | ","): Candidate[] {
    const rank = (c: Candidate): number => {
      const s = c.spec;
      if (s.type === "date") return 100 + DATE_FORMATS.indexOf(s.format ?? "default");
      const grouped = s.groupChar === undefined ? 0 : 1;
      // The file's own mark first: "1,234" is 1.234 in a French export and 1234 in an English one.
      if (s.type === "integer") return s.groupChar === decimalMark ? 6 : grouped;
      return ((s.decimalChar ?? ".") === decimalMark ? 2 : 8) + grouped;
    };
    return this.candidates.filter((c) => c.alive).sort((a, b) => rank(a) - rank(b));
  }
}

export type { Candidate };
