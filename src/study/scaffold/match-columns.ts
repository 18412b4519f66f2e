/**
 * Which column of a new wave's export feeds each field of the base schema (for `init`). Passes,
 * most certain first, each only over what is still unmatched:
 *  0. the base study's own `rename` (an export that keeps last year's headers);
 *  1. the same name after normalising case, spaces, hyphens and accents;
 *  2. a similar name (normalised edit distance, or shared name tokens), when the column's
 *     values are compatible with the field;
 *  3. the values alone: a column whose sampled values all fit one field's categories;
 *  4. the distribution alone, for numeric fields: a column whose numbers are whole when the base
 *     data's are, and whose range overlaps theirs most (`Pondération` for `weight`).
 */
import { distance } from "fastest-levenshtein";

export interface FieldInfo {
  name: string;
  type: string;
  /** Category values, or null for a field without categories. */
  categories: string[] | null;
  /** Missing-value codes that may appear instead of a value. */
  missing: string[];
  /** Numeric fields: a cell read as the base schema reads it (decimal mark, groups), else null. */
  toNumber?: (text: string) => number | null;
  /** Numeric fields: the base data's numbers, when they could be read. */
  numbers?: NumberSummary | null;
}

/** What pass 4 compares: the range of a numeric column and whether all its values are whole. */
export interface NumberSummary {
  min: number;
  max: number;
  whole: boolean;
}

export interface ColumnSample {
  name: string;
  /** Sampled cells, as read. */
  values: string[];
}

type MatchHow = "rename" | "name" | "similarity" | "values" | "distribution";

interface ColumnMatch {
  field: string;
  column: string;
  how: MatchHow;
  /** similarity: the name score (0–1); values: the share of sampled values that fit; distribution: the ranges' overlap. */
  score: number;
}

export interface MatchResult {
  matches: ColumnMatch[];
  /** Schema fields no column feeds. */
  unmatchedFields: string[];
  /** Columns feeding no field. */
  unmatchedColumns: string[];
  /** Columns left unmatched because their values fit several fields equally well. */
  ambiguous: { column: string; fields: string[] }[];
  /** Values of matched categorical columns that are not among the field's categories. */
  newValues: { field: string; values: string[] }[];
}

/** Accept a similar name at or above this score. */
const SIMILARITY_THRESHOLD = 0.5;
/** Accept a value match when at least this share of non-missing sampled values fit (a new wave may add answers). */
const VALUE_FIT_THRESHOLD = 0.8;
/** Accept a distribution match when the two ranges overlap on at least this share of their union. */
const RANGE_OVERLAP_THRESHOLD = 0.5;

export function normaliseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s_\-.]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

/**
 * Name similarity in [0, 1]: the better of 1 − edit distance / longer length (typos, small
 * rewordings) and the share of the shorter name's tokens found in the other (internet_use ~
 * internet_frequency share "internet").
 */
export function nameSimilarity(a: string, b: string): number {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === "" || y === "") return 0;
  const edit = 1 - distance(x, y) / Math.max(x.length, y.length);
  const tx = new Set(x.split("_").filter((t) => t.length > 1));
  const ty = new Set(y.split("_").filter((t) => t.length > 1));
  const shared = [...tx].filter((t) => ty.has(t)).length;
  const overlap = Math.min(tx.size, ty.size) > 0 ? shared / Math.min(tx.size, ty.size) : 0;
  return Math.max(edit, overlap);
}

/** Share of the non-missing sampled values that the field could hold; null with none to judge. */
function valueFit(field: FieldInfo, values: readonly string[]): number | null {
  const present = values.map((v) => v.trim()).filter((v) => !field.missing.includes(v) && v !== "");
  if (present.length === 0) return null;
  const fits = (v: string): boolean => {
    if (field.categories) return field.categories.includes(v);
    if (field.toNumber) return field.toNumber(v) !== null;
    if (field.type === "integer") return /^[-+]?\d+$/.test(v);
    if (field.type === "number") return /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(v);
    return true;
  };
  return present.filter(fits).length / present.length;
}

/** The numbers of a sample, or null when one present value is not a number of the field. */
export function summarise(values: readonly (number | null)[]): NumberSummary | null {
  if (values.length === 0 || values.some((v) => v === null)) return null;
  const nums = values as number[];
  return { min: Math.min(...nums), max: Math.max(...nums), whole: nums.every((n) => Number.isInteger(n)) };
}

/** How well a column's numbers fit a numeric field's base data: the ranges' overlap over their union; 0 if wholeness differs. */
function distributionFit(field: FieldInfo, values: readonly string[]): number {
  if (!field.numbers || !field.toNumber) return 0;
  const read = field.toNumber;
  const present = values.map((v) => v.trim()).filter((v) => v !== "" && !field.missing.includes(v));
  const s = summarise(present.map((v) => read(v)));
  const f = field.numbers;
  if (s === null || s.whole !== f.whole) return 0;
  const span = Math.max(s.max, f.max) - Math.min(s.min, f.min);
  return span === 0 ? 1 : Math.max(0, Math.min(s.max, f.max) - Math.max(s.min, f.min)) / span;
}

