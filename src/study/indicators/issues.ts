import type { z } from "zod";
import { isIndicatorKind, kindsTaking, requiredBecause } from "./union.js";

/**
 * Sentences for what zod finds wrong inside one indicator, where the generic wording would not
 * say what to do: a key of another kind ("when" on a mean) and a key the kind requires.
 * `key` is the indicator key the sentence is about (its line is the one to show).
 */
export function describeIndicatorIssue(
  issue: z.core.$ZodIssue,
  path: readonly PropertyKey[],
  indicator: unknown,
): { key: string; message: string } | null {
  const fields = typeof indicator === "object" && indicator !== null ? new Map(Object.entries(indicator)) : new Map<string, unknown>();
  const kind = fields.get("kind");
  if (!isIndicatorKind(kind)) return null;
  const id = fields.get("id");
  const who = typeof id === "string" ? `indicator "${id}" (kind ${kind})` : `an indicator of kind ${kind}`;
  if (issue.code === "unrecognized_keys" && path.length === 0) {
    const key = issue.keys[0];
    const takers = key === undefined ? [] : kindsTaking(key);
    if (key === undefined || takers.length === 0) return null;
    return { key, message: `"${key}" does not apply to ${who}; only ${listed(takers)} indicators take it` };
  }
  const [key] = path;
  const absent = path.length === 1 && typeof key === "string" && fields.get(key) === undefined;
  if (absent && (issue.code === "invalid_type" || issue.code === "invalid_union")) {
    const why = requiredBecause(kind, key);
    if (why !== undefined) return { key, message: `required for kind "${kind}": ${why}` };
  }
  return null;
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
