import { spawnSync } from "node:child_process";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

// The built command line (`npm test` builds first) is the bundle of the same sources the
// in-process tests run: these tests check the two agree, and what only the build adds.

const bin = path.join(repoRoot, "bin/exclusion-study.js");

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile())
      // PNG charts and Word documents compared byte for byte (as base64), text as text.
      out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(
        path.join(entry.parentPath, entry.name),
        /\.(png|docx)$/.test(entry.name) ? "base64" : "utf8",
      );
  return out;
}

test("the built command line writes the same report as the sources, in French too", async () => {
  // English in the bundled study's formats (the bundle's WebAssembly renderer and Word library),
  // French as Markdown: the languages differ in text only, and the PNGs cost seconds a run.
  for (const lang of ["en", "fr"]) {
    const [built, sources] = [await tempDir(), await tempDir()];
    const args = ["report", "--lang", lang, ...(lang === "fr" ? ["--format", "md"] : []), "--out", "out"];
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: built, encoding: "utf8" });
    const expected = await cli(args, { cwd: sources });
    expect(run.status).toBe(expected.code);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.stderr).toBe(expected.stderr);
    expect(await snapshot(path.join(built, "out"))).toEqual(await snapshot(path.join(sources, "out")));
  }
  // Two runs of the bundled study drawing its PNG charts and writing its Word document.
}, 90_000);

test("with --debug, a stack trace names the TypeScript sources", async () => {
  const run = spawnSync(process.execPath, [bin, "report", "no-such-study.yaml", "--debug"], { cwd: await tempDir(), encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^exclusion-study: no-such-study\.yaml: no such file\.\n/);
  expect(run.stderr).toMatch(/\(.*[\\/]src[\\/]study[\\/]load\.ts:\d+:\d+\)/);
  expect(run.stderr).not.toMatch(/[\\/]dist[\\/]/);
});

/** The files (repository-relative) the built command line loads as ES modules for `args`. */
async function filesLoadedBy(args: string[]): Promise<string[]> {
  const dir = await tempDir();
  const log = path.join(dir, "loaded.txt");
  const hooks = `import { appendFileSync } from "node:fs";
export async function load(url, context, next) {
  appendFileSync(${JSON.stringify(log)}, url + "\\n");
  return next(url, context);
}`;
  await writeFile(path.join(dir, "hooks.mjs"), hooks);
  await writeFile(path.join(dir, "register.mjs"), 'import { register } from "node:module";\nregister("./hooks.mjs", import.meta.url);\n');
  const run = spawnSync(process.execPath, ["--import", path.join(dir, "register.mjs"), bin, ...args], { cwd: dir, encoding: "utf8" });
  expect(run.status).toBe(0);
  const root = `${pathToFileURL(repoRoot).href}/`;
  return (await readFile(log, "utf8"))
    .split("\n")
    .filter((url) => url.startsWith(root))
    .map((url) => url.slice(root.length));
}

/**
 * The modules (repository-relative sources) the built command line loads for `args`: the
 * bundle's chunks carry many modules each, so read which from each loaded chunk's source map.
 */
async function modulesLoadedBy(args: string[]): Promise<string[]> {
  const files = await filesLoadedBy(args);
  // Only the bin and the bundle's chunks: never tsc's one-module-per-file output.
  expect(files.filter((f) => !/^(bin\/|dist\/bundle\/)/.test(f))).toEqual([]);
  const modules = new Set<string>();
  for (const chunk of files.filter((f) => f.startsWith("dist/bundle/"))) {
    // A chunk with no source map holds no source module: the bundler's runtime helpers, or
    // a chunk that only re-exports another.
    if (!(await readFile(path.join(repoRoot, chunk), "utf8")).includes("//# sourceMappingURL=")) continue;
    const map = JSON.parse(await readFile(path.join(repoRoot, `${chunk}.map`), "utf8")) as { sources: string[] };
    for (const source of map.sources)
      modules.add(
        path
          .relative(repoRoot, path.resolve(repoRoot, path.dirname(chunk), source))
          .split(path.sep)
          .join("/"),
      );
  }
  return [...modules];
}

test("the built command line keeps V8's young generation at its first size", async () => {
  // The bundled study's report grows it to 16 MB where V8 is left to its default.
  const probe = `data:text/javascript,import v8 from "node:v8"; process.on("exit", () => process.stderr.write("young " + v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size + "\\n"));`;
  const out = await tempDir();
  const run = spawnSync(process.execPath, ["--import", probe, bin, "report", "--format", "md", "--out", out], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  expect(run.status).toBe(0);
  const young = Number(/young (\d+)/.exec(run.stderr)?.[1]);
  expect(young).toBeGreaterThan(0);
  expect(young).toBeLessThanOrEqual(2 * 2 ** 20);
});

test("--help loads commander, the command definitions and their catalogue, nothing else", async () => {
  const loaded = await modulesLoadedBy(["--help"]);
  expect(loaded).toContain("src/cli/main.ts");
  const others = loaded.filter(
    // The catalogue's French typography (src/vocabulary/french.ts) is a leaf of constants.
    (f) =>
      !/^(src\/cli\.ts$|src\/cli\/(main|io|full-collection|errors|version|i18n\/(index|en|fr))\.ts$|src\/vocabulary\/french\.ts$|node_modules\/commander\/)/.test(
        f,
      ),
  );
  expect(others).toEqual([]);
});

test("validate loads neither estimation, qualitative analysis, report rendering nor the distribution functions", async () => {
  const loaded = await modulesLoadedBy(["validate", "--json"]);
  expect(loaded).toContain("src/pipeline/read-datasets.ts");
  // The qualitative result's zod schema is part of the result's contract, not of the analysis.
  const unneeded = loaded.filter((f) =>
    /^(src\/estimate\/|src\/qualitative\/(?!result-schema\.ts$)|src\/report\/render|node_modules\/(@stdlib|chalk|cli-table3)\/)/.test(f),
  );
  expect(unneeded).toEqual([]);
});
