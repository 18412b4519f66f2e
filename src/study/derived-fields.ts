import { derivedInputs, type DerivedDeclaration } from "./derived.js";
import { checkCondition, numericTypes, type DatasetFields, type FieldProblem } from "./fields.js";
import type { StudyMessages } from "./messages/en.js";
import type { Study } from "./study-file.js";

// Derived variables and `harmonise`, checked against the schemas before any data is read: the
// fields a derived variable reads, the kinds of field it needs, and the categories it names.

/**
 * Each dataset's fields with its derived variables added, in declaration order: a derived
 * variable may read schema fields and the derived variables above it, never one below it (so
 * never a cycle). Recodes and bins are categorical, conditions yes/no, arithmetic numeric.
 */
export function derivedFields(
  study: Study,
  datasets: ReadonlyMap<string, DatasetFields>,
  m: StudyMessages,
): Map<string, DatasetFields> | FieldProblem {
  const out = new Map(datasets);
  for (const [name, d] of Object.entries(study.datasets)) {
    const schema = datasets.get(name);
    if (!schema) continue;
    const fields = new Map(schema);
    const declared = Object.keys(d.derive);
    for (const [k, [field, decl]] of Object.entries(d.derive).entries()) {
      const at = (...rest: (string | number)[]): (string | number)[] => ["datasets", name, "derive", field, ...rest];
      if (schema.has(field)) return { path: at(), message: m.derivedSchemaName(field, name) };
      for (const input of derivedInputs(decl)) {
        if (fields.has(input)) continue;
        const later = declared.indexOf(input);
        if (later === k) return { path: at(...readsAt(decl)), message: m.derivedReadsItself(field) };
        if (later > k) {
          const cycle = cycleFrom(field, input, d.derive);
          return {
            path: at(...readsAt(decl)),
            message: cycle ? m.derivedCycle(cycle.join(" → ")) : m.derivedReadsBelow(field, input),
          };
        }
        return { path: at(...readsAt(decl)), message: m.derivedUnknown(field, input, name, [...schema.keys()].join(", ")) };
      }
      const p = checkDerived(name, field, decl, fields, at, m);
      if (p) return p;
      fields.set(field, derivedType(decl));
    }
    out.set(name, fields);
  }
  return out;
}

/** The key of a derived variable that names the fields it reads. */
function readsAt(d: DerivedDeclaration): string[] {
  if (d.recode) return ["recode", "field"];
  if (d.bins) return ["bins", "field"];
  return [d.condition ? "condition" : d.sum ? "sum" : d.difference ? "difference" : "ratio"];
}

/** The chain from `field` through `input` back to `field`, if the inputs lead there. */
function cycleFrom(field: string, input: string, derive: Record<string, DerivedDeclaration>): string[] | null {
  const walk = (at: string, chain: string[]): string[] | null => {
    if (at === field) return [...chain, at];
    if (chain.includes(at) || !derive[at]) return null;
    for (const next of derivedInputs(derive[at])) {
      const found = walk(next, [...chain, at]);
      if (found) return found;
    }
    return null;
  };
  return walk(input, [field]);
}

function derivedType(d: DerivedDeclaration): { categories: readonly string[] | null; type: string } {
  if (d.recode) return { type: "string", categories: d.recode.categories.map((c) => c.value) };
  if (d.bins) return { type: "string", categories: d.bins.bands.map((b) => b.value) };
  if (d.condition) return { type: "boolean", categories: null };
  return { type: "number", categories: null };
}

/** The kinds of field each derivation reads: bins and arithmetic numbers, a recode categories. */
function checkDerived(
  dataset: string,
  field: string,
  d: DerivedDeclaration,
  fields: DatasetFields,
  at: (...rest: (string | number)[]) => (string | number)[],
  m: StudyMessages,
): FieldProblem | null {
  if (d.recode) {
    const source = d.recode.field;
    const categories = fields.get(source)?.categories;
    if (!categories) return { path: at("recode", "field"), message: m.recodeNotCategorical(source) };
    for (const [i, c] of d.recode.categories.entries())
      for (const v of c.from)
        if (!categories.includes(String(v)))
          return { path: at("recode", "categories", i, "from"), message: m.notCategory(String(v), source, categories.join(", ")) };
    const mapped = new Set(d.recode.categories.flatMap((c) => c.from.map(String)));
    const left = categories.find((c) => !mapped.has(c));
    if (left !== undefined) return { path: at("recode", "categories"), message: m.notRecoded(left, source, field) };
    return null;
  }
  const numeric = d.bins ? [d.bins.field] : d.condition ? [] : derivedInputs(d);
  for (const input of numeric) {
    const type = fields.get(input)?.type;
    if (type !== undefined && !numericTypes.has(type)) return { path: at(...readsAt(d)), message: m.derivedNotNumeric(field, input, type) };
  }
  if (d.condition) {
    const p = checkCondition(d.condition, dataset, new Map([[dataset, fields]]), at("condition"), m);
    if (p) return p;
  }
  return null;
}

/** `harmonise` maps categories of a categorical schema field of a dataset this study declares. */
export function checkHarmonise(study: Study, datasets: ReadonlyMap<string, DatasetFields>, m: StudyMessages): FieldProblem | null {
  for (const [dataset, byField] of Object.entries(study.harmonise)) {
    const fields = datasets.get(dataset);
    if (!fields) return { path: ["harmonise", dataset], message: m.harmoniseNoDataset(dataset, [...datasets.keys()].join(", ")) };
    for (const [field, map] of Object.entries(byField)) {
      const categories = fields.get(field)?.categories;
      if (!fields.has(field))
        return { path: ["harmonise", dataset, field], message: m.unknownField(field, dataset, [...fields.keys()].join(", ")) };
      if (!categories) return { path: ["harmonise", dataset, field], message: m.harmoniseNoCategories(field) };
      for (const from of Object.keys(map))
        if (!categories.includes(from))
          return { path: ["harmonise", dataset, field, from], message: m.notCategory(from, field, categories.join(", ")) };
    }
  }
  return null;
}
