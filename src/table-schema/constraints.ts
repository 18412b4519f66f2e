import { readableValue } from "../vocabulary/index.js";
import type { FieldSpec } from "./descriptor.js";

/**
 * Value checks for one field, built once. Each takes a typed value and its cell text and
 * returns null when satisfied, or what is wrong ("17 is below the minimum 18"). They run only
 * on values that cast: a type error skips them.
 */
export type ValueCheck = (value: string | number | boolean, text: string) => string | null;

const q = (text: string): string => `"${readableValue(text)}"`;
/** Long lists of allowed values are cut: the message must stay readable. */
function allowedList(values: readonly unknown[]): string {
  const shown = values.slice(0, 12).map(String).join(", ");
  return values.length > 12 ? `${shown}, … (${values.length} in all)` : shown;
}

export function valueChecks(f: FieldSpec): ValueCheck[] {
  const checks: ValueCheck[] = [];
  const c = f.constraints ?? {};
  if (f.categories) {
    const values = f.categories.map((x) => (typeof x === "object" ? x.value : x));
    const set = new Set<unknown>(values);
    if (f.multiple === true)
      // Each chosen option must be a choice; the message names the one that is not.
      checks.push((v) => {
        const unknown =
          v === ""
            ? undefined
            : String(v)
                .split(" ")
                .find((choice) => !set.has(choice));
        return unknown === undefined ? null : `the choice ${q(unknown)} is not one of its choices: ${allowedList(values)}`;
      });
    else checks.push((v, t) => (set.has(v) ? null : `${q(t)} is not one of the categories: ${allowedList(values)}`));
  }
  if (c.enum) {
    const allowed = c.enum;
    const set = new Set(allowed.map(String));
    checks.push((v, t) => (set.has(String(v)) ? null : `${q(t)} is not one of the allowed values: ${allowedList(allowed)}`));
  }
  // Bounds compare numbers with numbers and ISO dates with ISO dates (strings sort like dates).
  const bound = (limit: number | string, fails: (v: number | string) => boolean, says: string): void => {
    checks.push((v, t) => (typeof v !== "boolean" && fails(v) ? `${q(t)} ${says} ${String(limit)}` : null));
  };
  if (c.minimum !== undefined) {
    const m = c.minimum;
    bound(m, (v) => v < m, "is below the minimum");
  }
  if (c.maximum !== undefined) {
    const m = c.maximum;
    bound(m, (v) => v > m, "is above the maximum");
  }
  if (c.exclusiveMinimum !== undefined) {
    const m = c.exclusiveMinimum;
    bound(m, (v) => v <= m, "is not above the exclusive minimum");
  }
  if (c.exclusiveMaximum !== undefined) {
    const m = c.exclusiveMaximum;
    bound(m, (v) => v >= m, "is not below the exclusive maximum");
  }
  if (c.pattern !== undefined) {
    // Table Schema patterns match the whole value.
    const re = new RegExp(`^(?:${c.pattern})$`, "u");
    const p = c.pattern;
    checks.push((_v, t) => (re.test(t) ? null : `${q(t)} does not match the pattern ${p}`));
  }
  if (c.minLength !== undefined) {
    const n = c.minLength;
    checks.push((_v, t) => ([...t].length < n ? `${q(t)} is shorter than ${n} characters` : null));
  }
  if (c.maxLength !== undefined) {
    const n = c.maxLength;
    checks.push((_v, t) => ([...t].length > n ? `${q(t)} is longer than ${n} characters` : null));
  }
  return checks;
}
