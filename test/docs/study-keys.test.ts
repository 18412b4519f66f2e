import { describe, expect, it } from "vitest";
import { indicatorKinds } from "../../src/result/kinds.js";
import { indicatorSchemas } from "../../src/study/indicators/index.js";
import { studySchema } from "../../src/study/study-file.js";
import { tables } from "./markdown.js";
import { keyPaths } from "./study-keys.js";

/**
 * docs/study-file.md documents exactly the keys the study-file validator accepts: every table
 * whose first header cell is "Key" lists dotted key paths (`indicators[].ci_method`) in its first
 * column. A key the schema accepts but the page omits fails, and so does a documented key the
 * schema does not have.
 */
function documentedKeys(): string[] {
  const keys: string[] = [];
  for (const table of tables("docs/study-file.md")) {
    const [header, ...rows] = table;
    if (header?.[0]?.trim() !== "Key") continue;
    for (const row of rows) {
      const m = /^`([^`]+)`$/.exec(row[0]?.trim() ?? "");
      if (!m) throw new Error(`docs/study-file.md: a "Key" table row does not start with one key in backticks: ${row.join(" | ")}`);
      keys.push(m[1] as string);
    }
  }
  return keys;
}

describe("docs/study-file.md", () => {
  const schemaKeys = keyPaths(studySchema);
  const docKeys = documentedKeys();

  it("walks the study schema (sanity check of the walker)", () => {
    expect(schemaKeys).toContain("indicators[].published.precision");
    expect(schemaKeys).toContain("datasets.NAME.design.lonely_psu");
    expect(schemaKeys).toContain("qualitative.coders_separator");
  });

  it("documents every key the study schema accepts", () => {
    expect(schemaKeys.filter((k) => !docKeys.includes(k))).toEqual([]);
  });

  it("documents no key the study schema does not accept", () => {
    expect(docKeys.filter((k) => !schemaKeys.includes(k))).toEqual([]);
  });

  it("documents each key once", () => {
    expect(docKeys.filter((k, i) => docKeys.indexOf(k) !== i)).toEqual([]);
  });
});

/**
 * The "Indicator key" table: one row per key, one column per kind, each cell "required",
 * "optional" or "–" (refused), exactly as each kind's schema says.
 */
describe("docs/study-file.md: keys by kind", () => {
  const table = tables("docs/study-file.md").find((t) => t[0]?.[0]?.trim() === "Indicator key");
  const unquote = (cell: string | undefined): string => cell?.trim().replace(/^`(.*)`$/, "$1") ?? "";

  it("has one column per kind, in the order of result/kinds.ts", () => {
    expect(table?.[0]?.slice(1).map(unquote)).toEqual([...indicatorKinds]);
  });

  it("says for every kind which keys it requires, accepts and refuses", () => {
    const documented = Object.fromEntries((table ?? []).slice(1).map((row) => [unquote(row[0]), row.slice(1).map((c) => c.trim())]));
    const keys = new Set(indicatorKinds.flatMap((kind) => Object.keys(indicatorSchemas[kind].shape)));
    const expected = Object.fromEntries(
      [...keys].map((key) => [
        key,
        indicatorKinds.map((kind) => {
          const schema = Object.entries(indicatorSchemas[kind].shape).find(([k]) => k === key)?.[1];
          return schema === undefined ? "–" : schema.safeParse(undefined).success ? "optional" : "required";
        }),
      ]),
    );
    expect(documented).toEqual(expected);
  });
});
