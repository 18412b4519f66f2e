import { derivedInputs, type DerivedDeclaration } from "./derived.js";
import { checkCondition, numericTypes, type DatasetFields, type FieldProblem } from "./fields.js";
import type { Study } from "./study-file.js";

// Derived variables and `harmonise`, checked against the schemas before any data is read: the
// fields a derived variable reads, the kinds of field it needs, and the categories it names.

/**
 * Each dataset's fields with its derived variables added, in declaration order: a derived
 * variable may read schema fields and the derived variables above it, never one below it (so
 * never a cycle). Recodes and bins are categorical, conditions yes/no, arithmetic numeric.
 */
export function derivedFields(study: Study, datasets: ReadonlyMap<string, DatasetFields>): Map<string, DatasetFields> | FieldProblem {
  const out = new Map(datasets);
  for (const [name, d] of Object.entries(study.datasets)) {
    const schema = datasets.get(name);
    if (!schema) continue;
    const fields = new Map(schema);
    const declared = Object.keys(d.derive);
    for (const [k, [field, decl]] of Object.entries(d.derive).entries()) {
      const at = (...rest: (string | number)[]): (string | number)[] => ["datasets", name, "derive", field, ...rest];
      if (schema.has(field))
        return {
          path: at(),
          message: `derived variable "${field}" has the name of a field of dataset ${name}'s schema; choose another name`,
        };
      for (const input of derivedInputs(decl)) {
        if (fields.has(input)) continue;
        const later = declared.indexOf(input);
        if (later === k)
          return {
            path: at(...readsAt(decl)),
            message: `derived variable "${field}" reads itself; a derived variable reads schema fields and the derived variables above it`,
          };
        if (later > k) {
          const cycle = cycleFrom(field, input, d.derive);
          return {
            path: at(...readsAt(decl)),
            message: cycle
              ? `derived variables form a cycle (${cycle.join(" → ")}); a derived variable reads schema fields and the derived variables above it`
              : `derived variable "${field}" reads "${input}", which is declared below it; move "${input}" above "${field}"`,
          };
        }
        return {
          path: at(...readsAt(decl)),
          message: `derived variable "${field}" reads unknown field "${input}" in dataset ${name}; its schema declares ${[...schema.keys()].join(", ")}`,
        };
      }
      const p = checkDerived(name, field, decl, fields, at);
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
): FieldProblem | null {
  if (d.recode) {
    const source = d.recode.field;
    const categories = fields.get(source)?.categories;
    if (!categories)
      return { path: at("recode", "field"), message: `a recode needs a categorical field (one with categories), but "${source}" has none` };
    for (const [i, c] of d.recode.categories.entries())
      for (const v of c.from)
        if (!categories.includes(String(v)))
          return {
            path: at("recode", "categories", i, "from"),
            message: `"${String(v)}" is not a category of ${source}; its categories are ${categories.join(", ")}`,
          };
    const mapped = new Set(d.recode.categories.flatMap((c) => c.from.map(String)));
    const left = categories.find((c) => !mapped.has(c));
    if (left !== undefined)
      return {
        path: at("recode", "categories"),
        message: `category "${left}" of ${source} is not recoded; list it in the from of one of ${field}'s categories`,
      };
    return null;
  }
  const numeric = d.bins ? [d.bins.field] : d.condition ? [] : derivedInputs(d);
  for (const input of numeric) {
    const type = fields.get(input)?.type;
    if (type !== undefined && !numericTypes.has(type))
      return {
        path: at(...readsAt(d)),
        message: `derived variable "${field}" needs a numeric field, but "${input}" is a ${type} field; use a number, integer or boolean field`,
      };
  }
  if (d.condition) {
    const p = checkCondition(d.condition, dataset, new Map([[dataset, fields]]), at("condition"));
    if (p) return p;
  }
  return null;
}

/** `harmonise` maps categories of a categorical schema field of a dataset this study declares. */
export function checkHarmonise(study: Study, datasets: ReadonlyMap<string, DatasetFields>): FieldProblem | null {
  for (const [dataset, byField] of Object.entries(study.harmonise)) {
    const fields = datasets.get(dataset);
    if (!fields)
      return {
        path: ["harmonise", dataset],
        message: `no dataset "${dataset}" in this study; its datasets are ${[...datasets.keys()].join(", ")}`,
      };
    for (const [field, map] of Object.entries(byField)) {
      const categories = fields.get(field)?.categories;
      if (!fields.has(field))
        return {
          path: ["harmonise", dataset, field],
          message: `unknown field "${field}" in dataset ${dataset}; its schema declares ${[...fields.keys()].join(", ")}`,
        };
      if (!categories)
        return {
          path: ["harmonise", dataset, field],
          message: `"${field}" has no categories to harmonise; harmonise maps the categories of a categorical field`,
        };
      for (const from of Object.keys(map))
        if (!categories.includes(from))
          return {
            path: ["harmonise", dataset, field, from],
            message: `"${from}" is not a category of ${field}; its categories are ${categories.join(", ")}`,
          };
    }
  }
  return null;
}
