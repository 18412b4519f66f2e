import type { z } from "zod";
import type { StudyMessages } from "../messages/en.js";
import { isIndicatorKind, kindsTaking, requiredBecause } from "./union.js";

/**
 * Sentences for what zod finds wrong inside one indicator, where the generic wording would not
 * say what to do: a key of another kind ("when" on a mean) and a key the kind requires.
 * `key` is the indicator key the sentence is about (its line is the one to show); `m` words it.
 */
export function describeIndicatorIssue(
  issue: z.core.$ZodIssue,
  path: readonly PropertyKey[],
  indicator: unknown,
  m: StudyMessages,
): { key: string; message: string } | null {
  const fields = typeof indicator === "object" && indicator !== null ? new Map(Object.entries(indicator)) : new Map<string, unknown>();
  const kind = fields.get("kind");
  if (!isIndicatorKind(kind)) return null;
  const id = fields.get("id");
  if (issue.code === "unrecognized_keys" && path.length === 0) {
    const key = issue.keys[0];
    const takers = key === undefined ? [] : kindsTaking(key);
    if (key === undefined || takers.length === 0) return null;
    return { key, message: m.notForKind(key, typeof id === "string" ? id : null, kind, takers) };
  }
  const [key] = path;
  const absent = path.length === 1 && typeof key === "string" && fields.get(key) === undefined;
  // A missing enum (a regression's `family`) is zod's invalid_value, the others' invalid_type.
  if (absent && (issue.code === "invalid_type" || issue.code === "invalid_union" || issue.code === "invalid_value")) {
    const why = requiredBecause(kind, key);
    if (why !== undefined) return { key, message: m.requiredForKind(kind, m[why]) };
  }
  return null;
}

/**
 * Of zod's issues, the one to report. Within the first faulty indicator, a key of another kind
 * (or a misspelt one) says more than the key the kind then misses: `kind: mean` with `numerator`
 * and `denominator` most likely means a ratio, and "numerator does not apply" says so.
 */
export function issueToReport(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue | undefined {
  const first = issues[0];
  const [top, index] = first?.path ?? [];
  if (top !== "indicators" || typeof index !== "number") return first;
  const sameIndicator = (i: z.core.$ZodIssue): boolean => i.path.length === 2 && i.path[0] === top && i.path[1] === index;
  return issues.find((i) => i.code === "unrecognized_keys" && sameIndicator(i)) ?? first;
}
