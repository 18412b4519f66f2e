import { compileCondition, conditionFields, describeCondition } from "../conditions/index.js";
import { definitions } from "./definitions/index.js";
import type { CodebookEntry } from "../result/index.js";
import { Column, ColumnStore } from "../table-schema/index.js";
import { text, type DerivedDeclaration, type HarmoniseDeclaration, type Interval, parseRange } from "../study/index.js";
import { isMissing, Missing } from "../vocabulary/index.js";
import { RowCursor, type DataTable } from "./data-table.js";

/**
 * Derived variables and wave harmonisation: columns computed from a dataset's accepted rows,
 * after validation, of the same kinds the validator stores (coded strings, booleans, numbers),
 * so every estimator, condition and domain reads them as it reads schema fields. A missing input
 * gives a missing output with the input's own missing-value code; a value a derivation cannot
 * give has its own reason below.
 */

/** A number outside every band of a `bins`. */
export const OUTSIDE_BANDS = new Missing("#outside_bands", "outside_bands");
/** A ratio whose denominator is 0: no value, never Infinity. */
export const ZERO_DENOMINATOR = new Missing("#zero_denominator", "zero_denominator");
/** A sum or difference too large to represent. */
export const NOT_FINITE = new Missing("#not_finite", "not_finite");
/** A value of the recoded field that no category lists (a value outside the schema's categories). */
export const NOT_RECODED = new Missing("#not_recoded", "not_recoded");

type Table = DataTable & { columns: ColumnStore };
type Category = { value: string; label: string };

/** One derived column: how its cells are computed, and its categories (null: not categorical). */
interface Derivation {
  column: Column;
  categories: Category[] | null;
  type: "string" | "boolean" | "number";
  definition: string;
}

/** Is x inside the band? Closed ends include their bound, open ends exclude it. */
export function inBand(x: number, r: Interval): boolean {
  return (r.lowerClosed ? x >= r.lower : x > r.lower) && (r.upperClosed ? x <= r.upper : x < r.upper);
}

/** Each value of `source` mapped through `map` (by its text); values it lacks are NOT_RECODED. */
export function recodeColumn(source: Column, map: ReadonlyMap<string, string>): Column {
  const out = new Column(source.length);
  for (let i = 0; i < source.length; i++) {
    const v = source.get(i);
    out.push(isMissing(v) ? v : (map.get(String(v)) ?? NOT_RECODED));
  }
  return out;
}

/** Each number's band value (bands in order, the first that holds it), else OUTSIDE_BANDS. */
export function binColumn(source: Column, bands: readonly { value: string; range: Interval }[]): Column {
  const out = new Column(source.length);
  for (let i = 0; i < source.length; i++) {
    const v = source.get(i);
    if (isMissing(v)) {
      out.push(v);
      continue;
    }
    const x = typeof v === "number" ? v : typeof v === "boolean" ? Number(v) : Number.NaN;
    out.push(bands.find((b) => inBand(x, b.range))?.value ?? OUTSIDE_BANDS);
  }
  return out;
}

export type Arithmetic = "sum" | "difference" | "ratio";

/**
 * Row by row: the sum of the inputs, the first minus the second, or the first over the second.
 * The first missing input (in the order given) is the row's missing value; a zero denominator is
 * ZERO_DENOMINATOR and a result too large to represent NOT_FINITE, so no cell is ever infinite.
 */
export function arithmeticColumn(op: Arithmetic, inputs: readonly Column[]): Column {
  const n = inputs[0]?.length ?? 0;
  const out = new Column(n);
  const values: number[] = new Array<number>(inputs.length);
  for (let i = 0; i < n; i++) {
    let missing: Missing | null = null;
    for (let k = 0; k < inputs.length && missing === null; k++) {
      const v = (inputs[k] as Column).get(i);
      if (isMissing(v)) missing = v;
      else values[k] = typeof v === "number" ? v : Number(v);
    }
    if (missing !== null) {
      out.push(missing);
      continue;
    }
    let r: number;
    if (op === "sum") r = values.reduce((a, b) => a + b, 0);
    else if (op === "difference") r = (values[0] as number) - (values[1] as number);
    else if (values[1] === 0) {
      out.push(ZERO_DENOMINATOR);
      continue;
    } else r = (values[0] as number) / (values[1] as number);
    out.push(Number.isFinite(r) ? r : NOT_FINITE);
  }
  return out;
}

