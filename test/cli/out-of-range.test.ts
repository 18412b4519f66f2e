import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, tempDir } from "./run.js";

const survey = "fixtures/messy/survey.study.yaml";

describe("SOURCE_DATE_EPOCH out of range: one sentence, exit 2", () => {
  it.each(["99999999999999", "253402300800", "-1", "1.5", "soon"])("SOURCE_DATE_EPOCH=%s is refused", async (value) => {
    const out = await tempDir();
    const { code, stderr } = await cli(["report", survey, "--out", out], { env: { SOURCE_DATE_EPOCH: value } });
    expect(code).toBe(2);
    expectOneSentence(stderr);
    expect(stderr).toContain(`SOURCE_DATE_EPOCH=${value}: expected whole seconds since 1970, from 0 to 253402300799`);
    expect(stderr).not.toContain("internal error");
  });

  it.each([
    ["0", "1970-01-01"],
    ["253402300799", "9999-12-31"],
  ])("SOURCE_DATE_EPOCH=%s, a bound of the range, dates the report %s", async (value, date) => {
    const out = await tempDir();
    const { code } = await cli(["report", survey, "--out", out], { env: { SOURCE_DATE_EPOCH: value } });
    expect(code).toBe(0);
    expect(JSON.parse(await readFile(path.join(out, "messy-survey.json"), "utf8")).generated).toBe(date);
  });
});

describe("generate --rows out of range: one sentence, exit 2", () => {
  it.each([
    ["20000000", "--rows 20000000: expected a whole number from 28 to 4,000,000."],
    ["27", "--rows 27: expected a whole number from 28 to 4,000,000."],
  ])("--rows %s is refused before anything is generated", async (rows, sentence) => {
    const dir = await tempDir();
    const { code, stderr } = await cli(["generate", dir, "--rows", rows]);
    expect(code).toBe(2);
    expectOneSentence(stderr);
    expect(stderr).toContain(sentence);
  });
});
