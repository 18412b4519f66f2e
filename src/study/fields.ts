import { conditionFields, type Condition } from "../conditions/index.js";
import { domainFields } from "./domains.js";
import { conditionsOf, fieldsRead } from "./indicators/index.js";
import type { StudyMessages } from "./messages/en.js";
import {
  replicateFields,
  type IndicatorDeclaration,
  type ReplicatesDeclaration,
  type Study,
  type WeightingDeclaration,
} from "./study-file.js";

/** What a study file may name of a dataset: its fields, and the categories of each. */
export type DatasetFields = ReadonlyMap<string, { categories: readonly string[] | null; type: string; multiple?: boolean }>;

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

/**
 * Every field a study names must exist in its dataset's schema, and every value a condition
 * compares with a categorical field must be one of its categories: a typo (`Never` for
 * `never`) would otherwise make a proportion quietly 0. `m` words the problem.
 */
export function checkStudyFields(study: Study, datasets: ReadonlyMap<string, DatasetFields>, m: StudyMessages): FieldProblem | null {
  const known = (dataset: string, field: string, path: (string | number)[]): FieldProblem | null => {
    const fields = datasets.get(dataset);
    if (!fields || fields.has(field)) return null;
    return { path, message: m.unknownField(field, dataset, [...fields.keys()].join(", ")) };
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
    const fields = datasets.get(name);
    if (design.replicates && fields) {
      const r = checkReplicates(design.replicates, fields, name, ["datasets", name, "design", "replicates"], m);
      if (r) return r;
    }
    const p = weightingFields(name, design.weighting, datasets, m);
    if (p) return p;
  }
  for (const [i, ind] of study.indicators.entries()) {
    const at = (...rest: (string | number)[]): (string | number)[] => ["indicators", i, ...rest];
    for (const { key, field, numeric, index } of fieldsRead(ind)) {
      const path = index === undefined ? at(key) : at(key, index);
      const p =
        known(ind.dataset, field, path) ??
        (numeric ? numericField(ind, field, datasets, path, m) : null) ??
        (ind.kind === "multi_select" ? multipleField(ind, field, datasets, path, m) : null);
      if (p) return p;
    }
    for (const [j, pred] of (ind.kind === "regression" ? ind.predictors : []).entries()) {
      const p =
        typeof pred === "string" || pred.reference === undefined
          ? null
          : checkValue(ind.dataset, pred.field, pred.reference, datasets, at("predictors", j, "reference"), m);
      if (p) return p;
    }
    for (const { key, condition } of conditionsOf(ind)) {
      const p = checkCondition(condition, ind.dataset, datasets, at(key), m);
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
        checkValue(ind.dataset, c.field, c.a, datasets, at("contrasts", j, "a"), m) ??
        checkValue(ind.dataset, c.field, c.b, datasets, at("contrasts", j, "b"), m);
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
        message: typeof entry === "string" ? m.noDatasetField(entry) : m.noDatasetCrossed(fields),
      };
  }
  return null;
}

/** Table Schema types whose values a mean, total, quantile or ratio can compute with (booleans as 0/1). */
export const numericTypes: ReadonlySet<string> = new Set(["number", "integer", "boolean"]);

/** Replicate columns: fields of the schema, numeric, at least two, and as many as rscales has values (or one). */
function checkReplicates(
  r: ReplicatesDeclaration,
  fields: DatasetFields,
  dataset: string,
  path: (string | number)[],
  m: StudyMessages,
): FieldProblem | null {
  const names = replicateFields(r, [...fields.keys()]);
  for (const [i, f] of names.entries()) {
    const at = r.columns ? [...path, "columns", i] : [...path, "pattern"];
    const type = fields.get(f)?.type;
    if (type === undefined) return { path: at, message: m.unknownField(f, dataset, [...fields.keys()].join(", ")) };
    if (!numericTypes.has(type)) return { path: at, message: m.replicateNotNumeric(f, type, dataset) };
  }
  if (names.length < 2) return { path: [...path, "pattern"], message: m.patternMatches(String(r.pattern), names, dataset) };
  if (r.rscales && r.rscales.length !== 1 && r.rscales.length !== names.length)
    return { path: [...path, "rscales"], message: m.rscalesCount(r.rscales.length, names.length) };
  return null;
}

