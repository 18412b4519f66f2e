import type { TableSchema } from "../../table-schema/index.js";
import { booleanSpellings, missingTokenLabel, NEGATIVE_SENTINELS, POSITIVE_SENTINELS } from "./evidence.js";
import { normaliseName } from "./match-columns.js";
import type { Candidate, ColumnProfile, NumericStats } from "./profile.js";

/**
 * From a column's profile to a Table Schema field, with the evidence for each guess as one
 * line a person can read in the written study file. The rules, in order:
 *  1. a column whose answers are one yes/no pair (yes/no, oui/non, true/false...) is a boolean;
 *  2. else the first numeric type (integer before number, the file's decimal mark first) that
 *     reads every value, a few texts without digits aside, which become missing-value codes;
 *  3. else the first date format that reads every value;
 *  4. else text.
 * Integers with at most INTEGER_CATEGORY_MAX distinct values between 0 and CODE_MAX that repeat,
 * and texts with at most TEXT_CATEGORY_MAX distinct values that repeat, get categories.
 */

type FieldSpec = TableSchema["fields"][number];

/** A text column with at most this many distinct values (each seen more than once on average) is categorical. */
const TEXT_CATEGORY_MAX = 20;
/** An integer column with at most this many distinct values, all small codes, is coded answers (0/1, a 1–5 scale). */
const INTEGER_CATEGORY_MAX = 7;
/** Codes of coded answers lie in 0..CODE_MAX; larger integers (1296, 540) are quantities. */
const CODE_MAX = 10;
/** Codes without digits in a numeric column must be fewer than this share of its non-blank cells. */
const MAX_CODE_SHARE = 0.25;

type Suggestion = { kind: "proportion"; equals: true | 1 } | { kind: "distribution" } | { kind: "mean" } | null;

export interface InferredField {
  /** The column's header, as read. */
  column: string;
  spec: FieldSpec;
  /** What was inferred, on what evidence (one line). */
  evidence: string;
  suggestion: Suggestion;
  /** No blank, no code: a value in every row (design columns need one). */
  complete: boolean;
  /** Every value above zero (weights must be). */
  positive: boolean;
  /** Field-level codes (sentinels, texts in a numeric column): they need the schema's codes too. */
  ownCodes: { value: string; label: string }[];
}

