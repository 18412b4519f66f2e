import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { z } from "zod";
import { RESULT_SCHEMA_VERSION, resultSchema } from "../../src/result/index.js";
import { COMPARISON_SCHEMA_VERSION, comparisonSchema } from "../../src/waves/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The JSON Schemas the package ships, each generated from its zod schema. */
export const shippedSchemas = {
  result: {
    file: "json-schema/result.schema.json",
    zod: resultSchema,
    title: "exclusion-study result",
    version: RESULT_SCHEMA_VERSION,
    what: "the study result written as <study>.json and printed by `report --json`",
  },
  comparison: {
    file: "json-schema/comparison.schema.json",
    zod: comparisonSchema,
    title: "exclusion-study wave comparison",
    version: COMPARISON_SCHEMA_VERSION,
    what: "the comparison of two waves written by `compare` and printed by `compare --json`",
  },
} as const;
export type ShippedSchema = keyof typeof shippedSchemas;

/** The bytes a shipped schema must have: zod's draft 2020-12 output, titled, two-space JSON. */
export function generatedSchemaText(name: ShippedSchema): string {
  const s = shippedSchemas[name];
  const { $schema, ...rest } = z.toJSONSchema(s.zod, { target: "draft-2020-12", io: "output", unrepresentable: "throw" });
  const description = `JSON Schema of ${s.what}, contract version ${s.version} (see docs/result.md). Generated from its zod schema.`;
  return `${JSON.stringify({ $schema, title: s.title, description, ...rest }, null, 2)}\n`;
}

export const readShippedSchema = (name: ShippedSchema): Record<string, unknown> =>
  JSON.parse(readFileSync(path.join(root, shippedSchemas[name].file), "utf8")) as Record<string, unknown>;

const validators = new Map<ShippedSchema, ValidateFunction>();

/**
 * Throws, listing the first errors, unless `value` matches the committed JSON Schema: what a user
 * validating our output with their own validator would see.
 */
export function expectMatchesSchema(name: ShippedSchema, value: unknown, where: string): void {
  let validate = validators.get(name);
  if (validate === undefined) {
    validate = new Ajv2020({ allErrors: true, strict: true }).compile(readShippedSchema(name));
    validators.set(name, validate);
  }
  if (validate(value)) return;
  const errors = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`);
  throw new Error(`${where} does not match ${shippedSchemas[name].file}:\n${errors.join("\n")}`);
}
