import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { cli, expectOneSentence, messy, tempDir } from "./run.js";

/** The messy survey's schema over `rows` (id, age, internet_use, resources, comment), and a study of one cross-table. */
async function study(rows: string[], indicator: string): Promise<{ file: string; dir: string }> {
  const dir = await tempDir();
  await copyFile(messy("survey.schema.json"), path.join(dir, "survey.schema.json"));
  await writeFile(path.join(dir, "survey.csv"), `id,age,internet_use,monthly_resources_eur,comment\n${rows.join("\n")}\n`);
  const file = path.join(dir, "study.yaml");
  await writeFile(
    file,
    `study: crosstab
title: Cross-table
date: 2026-01-01
datasets:
  survey: { path: survey.csv, schema: survey.schema.json }
indicators:
${indicator}
disclosure: { min_cell: 1 }
`,
  );
  return { file, dir };
}

const table = "  - { id: use_by_comment, label: Use by comment, dataset: survey, kind: crosstab, rows: comment, columns: internet_use }";

describe("a cross-table through the CLI", () => {
  test("a category without respondents: the table, and the test not available with its reason, no NaN", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i + 1},30,${i % 2 === 0 ? "never" : "daily"},100,c${i % 3}`);
    const { file, dir } = await study(rows, table);
    const run = await cli(["report", file, "--out", dir, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toMatch(/NaN|Infinity/);
    const result = JSON.parse(run.stdout) as { indicators: { n: number; crosstab: { test: { f: unknown; not_available: string } } }[] };
    const ind = result.indicators[0];
    expect(ind?.n).toBe(30);
    expect(ind?.crosstab.test.f).toBeNull();
    expect(ind?.crosstab.test.not_available).toMatch(/^no respondent in internet_use = "[^"]+": drop or merge the category to test$/);
    const md = await readFile(path.join(dir, "crosstab.md"), "utf8");
    expect(md).toContain("Test of independence not available: no respondent in internet_use");
    expect(md).not.toMatch(/NaN/);
  });

  test("more cells than the limit is refused in one sentence, naming the indicator and both fields", async () => {
    const rows = Array.from({ length: 101 }, (_, i) => `${i + 1},30,never,100,c${i}`);
    const run = await cli(["report", (await study(rows, table)).file, "--out", await tempDir()]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain('indicator "use_by_comment": the cross-table of "comment" (101 categories) by "internet_use"');
    expect(run.stderr).toContain("more than the 400 supported");
  });
});
