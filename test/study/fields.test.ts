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

async function check(indicators: string, extra = "", moreFields: { name: string; type: string }[] = []): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "fields-"));
  await writeFile(path.join(dir, "s.json"), JSON.stringify({ fields: [...schema.fields, ...moreFields] }));
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

/** The sentence a study refused when it is loaded (before its fields are checked) says. */
const refused = (indicators: string, extra = ""): Promise<string | null> =>
  check(indicators, extra).catch((e: unknown) => {
    expect(e).toBeInstanceOf(StudyFileError);
    return (e as Error).message;
  });

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

  it("checks each field of a crossed domain, naming its place in the list", async () => {
    expect(
      await check("  - { id: p, label: P, dataset: d, kind: mean, field: resources, domains: [[housing, internet_use]] }\n"),
    ).toBeNull();
    expect(
      await check("  - { id: p, label: P, dataset: d, kind: mean, field: resources, domains: [housing, [housing, gendre]] }\n"),
    ).toMatch(/\(indicators\[0\]\.domains\[1\]\[1\]\): unknown field "gendre" in dataset d/);
    expect(await check("  - { id: m, label: M, dataset: d, kind: mean, field: resources }\n", "domains: [[housing, age]]\n")).toMatch(
      /\(domains\[0\]\): no dataset has all the crossed fields "housing", "age"\.$/,
    );
  });

  it("refuses a crossed domain of one field, of the same field twice, or of something else than names, in one sentence", async () => {
    const sentence =
      "a domain is a field name, or a list of two or more different field names to cross (every combination of their levels), e.g. [housing, age_band].";
    for (const domains of ['[""]', "[[housing]]", "[[housing, housing]]", "[[housing, 3]]", "[{ field: housing }]"]) {
      const message = await refused(`  - { id: p, label: P, dataset: d, kind: mean, field: resources, domains: ${domains} }\n`);
      expect(message, domains).toMatch(/^study\.yaml, line 6 \(indicators\[0\]\.domains\[0\]\): /);
      expect(message, domains).toContain(sentence);
    }
    expect(
      await refused("  - { id: m, label: M, dataset: d, kind: mean, field: resources }\n", "domains: [housing, [internet_use]]\n"),
    ).toMatch(/^study\.yaml, line 5 \(domains\[1\]\): a domain is a field name/);
  });

  it("refuses a value that is not a category of the field it is compared with", async () => {
    expect(await check("  - { id: p, label: P, dataset: d, kind: proportion, when: { field: internet_use, equals: Never } }\n")).toMatch(
      /\(indicators\[0\]\.when\): "Never" is not a category of internet_use; its categories are daily, never\.$/,
    );
    expect(
      await check(
        "  - { id: p, label: P, dataset: d, kind: mean, field: resources, contrasts: [{ field: housing, a: street, b: hotel }] }\n",
      ),
    ).toMatch(/\(indicators\[0\]\.contrasts\[0\]\.b\): "hotel" is not a category of housing/);
  });

  it("checks design fields", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "fields-"));
    await writeFile(path.join(dir, "s.json"), JSON.stringify(schema));
    await writeFile(
      path.join(dir, "study.yaml"),
      "study: s\ntitle: T\ndatasets:\n  d: { path: d.csv, schema: s.json, design: { weights: weight } }\n",
    );
    await expect(loadSchemasAndCheckFields(await loadStudy(path.join(dir, "study.yaml"), "study.yaml"))).rejects.toThrow(
      /\(datasets\.d\.design\.weights\): unknown field "weight"/,
    );
  });
});

describe("a mean, total, quantile or ratio of a field that is not numeric is refused when the study is loaded", () => {
  const more = [
    { name: "visit", type: "date" },
    { name: "email", type: "boolean" },
  ];
  const refused = (line: string): Promise<string | null> => check(`  - { id: x, label: X, dataset: d, ${line} }\n`, "", more);
  const cases: { kind: string; line: string; message: string }[] = [
    {
      kind: "mean",
      line: "kind: mean, field: housing",
      message:
        'study.yaml, line 6 (indicators[0].field): indicator "x" (kind mean) needs a numeric field, but "housing" is a string field in dataset d; use a number, integer or boolean field.',
    },
    {
      kind: "total",
      line: "kind: total, field: visit",
      message:
        'study.yaml, line 6 (indicators[0].field): indicator "x" (kind total) needs a numeric field, but "visit" is a date field in dataset d; use a number, integer or boolean field.',
    },
    {
      kind: "quantile",
      line: "kind: quantile, field: internet_use, probs: [0.5]",
      message:
        'study.yaml, line 6 (indicators[0].field): indicator "x" (kind quantile) needs a numeric field, but "internet_use" is a string field in dataset d; use a number, integer or boolean field.',
    },
    {
      kind: "ratio",
      line: "kind: ratio, numerator: housing, denominator: resources",
      message:
        'study.yaml, line 6 (indicators[0].numerator): indicator "x" (kind ratio) needs a numeric field, but "housing" is a string field in dataset d; use a number, integer or boolean field.',
    },
    {
      kind: "mean_of_ratios",
      line: "kind: mean_of_ratios, numerator: resources, denominator: visit",
      message:
        'study.yaml, line 6 (indicators[0].denominator): indicator "x" (kind mean_of_ratios) needs a numeric field, but "visit" is a date field in dataset d; use a number, integer or boolean field.',
    },
  ];
  it.each(cases)("$kind", async ({ line, message }) => {
    expect(await refused(line)).toBe(message);
  });

  it("accepts number, integer and boolean fields, and a distribution of any field", async () => {
    expect(await refused("kind: mean, field: resources")).toBeNull();
    expect(await refused("kind: total, field: id")).toBeNull();
    expect(await refused("kind: mean, field: email")).toBeNull();
    expect(await refused("kind: ratio, numerator: email, denominator: id")).toBeNull();
    expect(await refused("kind: distribution, field: housing")).toBeNull();
  });
});
