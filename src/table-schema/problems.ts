import type { z } from "zod";

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

function shown(v: unknown): string {
  if (v === undefined) return "nothing";
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 39)}…` : s;
}

const typeNames: Record<string, string> = {
  number: "a number",
  int: "an integer",
  string: "a string (in quotes)",
  boolean: "true or false",
  array: "a list [...]",
  object: "an object {...}",
};

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

export function zodProblems(error: z.ZodError, raw: unknown): Problem[] {
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
    out.push({ path: formatPath(at), problem: describe(issue, valueAt(raw, path)) });
  };
  for (const issue of error.issues) visit(issue, []);
  return out;
}

function describe(issue: ZodIssue, value: unknown): string {
  switch (issue.code) {
    case "invalid_type": {
      const want = typeNames[issue.expected] ?? issue.expected;
      return value === undefined ? `a value is required here: expected ${want}` : `expected ${want}, got ${shown(value)}`;
    }
    case "invalid_value":
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}, got ${shown(value)}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}: remove ${issue.keys.length > 1 ? "them" : "it"} or check the spelling`;
    case "too_small":
      if (issue.origin === "array") return `expected at least ${String(issue.minimum)} item(s)`;
      if (issue.origin === "string") return `expected a string of at least ${String(issue.minimum)} character(s), got ${shown(value)}`;
      return `expected a value of at least ${String(issue.minimum)}, got ${shown(value)}`;
    case "too_big":
      if (issue.origin === "string") return `expected a string of at most ${String(issue.maximum)} character(s), got ${shown(value)}`;
      return `expected at most ${String(issue.maximum)}, got ${shown(value)}`;
    default:
      // Custom messages (refinements, union fallbacks) are already written for people.
      return `${issue.message}, got ${shown(value)}`;
  }
}
