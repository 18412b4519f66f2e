import type { Condition, LeafCondition } from "../conditions/index.js";
import { dateFormatParser } from "./dates.js";
import { issueTexts, type IssueTexts } from "../vocabulary/index.js";
import type { Problem } from "./problems.js";
import type { FieldSpec, TableSchema } from "./descriptor.js";

/**
 * Contradictions zod cannot see: names that must refer to fields, options that do not apply to
 * a field's type, bounds of the wrong kind. Found once, when the schema is loaded, so that
 * casting never has to wonder.
 */
export function schemaProblems(schema: TableSchema, lang?: "en" | "fr"): Problem[] {
  const t = issueTexts(lang).schemaProblem;
  const out: Problem[] = [];
  const byName = new Map<string, FieldSpec>();
  const seen = new Map<string, number>();
  schema.fields.forEach((f, i) => {
    const key = f.name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      out.push({
        path: `fields[${i}].name`,
        problem: t.repeatsName(f.name, first),
      });
    else seen.set(key, i);
    byName.set(f.name, f);
    out.push(...fieldProblems(f, `fields[${i}]`, t));
  });
  const known = schema.fields.map((f) => f.name).join(", ");
  const checkName = (name: string, path: string): void => {
    if (!byName.has(name)) out.push({ path, problem: t.notAField(name, known) });
  };
  for (const [k, n] of (schema.primaryKey ?? []).entries()) checkName(n, `primaryKey[${k}]`);
  schema.foreignKeys.forEach((fk, i) => {
    for (const [k, n] of fk.fields.entries()) checkName(n, `foreignKeys[${i}].fields[${k}]`);
    if (fk.reference.fields.length !== fk.fields.length)
      out.push({
        path: `foreignKeys[${i}].reference.fields`,
        problem: t.keyCount(fk.reference.fields.length, i, fk.fields.length),
      });
    if (fk.reference.resource === "")
      for (const [k, n] of fk.reference.fields.entries()) checkName(n, `foreignKeys[${i}].reference.fields[${k}]`);
  });
  schema.rowConstraints.forEach((rc, i) => {
    if (rc.when) out.push(...conditionProblems(rc.when, `rowConstraints[${i}].when`, byName, known, t));
    out.push(...conditionProblems(rc.require, `rowConstraints[${i}].require`, byName, known, t));
  });
  return out;
}

const isNumeric = (f: FieldSpec | undefined): boolean => f?.type === "number" || f?.type === "integer";

