import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

const survey = "fixtures/messy/survey.study.yaml";

/** The words a POSIX shell makes of a command line, without running it. */
function shellWords(line: string, cwd: string): string[] {
  const out = execFileSync("sh", ["-c", `set -- ${line}; printf '%s\\0' "$@"`], { encoding: "utf8", cwd });
  return out.split("\0").slice(0, -1);
}

describe("the command line printed in a report", () => {
  it("is quoted for a POSIX shell: pasted, it gives back the arguments as typed and runs nothing", async () => {
    const parent = await tempDir();
    const out = path.join(parent, "my reports $(touch pwned) it's `x`");
    const { code } = await cli(["report", survey, "--out", out]);
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(path.join(out, "messy-survey.json"), "utf8")) as { command: string };
    expect(shellWords(result.command, parent)).toEqual(["exclusion-study", "report", survey, "--out", out]);
    await expect(readFile(path.join(parent, "pwned"))).rejects.toThrow();
    expect(await readFile(path.join(out, "messy-survey.md"), "utf8")).toContain(result.command);
  });

  it("leaves plain arguments bare, as the bundled reports show them", async () => {
    const parent = await tempDir();
    const study = path.join(repoRoot, survey);
    const { code } = await cli(["report", study, "--out", "plain-dir_1/a.b", "--lang", "fr"], { cwd: parent });
    expect(code).toBe(0);
    const result = JSON.parse(await readFile(path.join(parent, "plain-dir_1/a.b/messy-survey.json"), "utf8")) as { command: string };
    expect(result.command).toBe(`exclusion-study report ${study} --out plain-dir_1/a.b --lang fr`);
  });
});
