import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { MAX_LEVELS } from "../../src/pipeline/index.js";
import { cli, expectOneSentence, messy, tempDir } from "./run.js";

/** The messy survey with `values` distinct comments, one per row, and a study over `indicator`. */
async function study(values: number, indicator: string): Promise<string> {
  const dir = await tempDir();
  await copyFile(messy("survey.schema.json"), path.join(dir, "survey.schema.json"));
  const rows = Array.from({ length: values }, (_, i) => `${i + 1},30,never,${100 + (i % 7)},c${i}`);
  await writeFile(path.join(dir, "survey.csv"), `id,age,internet_use,monthly_resources_eur,comment\n${rows.join("\n")}\n`);
  const file = path.join(dir, "study.yaml");
  await writeFile(
    file,
    `study: many-levels
title: Many levels
date: 2026-01-01
datasets:
  survey: { path: survey.csv, schema: survey.schema.json }
indicators:
${indicator}
disclosure: { min_cell: 1 }
`,
  );
  return file;
}

const distribution = "  - { id: comments, label: Comments, dataset: survey, kind: distribution, field: comment }";
const bySubgroup = "  - { id: resources, label: Resources, dataset: survey, kind: mean, field: monthly_resources_eur, domains: [comment] }";

// Each level is a column of the variance computation (rows × levels in time and memory):
// past the limit the run is refused in one sentence, exit 1, not left to run out of memory.
describe("levels of a subgroup field and categories of a distribution", () => {
  test("a distribution over more distinct values than the limit is refused, naming the indicator and field", async () => {
    const run = await cli(["report", await study(MAX_LEVELS + 1, distribution), "--out", await tempDir()]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain(`indicator "comments": field "comment" has 1,001 distinct values, more than the 1,000`);
  });

  test("a subgroup field with more levels than the limit is refused, naming the indicator and field", async () => {
    const run = await cli(["report", await study(MAX_LEVELS + 1, bySubgroup), "--out", await tempDir()]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain(`indicator "resources": field "comment" has 1,001 distinct values, more than the 1,000 subgroups`);
  });

  test("crossed fields with more combinations of levels than the limit are refused, naming the indicator and fields", async () => {
    // 251 comments × 4 declared frequencies of Internet use: 1,004 combinations, though only 251 occur.
    const crossed =
      "  - { id: resources, label: Resources, dataset: survey, kind: mean, field: monthly_resources_eur, domains: [[comment, internet_use]] }";
    const run = await cli(["report", await study(251, crossed), "--out", await tempDir()]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain(
      `indicator "resources": the crossed fields "comment" × "internet_use" have 1,004 combinations of levels, more than the 1,000 subgroups supported`,
    );
    const within = await cli(["report", await study(250, crossed), "--out", await tempDir()]);
    expect(within.stderr).not.toContain("combinations");
    expect(within.code).toBe(0);
  });

  test("up to the limit, both are estimated", async () => {
    for (const indicator of [distribution, bySubgroup]) {
      const run = await cli(["report", await study(MAX_LEVELS, indicator), "--out", await tempDir()]);
      expect(run.stderr).not.toContain("distinct values");
      expect(run.code).toBe(0);
    }
  }, 60_000);
});

describe("the level limits are checked before anything is estimated", () => {
  test("the refusal names the study file's line, the indicator, the field and its number of levels", async () => {
    const file = await study(MAX_LEVELS + 1, `  - { id: fine, label: Fine, dataset: survey, kind: mean, field: age }\n${bySubgroup}`);
    const run = await cli(["report", file, "--out", await tempDir()]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain(
      `study.yaml, line 8 (indicators[1].domains[0]): indicator "resources": field "comment" has 1,001 distinct values, more than the 1,000 subgroups supported`,
    );
  });

  test("a distribution over a numeric field with too many values suggests quantiles or bands", async () => {
    const numeric = "  - { id: spend, label: Spend, dataset: survey, kind: distribution, field: id }";
    const run = await cli(["report", await study(MAX_LEVELS + 1, numeric), "--out", await tempDir()]);
    expect(run.code).toBe(1);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain(
      `(indicators[0].field): indicator "spend": field "id" has 1,001 distinct values, more than the 1,000 distribution categories supported; for a numeric field, estimate its quantiles (kind: quantile) or cut it into bands (derive: bins).`,
    );
  });
});
