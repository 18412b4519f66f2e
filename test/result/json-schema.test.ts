import { readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { expectResultsMatchContract, repoRoot, resultsBefore, tempDir } from "../cli/run.js";
import { expectMatchesSchema, generatedSchemaText, type ShippedSchema, shippedSchemas } from "../support/json-schema.js";

/**
 * The JSON Schemas under json-schema/ are committed and shipped in the package; they must be what
 * the zod schemas generate today. `UPDATE_SCHEMAS=1 npx vitest run test/result` rewrites them.
 */
const update = process.env.UPDATE_SCHEMAS === "1";

describe.each(Object.keys(shippedSchemas) as ShippedSchema[])("shipped JSON Schema: %s", (name) => {
  const file = path.join(repoRoot, shippedSchemas[name].file);
  if (update) writeFileSync(file, generatedSchemaText(name));

  it("is what its zod schema generates (not stale)", () => {
    expect(readFileSync(file, "utf8")).toBe(generatedSchemaText(name));
  });

  it("generates the same bytes twice", () => {
    expect(generatedSchemaText(name)).toBe(generatedSchemaText(name));
  });

  it("carries the contract's version as a constant", () => {
    const schema = JSON.parse(readFileSync(file, "utf8")) as { properties: { schema_version: { const: string } }; required: string[] };
    expect(schema.properties.schema_version.const).toBe(shippedSchemas[name].version);
    expect(schema.properties.schema_version.const).toMatch(/^\d+\.\d+\.\d+$/);
    expect(schema.required).toContain("schema_version");
  });

  it("is shipped in the package", () => {
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { files: string[] };
    expect(pkg.files).toContain(`${path.dirname(shippedSchemas[name].file)}/`);
  });
});

describe("committed reports match the shipped schemas", () => {
  const reports = [
    ["result", "reports/connexions-solidaires-2014.json"],
    ["result", "reports/fr/connexions-solidaires-2014.json"],
    ["comparison", "reports/connexions-solidaires-2014-vs-2015/connexions-solidaires-2014-vs-connexions-solidaires-2015.json"],
  ] as const;
  it.each(reports)("%s: %s", (name, file) => {
    expectMatchesSchema(name, JSON.parse(readFileSync(path.join(repoRoot, file), "utf8")), file);
  });

  it("refuses a result with a field the contract does not know, or without its version", () => {
    const result = JSON.parse(readFileSync(path.join(repoRoot, reports[0][1]), "utf8")) as Record<string, unknown>;
    expect(() => expectMatchesSchema("result", { ...result, surprise: 1 }, "a result with an extra field")).toThrow(/surprise/);
    const { schema_version: _, ...unversioned } = result;
    expect(() => expectMatchesSchema("result", unversioned, "a result without its version")).toThrow(/schema_version/);
  });
});

describe("the CLI test helper checks every result against the contract", () => {
  const result = readFileSync(path.join(repoRoot, "reports/connexions-solidaires-2014.json"), "utf8");

  it("checks what --json prints", () => {
    const before = resultsBefore(["report", "--json", "--out", "nowhere"], repoRoot);
    expect(() => expectResultsMatchContract(before, result)).not.toThrow();
    expect(() => expectResultsMatchContract(before, result.replace('"study":', '"studdy":'))).toThrow(/studdy/);
  });

  it("checks each .json file a run wrote or changed in --out, and leaves the others alone", async () => {
    const dir = await tempDir();
    const old = path.join(dir, "study.json");
    writeFileSync(old, "{}");
    utimesSync(old, new Date(0), new Date(0));
    const before = resultsBefore(["compare", "a.yaml", "b.yaml", `--out=${dir}`], repoRoot);
    expect(() => expectResultsMatchContract(before, "")).not.toThrow();
    writeFileSync(path.join(dir, "a-vs-b.json"), result);
    expect(() => expectResultsMatchContract(before, "")).toThrow(/a-vs-b\.json does not match json-schema\/comparison\.schema\.json/);
    rmSync(dir, { recursive: true, force: true });
  });

  it("has no contract for commands that print something else", () => {
    expect(() => expectResultsMatchContract(resultsBefore(["validate", "--json"], repoRoot), '{"x":1}')).not.toThrow();
  });
});
