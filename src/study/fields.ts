import { conditionFields, type Condition } from "../conditions/index.js";
import { domainFields } from "./domains.js";
import { conditionsOf, fieldsRead } from "./indicators/index.js";
import type { IndicatorDeclaration, Study } from "./study-file.js";

/** What a study file may name of a dataset: its fields, and the categories of each. */
export type DatasetFields = ReadonlyMap<string, { categories: readonly string[] | null; type: string }>;

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Every field a study names must exist in its dataset's schema, and every value a condition
 * compares with a categorical field must be one of its categories: a typo (`Never` for
 * `never`) would otherwise make a proportion quietly 0.
 */
export function checkStudyFields(study: Study, datasets: ReadonlyMap<string, DatasetFields>): FieldProblem | null {
  const known = (dataset: string, field: string, path: (string | number)[]): FieldProblem | null => {
    const fields = datasets.get(dataset);
    if (!fields || fields.has(field)) return null;
    return { path, message: `unknown field "${field}" in dataset ${dataset}; its schema declares ${[...fields.keys()].join(", ")}` };
  };
  for (const [name, d] of Object.entries(study.datasets)) {
    const design = d.design;
    if (!design) continue;
    const named: [string, (string | number)[]][] = [
      ...design.ids.map((f, i): [string, (string | number)[]] => [f, ["datasets", name, "design", "ids", i]]),
      ...design.fpc.map((f, i): [string, (string | number)[]] => [f, ["datasets", name, "design", "fpc", i]]),
      ...(design.strata ? [[design.strata, ["datasets", name, "design", "strata"]] as [string, (string | number)[]]] : []),
      ...(design.weights ? [[design.weights, ["datasets", name, "design", "weights"]] as [string, (string | number)[]]] : []),
    ];
    for (const [field, path] of named) {
      const p = known(name, field, path);
      if (p) return p;
    }
  }
  for (const [i, ind] of study.indicators.entries()) {
    const at = (...rest: (string | number)[]): (string | number)[] => ["indicators", i, ...rest];
    for (const { key, field, numeric } of fieldsRead(ind)) {
      const p = known(ind.dataset, field, at(key)) ?? (numeric ? numericField(ind, field, datasets, at(key)) : null);
      if (p) return p;
    }
    for (const { key, condition } of conditionsOf(ind)) {
      const p = checkCondition(condition, ind.dataset, datasets, at(key));
      if (p) return p;
    }
    for (const [j, entry] of ("domains" in ind ? (ind.domains ?? []) : []).entries()) {
      for (const [k, field] of domainFields(entry).entries()) {
        const p = known(ind.dataset, field, typeof entry === "string" ? at("domains", j) : at("domains", j, k));
        if (p) return p;
      }
    }
    for (const [j, c] of ("contrasts" in ind ? (ind.contrasts ?? []) : []).entries()) {
      const p =
        known(ind.dataset, c.field, at("contrasts", j, "field")) ??
        checkValue(ind.dataset, c.field, c.a, datasets, at("contrasts", j, "a")) ??
        checkValue(ind.dataset, c.field, c.b, datasets, at("contrasts", j, "b"));
      if (p) return p;
    }
  }
  // Study-wide domains apply to the datasets that have them, but one no dataset has is a typo;
  // so are crossed fields that no one dataset has together.
  for (const [j, entry] of study.domains.entries()) {
    const fields = domainFields(entry);
    if (![...datasets.values()].some((known) => fields.every((f) => known.has(f))))
      return {
        path: ["domains", j],
        message:
          typeof entry === "string"
            ? `no dataset has a field "${entry}"`
            : `no dataset has all the crossed fields ${fields.map((f) => `"${f}"`).join(", ")}`,
      };
  }
  return null;
}

/** Table Schema types whose values a mean, total, quantile or ratio can compute with (booleans as 0/1). */
export const numericTypes: ReadonlySet<string> = new Set(["number", "integer", "boolean"]);

/** A mean of a text field would find no number in any row: refuse it when the study is loaded. */
function numericField(
  ind: IndicatorDeclaration,
  field: string,
  datasets: ReadonlyMap<string, DatasetFields>,
  path: (string | number)[],
): FieldProblem | null {
  const type = datasets.get(ind.dataset)?.get(field)?.type;
  if (type === undefined || numericTypes.has(type)) return null;
  return {
    path,
    message:
      `indicator "${ind.id}" (kind ${ind.kind}) needs a numeric field, but "${field}" is a ${type} field in dataset ${ind.dataset}; ` +
      "use a number, integer or boolean field",
  };
}

export function checkCondition(
  c: Condition,
  dataset: string,
  datasets: ReadonlyMap<string, DatasetFields>,
  path: (string | number)[],
): FieldProblem | null {
  const fields = datasets.get(dataset);
  if (!fields) return null;
  for (const field of conditionFields(c))
    if (!fields.has(field))
      return { path, message: `unknown field "${field}" in dataset ${dataset}; its schema declares ${[...fields.keys()].join(", ")}` };
  const leaves: { field: string; values: (string | number | boolean)[] }[] = [];
  const walk = (x: Condition): void => {
    if ("all" in x) x.all.forEach(walk);
    else if ("any" in x) x.any.forEach(walk);
    else if ("not" in x) walk(x.not);
    else if (x.equals !== undefined) leaves.push({ field: x.field, values: [x.equals] });
    else if (x.in !== undefined) leaves.push({ field: x.field, values: x.in });
  };
  walk(c);
  for (const leaf of leaves)
    for (const v of leaf.values) {
      const p = checkValue(dataset, leaf.field, v, datasets, path);
      if (p) return p;
    }
  return null;
}

function checkValue(
  dataset: string,
  field: string,
  value: string | number | boolean,
  datasets: ReadonlyMap<string, DatasetFields>,
  path: (string | number)[],
): FieldProblem | null {
  const categories = datasets.get(dataset)?.get(field)?.categories;
  if (!categories || categories.includes(String(value))) return null;
  return { path, message: `"${String(value)}" is not a category of ${field}; its categories are ${categories.join(", ")}` };
}
