import type { Condition } from "../conditions/index.js";

/** A `relevant` expression in the condition language, or why it could not be translated. */
export type Translated = { condition: Condition } | { reason: string };

type Token = { kind: "ref" | "string" | "number" | "op" | "word" | "punct"; text: string };

const TOKEN = /\s*(?:(\$\{[^}]*\})|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)(?![\w.])|(!=|<=|>=|=|<|>)|([(),])|([A-Za-z_][\w:.-]*))/y;

function tokenize(expr: string): Token[] | string {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (expr.slice(at).trim() !== "") {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expr);
    if (!m) return `cannot read "${expr.slice(at).trim().slice(0, 20)}"`;
    at = TOKEN.lastIndex;
    if (m[1] !== undefined) out.push({ kind: "ref", text: m[1].slice(2, -1).trim() });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: "string", text: m[2] ?? m[3] ?? "" });
    else if (m[4] !== undefined) out.push({ kind: "number", text: m[4] });
    else if (m[5] !== undefined) out.push({ kind: "op", text: m[5] });
    else if (m[6] !== undefined) out.push({ kind: "punct", text: m[6] });
    else out.push({ kind: "word", text: m[7] as string });
  }
  return out;
}

class Untranslatable extends Error {}

/**
 * Translate an XLSForm `relevant` into the condition language when it is one of the simple
 * forms: comparisons of a question with a constant (`${q} = 'x'`, `!=`, `<`, `<=`, `>`, `>=`),
 * `selected(${q}, 'x')`, `and`, `or`, `not(...)` and parentheses. `numeric(q)` says whether a
 * question holds numbers (its constants are then numbers). Anything else (functions, arithmetic,
 * `.`, comparisons of two questions) is left untranslated, with the reason.
 */
export function translateRelevant(expr: string, known: (q: string) => "number" | "text" | null): Translated {
  const tokens = tokenize(expr);
  if (typeof tokens === "string") return { reason: tokens };
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const fail = (why: string): never => {
    throw new Untranslatable(why);
  };
  const expect = (text: string): void => {
    if (peek()?.text !== text) fail(`expected "${text}"${peek() ? ` before "${peek()?.text}"` : " at the end"}`);
    i++;
  };
  const field = (): { name: string; numeric: boolean } => {
    const t = peek();
    if (t?.kind !== "ref") return fail(t ? `"${t.text}" is not a question reference \${...}` : "a question reference is missing");
    i++;
    const type = known(t.text);
    if (type === null) return fail(`\${${t.text}} is not a question of the form`);
    return { name: t.text, numeric: type === "number" };
  };
  const constant = (numeric: boolean): string | number => {
    const t = peek();
    if (t?.kind !== "string" && t?.kind !== "number")
      return fail(t ? `"${t.kind === "ref" ? `\${${t.text}}` : t.text}" is not a constant` : "a constant is missing");
    i++;
    if (!numeric) return t.text;
    const n = Number(t.text);
    return t.text.trim() === "" || !Number.isFinite(n) ? fail(`'${t.text}' is not a number`) : n;
  };
  const primary = (): Condition => {
    const t = peek();
    if (t?.text === "(") {
      i++;
      const inner = or();
      expect(")");
      return inner;
    }
    if (t?.kind === "word" && t.text === "not") {
      i++;
      expect("(");
      const inner = or();
      expect(")");
      return { not: inner };
    }
    if (t?.kind === "word" && t.text === "selected") {
      i++;
      expect("(");
      const f = field();
      expect(",");
      const v = constant(false);
      expect(")");
      return { field: f.name, any_of: [v] };
    }
    if (t?.kind === "word") return fail(`the function or name "${t.text}" has no equivalent`);
    const f = field();
    const op = peek();
    if (op?.kind !== "op") return fail(op ? `"${op.text}" is not a comparison` : "a comparison is missing");
    i++;
    const next = peek();
    // `${q} = ''` asks whether the question was left blank.
    if (next?.kind === "string" && next.text === "" && (op.text === "=" || op.text === "!=")) {
      i++;
      return { field: f.name, missing: op.text === "=" };
    }
    switch (op.text) {
      case "=":
        return { field: f.name, equals: constant(f.numeric) };
      case "!=":
        return { not: { field: f.name, equals: constant(f.numeric) } };
      default: {
        if (!f.numeric) return fail(`"${op.text}" compares numbers but \${${f.name}} is not a number question`);
        const n = constant(true) as number;
        const key = ({ "<": "lt", "<=": "le", ">": "gt", ">=": "ge" } as const)[op.text as "<" | "<=" | ">" | ">="];
        return { field: f.name, [key]: n } as Condition;
      }
    }
  };
  const and = (): Condition => {
    const parts = [primary()];
    while (peek()?.kind === "word" && peek()?.text === "and") {
      i++;
      parts.push(primary());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { all: parts };
  };
  const or = (): Condition => {
    const parts = [and()];
    while (peek()?.kind === "word" && peek()?.text === "or") {
      i++;
      parts.push(and());
    }
    return parts.length === 1 ? (parts[0] as Condition) : { any: parts };
  };
  try {
    const condition = or();
    if (i < tokens.length) fail(`"${tokens[i]?.text}" after a complete condition`);
    return { condition };
  } catch (err) {
    if (err instanceof Untranslatable) return { reason: err.message };
    throw err;
  }
}