export function matchColumns(
  fields: readonly FieldInfo[],
  columns: readonly ColumnSample[],
  baseRename: Readonly<Record<string, string>> = {},
): MatchResult {
  const matches: ColumnMatch[] = [];
  const freeFields = new Set(fields.map((f) => f.name));
  const freeColumns = new Set(columns.map((c) => c.name));
  const take = (m: ColumnMatch): void => {
    matches.push(m);
    freeFields.delete(m.field);
    freeColumns.delete(m.column);
  };

  // 0. The base study's rename, as validation reads it (case and surrounding spaces ignored).
  const label = (x: string): string => x.trim().normalize("NFC").toLowerCase();
  const renamed = new Map(Object.entries(baseRename).map(([from, to]) => [label(from), label(to)]));
  for (const c of columns) {
    const to = renamed.get(label(c.name));
    const f = to === undefined ? undefined : fields.find((x) => freeFields.has(x.name) && label(x.name) === to);
    if (f && freeColumns.has(c.name)) take({ field: f.name, column: c.name, how: "rename", score: 1 });
  }

  // 1. Same name once normalised.
  for (const f of fields) {
    const c = columns.find((col) => freeColumns.has(col.name) && normaliseName(col.name) === normaliseName(f.name));
    if (c) take({ field: f.name, column: c.name, how: "name", score: 1 });
  }

  // 2. Similar names, best pairs first; values must not contradict the field.
  const pairs: ColumnMatch[] = [];
  for (const f of fields) {
    if (!freeFields.has(f.name)) continue;
    for (const c of columns) {
      if (!freeColumns.has(c.name)) continue;
      const score = nameSimilarity(f.name, c.name);
      const fit = valueFit(f, c.values);
      if (score >= SIMILARITY_THRESHOLD && (fit === null || fit >= 0.5))
        pairs.push({ field: f.name, column: c.name, how: "similarity", score });
    }
  }
  pairs.sort((a, b) => b.score - a.score || a.field.localeCompare(b.field) || a.column.localeCompare(b.column));
  for (const p of pairs) if (freeFields.has(p.field) && freeColumns.has(p.column)) take(p);

  // 3. Values alone, for categorical fields: only when one field fits best.
  const ambiguous: MatchResult["ambiguous"] = [];
  for (const c of columns) {
    if (!freeColumns.has(c.name)) continue;
    const fitting = fields
      .filter((f) => freeFields.has(f.name) && f.categories !== null)
      .map((f) => ({ f, fit: valueFit(f, c.values) ?? 0 }))
      .filter((x) => x.fit >= VALUE_FIT_THRESHOLD);
    if (fitting.length === 0) continue;
    const best = Math.max(...fitting.map((x) => x.fit));
    const top = fitting.filter((x) => x.fit === best);
    if (top.length > 1) ambiguous.push({ column: c.name, fields: top.map((x) => x.f.name) });
    else if (top[0]) take({ field: top[0].f.name, column: c.name, how: "values", score: best });
  }

  // 4. Numbers alone: the numeric field whose base range the column overlaps most, when one does.
  for (const c of columns) {
    if (!freeColumns.has(c.name)) continue;
    const fitting = fields
      .filter((f) => freeFields.has(f.name) && f.numbers)
      .map((f) => ({ f, fit: distributionFit(f, c.values) }))
      .filter((x) => x.fit >= RANGE_OVERLAP_THRESHOLD);
    if (fitting.length === 0) continue;
    const best = Math.max(...fitting.map((x) => x.fit));
    const top = fitting.filter((x) => x.fit === best);
    if (top.length > 1) ambiguous.push({ column: c.name, fields: top.map((x) => x.f.name) });
    else if (top[0]) take({ field: top[0].f.name, column: c.name, how: "distribution", score: best });
  }

  const newValues: MatchResult["newValues"] = [];
  for (const m of matches) {
    const f = fields.find((x) => x.name === m.field);
    const c = columns.find((x) => x.name === m.column);
    if (!f?.categories || !c) continue;
    const extra = [...new Set(c.values.map((v) => v.trim()))]
      .filter((v) => v !== "" && !f.missing.includes(v) && !f.categories?.includes(v))
      .sort();
    if (extra.length > 0) newValues.push({ field: f.name, values: extra });
  }
  const order = new Map(fields.map((f, i) => [f.name, i]));
  matches.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
  return {
    matches,
    unmatchedFields: fields.filter((f) => freeFields.has(f.name)).map((f) => f.name),
    unmatchedColumns: columns.filter((c) => freeColumns.has(c.name)).map((c) => c.name),
    ambiguous,
    newValues,
  };
}
