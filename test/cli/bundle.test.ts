import { spawnSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

// The built command line (`npm test` builds dist/ first) runs as one script with a V8 code cache
// (src/cli/bundle.ts, scripts/bundle-cli.js).

test("the built command line loads its bundle with the code cache, which V8 accepts", () => {
  const probe = [
    'import { loadBundle } from "./dist/cli/bundle.js";',
    "const b = loadBundle(true);",
    "console.log(JSON.stringify({ loaded: b !== undefined, rejected: b?.script.cachedDataRejected, main: typeof b?.entry.main }));",
  ].join("\n");
  const run = spawnSync(process.execPath, ["--input-type=module", "-e", probe], { cwd: repoRoot, encoding: "utf8" });
  expect(run.stderr).toBe("");
  expect(JSON.parse(run.stdout)).toEqual({ loaded: true, rejected: false, main: "function" });
});

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), "utf8");
  return out;
}

test("the bundled command line writes the same report as the sources, in French too", async () => {
  for (const lang of ["en", "fr"]) {
    const [built, sources] = [await tempDir(), await tempDir()];
    const args = ["report", "--lang", lang, "--out", "out"];
    const run = spawnSync(process.execPath, [path.join(repoRoot, "bin/exclusion-study.js"), ...args], { cwd: built, encoding: "utf8" });
    const expected = await cli(args, { cwd: sources });
    expect(run.status).toBe(expected.code);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.stderr).toBe(expected.stderr);
    expect(await snapshot(path.join(built, "out"))).toEqual(await snapshot(path.join(sources, "out")));
  }
});
