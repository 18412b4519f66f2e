import { compileCondition, conditionFields, type CompiledCondition } from "../conditions/index.js";
import { issueTexts, readableValue, Missing, type IssueTexts, type Value } from "../vocabulary/index.js";
import { byteCaster, plainNumber, type ByteCast, type PlainNumbers } from "./byte-cast.js";
import { valueChecks, type ValueCheck } from "./constraints.js";
import { parserFor, spaceLikeGroup, typeDescription } from "./parsers.js";
import type { FieldSpec, FieldType, MissingValueSpec, TableSchema } from "./descriptor.js";
import { ownString } from "./columns.js";

/**
 * A schema compiled into plain closures: one caster per field turns a cell's text into a
 * Value (Missing keeps its code and label) or a CastFailure. Built once per dataset.
 */

/** Why a cell did not become a value; `detail` reads after "field X: " in a message. */
export class CastFailure {
  constructor(
    readonly kind: "type" | "constraint",
    readonly detail: string,
  ) {}
}
export const isCastFailure = (v: Value | CastFailure): v is CastFailure => typeof v === "object" && v instanceof CastFailure;

interface CategoryInfo {
  value: string | number;
  label: string | null;
  description: string | null;
  parent: string | number | null;
}

interface MissingValueInfo {
  value: string;
  label: string | null;
}

export interface CompiledField {
  name: string;
  /** Position in the schema, and in every Row. */
  index: number;
  type: FieldType;
  title: string | null;
  description: string | null;
  /** Categories in schema order, with labels, for reports and the codebook. */
  categories: CategoryInfo[] | null;
  categoriesOrdered: boolean;
  /** The missing-value codes in force for this field (its own, else the schema's). */
  missingValues: MissingValueInfo[];
  /** Required explicitly, or as part of the primary key. */
  required: boolean;
  unique: boolean;
  cast: (cell: string) => Value | CastFailure;
  /** The same cast from the cell's bytes (byte-cast.ts): what `cast` gives for the decoded cell. */
  castBytes: ByteCast<Value | CastFailure>;
  /** The label of a category value, or null. */
  labelOf: (value: Value) => string | null;
}

export interface CompiledRowConstraint {
  name: string;
  severity: "error" | "warning";
  message: string;
  /** Fields read by `when` and `require`, for the issue's field and value. */
  fields: string[];
  when: CompiledCondition | null;
  require: CompiledCondition;
}

export interface CompiledSchema {
  fields: CompiledField[];
  fieldIndex: Map<string, number>;
  primaryKey: number[] | null;
  rowConstraints: CompiledRowConstraint[];
}

const toInfo = (m: MissingValueSpec): MissingValueInfo =>
  typeof m === "string" ? { value: m, label: null } : { value: m.value, label: m.label };

/** `texts`: the language of the cells' problems (English unless the run asks for another). */
export function compileSchema(schema: TableSchema, texts: IssueTexts = issueTexts()): CompiledSchema {
  const primaryKey = schema.primaryKey ?? [];
  const fields = schema.fields.map((spec, index): CompiledField => {
    const missingValues = (spec.missingValues ?? schema.missingValues).map(toInfo);
    // One shared Missing per code: a million missing cells cost one object.
    const missing = new Map(missingValues.map((m) => [m.value, new Missing(m.value, m.label)]));
    // A longer cell is no code: a free-text answer is not hashed to find that out.
    const longestCode = Math.max(0, ...missingValues.map((m) => m.value.length));
    const parse = parserFor(spec);
    const checks = valueChecks(spec, texts);
    const required = spec.constraints?.required === true || primaryKey.includes(spec.name);
    const expected = typeDescription(spec, texts);
    const categories =
      spec.categories?.map(
        (c): CategoryInfo =>
          typeof c === "object"
            ? { value: c.value, label: c.label, description: c.description ?? null, parent: c.parent ?? null }
            : { value: c, label: null, description: null, parent: null },
      ) ?? null;
    const labels = new Map(categories?.map((c) => [c.value, c.label]) ?? []);
    const cast = (cell: string): Value | CastFailure => {
      // Surrounding whitespace is never data (exports pad cells, NBSP included).
      const text = cell.trim();
      const m = text.length <= longestCode ? missing.get(text) : undefined;
      if (m !== undefined) {
        if (!required) return m;
        return new CastFailure("constraint", text === "" ? texts.required : texts.requiredButMissingCode(text, m.label));
      }
      const v = parse(text);
      if (v === null) return new CastFailure("type", texts.notOfType(readableValue(text), expected));
      for (const check of checks) {
        const problem = check(v, text);
        if (problem !== null) return new CastFailure("constraint", problem);
      }
      return v;
    };
    const textCast = memoized(cast);
    return {
      name: spec.name,
      index,
      type: spec.type,
      title: spec.title ?? null,
      description: spec.description ?? null,
      categories,
      categoriesOrdered: spec.categoriesOrdered === true,
      missingValues,
      required,
      unique: spec.constraints?.unique === true,
      cast: textCast,
      castBytes: byteCaster(textCast, plainNumbers(spec, missingValues, checks)),
      labelOf: (value) => (typeof value === "string" || typeof value === "number" ? (labels.get(value) ?? null) : null),
    };
  });
  const fieldIndex = new Map(fields.map((f) => [f.name, f.index]));
  const rowConstraints = schema.rowConstraints.map((rc): CompiledRowConstraint => {
    const read = conditionFields(rc.require);
    for (const f of rc.when ? conditionFields(rc.when) : []) if (!read.includes(f)) read.push(f);
    return {
      name: rc.name,
      severity: rc.severity,
      message: rc.message,
      fields: read,
      when: rc.when ? compileCondition(rc.when, fieldIndex) : null,
      require: compileCondition(rc.require, fieldIndex),
    };
  });
  return {
    fields,
    fieldIndex,
    primaryKey: schema.primaryKey ? schema.primaryKey.map((n) => fieldIndex.get(n) as number) : null,
    rowConstraints,
  };
}

