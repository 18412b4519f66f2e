import { copyFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { expect, test } from "vitest";
import { cli, expectOneSentence, messy, tempDir } from "./run.js";

const SURVEY = "id,age,internet_use,monthly_resources_eur,comment\n1,34,never,850.50,a\n2,27,daily,1200,b\n";

/** A folder with `study.yaml` (one dataset, `survey`) and its schema. */
async function studyDir(): Promise<string> {
  const dir = await tempDir();
  await copyFile(messy("survey.schema.json"), path.join(dir, "survey.schema.json"));
  await writeFile(path.join(dir, "s.csv"), SURVEY);
  await writeFile(
    path.join(dir, "study.yaml"),
    [
      "study: local",
      "title: Local",
      "date: 2026-01-01",
      "datasets:",
      "  survey: { path: s.csv, schema: survey.schema.json }",
      "indicators:",
      "  - { id: resources_mean, label: Mean, dataset: survey, kind: mean, field: monthly_resources_eur }",
      "disclosure: { min_cell: 1 }",
      "",
    ].join("\n"),
  );
  return dir;
}

test("--data NAME=- reads the dataset from standard input, named stdin", async () => {
  const dir = await studyDir();
  const run = await cli(["validate", "study.yaml", "--data", "survey=-", "--json"], {
    cwd: dir,
    stdin: Readable.from([Buffer.from(SURVEY.replaceAll(",", ";"))]),
  });
  expect(run.code).toBe(0);
  const d = (JSON.parse(run.stdout) as { datasets: { path: string; delimiter: string; rows_accepted: number }[] }).datasets[0];
  expect(d).toMatchObject({ path: "stdin", delimiter: ";", rows_accepted: 2 });
});

test("report reads standard input too", async () => {
  const dir = await studyDir();
  const run = await cli(["report", "study.yaml", "--data", "survey=-", "--out", "out", "--json"], {
    cwd: dir,
    stdin: Readable.from([Buffer.from(SURVEY)]),
  });
  expect(run.code).toBe(0);
  expect((JSON.parse(run.stdout) as { datasets: { path: string }[] }).datasets[0]?.path).toBe("stdin");
});

test("only one dataset may be read from standard input", async () => {
  const run = await cli(["validate", "--data", "questionnaire=-", "--data", "interviews=-"], {
    stdin: Readable.from([Buffer.from(SURVEY)]),
  });
  expect(run.code).toBe(2);
  expectOneSentence(run.stderr);
  expect(run.stderr).toContain("only one dataset can be read from standard input");
});

test("init refuses standard input in one sentence: the study it writes reads its data again by path", async () => {
  const dir = await tempDir();
  for (const args of [
    ["init", "-", "--out", dir],
    ["init", "study.yaml", "-"],
    ["init", "s.csv", "--xlsform", "-", "--out", dir],
  ]) {
    const run = await cli(args, { cwd: dir, stdin: Readable.from([Buffer.from(SURVEY)]) });
    expect(run.code, args.join(" ")).toBe(2);
    expectOneSentence(run.stderr);
    expect(run.stderr).toContain("init: standard input (-) cannot be a study's data or form");
  }
});

test("with no study named, study.yaml in the working directory is used and named on stderr", async () => {
  const dir = await studyDir();
  const run = await cli(["validate", "--json"], { cwd: dir });
  expect(run.code).toBe(0);
  expect(run.stderr).toBe("using study.yaml in the working directory\n");
  expect((JSON.parse(run.stdout) as { datasets: { name: string }[] }).datasets.map((d) => d.name)).toEqual(["survey"]);
});

test("without study.yaml in the working directory, the bundled study is used, silently", async () => {
  const run = await cli(["validate", "--json"], { cwd: await tempDir() });
  expect(run.stderr).toBe("");
  expect((JSON.parse(run.stdout) as { datasets: { name: string }[] }).datasets[0]?.name).toBe("questionnaire");
});
