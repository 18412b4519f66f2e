import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { StudyFileError } from "../../src/study/errors.js";
import { bundledStudyPath, loadStudy } from "../../src/study/load.js";

async function studyFile(text: string, name = "study.yaml"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "study-"));
  const file = path.join(dir, name);
  await writeFile(file, text);
  return file;
}

const minimal = `study: demo
title: Demo
datasets:
  survey: { path: data/survey.csv, schema: survey.schema.json }
indicators:
  - id: never
    label: Never online
    dataset: survey
    kind: proportion
    when: { field: internet_use, equals: never }
`;

async function loadError(text: string): Promise<string> {
  const file = await studyFile(text);
  const error = await loadStudy(file, "study.yaml").then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudyFileError);
  return (error as Error).message;
}

describe("study files", () => {
  it("loads the bundled study, with defaults and paths resolved against the file", async () => {
    const loaded = await loadStudy(bundledStudyPath());
    expect(loaded.study.study).toBe("connexions-solidaires-2014");
    expect(loaded.study.disclosure.min_cell).toBe(10);
    expect(loaded.study.indicators.filter((i) => "published" in i && i.published).length).toBe(8);
    expect(loaded.resolved.questionnaire?.data).toBe(
      path.resolve(path.dirname(bundledStudyPath()), "../../fixtures/connexions-solidaires-2014/questionnaire.csv"),
    );
  });

  it("reads JSON as well as YAML, and fills defaults", async () => {
    const file = await studyFile(
      JSON.stringify({ study: "demo", title: "Demo", datasets: { s: { path: "a.csv", schema: "a.json" } } }),
      "study.json",
    );
    const loaded = await loadStudy(file);
    expect(loaded.study.lang).toBe("en");
    expect(loaded.study.level).toBe(0.95);
    expect(loaded.study.datasets.s?.rename).toEqual({});
  });

  it("names the line and key of a wrong value, and what would fix it", async () => {
    expect(await loadError(minimal.replace("kind: proportion", "kind: percentage"))).toMatch(
      /^study\.yaml, line 9 \(indicators\[0\]\.kind\): expected one of "proportion", "distribution"/,
    );
  });

  it("names unknown keys", async () => {
    expect(await loadError(minimal.replace("title: Demo", "title: Demo\ntitel: Typo"))).toMatch(
      /^study\.yaml, line 3: unknown key "titel"; check the spelling/,
    );
  });

  it("says which key a kind needs", async () => {
    expect(await loadError(minimal.replace("    when: { field: internet_use, equals: never }\n", ""))).toMatch(
      /\(indicators\[0\]\.when\): required for kind "proportion"/,
    );
  });

  it("checks references to datasets and baselines", async () => {
    expect(await loadError(minimal.replace("dataset: survey", "dataset: sruvey"))).toMatch(
      /line 8 \(indicators\[0\]\.dataset\): unknown dataset "sruvey"; declared: survey/,
    );
    expect(await loadError(`${minimal}    baseline: national\n`)).toMatch(/unknown baseline "national"/);
  });

  it("reports YAML syntax errors with their line, and missing files plainly", async () => {
    expect(await loadError("study: demo\ntitle: [unclosed\n")).toMatch(/^study\.yaml, line \d+: not valid YAML or JSON/);
    await expect(loadStudy("/nonexistent/study.yaml", "missing.yaml")).rejects.toThrow("missing.yaml: no such file.");
  });
});
