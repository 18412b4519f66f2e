// The dependency rule of docs/architecture.md, checked on the sources' import lines: which module
// may import which, and that a module is entered only through its index.ts (or one of the few
// second entries the command line loads lazily). Import cycles are checked by madge in CI.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const src = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../src");

/** Modules each module may import. Arrows point down the data flow; nothing imports cli. */
const ALLOWED: Record<string, readonly string[]> = {
  vocabulary: [],
  conditions: ["vocabulary"],
  ingest: ["vocabulary"],
  "table-schema": ["conditions", "vocabulary"],
  validate: ["ingest", "table-schema", "vocabulary"],
  estimate: ["table-schema"],
  qualitative: [],
  result: ["qualitative", "vocabulary"],
  xlsform: ["conditions", "table-schema"],
  study: ["conditions", "ingest", "result", "table-schema", "validate", "vocabulary", "xlsform"],
  pipeline: ["conditions", "estimate", "ingest", "qualitative", "result", "study", "table-schema", "validate", "vocabulary", "xlsform"],
  waves: ["conditions", "estimate", "result", "study"],
  report: ["qualitative", "result", "vocabulary", "waves"],
  output: [],
  synth: [],
  cli: [
    "conditions",
    "estimate",
    "ingest",
    "output",
    "pipeline",
    "report",
    "result",
    "study",
    "synth",
    "table-schema",
    "validate",
    "vocabulary",
    "waves",
    "xlsform",
  ],
};

/** Entries besides a module's index.ts, each loaded lazily by one command. */
const SECOND_ENTRIES = new Set([
  "study/scaffold/index.ts",
  "report/terminal/index.ts",
  "report/docx/index.ts",
  "pipeline/read-datasets.ts",
  "qualitative/result-schema.ts",
  "vocabulary/french.ts",
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith(".ts") ? [full] : [];
  });
}

interface Import {
  from: string;
  to: string;
}

function crossModuleImports(): Import[] {
  const out: Import[] = [];
  for (const file of sourceFiles(src)) {
    const from = path.relative(src, file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)) {
      const to = path.relative(src, path.resolve(path.dirname(file), m[1]!)).replace(/\.js$/, ".ts");
      if (moduleOf(to) !== moduleOf(from)) out.push({ from, to });
    }
  }
  return out;
}

const moduleOf = (rel: string): string => (rel.includes(path.sep) ? rel.split(path.sep)[0]! : "(entry)");

describe("module boundaries", () => {
  const imports = crossModuleImports();

  it("finds the imports it checks", () => {
    expect(imports.length).toBeGreaterThan(50);
  });

  it("every module is listed in the dependency rule", () => {
    const modules = new Set(sourceFiles(src).map((f) => moduleOf(path.relative(src, f))));
    modules.delete("(entry)");
    expect([...modules].sort()).toEqual(Object.keys(ALLOWED).sort());
  });

  it("modules import only the modules the rule allows", () => {
    const broken = imports
      .filter(({ from, to }) => moduleOf(from) !== "(entry)" && !ALLOWED[moduleOf(from)]?.includes(moduleOf(to)))
      .map(({ from, to }) => `${from} -> ${to}`);
    expect(broken).toEqual([]);
  });

  it("a module is entered through its index.ts or a declared second entry", () => {
    const isEntry = (to: string) => to === path.join(moduleOf(to), "index.ts") || SECOND_ENTRIES.has(to.split(path.sep).join("/"));
    // src/cli.ts, the program, starts the command line: it is no module's client.
    const deep = imports.filter(({ from, to }) => moduleOf(from) !== "(entry)" && !isEntry(to)).map(({ from, to }) => `${from} -> ${to}`);
    expect(deep).toEqual([]);
  });
});
