import { z } from "zod";
import { type Missing, isMissing, type Row, type Value } from "../vocabulary/index.js";

/**
 * Conditions are data, never code: a small closed language over one row's fields,
 * shared by indicator definitions (`when`, `universe`) and schema row constraints.
 */
const scalar = z.union([z.string(), z.number(), z.boolean()]);
const TESTS = ["equals", "in", "lt", "le", "gt", "ge", "missing", "any_of", "all_of"] as const;
/** A bound is a number or another field of the same row (`le: { field: monthly_resources_eur }`). */
const bound = z.union([z.number(), z.object({ field: z.string().min(1) }).strict()]);
/** The code of a leaf with no test or several, for a caller to word the refusal in its language. */
export const ONE_TEST = "condition-one-test";

const leafSchema = z
  .object({
    field: z.string().min(1),
    equals: scalar.optional(),
    in: z.array(scalar).min(1).optional(),
    lt: bound.optional(),
    le: bound.optional(),
    gt: bound.optional(),
    ge: bound.optional(),
    missing: z.boolean().optional(),
    /** A multiple-choice answer ("bus car", choices one space apart) holds at least one of these. */
    any_of: z.array(scalar).min(1).optional(),
    /** A multiple-choice answer holds every one of these. */
    all_of: z.array(scalar).min(1).optional(),
  })
  .strict()
  .refine((c) => TESTS.filter((k) => (c as Record<string, unknown>)[k] !== undefined).length === 1, {
    message: "a field condition needs exactly one test: equals, in, lt, le, gt, ge, missing, any_of or all_of",
    params: { code: ONE_TEST },
  });

export type LeafCondition = z.infer<typeof leafSchema>;
export type Condition = LeafCondition | { all: Condition[] } | { any: Condition[] } | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).min(1) }).strict(),
    z.object({ any: z.array(conditionSchema).min(1) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    leafSchema,
  ]),
);

/**
 * Kleene three-valued result: a test on a missing cell is unknown (the Missing itself, so its
 * code can be counted), except `missing:` which asks about missingness.
 */
type Truth = boolean | Missing;
export type CompiledCondition = (row: Row) => Truth;

/** Every field a condition reads, in order of first appearance. */
export function conditionFields(c: Condition): string[] {
  const out: string[] = [];
  const walk = (x: Condition): void => {
    if ("all" in x) x.all.forEach(walk);
    else if ("any" in x) x.any.forEach(walk);
    else if ("not" in x) walk(x.not);
    else for (const f of [x.field, ...boundFields(x)]) if (!out.includes(f)) out.push(f);
  };
  walk(c);
  return out;
}

const comparators = ["lt", "le", "gt", "ge"] as const;
type Comparator = (typeof comparators)[number];

function boundFields(c: LeafCondition): string[] {
  return comparators.flatMap((k) => {
    const b = c[k];
    return b !== undefined && typeof b === "object" ? [b.field] : [];
  });
}

/**
 * Does a value match one of the wanted constants, as `v === w || String(v) === String(w)`? The
 * text form is built only across types (a number against "50"): within a type, equal texts
 * mean equal values. Runs once per row, so it allocates nothing in the common case.
 */
export function valueMatcher(wanted: readonly (string | number | boolean)[]): (value: Value) => boolean {
  const texts = wanted.map(String);
  const types = wanted.map((w) => typeof w);
  return (value) => {
    for (let k = 0; k < wanted.length; k++) if (value === wanted[k]) return true;
    const type = typeof value;
    let text: string | null = null;
    for (let k = 0; k < wanted.length; k++) {
      if (types[k] === type && !(type === "number" && Number.isNaN(value))) continue;
      text ??= String(value);
      if (text === texts[k]) return true;
    }
    return false;
  };
}

function compileLeaf(c: LeafCondition, fieldIndex: ReadonlyMap<string, number>): CompiledCondition {
  const index = indexOf(c.field, fieldIndex);
  if (c.missing !== undefined) {
    const want = c.missing;
    return (row) => isMissing(row[index] as Value) === want;
  }
  if (c.any_of !== undefined || c.all_of !== undefined) {
    const test = choicesTest(c.any_of ?? (c.all_of as (string | number | boolean)[]), c.any_of !== undefined);
    return (row) => {
      const v = row[index] as Value;
      return isMissing(v) ? v : test(v);
    };
  }
  if (c.equals !== undefined || c.in !== undefined) {
    const matches = valueMatcher(c.in ?? [c.equals as string | number | boolean]);
    return (row) => {
      const v = row[index] as Value;
      return isMissing(v) ? v : matches(v);
    };
  }
  const op = comparators.find((k) => c[k] !== undefined) as Comparator;
  const b = c[op] as number | { field: string };
  const other = typeof b === "number" ? null : indexOf(b.field, fieldIndex);
  const constant = typeof b === "number" ? b : Number.NaN;
  const compare = compareWith(op);
  return (row) => {
    const v = row[index] as Value;
    if (isMissing(v)) return v;
    let limit = constant;
    if (other !== null) {
      const w = row[other] as Value;
      if (isMissing(w)) return w;
      limit = typeof w === "number" ? w : Number.NaN;
    }
    return compare(typeof v === "number" ? v : Number.NaN, limit);
  };
}

