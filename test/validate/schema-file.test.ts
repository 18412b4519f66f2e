import { describe, expect, test } from "vitest";
import { loadTableSchema, parseTableSchema, SchemaFileError } from "../../src/table-schema/index.js";

const load = (name: string) => loadTableSchema(`fixtures/schemas/invalid/${name}`, name);

async function failure(name: string): Promise<SchemaFileError> {
  const e = await load(name).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(SchemaFileError);
  return e as SchemaFileError;
}

describe("schema file errors name the file, the path inside it and the fix", () => {
  test.each([
    [
      "bad-minimum.schema.json",
      'Schema file bad-minimum.schema.json is invalid at fields[3].constraints.minimum: expected a number for an integer field, got "ten".',
    ],
    [
      "bad-type.schema.json",
      'Schema file bad-type.schema.json is invalid at fields[0].type: expected one of "string", "integer", "number", "boolean", "date", got "int".',
    ],
    [
      "boolean-categories.schema.json",
      "Schema file boolean-categories.schema.json is invalid at fields[0].categories: categories are only allowed on string or integer fields, not on a boolean field: remove them or change the type.",
    ],
    [
      "duplicate-names.schema.json",
      'Schema file duplicate-names.schema.json is invalid at fields[1].name: "Age" repeats the name of fields[0] (names must differ, ignoring case): rename one of them.',
    ],
    [
      "missing-label.schema.json",
      "Schema file missing-label.schema.json is invalid at missingValues[1].label: a value is required here: expected a string (in quotes).",
    ],
    [
      "row-constraint-unknown-field.schema.json",
      `Schema file row-constraint-unknown-field.schema.json is invalid at rowConstraints[0].require.all[0].field: "acces_place" is not a field of this schema: use one of the schema's fields (internet_use, access_place).`,
    ],
    [
      "typo-key.schema.json",
      'Schema file typo-key.schema.json is invalid at fields[0].constraint: unknown key "constraint": remove it or check the spelling.',
    ],
    [
      "unknown-primary-key.schema.json",
      `Schema file unknown-primary-key.schema.json is invalid at primaryKey[0]: "id" is not a field of this schema: use one of the schema's fields (respondent_id).`,
    ],
  ])("%s", async (name, message) => {
    expect((await failure(name)).message).toBe(message);
  });

  test("a JSON syntax error gives line and column (V8's wording may vary)", async () => {
    expect((await failure("not-json.schema.json")).message).toMatch(
      /^Schema file not-json\.schema\.json is not valid JSON at line 2, column 20: .+ \(check for a missing comma, quote or bracket, or a trailing comma\)\.$/,
    );
  });

  test("an unreadable path is one sentence too", async () => {
    await expect(loadTableSchema("fixtures/schemas/none.json", "none.json")).rejects.toThrow(
      "Schema file none.json cannot be read (it does not exist): check the path in the study file.",
    );
  });

  test("every problem is kept; the sentence counts the rest", () => {
    const raw = { fields: [{ name: "x", type: "integer", constraints: { minimum: "a", maximum: "b" } }] };
    const e = (() => {
      try {
        parseTableSchema(raw, "s.json");
      } catch (x) {
        return x as SchemaFileError;
      }
      throw new Error("expected a failure");
    })();
    expect(e.problems.map((p) => p.path)).toEqual(["fields[0].constraints.minimum", "fields[0].constraints.maximum"]);
    expect(e.message).toMatch(/\(and 1 more problem\)\.$/);
  });

  test.each([
    [{ fields: [{ name: "a", type: "string", constraints: { minimum: 3 } }] }, "fields[0].constraints.minimum"],
    [{ fields: [{ name: "a", type: "integer", categories: ["x"] }] }, "fields[0].categories[0]"],
    [{ fields: [{ name: "a", type: "string", constraints: { pattern: "(" } }] }, "fields[0].constraints.pattern"],
    [{ fields: [{ name: "a", type: "date", format: "%Q" }] }, "fields[0].format"],
    [{ fields: [{ name: "a", type: "number", decimalChar: ",", groupChar: "," }] }, "fields[0].groupChar"],
    [
      {
        fields: [{ name: "a", categories: ["x", "y"] }],
        rowConstraints: [{ name: "r", require: { field: "a", equals: "z" }, message: "m" }],
      },
      "rowConstraints[0].require.equals",
    ],
    [
      {
        fields: [{ name: "a" }, { name: "b", type: "number" }],
        rowConstraints: [{ name: "r", require: { field: "b", le: { field: "a" } }, message: "m" }],
      },
      "rowConstraints[0].require.le.field",
    ],
    [
      { fields: [{ name: "a" }], rowConstraints: [{ name: "r", require: { field: "a", equal: "x" }, message: "m" }] },
      "rowConstraints[0].require.equal",
    ],
    [
      { fields: [{ name: "a" }], foreignKeys: [{ fields: ["a"], reference: { resource: "p", fields: ["x", "y"] } }] },
      "foreignKeys[0].reference.fields",
    ],
    [{ fields: [] }, "fields"],
  ])("semantic and structural problem at %#", (raw, path) => {
    try {
      parseTableSchema(raw, "s.json");
    } catch (e) {
      expect((e as SchemaFileError).problems[0]?.path).toBe(path);
      return;
    }
    throw new Error("expected a SchemaFileError");
  });

  test("defaults are applied and keys normalised to lists", () => {
    const s = parseTableSchema({ fields: [{ name: "id" }], primaryKey: "id" }, "s.json");
    expect(s).toEqual({
      fields: [{ name: "id", type: "string" }],
      missingValues: [""],
      primaryKey: ["id"],
      foreignKeys: [],
      rowConstraints: [],
    });
  });
});
