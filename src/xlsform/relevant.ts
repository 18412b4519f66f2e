import type { Condition } from "../conditions/index.js";

/**
 * Why a `relevant` could not be translated, by code with the text it names (null: nothing there),
 * worded in the language of the study file's comments (study/scaffold/comments).
 */
export type UntranslatedReason =
  | { code: "unreadable"; text: string }
  | { code: "expected"; text: string; before: string | null }
  | { code: "not-reference"; text: string | null }
  | { code: "unknown-question"; name: string }
  | { code: "not-constant"; text: string | null }
  | { code: "not-number"; text: string }
  | { code: "no-equivalent"; name: string }
  | { code: "not-comparison"; text: string | null }
  | { code: "numbers-only"; op: string; name: string }
  | { code: "trailing"; text: string };

/** A `relevant` expression in the condition language, or why it could not be translated. */
export type Translated = { condition: Condition } | { reason: UntranslatedReason };

type Token = { kind: "ref" | "string" | "number" | "op" | "word" | "punct"; text: string };

const TOKEN = /\s*(?:(\$\{[^}]*\})|'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?)(?![\w.])|(!=|<=|>=|=|<|>)|([(),])|([A-Za-z_][\w:.-]*))/y;

function tokenize(expr: string): Token[] | UntranslatedReason {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  while (expr.slice(at).trim() !== "") {
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(expr);
    if (!m) return { code: "unreadable", text: expr.slice(at).trim().slice(0, 20) };
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

class Untranslatable extends Error {
  constructor(readonly reason: UntranslatedReason) {
    super(reason.code);
  }
}

/**
 * Translate an XLSForm `relevant` into the condition language when it is one of the simple
 * forms: comparisons of a question with a constant (`${q} = 'x'`, `!=`, `<`, `<=`, `>`, `>=`),
 * `selected(${q}, 'x')`, `and`, `or`, `not(...)` and parentheses. `numeric(q)` says whether a
 * question holds numbers (its constants are then numbers). Anything else (functions, arithmetic,
 * `.`, comparisons of two questions) is left untranslated, with the reason.
 */
export function translateRelevant(expr: string, known: (q: string) => "number" | "text" | null): Translated {
  const tokens = tokenize(expr);
  if (!Array.isArray(tokens)) return { reason: tokens };
  let i = 0;
  const peek = (): Token | undefined => tokens[i];
  const fail = (why: UntranslatedReason): never => {
    throw new Untranslatable(why);
  };
  const expect = (text: string): void => {
    if (peek()?.text !== text) fail({ code: "expected", text, before: peek()?.text ?? null });
    i++;
  };
  const field = (): { name: string; numeric: boolean } => {
    const t = peek();
    if (t?.kind !== "ref") return fail({ code: "not-reference", text: t?.text ?? null });
    i++;
    const type = known(t.text);
    if (type === null) return fail({ code: "unknown-question", name: t.text });
    return { name: t.text, numeric: type === "number" };
  };
  const constant = (numeric: boolean): string | number => {
    const t = peek();
    if (t?.kind !== "string" && t?.kind !== "number")
      return fail({ code: "not-constant", text: t ? (t.kind === "ref" ? `\${${t.text}}` : t.text) : null });
    i++;
    if (!numeric) return t.text;
    const n = Number(t.text);
    return t.text.trim() === "" || !Number.isFinite(n) ? fail({ code: "not-number", text: t.text }) : n;
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
    if (t?.kind === "word") return fail({ code: "no-equivalent", name: t.text });
    const f = field();
    const op = peek();
    if (op?.kind !== "op") return fail({ code: "not-comparison", text: op?.text ?? null });
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
        if (!f.numeric) return fail({ code: "numbers-only", op: op.text, name: f.name });
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
    if (i < tokens.length) fail({ code: "trailing", text: tokens[i]?.text ?? "" });
    return { condition };
  } catch (err) {
    if (err instanceof Untranslatable) return { reason: err.reason };
    throw err;
  }
}