/** A weighting's margin fields exist; its calibration totals are numeric fields. */
function weightingFields(
  dataset: string,
  weighting: WeightingDeclaration | undefined,
  datasets: ReadonlyMap<string, DatasetFields>,
  m: StudyMessages,
): FieldProblem | null {
  const fields = datasets.get(dataset);
  if (!weighting || !fields) return null;
  const at = ["datasets", dataset, "design", "weighting"];
  const unknown = (field: string): string => m.unknownField(field, dataset, [...fields.keys()].join(", "));
  for (const [k, m] of weighting.margins.entries()) {
    for (const [j, field] of m.fields.entries()) {
      if (!fields.has(field))
        return { path: [...at, "margins", k, "fields", ...(m.fields.length > 1 ? [j] : [])], message: unknown(field) };
    }
  }
  for (const field of Object.keys(weighting.totals)) {
    const type = fields.get(field)?.type;
    if (type === undefined) return { path: [...at, "totals", field], message: unknown(field) };
    if (!numericTypes.has(type)) return { path: [...at, "totals", field], message: m.totalNotNumeric(field, type, dataset) };
  }
  return null;
}

/** A mean of a text field would find no number in any row: refuse it when the study is loaded. */
function numericField(
  ind: IndicatorDeclaration,
  field: string,
  datasets: ReadonlyMap<string, DatasetFields>,
  path: (string | number)[],
  m: StudyMessages,
): FieldProblem | null {
  const type = datasets.get(ind.dataset)?.get(field)?.type;
  if (type === undefined || numericTypes.has(type)) return null;
  return { path, message: m.notNumeric(ind.id, ind.kind, field, type, ind.dataset) };
}

/** A multi_select reads the choices of a multiple-choice field: any other field is a mistake. */
function multipleField(
  ind: IndicatorDeclaration,
  field: string,
  datasets: ReadonlyMap<string, DatasetFields>,
  path: (string | number)[],
  m: StudyMessages,
): FieldProblem | null {
  const f = datasets.get(ind.dataset)?.get(field);
  if (f === undefined || f.multiple === true) return null;
  return { path, message: m.notMultiple(ind.id, field, ind.dataset) };
}

export function checkCondition(
  c: Condition,
  dataset: string,
  datasets: ReadonlyMap<string, DatasetFields>,
  path: (string | number)[],
  m: StudyMessages,
): FieldProblem | null {
  const fields = datasets.get(dataset);
  if (!fields) return null;
  for (const field of conditionFields(c))
    if (!fields.has(field)) return { path, message: m.unknownField(field, dataset, [...fields.keys()].join(", ")) };
  const leaves: { field: string; values: (string | number | boolean)[] }[] = [];
  const walk = (x: Condition): void => {
    if ("all" in x) x.all.forEach(walk);
    else if ("any" in x) x.any.forEach(walk);
    else if ("not" in x) walk(x.not);
    else if (x.equals !== undefined) leaves.push({ field: x.field, values: [x.equals] });
    else if (x.in !== undefined) leaves.push({ field: x.field, values: x.in });
    else if (x.any_of !== undefined || x.all_of !== undefined) leaves.push({ field: x.field, values: x.any_of ?? x.all_of ?? [] });
  };
  walk(c);
  for (const leaf of leaves)
    for (const v of leaf.values) {
      const p = checkValue(dataset, leaf.field, v, datasets, path, m);
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
  m: StudyMessages,
): FieldProblem | null {
  const categories = datasets.get(dataset)?.get(field)?.categories;
  if (!categories || categories.includes(String(value))) return null;
  return { path, message: m.notCategory(String(value), field, categories.join(", ")) };
}
