import { spawnSync } from "node:child_process";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

// The built command line (`npm test` builds dist/ first) is tsc's output of the same sources
// the in-process tests run: these tests check the two agree, and what only the build adds.

const bin = path.join(repoRoot, "bin/exclusion-study.js");

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) out[path.relative(dir, path.join(entry.parentPath, entry.name))] = await readFile(path.join(entry.parentPath, entry.name), "utf8");
  return out;
}

test("the built command line writes the same report as the sources, in French too", async () => {
  for (const lang of ["en", "fr"]) {
    const [built, sources] = [await tempDir(), await tempDir()];
    const args = ["report", "--lang", lang, "--out", "out"];
    const run = spawnSync(process.execPath, [bin, ...args], { cwd: built, encoding: "utf8" });
    const expected = await cli(args, { cwd: sources });
    expect(run.status).toBe(expected.code);
    expect(run.stdout).toBe(expected.stdout);
    expect(run.stderr).toBe(expected.stderr);
    expect(await snapshot(path.join(built, "out"))).toEqual(await snapshot(path.join(sources, "out")));
  }
});

test("with --debug, a stack trace names the TypeScript sources", async () => {
  const run = spawnSync(process.execPath, [bin, "report", "no-such-study.yaml", "--debug"], { cwd: await tempDir(), encoding: "utf8" });
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/^exclusion-study: no-such-study\.yaml: no such file\.\n/);
  expect(run.stderr).toMatch(/\(.*[\\/]src[\\/]study[\\/]load\.ts:\d+:\d+\)/);
  expect(run.stderr).not.toMatch(/[\\/]dist[\\/]/);
});
