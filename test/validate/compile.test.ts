import { describe, expect, test } from "vitest";
import { CastFailure, compileSchema, type CompiledField } from "../../src/table-schema/compile.js";
import { parseTableSchema, type TableSchemaInput } from "../../src/table-schema/index.js";
import { Missing } from "../../src/vocabulary/index.js";
import { schemaFile } from "./helpers.js";

const field = (spec: TableSchemaInput["fields"][number], schema: Partial<TableSchemaInput> = {}): CompiledField =>
  compileSchema(parseTableSchema({ ...schema, fields: [spec] }, "t.json")).fields[0]!;

describe("casting", () => {
  test("missing-value codes keep code and label; field-level codes replace the schema's", async () => {
    const s = compileSchema(await schemaFile("questionnaire-mini.schema.json"));
    const age = s.fields[s.fieldIndex.get("age")!]!;
    expect(age.cast("NR")).toEqual(new Missing("NR", "refused"));
    expect(age.cast(" NSP ")).toEqual(new Missing("NSP", "don't know"));
    expect(age.cast("")).toEqual(new Missing("", null));
    expect(age.missingValues).toEqual([
      { value: "", label: null },
      { value: "NSP", label: "don't know" },
      { value: "NR", label: "refused" },
    ]);
    const use = s.fields[s.fieldIndex.get("internet_use")!]!;
    expect(use.cast("NSP")).toEqual(new Missing("NSP", "ne sait pas"));
    // "" is not a missing code for this field, and not a category either.
    expect(use.cast("")).toEqual(new CastFailure("constraint", '"" is not one of the categories: daily, weekly, rarely, never'));
    expect(use.missingValues).toEqual([{ value: "NSP", label: "ne sait pas" }]);
  });

  test("numbers: decimal comma and group characters, including no-break and thin spaces", () => {
    const f = field({ name: "x", type: "number", decimalChar: ",", groupChar: " " });
    expect(f.cast("1 234,5")).toBe(1234.5);
    expect(f.cast("1\u00A0234,5")).toBe(1234.5);
    expect(f.cast("1\u202F234\u2009567,25")).toBe(1234567.25);
    expect(f.cast("-0,5")).toBe(-0.5);
    expect(f.cast("12")).toBe(12);
    expect(f.cast("1.5")).toEqual(new CastFailure("type", '"1.5" is not a number with a decimal comma'));
    expect(f.cast("abc")).toEqual(new CastFailure("type", '"abc" is not a number with a decimal comma'));
    const dot = field({ name: "x", type: "number", groupChar: "," });
    expect(dot.cast("1,234.5")).toBe(1234.5);
    const plain = field({ name: "x", type: "number" });
    expect(plain.cast("1e3")).toBe(1000);
    expect(plain.cast("NaN")).toBeInstanceOf(CastFailure);
    expect(plain.cast("Infinity")).toBeInstanceOf(CastFailure);
    expect(plain.cast("1 234")).toBeInstanceOf(CastFailure);
  });

  test("bareNumber: false allows currency and percent signs", () => {
    const f = field({ name: "x", type: "number", decimalChar: ",", bareNumber: false });
    expect(f.cast("12,50 €")).toBe(12.5);
    expect(f.cast("95%")).toBe(95);
    expect(f.cast("€-3")).toBe(-3);
  });

  test("integers refuse decimals", () => {
    const f = field({ name: "age", type: "integer" });
    expect(f.cast("42")).toBe(42);
    expect(f.cast("+7")).toBe(7);
    expect(f.cast("1.5")).toEqual(new CastFailure("type", '"1.5" is not an integer'));
    expect(f.cast("1.0")).toEqual(new CastFailure("type", '"1.0" is not an integer'));
    expect(f.cast("99999999999999999999")).toBeInstanceOf(CastFailure);
  });

  test("booleans use trueValues / falseValues", () => {
    const f = field({ name: "b", type: "boolean", trueValues: ["oui"], falseValues: ["non"] });
    expect(f.cast("oui")).toBe(true);
    expect(f.cast("non")).toBe(false);
    expect(f.cast("true")).toEqual(new CastFailure("type", '"true" is not a yes/no value (oui, non)'));
    expect(field({ name: "b", type: "boolean" }).cast("1")).toBe(true);
  });

  test("dates: ISO by default, or a %d/%m/%Y pattern; only real days; kept as ISO text", () => {
    const iso = field({ name: "d", type: "date" });
    expect(iso.cast("2014-03-14")).toBe("2014-03-14");
    expect(iso.cast("2014-02-30")).toEqual(new CastFailure("type", '"2014-02-30" is not a date (expected YYYY-MM-DD)'));
    expect(iso.cast("2016-02-29")).toBe("2016-02-29");
    const fr = field({ name: "d", type: "date", format: "%d/%m/%Y", constraints: { minimum: "2014-03-01" } });
    expect(fr.cast("14/03/2014")).toBe("2014-03-14");
    expect(fr.cast("2014-03-14")).toEqual(new CastFailure("type", '"2014-03-14" is not a date (expected DD/MM/YYYY)'));
    expect(fr.cast("28/02/2014")).toEqual(new CastFailure("constraint", '"28/02/2014" is below the minimum 2014-03-01'));
  });

  test("categories: labels, parents, descriptions exposed; other values name the allowed ones", async () => {
    const s = compileSchema(await schemaFile("questionnaire-mini.schema.json"));
    const point = s.fields[s.fieldIndex.get("reception_point")!]!;
    expect(point.categories).toEqual([
      { value: "paris-belleville", label: "Paris – Belleville", description: null, parent: null },
      { value: "lille", label: "Lille", description: "Nord", parent: null },
    ]);
    expect(point.labelOf("lille")).toBe("Lille");
    expect(point.cast("lyon")).toEqual(new CastFailure("constraint", '"lyon" is not one of the categories: paris-belleville, lille'));
    const coded = field({ name: "q", type: "integer", categories: [{ value: 1, label: "yes", parent: 9 }, 2] });
    expect(coded.cast("1")).toBe(1);
    expect(coded.cast("3")).toEqual(new CastFailure("constraint", '"3" is not one of the categories: 1, 2'));
    expect(coded.categories?.[0]).toEqual({ value: 1, label: "yes", description: null, parent: 9 });
  });

  test("constraints", () => {
    const n = field({ name: "n", type: "integer", constraints: { minimum: 16, maximum: 85 } });
    expect(n.cast("15")).toEqual(new CastFailure("constraint", '"15" is below the minimum 16'));
    expect(n.cast("86")).toEqual(new CastFailure("constraint", '"86" is above the maximum 85'));
    const x = field({ name: "x", type: "number", constraints: { exclusiveMinimum: 0, exclusiveMaximum: 1 } });
    expect(x.cast("0")).toEqual(new CastFailure("constraint", '"0" is not above the exclusive minimum 0'));
    expect(x.cast("1")).toEqual(new CastFailure("constraint", '"1" is not below the exclusive maximum 1'));
    expect(x.cast("0.5")).toBe(0.5);
    const s = field({ name: "s", constraints: { pattern: "S\\d{3}", minLength: 4, maxLength: 4 } });
    expect(s.cast("S001")).toBe("S001");
    expect(s.cast("xS001")).toEqual(new CastFailure("constraint", '"xS001" does not match the pattern S\\d{3}'));
    const len = field({ name: "s", constraints: { minLength: 2, maxLength: 3 } });
    expect(len.cast("é")).toEqual(new CastFailure("constraint", '"é" is shorter than 2 characters'));
    expect(len.cast("abcd")).toEqual(new CastFailure("constraint", '"abcd" is longer than 3 characters'));
    const e = field({ name: "e", constraints: { enum: ["a", "b"] } });
    expect(e.cast("c")).toEqual(new CastFailure("constraint", '"c" is not one of the allowed values: a, b'));
    const r = field(
      { name: "r", type: "integer", constraints: { required: true } },
      { missingValues: ["", { value: "NR", label: "refused" }] },
    );
    expect(r.cast("")).toEqual(new CastFailure("constraint", "a value is required"));
    expect(r.cast("NR")).toEqual(
      new CastFailure("constraint", 'a value is required but the cell holds the missing-value code "NR" (refused)'),
    );
    expect(r.required).toBe(true);
  });

  test("primary-key fields are required; field metadata is exposed", async () => {
    const s = compileSchema(await schemaFile("questionnaire-mini.schema.json"));
    const id = s.fields[0]!;
    expect(id.required).toBe(true);
    const age = s.fields[1]!;
    expect({ name: age.name, index: age.index, type: age.type, title: age.title, categories: age.categories }).toEqual({
      name: "age",
      index: 1,
      type: "integer",
      title: "Age",
      categories: null,
    });
    expect(s.primaryKey).toEqual([0]);
  });
});
