import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot } from "./run.js";

describe("--help and --version", () => {
  it("prints the version from package.json", async () => {
    const pkg = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));
    const { code, stdout } = await cli(["--version"]);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
  });

  it("lists the commands and the exit codes", async () => {
    const { code, stdout } = await cli(["--help"]);
    expect(code).toBe(0);
    for (const command of ["validate", "report", "reproduce", "generate"]) expect(stdout).toContain(command);
    expect(stdout).toContain("Exit codes: 0 success; 1");
  });

  it.each(["validate", "report", "reproduce", "generate"])("shows an example for %s", async (command) => {
    const { code, stdout } = await cli([command, "--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`Examples?:\\n\\s+\\$ exclusion-study ${command}`));
  });
});