function fieldProblems(f: FieldSpec, at: string, t: IssueTexts["schemaProblem"]): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, problem: string): void => {
    out.push({ path: `${at}.${path}`, problem });
  };
  if (f.categories) {
    if (f.type !== "string" && f.type !== "integer") add("categories", t.categoriesType(f.type));
    else {
      const values = new Set<string | number>();
      f.categories.forEach((c, k) => {
        const v = typeof c === "object" ? c.value : c;
        const where = typeof c === "object" ? `categories[${k}].value` : `categories[${k}]`;
        if (f.type === "integer" && typeof v !== "number") add(where, t.categoryInteger(JSON.stringify(v)));
        if (f.type === "string" && typeof v !== "string") add(where, t.categoryString(JSON.stringify(v)));
        if (values.has(v)) add(where, t.categoryTwice(JSON.stringify(v)));
        if (f.multiple === true && typeof v === "string" && /\s/.test(v)) add(where, t.choiceSpace(JSON.stringify(v)));
        values.add(v);
      });
    }
  }
  if (f.multiple === true && (f.type !== "string" || !f.categories)) add("multiple", t.multipleNeedsCategories);
  if (f.format !== undefined) {
    if (f.type !== "date") add("format", t.formatOnlyDate);
    else if (dateFormatParser(f.format) === null) add("format", t.badDateFormat(JSON.stringify(f.format)));
  }
  if ((f.trueValues || f.falseValues) && f.type !== "boolean") add(f.trueValues ? "trueValues" : "falseValues", t.booleanOnly);
  if (f.trueValues && f.falseValues) {
    const both = f.trueValues.filter((v) => f.falseValues?.includes(v));
    if (both.length > 0) add("falseValues", t.inBoth(JSON.stringify(both[0])));
  }
  if ((f.decimalChar !== undefined || f.groupChar !== undefined || f.bareNumber !== undefined) && !isNumeric(f))
    add(f.decimalChar !== undefined ? "decimalChar" : f.groupChar !== undefined ? "groupChar" : "bareNumber", t.numericOnly);
  if (f.decimalChar !== undefined && f.decimalChar === (f.groupChar ?? ""))
    add("groupChar", t.groupIsDecimal(JSON.stringify(f.decimalChar)));
  const c = f.constraints;
  if (!c) return out;
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    const b = c[key];
    if (b === undefined) continue;
    if (isNumeric(f)) {
      if (typeof b !== "number") add(`constraints.${key}`, t.boundNumber(f.type, JSON.stringify(b)));
    } else if (f.type === "date") {
      if (typeof b !== "string" || dateFormatParser("default")?.(b) == null) add(`constraints.${key}`, t.boundDate(JSON.stringify(b)));
    } else add(`constraints.${key}`, t.boundType(f.type));
  }
  const lo = c.minimum ?? c.exclusiveMinimum;
  const hi = c.maximum ?? c.exclusiveMaximum;
  if (lo !== undefined && hi !== undefined && typeof lo === typeof hi && lo > hi)
    add("constraints", t.minAboveMax(JSON.stringify(lo), JSON.stringify(hi)));
  if (c.pattern !== undefined) {
    if (f.type !== "string") add("constraints.pattern", t.stringOnly);
    else
      try {
        new RegExp(c.pattern, "u");
      } catch (e) {
        add("constraints.pattern", t.badPattern((e as Error).message));
      }
  }
  for (const key of ["minLength", "maxLength"] as const)
    if (c[key] !== undefined && f.type !== "string") add(`constraints.${key}`, t.stringOnly);
  return out;
}

/** Every field test in a condition, with its JSON path. */
function leaves(c: Condition, path: string, out: { leaf: LeafCondition; path: string }[] = []) {
  if ("all" in c) for (const [i, x] of c.all.entries()) leaves(x, `${path}.all[${i}]`, out);
  else if ("any" in c) for (const [i, x] of c.any.entries()) leaves(x, `${path}.any[${i}]`, out);
  else if ("not" in c) leaves(c.not, `${path}.not`, out);
  else out.push({ leaf: c, path });
  return out;
}

function conditionProblems(
  c: Condition,
  at: string,
  byName: Map<string, FieldSpec>,
  known: string,
  t: IssueTexts["schemaProblem"],
): Problem[] {
  const out: Problem[] = [];
  for (const { leaf, path } of leaves(c, at)) {
    const f = byName.get(leaf.field);
    if (!f) {
      out.push({ path: `${path}.field`, problem: t.notAField(leaf.field, known) });
      continue;
    }
    for (const op of ["lt", "le", "gt", "ge"] as const) {
      const b = leaf[op];
      if (b === undefined) continue;
      if (!isNumeric(f)) out.push({ path: `${path}.${op}`, problem: t.comparesNumbers(op, f.name, f.type) });
      if (typeof b === "object") {
        const other = byName.get(b.field);
        if (!other) out.push({ path: `${path}.${op}.field`, problem: t.notAField(b.field, known) });
        else if (!isNumeric(other)) out.push({ path: `${path}.${op}.field`, problem: t.compareNumeric(b.field, other.type) });
      }
    }
    // A value that is not a category can never match: almost always a typo.
    const key = leaf.in ? "in" : leaf.any_of ? "any_of" : leaf.all_of ? "all_of" : "equals";
    const wanted = leaf.in ?? leaf.any_of ?? leaf.all_of ?? (leaf.equals !== undefined ? [leaf.equals] : []);
    if (f.categories && wanted.length > 0) {
      const values = f.categories.map((x) => String(typeof x === "object" ? x.value : x));
      wanted.forEach((w, k) => {
        if (!values.includes(String(w)))
          out.push({
            path: key === "equals" ? `${path}.equals` : `${path}.${key}[${k}]`,
            problem: t.notACategory(JSON.stringify(w), f.name, values.join(", ")),
          });
      });
    }
  }
  return out;
}
