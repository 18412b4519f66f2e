import type { z } from "zod";
import { ONE_TEST } from "../conditions/index.js";
import { issueTexts, type IssueTexts } from "../vocabulary/index.js";

/**
 * Turns zod issues into sentences a person can act on: where in the file (a JSON path such as
 * `fields[3].constraints.minimum`) and what would fix it ("expected a number, got "ten"").
 * Shared by schema files and anything else loaded from JSON/YAML with zod.
 */
export interface Problem {
  /** JSON path inside the file, e.g. `fields[3].constraints.minimum`; "" for the top level. */
  path: string;
  /** What is wrong and what would fix it, without the location. */
  problem: string;
}

function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const seg of path) {
    if (typeof seg === "number") out += `[${seg}]`;
    else if (typeof seg === "string" && /^[A-Za-z_$][\w$]*$/.test(seg)) out += out === "" ? seg : `.${seg}`;
    else out += `[${JSON.stringify(String(seg))}]`;
  }
  return out;
}

/** The value at a path in the raw document, shown back to the user. */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const seg of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[seg as string];
  }
  return v;
}

type Words = IssueTexts["schemaProblem"];

function shown(v: unknown, t: Words): string {
  if (v === undefined) return t.nothing;
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

type ZodIssue = z.core.$ZodIssue;

/**
 * A union failed on every branch. Pick the branch that came closest (the one whose errors are
 * fewest and deepest), so `{ "value": "NR" }` says "label is required" rather than
 * "expected a string".
 */
function closestBranch(branches: ZodIssue[][]): ZodIssue[] | null {
  let best: ZodIssue[] | null = null;
  let bestScore = Infinity;
  for (const issues of branches) {
    let score = 0;
    for (const i of issues) {
      if (i.code === "invalid_type" && i.path.length === 0) score += 100;
      else if (i.code === "invalid_union" && i.path.length === 0) score += 50;
      else if (i.code === "unrecognized_keys") score += i.keys.length;
      else if (i.code === "invalid_type") score += 2;
      else score += 1;
    }
    if (score < bestScore) {
      bestScore = score;
      best = issues;
    }
  }
  return bestScore >= 50 ? null : best;
}

/** The problems zod found, worded in `lang`. */
export function zodProblems(error: z.ZodError, raw: unknown, lang?: "en" | "fr"): Problem[] {
  const t = issueTexts(lang).schemaProblem;
  const out: Problem[] = [];
  const visit = (issue: ZodIssue, prefix: readonly PropertyKey[]): void => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "invalid_union") {
      const branch = closestBranch(issue.errors);
      if (branch) {
        for (const sub of branch) visit(sub, path);
        return;
      }
    }
    // A single unknown key is located at the key itself: `fields[0].constraint`.
    const at = issue.code === "unrecognized_keys" && issue.keys.length === 1 ? [...path, issue.keys[0] as string] : path;
    out.push({ path: formatPath(at), problem: describe(issue, valueAt(raw, path), t) });
  };
  for (const issue of error.issues) visit(issue, []);
  return out;
}

/** A union's refusal (written in English in descriptor.ts, or zod's) in `t`'s language; any other as it is. */
function ownMessage(message: string, t: Words): string {
  const english = issueTexts().schemaProblem.unions;
  const key = (Object.keys(english) as (keyof typeof english)[]).find((k) => english[k] === message);
  return key === undefined ? message : t.unions[key];
}

function describe(issue: ZodIssue, value: unknown, t: Words): string {
  const got = shown(value, t);
  switch (issue.code) {
    case "invalid_type": {
      const want = t.types[issue.expected] ?? issue.expected;
      return value === undefined ? t.required(want) : t.expected(want, got);
    }
    case "invalid_value":
      return t.oneOf(issue.values.map((v) => JSON.stringify(v)).join(", "), got);
    case "unrecognized_keys":
      return t.unknownKeys(issue.keys.map((k) => `"${k}"`).join(", "), issue.keys.length);
    case "too_small":
      if (issue.origin === "array") return t.atLeastItems(String(issue.minimum));
      if (issue.origin === "string") return t.stringAtLeast(String(issue.minimum), got);
      return t.valueAtLeast(String(issue.minimum), got);
    case "too_big":
      if (issue.origin === "string") return t.stringAtMost(String(issue.maximum), got);
      return t.valueAtMost(String(issue.maximum), got);
    default:
      // Custom messages (refinements, union fallbacks) are already written for people; ours by code.
      return t.custom(issue.code === "custom" && issue.params?.code === ONE_TEST ? t.conditionOneTest : ownMessage(issue.message, t), got);
  }
}
