import type { Condition, LeafCondition } from "../conditions/index.js";
import { dateFormatParser } from "./dates.js";
import type { Problem } from "./problems.js";
import type { FieldSpec, TableSchema } from "./descriptor.js";

/**
 * Contradictions zod cannot see: names that must refer to fields, options that do not apply to
 * a field's type, bounds of the wrong kind. Found once, when the schema is loaded, so that
 * casting never has to wonder.
 */
export function schemaProblems(schema: TableSchema): Problem[] {
  const out: Problem[] = [];
  const byName = new Map<string, FieldSpec>();
  const seen = new Map<string, number>();
  schema.fields.forEach((f, i) => {
    const key = f.name.trim().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      out.push({
        path: `fields[${i}].name`,
        problem: `"${f.name}" repeats the name of fields[${first}] (names must differ, ignoring case): rename one of them`,
      });
    else seen.set(key, i);
    byName.set(f.name, f);
    out.push(...fieldProblems(f, `fields[${i}]`));
  });
  const known = `use one of the schema's fields (${schema.fields.map((f) => f.name).join(", ")})`;
  const checkName = (name: string, path: string): void => {
    if (!byName.has(name)) out.push({ path, problem: `"${name}" is not a field of this schema: ${known}` });
  };
  for (const [k, n] of (schema.primaryKey ?? []).entries()) checkName(n, `primaryKey[${k}]`);
  schema.foreignKeys.forEach((fk, i) => {
    for (const [k, n] of fk.fields.entries()) checkName(n, `foreignKeys[${i}].fields[${k}]`);
    if (fk.reference.fields.length !== fk.fields.length)
      out.push({
        path: `foreignKeys[${i}].reference.fields`,
        problem: `names ${fk.reference.fields.length} field(s) but foreignKeys[${i}].fields names ${fk.fields.length}: give one referenced field per key field`,
      });
    if (fk.reference.resource === "")
      for (const [k, n] of fk.reference.fields.entries()) checkName(n, `foreignKeys[${i}].reference.fields[${k}]`);
  });
  schema.rowConstraints.forEach((rc, i) => {
    if (rc.when) out.push(...conditionProblems(rc.when, `rowConstraints[${i}].when`, byName, known));
    out.push(...conditionProblems(rc.require, `rowConstraints[${i}].require`, byName, known));
  });
  return out;
}

