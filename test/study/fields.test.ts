import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchemasAndCheckFields } from "../../src/study/check-fields.js";
import { StudyFileError } from "../../src/study/errors.js";
import { bundledStudyPath, loadStudy } from "../../src/study/load.js";

const schema = {
  fields: [
    { name: "id", type: "integer" },
    { name: "internet_use", type: "string", categories: ["daily", "never"] },
    { name: "resources", type: "number" },
    { name: "housing", type: "string", categories: ["street", "housed"] },
    { name: "w", type: "number" },
  ],
};

async function check(indicators: string, extra = ""): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "fields-"));
  await writeFile(path.join(dir, "s.json"), JSON.stringify(schema));
  await writeFile(
    path.join(dir, "study.yaml"),
    `study: s\ntitle: T\ndatasets:\n  d: { path: d.csv, schema: s.json, design: { weights: w } }\n${extra}indicators:\n${indicators}`,
  );
  const loaded = await loadStudy(path.join(dir, "study.yaml"), "study.yaml");
  return loadSchemasAndCheckFields(loaded).then(
    () => null,
    (e: unknown) => {
      expect(e).toBeInstanceOf(StudyFileError);
      return (e as Error).message;
    },
  );
}

describe("fields a study names are checked against the schemas before any data is read", () => {
  it("accepts the bundled study", async () => {
    const schemas = await loadSchemasAndCheckFields(await loadStudy(bundledStudyPath()));
    expect([...schemas.keys()]).toEqual(["questionnaire", "youth", "interviews", "codings"]);
  });

  it("names an unknown field of a mean, a condition or a domain, with its line", async () => {
    expect(await check("  - { id: m, label: M, dataset: d, kind: mean, field: resource }\n")).toBe(
      'study.yaml, line 6 (indicators[0].field): unknown field "resource" in dataset d; its schema declares id, internet_use, resources, housing, w.',
    );
    expect(await check("  - { id: p, label: P, dataset: d, kind: proportion, when: { field: internet, equals: never } }\n")).toMatch(
      /\(indicators\[0\]\.when\): unknown field "internet"/,
    );
    expect(await check("  - { id: p, label: P, dataset: d, kind: mean, field: resources, domains: [hosing] }\n")).toMatch(
      /\(indicators\[0\]\.domains\[0\]\): unknown field "hosing"/,
    );
    expect(await check("  - { id: m, label: M, dataset: d, kind: mean, field: resources }\n", "domains: [age]\n")).toMatch(
      /\(domains\[0\]\): no dataset has a field "age"/,
    );
  });

  it("refuses a value that is not a category of the field it is compared with", async () => {
    expect(await check("  - { id: p, label: P, dataset: d, kind: proportion, when: { field: internet_use, equals: Never } }\n")).toMatch(
      /\(indicators\[0\]\.when\): "Never" is not a category of internet_use; its categories are daily, never\.$/,
    );
    expect(
      await check("  - { id: p, label: P, dataset: d, kind: mean, field: resources, contrasts: [{ field: housing, a: street, b: hotel }] }\n"),
    ).toMatch(/\(indicators\[0\]\.contrasts\[0\]\.b\): "hotel" is not a category of housing/);
  });

  it("checks design fields", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fields-"));
    await writeFile(path.join(dir, "s.json"), JSON.stringify(schema));
    await writeFile(path.join(dir, "study.yaml"), "study: s\ntitle: T\ndatasets:\n  d: { path: d.csv, schema: s.json, design: { weights: weight } }\n");
    await expect(loadSchemasAndCheckFields(await loadStudy(path.join(dir, "study.yaml"), "study.yaml"))).rejects.toThrow(
      /\(datasets\.d\.design\.weights\): unknown field "weight"/,
    );
  });
});