/**
 * When a field's cells may be read as plain decimals from their bytes: a number or integer with
 * a decimal point or comma, no thousands separator or one byte can stand for, no other format,
 * no missing-value code that reads as a plain number, and no check that needs the cell's text
 * (a pattern or a length).
 */
function plainNumbers(spec: FieldSpec, missing: MissingValueInfo[], checks: ValueCheck[]): PlainNumbers | null {
  if (spec.type !== "number" && spec.type !== "integer") return null;
  const dec = spec.decimalChar ?? ".";
  if ((dec !== "." && dec !== ",") || spec.bareNumber === false) return null;
  const integer = spec.type === "integer";
  const group = groupByte(spec.groupChar ?? "", integer ? "" : dec);
  if (group === null) return null;
  const mark = dec.charCodeAt(0);
  const numeric = (code: string): boolean => {
    const bytes = Buffer.from(code, "utf8");
    return !Number.isNaN(plainNumber(bytes, 0, bytes.length, integer, mark, group));
  };
  if (missing.some((m) => numeric(m.value))) return null;
  const c = spec.constraints ?? {};
  if (c.pattern !== undefined || c.minLength !== undefined || c.maxLength !== undefined) return null;
  // The remaining checks read only the value; the text matters only in their messages.
  if (checks.length === 0) return { integer, mark, group, accept: () => true };
  // A loop, not checks.every(() => ...): this runs for every numeric cell, and a closure per
  // call was most of what reading a big file allocated.
  return {
    integer,
    mark,
    group,
    accept: (n) => {
      for (let k = 0; k < checks.length; k++) if (checks[k]!(n, "") !== null) return false;
      return true;
    },
  };
}

/**
 * The byte plainNumber skips for a thousands separator: none (-1) without one; a space for a
 * space-like one (parsers.ts then removes spaces, no-break and thin spaces alike: the others,
 * not single bytes in UTF-8, leave the cell to the text caster); the character itself when it
 * is one ASCII character that is not a digit, a sign or the decimal mark (`dec`; "" for an
 * integer, which has none). Null otherwise.
 */
function groupByte(group: string, dec: string): number | null {
  if (group === "") return -1;
  if (spaceLikeGroup(group)) return 0x20;
  if (group.length !== 1 || group === dec || /[\d+-]/.test(group)) return null;
  const code = group.charCodeAt(0);
  return code < 0x80 ? code : null;
}

const MEMO_MAX = 4096;
const MEMO_TRIAL = 20_000;
const RECENT = 8;

/**
 * A caster that remembers its answers: survey columns repeat a few values (categories, ages,
 * yes/no, missing codes) a million times, and a lookup is cheaper than trim + parse + checks.
 * Casting is a pure function of the cell text, so the answers are the same. The first few
 * distinct cells are compared directly (cheaper than hashing a fresh string), then a Map.
 * Columns that rarely repeat (amounts, weights, ids) switch the memo off after a trial.
 */
function memoized(cast: (cell: string) => Value | CastFailure): (cell: string) => Value | CastFailure {
  const recentCells: string[] = [];
  const recentValues: (Value | CastFailure)[] = [];
  let memo: Map<string, Value | CastFailure> | null = new Map();
  let on = true;
  let lookups = 0;
  let hits = 0;
  return (cell) => {
    if (!on) return cast(cell);
    lookups++;
    for (let k = 0; k < recentCells.length; k++) {
      if (recentCells[k] === cell) {
        hits++;
        return recentValues[k] as Value | CastFailure;
      }
    }
    if (memo !== null) {
      const known = memo.get(cell);
      if (known !== undefined) {
        hits++;
        return known;
      }
    }
    let v = cast(cell);
    if (recentCells.length < RECENT || (memo !== null && memo.size < MEMO_MAX)) {
      // Kept strings must not pin the chunk of text they were cut from.
      const key = ownString(cell);
      if (typeof v === "string") v = ownString(v);
      if (recentCells.length < RECENT) {
        recentCells.push(key);
        recentValues.push(v);
      } else (memo as Map<string, Value | CastFailure>).set(key, v);
    }
    if (lookups === MEMO_TRIAL && hits < lookups / 2) {
      on = false;
      memo = null;
    }
    return v;
  };
}