function derivation(table: Table, d: DerivedDeclaration, lang: "en" | "fr"): Derivation {
  const words = definitions(lang);
  const col = (field: string): Column => table.columns.columns[table.fieldIndex.get(field) as number] as Column;
  if (d.recode) {
    const { field, categories } = d.recode;
    const map = new Map(categories.flatMap((c) => c.from.map((v): [string, string] => [String(v), c.value])));
    return {
      column: recodeColumn(col(field), map),
      categories: categories.map((c) => ({ value: c.value, label: c.label ? text(c.label, lang) : c.value })),
      type: "string",
      definition: words.recoded(field, categories.map((c) => `${c.value} = ${c.from.map(String).join(", ")}`).join(words.listSeparator)),
    };
  }
  if (d.bins) {
    const { field, bands } = d.bins;
    const parsed = bands.map((b) => ({ value: b.value, range: parseRange(b.range) as Interval }));
    return {
      column: binColumn(col(field), parsed),
      categories: bands.map((b) => ({ value: b.value, label: b.label ? text(b.label, lang) : b.value })),
      type: "string",
      definition: words.banded(field, bands.map((b) => `${b.value} = ${b.range.trim()}`).join(words.listSeparator)),
    };
  }
  if (d.condition) {
    const when = compileCondition(d.condition, table.fieldIndex);
    const cursor = new RowCursor(
      table,
      conditionFields(d.condition).map((f) => table.fieldIndex.get(f) as number),
    );
    const n = table.columns.length;
    const column = new Column(n);
    for (let i = 0; i < n; i++) column.push(when(cursor.at(i)));
    return { column, categories: null, type: "boolean", definition: words.flag(describeCondition(d.condition, words)) };
  }
  const [op, fields] = (d.sum ? ["sum", d.sum] : d.difference ? ["difference", d.difference] : ["ratio", d.ratio ?? []]) as [
    Arithmetic,
    string[],
  ];
  const definition =
    op === "sum"
      ? fields.join(" + ")
      : op === "difference"
        ? `${fields[0]} − ${fields[1]}`
        : words.quotient(fields[0] ?? "", fields[1] ?? "");
  return { column: arithmeticColumn(op, fields.map(col)), categories: null, type: "number", definition };
}

/** The table with one more column, after its own, and its field. */
function append(table: Table, name: string, d: Derivation, title: string): Table {
  return {
    ...table,
    columns: ColumnStore.of([...table.columns.columns, d.column], table.columns.length),
    fieldIndex: new Map([...table.fieldIndex, [name, table.fields.length]]),
    fields: [...table.fields, { name, title, categories: d.categories }],
  };
}

/** Derived variables in declaration order (each may read those above), and their codebook entries. */
export function withDerived(
  table: Table,
  dataset: string,
  derive: Record<string, DerivedDeclaration>,
  lang: "en" | "fr",
): { table: Table; codebook: CodebookEntry[] } {
  let out = table;
  const codebook: CodebookEntry[] = [];
  for (const [name, d] of Object.entries(derive)) {
    const made = derivation(out, d, lang);
    const title = text(d.label, lang);
    out = append(out, name, made, title);
    codebook.push({
      dataset,
      field: name,
      title,
      type: made.type,
      categories: made.categories ?? [],
      missing_values: [],
      derived: made.definition,
    });
  }
  return { table: out, codebook };
}

/**
 * For `compare`: a wave's categories mapped onto the previous wave's (`harmonise`). The field
 * keeps its name; its categories lose the values mapped away; a target the field has keeps its
 * place and label, and one it lacks takes the place of the first value mapped to it.
 */
export function harmonised(table: Table, map: HarmoniseDeclaration[string] | undefined): Table {
  if (!map) return table;
  let out = table;
  for (const [field, pairs] of Object.entries(map)) {
    const index = out.fieldIndex.get(field) as number;
    const def = out.fields[index];
    const declared = (def?.categories ?? []).map((c) => ({ value: String(c.value), label: c.label ?? String(c.value) }));
    const categories: Category[] = [];
    for (const c of declared) {
      const to = pairs[c.value] ?? c.value;
      // A target the field has stays where it is; one it lacks goes where its first answer was.
      if (to !== c.value && declared.some((x) => x.value === to)) continue;
      if (!categories.some((x) => x.value === to)) categories.push(to === c.value ? c : { value: to, label: to });
    }
    const column = recodeColumn(out.columns.columns[index] as Column, new Map(declared.map((c) => [c.value, pairs[c.value] ?? c.value])));
    const columns = [...out.columns.columns];
    columns[index] = column;
    out = {
      ...out,
      columns: ColumnStore.of(columns, out.columns.length),
      fields: out.fields.map((f, i) => (i === index ? { ...f, categories } : f)),
    };
  }
  return out;
}