const a = (type: string): string => `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;
const isNumeric = (f: FieldSpec | undefined): boolean => f?.type === "number" || f?.type === "integer";

function fieldProblems(f: FieldSpec, at: string): Problem[] {
  const out: Problem[] = [];
  const add = (path: string, problem: string): void => {
    out.push({ path: `${at}.${path}`, problem });
  };
  if (f.categories) {
    if (f.type !== "string" && f.type !== "integer")
      add(
        "categories",
        `categories are only allowed on string or integer fields, not on ${a(f.type)} field: remove them or change the type`,
      );
    else {
      const values = new Set<string | number>();
      f.categories.forEach((c, k) => {
        const v = typeof c === "object" ? c.value : c;
        const where = typeof c === "object" ? `categories[${k}].value` : `categories[${k}]`;
        if (f.type === "integer" && typeof v !== "number")
          add(where, `expected an integer category value for an integer field, got ${JSON.stringify(v)}`);
        if (f.type === "string" && typeof v !== "string")
          add(where, `expected a string category value (in quotes) for a string field, got ${JSON.stringify(v)}`);
        if (values.has(v)) add(where, `category ${JSON.stringify(v)} is listed twice: remove one`);
        if (f.multiple === true && typeof v === "string" && /\s/.test(v))
          add(where, `the choice ${JSON.stringify(v)} of a multiple-choice field cannot contain a space (spaces separate choices)`);
        values.add(v);
      });
    }
  }
  if (f.multiple === true && (f.type !== "string" || !f.categories))
    add("multiple", `a multiple-choice field is a string field with categories (its choices): add them, or remove "multiple"`);
  if (f.format !== undefined) {
    if (f.type !== "date") add("format", `"format" only applies to date fields here: remove it`);
    else if (dateFormatParser(f.format) === null)
      add(
        "format",
        `unsupported date format ${JSON.stringify(f.format)}: use "default" (YYYY-MM-DD) or a pattern of %d, %m and %Y such as "%d/%m/%Y"`,
      );
  }
  if ((f.trueValues || f.falseValues) && f.type !== "boolean")
    add(f.trueValues ? "trueValues" : "falseValues", `only applies to boolean fields: remove it or set "type": "boolean"`);
  if (f.trueValues && f.falseValues) {
    const both = f.trueValues.filter((v) => f.falseValues?.includes(v));
    if (both.length > 0) add("falseValues", `${JSON.stringify(both[0])} is in both trueValues and falseValues: keep it in one`);
  }
  if ((f.decimalChar !== undefined || f.groupChar !== undefined || f.bareNumber !== undefined) && !isNumeric(f))
    add(
      f.decimalChar !== undefined ? "decimalChar" : f.groupChar !== undefined ? "groupChar" : "bareNumber",
      `only applies to number and integer fields: remove it`,
    );
  if (f.decimalChar !== undefined && f.decimalChar === (f.groupChar ?? ""))
    add("groupChar", `the group character cannot also be the decimal character ${JSON.stringify(f.decimalChar)}: choose another`);
  const c = f.constraints;
  if (!c) return out;
  for (const key of ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"] as const) {
    const b = c[key];
    if (b === undefined) continue;
    if (isNumeric(f)) {
      if (typeof b !== "number") add(`constraints.${key}`, `expected a number for ${a(f.type)} field, got ${JSON.stringify(b)}`);
    } else if (f.type === "date") {
      if (typeof b !== "string" || dateFormatParser("default")?.(b) == null)
        add(`constraints.${key}`, `expected an ISO date such as "2014-03-01" for a date field, got ${JSON.stringify(b)}`);
    } else add(`constraints.${key}`, `only applies to number, integer and date fields, not to ${a(f.type)} field: remove it`);
  }
  const lo = c.minimum ?? c.exclusiveMinimum;
  const hi = c.maximum ?? c.exclusiveMaximum;
  if (lo !== undefined && hi !== undefined && typeof lo === typeof hi && lo > hi)
    add("constraints", `the minimum ${JSON.stringify(lo)} is above the maximum ${JSON.stringify(hi)}: swap or correct them`);
  if (c.pattern !== undefined) {
    if (f.type !== "string") add("constraints.pattern", `only applies to string fields: remove it`);
    else
      try {
        new RegExp(c.pattern, "u");
      } catch (e) {
        add("constraints.pattern", `is not a valid regular expression (${(e as Error).message}): correct it`);
      }
  }
  for (const key of ["minLength", "maxLength"] as const)
    if (c[key] !== undefined && f.type !== "string") add(`constraints.${key}`, `only applies to string fields: remove it`);
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

function conditionProblems(c: Condition, at: string, byName: Map<string, FieldSpec>, known: string): Problem[] {
  const out: Problem[] = [];
  for (const { leaf, path } of leaves(c, at)) {
    const f = byName.get(leaf.field);
    if (!f) {
      out.push({ path: `${path}.field`, problem: `"${leaf.field}" is not a field of this schema: ${known}` });
      continue;
    }
    for (const op of ["lt", "le", "gt", "ge"] as const) {
      const b = leaf[op];
      if (b === undefined) continue;
      if (!isNumeric(f))
        out.push({ path: `${path}.${op}`, problem: `"${op}" compares numbers but ${f.name} is ${a(f.type)} field: use equals or in` });
      if (typeof b === "object") {
        const other = byName.get(b.field);
        if (!other) out.push({ path: `${path}.${op}.field`, problem: `"${b.field}" is not a field of this schema: ${known}` });
        else if (!isNumeric(other))
          out.push({
            path: `${path}.${op}.field`,
            problem: `${b.field} is ${a(other.type)} field: compare with a number or integer field`,
          });
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
            problem: `${JSON.stringify(w)} is not a category of ${f.name}: use one of ${values.join(", ")}`,
          });
      });
    }
  }
  return out;
}