/**
 * Does a multiple-choice answer (its choices one space apart; a single-choice answer is one
 * choice) hold any (or all) of the wanted choices?
 */
export function choicesTest(wanted: readonly (string | number | boolean)[], any: boolean): (value: Value) => boolean {
  const texts = wanted.map(String);
  return (value) => {
    const chosen = value === "" ? [] : String(value).split(" ");
    return any ? texts.some((t) => chosen.includes(t)) : texts.every((t) => chosen.includes(t));
  };
}

function compareWith(op: Comparator): (a: number, b: number) => boolean {
  switch (op) {
    case "lt":
      return (a, b) => a < b;
    case "le":
      return (a, b) => a <= b;
    case "gt":
      return (a, b) => a > b;
    case "ge":
      return (a, b) => a >= b;
  }
}

function indexOf(field: string, fieldIndex: ReadonlyMap<string, number>): number {
  const index = fieldIndex.get(field);
  if (index === undefined) throw new UnknownFieldError(field);
  return index;
}

/**
 * Compile a condition against a field index. Unknown fields are reported by name so the
 * caller can say which study or schema key is wrong.
 */
export function compileCondition(c: Condition, fieldIndex: ReadonlyMap<string, number>): CompiledCondition {
  if ("all" in c) {
    const parts = c.all.map((x) => compileCondition(x, fieldIndex));
    return (row) => {
      let unknown: Missing | null = null;
      for (const p of parts) {
        const t = p(row);
        if (t === false) return false;
        if (t !== true) unknown ??= t;
      }
      return unknown ?? true;
    };
  }
  if ("any" in c) {
    const parts = c.any.map((x) => compileCondition(x, fieldIndex));
    return (row) => {
      let unknown: Missing | null = null;
      for (const p of parts) {
        const t = p(row);
        if (t === true) return true;
        if (t !== false) unknown ??= t;
      }
      return unknown ?? false;
    };
  }
  if ("not" in c) {
    const inner = compileCondition(c.not, fieldIndex);
    return (row) => {
      const t = inner(row);
      return typeof t === "boolean" ? !t : t;
    };
  }
  return compileLeaf(c, fieldIndex);
}

export class UnknownFieldError extends Error {
  constructor(readonly field: string) {
    super(`unknown field "${field}"`);
  }
}

/** The words a condition is read with, in the caller's language (the operators are symbols). */
export interface ConditionWords {
  and: string;
  or: string;
  not: (condition: string) => string;
  isMissing: (field: string) => string;
  isNotMissing: (field: string) => string;
  /** A multiple-choice answer holding any, or all, of the values (`{a, b}`). */
  includesAny: (field: string, values: string) => string;
  includesAll: (field: string, values: string) => string;
}

const englishWords: ConditionWords = {
  and: " and ",
  or: " or ",
  not: (condition) => `not (${condition})`,
  isMissing: (field) => `${field} is missing`,
  isNotMissing: (field) => `${field} is not missing`,
  includesAny: (field, values) => `${field} includes any of ${values}`,
  includesAll: (field, values) => `${field} includes all of ${values}`,
};

/** A short human reading of a condition, for reports ("internet_use = never"). */
export function describeCondition(c: Condition, words: ConditionWords = englishWords): string {
  const d = (x: Condition): string => describeCondition(x, words);
  if ("all" in c) return c.all.map(d).join(words.and);
  if ("any" in c) return `(${c.any.map(d).join(words.or)})`;
  if ("not" in c) return words.not(d(c.not));
  if (c.missing !== undefined) return c.missing ? words.isMissing(c.field) : words.isNotMissing(c.field);
  if (c.equals !== undefined) return `${c.field} = ${String(c.equals)}`;
  if (c.in !== undefined) return `${c.field} in {${c.in.map(String).join(", ")}}`;
  if (c.any_of !== undefined) return words.includesAny(c.field, `{${c.any_of.map(String).join(", ")}}`);
  if (c.all_of !== undefined) return words.includesAll(c.field, `{${c.all_of.map(String).join(", ")}}`);
  const ops = { lt: "<", le: "≤", gt: ">", ge: "≥" } as const;
  for (const k of comparators) {
    const b = c[k];
    if (b !== undefined) return `${c.field} ${ops[k]} ${typeof b === "number" ? b : b.field}`;
  }
  return c.field;
}
