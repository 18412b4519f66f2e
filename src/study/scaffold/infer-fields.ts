import type { TableSchema } from "../../table-schema/index.js";
import type { ScaffoldComments } from "./comments/en.js";
import { type MissingCode, missingCode } from "./comments/index.js";
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
  ownCodes: MissingCode[];
  /** The distinct values seen (not blank, not a recognised token), or null when there were more than a hundred. */
  observed: string[] | null;
}

const quoteList = (c: ScaffoldComments, values: readonly string[], max = 8): string =>
  values.length <= max ? values.join(", ") : `${values.slice(0, max).join(", ")}, ${c.more(values.length - max)}`;

/** Field names: the header in lower case, accents and punctuation folded to "_", starting with a letter. */
export function fieldNameOf(header: string, index: number): string {
  const base = normaliseName(header)
    .replace(/[^a-z0-9_]+/g, "_")
    .replace(/_+/g, "_")
    .replace(/^_|_$/g, "");
  if (base === "") return `column_${index + 1}`;
  return /^[a-z]/.test(base) ? base : `v_${base}`;
}

function typeWords(spec: FieldSpec, c: ScaffoldComments): string {
  if (spec.type === "date") return c.dateType(spec.format === "default" || spec.format === undefined ? null : spec.format);
  const marks = [
    spec.decimalChar === "," ? c.decimalComma : "",
    spec.groupChar !== undefined ? c.thousands(JSON.stringify(spec.groupChar)) : "",
  ].filter((s) => s !== "");
  return marks.length > 0 ? `${c.typeName(spec.type)} (${marks.join(", ")})` : c.typeName(spec.type);
}

