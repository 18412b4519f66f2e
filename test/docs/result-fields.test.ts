import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../cli/run.js";
import { readShippedSchema, type ShippedSchema } from "../support/json-schema.js";
import { jsonSchemaPaths } from "./json-paths.js";

/**
 * docs/result.md explains every field of both JSON contracts: each property path of the shipped
 * JSON Schemas appears there in backticks, and each path in its tables' first column exists.
 */
const doc = readFileSync(path.join(repoRoot, "docs/result.md"), "utf8");
/** The documented paths, section by section: first cells of the field tables. */
const documented = (heading: string, next: string | undefined): string[] => {
  const start = doc.indexOf(`\n## ${heading}`);
  const end = next === undefined ? doc.length : doc.indexOf(`\n## ${next}`, start + 1);
  return [...doc.slice(start, end).matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1] as string);
};

describe.each([
  ["result", "The study result", "The comparison of two waves"],
  ["comparison", "The comparison of two waves", undefined],
] as const)("docs/result.md documents the %s", (name: ShippedSchema, heading, next) => {
  const paths = jsonSchemaPaths(readShippedSchema(name));
  const rows = documented(heading, next);

  it("has a section", () => {
    expect(doc).toContain(`\n## ${heading}\n`);
    expect(paths.length).toBeGreaterThan(20);
  });

  it("explains every property path of the JSON Schema", () => {
    expect(paths.filter((p) => !rows.includes(p))).toEqual([]);
  });

  it("documents no field the JSON Schema lacks, and none twice", () => {
    expect(rows.filter((p) => !paths.includes(p))).toEqual([]);
    expect(rows.filter((p, i) => rows.indexOf(p) !== i)).toEqual([]);
  });
});

describe("the property paths of a JSON Schema", () => {
  it("walk objects, arrays, maps, nullable choices and references", () => {
    const schema = {
      type: "object",
      properties: {
        a: { type: "array", items: { type: "object", properties: { b: { type: "string" } } } },
        m: { type: "object", additionalProperties: { $ref: "#/$defs/cell" } },
        n: { anyOf: [{ type: "object", properties: { c: { type: "number" } } }, { type: "null" }] },
        t: { type: "array", prefixItems: [{ type: "number" }], items: false },
      },
      $defs: { cell: { type: "object", properties: { d: { type: "integer" } } } },
    };
    expect(jsonSchemaPaths(schema)).toEqual(["a", "a[].b", "m", "m.NAME.d", "n", "n.c", "t"]);
  });
});
