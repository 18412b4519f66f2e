import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

describe("exclusion-study generate", () => {
  it("writes the four synthetic files; seed 2014 gives the committed fixture byte for byte", async () => {
    const dir = await tempDir();
    const { code } = await cli(["generate", dir, "--seed", "2014"]);
    expect(code).toBe(0);
    const files = (await readdir(dir)).sort();
    expect(files).toEqual(["codings.csv", "interviews.csv", "questionnaire.csv", "youth.csv"]);
    for (const f of files) {
      const committed = await readFile(path.join(repoRoot, "fixtures/connexions-solidaires-2014", f), "utf8");
      expect(await readFile(path.join(dir, f), "utf8"), f).toBe(committed);
    }
  });

  it("honours --rows and changes with the seed", async () => {
    const a = await tempDir();
    const b = await tempDir();
    await cli(["generate", a, "--seed", "1", "--rows", "500"]);
    await cli(["generate", b, "--seed", "2", "--rows", "500"]);
    const qa = await readFile(path.join(a, "questionnaire.csv"), "utf8");
    const qb = await readFile(path.join(b, "questionnaire.csv"), "utf8");
    expect(qa.trimEnd().split("\n")).toHaveLength(501);
    expect(qa).not.toBe(qb);
  });

  it("refuses a seed or a row count that is not a whole number: exit 2", async () => {
    const dir = await tempDir();
    expect((await cli(["generate", dir, "--seed", "abc"])).code).toBe(2);
    expect((await cli(["generate", dir, "--rows", "-3"])).code).toBe(2);
  });
});
