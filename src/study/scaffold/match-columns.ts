/**
 * Which column of a new wave's export feeds each field of the base schema (for `init`). Three
 * passes, most certain first, each only over what is still unmatched:
 *  1. the same name after normalising case, spaces, hyphens and accents;
 *  2. a similar name (normalised edit distance, or shared name tokens), when the column's
 *     values are compatible with the field;
 *  3. the values alone: a column whose sampled values all fit one field's categories.
 */

export interface FieldInfo {
  name: string;
  type: string;
  /** Category values, or null for a field without categories. */
  categories: string[] | null;
  /** Missing-value codes that may appear instead of a value. */
  missing: string[];
}

export interface ColumnSample {
  name: string;
  /** Sampled cells, as read. */
  values: string[];
}

type MatchHow = "name" | "similarity" | "values";

interface ColumnMatch {
  field: string;
  column: string;
  how: MatchHow;
  /** similarity: the name score (0–1); values: the share of sampled values that fit. */
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

export function normaliseName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .trim()
    .replace(/[\s_\-.]+/g, "_")
    .replace(/^_+|_+$/g, "");
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length] as number;
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
  const edit = 1 - editDistance(x, y) / Math.max(x.length, y.length);
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
    if (field.type === "integer") return /^[-+]?\d+$/.test(v);
    if (field.type === "number") return /^[-+]?(\d+([.,]\d*)?|[.,]\d+)([eE][-+]?\d+)?$/.test(v);
    return true;
  };
  return present.filter(fits).length / present.length;
}

export function matchColumns(fields: readonly FieldInfo[], columns: readonly ColumnSample[]): MatchResult {
  const matches: ColumnMatch[] = [];
  const freeFields = new Set(fields.map((f) => f.name));
  const freeColumns = new Set(columns.map((c) => c.name));
  const take = (m: ColumnMatch): void => {
    matches.push(m);
    freeFields.delete(m.field);
    freeColumns.delete(m.column);
  };

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
