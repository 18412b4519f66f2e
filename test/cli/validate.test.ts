import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, messy, tempDir } from "./run.js";

const survey = "fixtures/messy/survey.study.yaml";

describe("exclusion-study validate", () => {
  it("accepts the bundled study and reconciles every row", async () => {
    const { code, stdout } = await cli(["validate", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.valid).toBe(true);
    expect(result.datasets.map((d: { name: string }) => d.name)).toEqual(["questionnaire", "youth", "interviews", "codings"]);
    for (const d of result.datasets) expect(d.rows_read).toBe(d.rows_accepted + d.rows_rejected);
  });

  it("lists line-numbered issues, exits 1, and writes neutralised rejects", async () => {
    const dir = await tempDir();
    const { code, stdout, stderr } = await cli(["validate", survey, "--data", `survey=${messy("hostile.csv")}`, "--rejects", dir]);
    expect(code).toBe(1);
    expect(stdout).toContain("4 rows read = 2 accepted + 2 rejected");
    expect(stdout).toContain('line 3, field age: "abc" is not an integer');
    expect(stderr).toContain("survey.rejects.csv");
    const rejects = await readFile(path.join(dir, "survey.rejects.csv"), "utf8");
    expect(rejects).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    expect(rejects).toContain("'+cmd|calc");
    expect(rejects).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });

  it("gives issues in JSON with code, severity, line, field, value and message", async () => {
    const { stdout } = await cli(["validate", survey, "--data", `survey=${messy("hostile.csv")}`, "--json"]);
    const result = JSON.parse(stdout);
    expect(result.valid).toBe(false);
    expect(result.datasets[0]).toMatchObject({ rows_read: 4, rows_accepted: 2, rows_rejected: 2 });
    expect(result.datasets[0].issues[0]).toEqual({
      code: "type-error",
      severity: "error",
      line: 3,
      field: "age",
      value: "abc",
      message: 'line 3, field age: "abc" is not an integer',
    });
  });

  it("tolerates a stated number or share of rejected rows", async () => {
    const args = ["validate", survey, "--data", `survey=${messy("hostile.csv")}`];
    expect((await cli([...args, "--max-rejected", "2"])).code).toBe(0);
    expect((await cli([...args, "--max-rejected", "50%"])).code).toBe(0);
    expect((await cli([...args, "--max-rejected", "1"])).code).toBe(1);
    expect((await cli([...args, "--max-rejected", "10%"])).code).toBe(1);
    const bad = await cli([...args, "--max-rejected", "lots"]);
    expect(bad.code).toBe(2);
  });
});
