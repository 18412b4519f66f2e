import { access, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, messy, tempDir } from "./run.js";

const survey = "fixtures/messy/survey.study.yaml";
const clean = messy("survey-utf8.csv");
const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );

/** The messy survey with one row whose age is not a number. */
async function dataWithReject(dir: string): Promise<string> {
  const file = path.join(dir, "bad.csv");
  await writeFile(file, `${await readFile(clean, "utf8")}99,abc,never,10,x\n`);
  return file;
}

describe("a rejects file from an earlier run", () => {
  it("report removes it on a clean rerun, and --check fails while it is there", async () => {
    const out = await tempDir();
    const bad = await dataWithReject(out);
    const rejects = path.join(out, "survey.rejects.csv");
    await cli(["report", survey, "--data", `survey=${bad}`, "--out", out]);
    expect(await exists(rejects)).toBe(true);
    const left = await readFile(rejects);
    // Another tool's file and a dataset this study does not have are not ours to remove.
    await writeFile(path.join(out, "notes.csv"), "kept\n");
    await writeFile(path.join(out, "other.rejects.csv"), "kept\n");

    expect((await cli(["report", survey, "--data", `survey=${clean}`, "--out", out])).code).toBe(0);
    expect(await exists(rejects)).toBe(false);
    expect(await exists(path.join(out, "notes.csv"))).toBe(true);
    expect(await exists(path.join(out, "other.rejects.csv"))).toBe(true);
    expect((await cli(["report", survey, "--data", `survey=${clean}`, "--out", out, "--check"])).code).toBe(0);

    // Put back (say, by a checkout of an old commit): the report set is stale.
    await writeFile(rejects, left);
    const check = await cli(["report", survey, "--data", `survey=${clean}`, "--out", out, "--check"]);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain("survey.rejects.csv (no rejected rows now; remove it)");
  });

  it("validate --rejects removes it on a clean rerun", async () => {
    const dir = await tempDir();
    const bad = await dataWithReject(dir);
    const rejects = path.join(dir, "rj", "survey.rejects.csv");
    await cli(["validate", survey, "--data", `survey=${bad}`, "--rejects", path.join(dir, "rj")]);
    expect(await exists(rejects)).toBe(true);
    expect((await cli(["validate", survey, "--data", `survey=${clean}`, "--rejects", path.join(dir, "rj")])).code).toBe(0);
    expect(await exists(rejects)).toBe(false);
  });
});