const count = (n: number): string => n.toLocaleString("en-US");
const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? "" : "s"}`;
const quoteList = (values: readonly string[], max = 8): string =>
  values.length <= max ? values.join(", ") : `${values.slice(0, max).join(", ")}, … (${values.length - max} more)`;

/** Field names: the header in lower case, accents and punctuation folded to "_", starting with a letter. */
export function fieldNameOf(header: string, index: number): string {
  const base = normaliseName(header)
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (base === "") return `column_${index + 1}`;
  return /^[a-z]/.test(base) ? base : `v_${base}`;
}

function typeWords(spec: FieldSpec): string {
  if (spec.type === "date") return `date (${spec.format === "default" ? "YYYY-MM-DD" : spec.format})`;
  const marks = [
    spec.decimalChar === "," ? 'decimal comma ","' : "",
    spec.groupChar !== undefined ? `thousands grouped by ${JSON.stringify(spec.groupChar)}` : "",
  ].filter((s) => s !== "");
  return marks.length > 0 ? `${spec.type} (${marks.join(", ")})` : spec.type;
}

/** Sentinels proposed as codes: negative ones when all else is ≥ 0, positive ones above twice the maximum. */
function sentinelCodes(s: NumericStats): { codes: { value: number; why: string }[]; min: number; max: number } {
  let { min, max } = s;
  const codes: { value: number; why: string }[] = [];
  for (const [value, n] of [...s.sentinels].sort((a, b) => a[0] - b[0])) {
    const neg = NEGATIVE_SENTINELS.includes(value) && s.count > 0 && s.min >= 0;
    const pos = POSITIVE_SENTINELS.includes(value) && s.count > 0 && value > 2 * s.max && s.max > 0;
    if (neg || pos)
      codes.push({
        value,
        why: `${value} ×${count(n)} (${neg ? "negative, every other value is 0 or more" : `more than twice the largest other value, ${s.max}`})`,
      });
    else {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  return { codes, min, max };
}

function missingWords(p: ColumnProfile, codes: string[]): string {
  const parts = [
    p.blank > 0 ? `${count(p.blank)} blank` : "",
    ...[...p.tokens].sort((a, b) => a[0].localeCompare(b[0])).map(([t, n]) => `${t} ×${count(n)}`),
    ...codes,
  ].filter((s) => s !== "");
  return parts.length > 0 ? `; missing: ${parts.join(", ")}` : "";
}

/** The field for one column; `decimalMark` is the file's (from the columns with an unambiguous mark). */
export function inferField(p: ColumnProfile, index: number, rows: number, decimalMark: "." | ","): InferredField {
  const name = fieldNameOf(p.header, index);
  const title = p.header.trim() === "" ? name : p.header.trim();
  const present = p.present;
  const base = { column: p.header, complete: present === rows, positive: false, ownCodes: [] as InferredField["ownCodes"] };
  const distinct = p.distinct === null ? null : [...p.distinct.keys()];
  if (present === 0)
    return {
      ...base,
      spec: { name, type: "string", title },
      evidence: `text: no value in ${plural(rows, "row")}${missingWords(p, [])}; no indicator`,
      suggestion: null,
    };

  // 1. Yes/no.
  const yesNo = distinct ? booleanSpellings(distinct) : null;
  if (yesNo && p.distinct)
    return {
      ...base,
      spec: { name, type: "boolean", title, trueValues: yesNo.trueValues, falseValues: yesNo.falseValues },
      evidence: `boolean: ${distinct?.length} distinct values in ${plural(rows, "row")}: ${[...p.distinct].map(([v, n]) => `${v} ${count(n)}`).join(", ")}${missingWords(p, [])}`,
      suggestion: { kind: "proportion", equals: true },
    };

  // 2–3. Numbers, then dates, with a few texts as codes.
  const usable = (c: Candidate): boolean => [...c.failures.values()].reduce((a, b) => a + b, 0) < MAX_CODE_SHARE * present;
  const chosen = p.alive(decimalMark).find(usable);
  if (chosen) return typedField(p, chosen, name, title, rows, base);

  // 4. Text.
  const repeats = distinct !== null && distinct.length < present;
  if (distinct && p.distinct && distinct.length <= TEXT_CATEGORY_MAX && repeats) {
    const sorted = [...p.distinct].sort((a, b) => a[0].localeCompare(b[0], "en"));
    return {
      ...base,
      spec: { name, type: "string", title, categories: sorted.map(([v]) => v) },
      evidence: `categories: ${plural(distinct.length, "distinct value")} in ${plural(rows, "row")} (at most ${TEXT_CATEGORY_MAX} make a categorical field): ${quoteList(
        sorted.map(([v, n]) => `${v} ${count(n)}`),
        20,
      )}${missingWords(p, [])}`,
      suggestion: distinct.length > 1 ? { kind: "distribution" } : null,
    };
  }
  const many = distinct === null ? `more than ${count(100)}` : count(distinct.length);
  return {
    ...base,
    spec: { name, type: "string", title },
    evidence: `text: ${many} distinct values in ${plural(rows, "row")}, too many for categories (at most ${TEXT_CATEGORY_MAX}); no indicator${missingWords(p, [])}`,
    suggestion: null,
  };
}

function typedField(
  p: ColumnProfile,
  c: Candidate,
  name: string,
  title: string,
  rows: number,
  base: Omit<InferredField, "spec" | "evidence" | "suggestion">,
): InferredField {
  const spec: FieldSpec = { name, type: c.spec.type, title };
  if (c.spec.format !== undefined) spec.format = c.spec.format;
  if (c.spec.decimalChar !== undefined) spec.decimalChar = c.spec.decimalChar;
  if (c.spec.groupChar !== undefined) spec.groupChar = c.spec.groupChar;
  const textCodes = [...c.failures].sort((a, b) => a[0].localeCompare(b[0]));
  const codeWords = textCodes.map(([t, n]) => `${t} ×${count(n)} (text in a ${c.spec.type} column)`);
  const ownCodes = textCodes.map(([t]) => ({ value: t, label: missingTokenLabel(t) ?? "code" }));
  const codeCells = textCodes.reduce((a, [, n]) => a + n, 0);
  if (c.dates)
    return {
      ...base,
      complete: base.complete && codeCells === 0,
      ownCodes,
      spec,
      evidence: `${typeWords(spec)}: every value read, ${c.dates.min} to ${c.dates.max}${missingWords(p, codeWords)}; no indicator`,
      suggestion: null,
    };
  const stats = c.numbers as NumericStats;
  const sentinels = sentinelCodes(stats);
  for (const s of sentinels.codes) {
    ownCodes.push({ value: String(s.value), label: "code" });
    codeWords.push(s.why);
  }
  const sentinelCells = sentinels.codes.reduce((a, s) => a + (stats.sentinels.get(s.value) ?? 0), 0);
  const values = p.present - codeCells - sentinelCells;
  const complete = base.complete && codeCells + sentinelCells === 0;
  const range = values > 0 ? `, ${sentinels.min} to ${sentinels.max}` : "";
  const levels = categoryLevels(
    p,
    c,
    sentinels.codes.map((s) => s.value),
  );
  if (
    spec.type === "integer" &&
    levels &&
    levels.length <= INTEGER_CATEGORY_MAX &&
    levels.length < values &&
    levels.every((v) => v >= 0 && v <= CODE_MAX)
  ) {
    spec.categories = levels;
    const binary = levels.length === 2 && levels[0] === 0 && levels[1] === 1;
    return {
      ...base,
      complete,
      positive: sentinels.min > 0,
      ownCodes,
      spec,
      evidence: `integer with categories: ${plural(levels.length, "distinct value")} in ${plural(rows, "row")} (at most ${INTEGER_CATEGORY_MAX} codes from 0 to ${CODE_MAX} make coded answers): ${levels.join(", ")}${missingWords(p, codeWords)}`,
      suggestion: binary ? { kind: "proportion", equals: 1 } : levels.length > 1 ? { kind: "distribution" } : null,
    };
  }
  const whole = spec.type === "number" && stats.whole ? " (all whole)" : "";
  return {
    ...base,
    complete,
    positive: values > 0 && sentinels.min > 0,
    ownCodes,
    spec,
    evidence: `${typeWords(spec)}: ${plural(values, "value")}${whole}${range}${missingWords(p, codeWords)}`,
    suggestion: values > 0 ? { kind: "mean" } : null,
  };
}

/** The integer values of a column with few distinct ones, codes aside, sorted; null when too many. */
function categoryLevels(p: ColumnProfile, c: Candidate, codes: number[]): number[] | null {
  if (p.distinct === null || c.spec.type !== "integer") return null;
  const levels = new Set<number>();
  for (const text of p.distinct.keys()) {
    const v = c.cast(text);
    if (typeof v === "number" && !codes.includes(v)) levels.add(v);
  }
  return [...levels].sort((a, b) => a - b);
}