/** Sentinels proposed as codes: negative ones when all else is ≥ 0, positive ones above twice the maximum. */
function sentinelCodes(s: NumericStats, c: ScaffoldComments): { codes: { value: number; why: string }[]; min: number; max: number } {
  let { min, max } = s;
  const codes: { value: number; why: string }[] = [];
  for (const [value, n] of [...s.sentinels].sort((a, b) => a[0] - b[0])) {
    const neg = NEGATIVE_SENTINELS.includes(value) && s.count > 0 && s.min >= 0;
    const pos = POSITIVE_SENTINELS.includes(value) && s.count > 0 && value > 2 * s.max && s.max > 0;
    if (neg || pos)
      codes.push({
        value,
        why: c.sentinel(value, n, neg ? null : s.max),
      });
    else {
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
  }
  return { codes, min, max };
}

function missingWords(p: ColumnProfile, codes: string[], c: ScaffoldComments): string {
  const parts = [
    p.blank > 0 ? c.blankCells(p.blank) : "",
    ...[...p.tokens].sort((a, b) => a[0].localeCompare(b[0])).map(([t, n]) => `${t} ×${c.count(n)}`),
    ...codes,
  ].filter((s) => s !== "");
  return parts.length > 0 ? `${c.sep}${c.missingPart(parts.join(", "))}` : "";
}

/** The field for one column; `decimalMark` is the file's (from the columns with an unambiguous mark). */
export function inferField(p: ColumnProfile, index: number, rows: number, decimalMark: "." | ",", c: ScaffoldComments): InferredField {
  const name = fieldNameOf(p.header, index);
  const title = p.header.trim() === "" ? name : p.header.trim();
  const present = p.present;
  const distinct = p.distinct === null ? null : [...p.distinct.keys()];
  const base = {
    column: p.header,
    complete: present === rows,
    positive: false,
    ownCodes: [] as InferredField["ownCodes"],
    observed: distinct,
  };
  if (present === 0)
    return {
      ...base,
      spec: { name, type: "string", title },
      evidence: `${c.emptyText(rows)}${missingWords(p, [], c)}${c.sep}${c.noIndicator}`,
      suggestion: null,
    };

  // 1. Yes/no.
  const yesNo = distinct ? booleanSpellings(distinct) : null;
  if (yesNo && p.distinct)
    return {
      ...base,
      spec: { name, type: "boolean", title, trueValues: yesNo.trueValues, falseValues: yesNo.falseValues },
      evidence: `${c.booleanField(
        distinct?.length ?? 0,
        rows,
        [...p.distinct].map(([v, n]) => `${v} ${c.count(n)}`).join(", "),
      )}${missingWords(p, [], c)}`,
      suggestion: { kind: "proportion", equals: true },
    };

  // 2–3. Numbers, then dates, with a few texts as codes.
  const usable = (c: Candidate): boolean => [...c.failures.values()].reduce((a, b) => a + b, 0) < MAX_CODE_SHARE * present;
  const chosen = p.alive(decimalMark).find(usable);
  if (chosen) return typedField(p, chosen, name, title, rows, base, c);

  // 4. Text.
  const repeats = distinct !== null && distinct.length < present;
  if (distinct && p.distinct && distinct.length <= TEXT_CATEGORY_MAX && repeats) {
    const sorted = [...p.distinct].sort((a, b) => a[0].localeCompare(b[0], "en"));
    return {
      ...base,
      spec: { name, type: "string", title, categories: sorted.map(([v]) => v) },
      evidence: `${c.categoriesField(
        distinct.length,
        rows,
        TEXT_CATEGORY_MAX,
        quoteList(
          c,
          sorted.map(([v, n]) => `${v} ${c.count(n)}`),
          20,
        ),
      )}${missingWords(p, [], c)}`,
      suggestion: distinct.length > 1 ? { kind: "distribution" } : null,
    };
  }
  return {
    ...base,
    spec: { name, type: "string", title },
    evidence: `${c.manyText(distinct === null ? null : distinct.length, rows, TEXT_CATEGORY_MAX)}${c.sep}${c.noIndicator}${missingWords(p, [], c)}`,
    suggestion: null,
  };
}

function typedField(
  p: ColumnProfile,
  candidate: Candidate,
  name: string,
  title: string,
  rows: number,
  base: Omit<InferredField, "spec" | "evidence" | "suggestion">,
  c: ScaffoldComments,
): InferredField {
  const spec: FieldSpec = { name, type: candidate.spec.type, title };
  if (candidate.spec.format !== undefined) spec.format = candidate.spec.format;
  if (candidate.spec.decimalChar !== undefined) spec.decimalChar = candidate.spec.decimalChar;
  if (candidate.spec.groupChar !== undefined) spec.groupChar = candidate.spec.groupChar;
  const textCodes = [...candidate.failures].sort((a, b) => a[0].localeCompare(b[0]));
  const codeWords = textCodes.map(([t, n]) => c.textCode(t, n, candidate.spec.type));
  const ownCodes = textCodes.map(([t]) => missingCode(t, missingTokenLabel(t) ?? "code", c));
  const codeCells = textCodes.reduce((a, [, n]) => a + n, 0);
  if (candidate.dates)
    return {
      ...base,
      complete: base.complete && codeCells === 0,
      ownCodes,
      spec,
      evidence: `${c.datesField(typeWords(spec, c), candidate.dates.min, candidate.dates.max)}${missingWords(p, codeWords, c)}${c.sep}${c.noIndicator}`,
      suggestion: null,
    };
  const stats = candidate.numbers as NumericStats;
  const sentinels = sentinelCodes(stats, c);
  for (const s of sentinels.codes) {
    ownCodes.push(missingCode(String(s.value), "code", c));
    codeWords.push(s.why);
  }
  const sentinelCells = sentinels.codes.reduce((a, s) => a + (stats.sentinels.get(s.value) ?? 0), 0);
  const values = p.present - codeCells - sentinelCells;
  const complete = base.complete && codeCells + sentinelCells === 0;
  const levels = categoryLevels(
    p,
    candidate,
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
      evidence: `${c.integerCategories(levels.length, rows, INTEGER_CATEGORY_MAX, CODE_MAX, levels.join(", "))}${missingWords(p, codeWords, c)}`,
      suggestion: binary ? { kind: "proportion", equals: 1 } : levels.length > 1 ? { kind: "distribution" } : null,
    };
  }
  const whole = spec.type === "number" && stats.whole;
  return {
    ...base,
    complete,
    positive: values > 0 && sentinels.min > 0,
    ownCodes,
    spec,
    evidence: `${c.numbersField(typeWords(spec, c), values, whole, values > 0 ? sentinels.min : null, sentinels.max)}${missingWords(p, codeWords, c)}`,
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
