import { type IssueTexts, readableValue } from "../vocabulary/index.js";
import type { FieldSpec } from "./descriptor.js";

/**
 * Value checks for one field, built once. Each takes a typed value and its cell text and
 * returns null when satisfied, or what is wrong ("17 is below the minimum 18"). They run only
 * on values that cast: a type error skips them.
 */
export type ValueCheck = (value: string | number | boolean, text: string) => string | null;

const q = (text: string): string => readableValue(text);
/** Long lists of allowed values are cut: the message must stay readable. */
function allowedList(values: readonly unknown[], t: IssueTexts): string {
  const shown = values.slice(0, 12).map(String).join(", ");
  return values.length > 12 ? t.longList(shown, values.length) : shown;
}

export function valueChecks(f: FieldSpec, t: IssueTexts): ValueCheck[] {
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
        return unknown === undefined ? null : t.notChoice(q(unknown), allowedList(values, t));
      });
    else checks.push((v, text) => (set.has(v) ? null : t.notCategory(q(text), allowedList(values, t))));
  }
  if (c.enum) {
    const allowed = c.enum;
    const set = new Set(allowed.map(String));
    checks.push((v, text) => (set.has(String(v)) ? null : t.notAllowed(q(text), allowedList(allowed, t))));
  }
  // Bounds compare numbers with numbers and ISO dates with ISO dates (strings sort like dates).
  const bound = (limit: number | string, fails: (v: number | string) => boolean, says: (value: string, limit: string) => string): void => {
    checks.push((v, text) => (typeof v !== "boolean" && fails(v) ? says(q(text), String(limit)) : null));
  };
  if (c.minimum !== undefined) {
    const m = c.minimum;
    bound(m, (v) => v < m, t.belowMinimum);
  }
  if (c.maximum !== undefined) {
    const m = c.maximum;
    bound(m, (v) => v > m, t.aboveMaximum);
  }
  if (c.exclusiveMinimum !== undefined) {
    const m = c.exclusiveMinimum;
    bound(m, (v) => v <= m, t.notAboveExclusiveMinimum);
  }
  if (c.exclusiveMaximum !== undefined) {
    const m = c.exclusiveMaximum;
    bound(m, (v) => v >= m, t.notBelowExclusiveMaximum);
  }
  if (c.pattern !== undefined) {
    // Table Schema patterns match the whole value.
    const re = new RegExp(`^(?:${c.pattern})$`, "u");
    const p = c.pattern;
    checks.push((_v, text) => (re.test(text) ? null : t.noPatternMatch(q(text), p)));
  }
  if (c.minLength !== undefined) {
    const n = c.minLength;
    checks.push((_v, text) => ([...text].length < n ? t.tooShort(q(text), n) : null));
  }
  if (c.maxLength !== undefined) {
    const n = c.maxLength;
    checks.push((_v, text) => ([...text].length > n ? t.tooLong(q(text), n) : null));
  }
  return checks;
}
