import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchemasAndCheckFields } from "../../src/study/check-fields.js";
import { StudyFileError } from "../../src/study/errors.js";
import { loadStudy } from "../../src/study/load.js";
import { cli, expectOneSentence } from "../cli/run.js";

const schema = {
  fields: [
    { name: "age", type: "integer" },
    { name: "internet_use", type: "string", categories: ["daily", "weekly", "never"] },
    { name: "resources", type: "number" },
    { name: "spend", type: "number" },
    { name: "w", type: "number" },
  ],
};

/** A study whose dataset d declares `derive` (YAML lines under `derive:`), then `rest`. */
async function write(derive: string, rest = ""): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "derived-"));
  await writeFile(path.join(dir, "s.json"), JSON.stringify(schema));
  await writeFile(path.join(dir, "d.csv"), "age,internet_use,resources,spend,w\n30,daily,800,40,1\n");
  const file = path.join(dir, "study.yaml");
  await writeFile(file, `study: s\ntitle: T\ndatasets:\n  d:\n    path: d.csv\n    schema: s.json\n    derive:\n${derive}${rest}`);
  return file;
}

async function problem(derive: string, rest = ""): Promise<string | null> {
  const loaded = await loadStudy(await write(derive, rest), "study.yaml").catch((e: unknown) => e);
  if (loaded instanceof Error) return loaded.message;
  return loadSchemasAndCheckFields(loaded as Awaited<ReturnType<typeof loadStudy>>).then(
    () => null,
    (e: unknown) => {
      expect(e).toBeInstanceOf(StudyFileError);
      return (e as Error).message;
    },
  );
}

const bins = `      band:
        label: Age band
        bins:
          field: age
          bands:
            - { value: young, range: "[15, 35)" }
            - { value: old, range: "[35, inf)" }
`;
const often = `      often:
        label: { en: Uses the Internet, fr: Utilise Internet }
        recode:
          field: internet_use
          categories:
            - { value: often, from: [daily, weekly] }
            - { value: never, from: [never] }
`;

describe("derived variables in the study file", () => {
  it("are fields like any other: numeric ones for a mean, categorical ones for domains and conditions", async () => {
    const rest = `indicators:
  - { id: m, label: M, dataset: d, kind: mean, field: share, domains: [band, often] }
  - { id: p, label: P, dataset: d, kind: proportion, when: { field: often, equals: often }, universe: { field: young, equals: true } }
`;
    const derive = `${bins}${often}      share:
        label: Spend share
        ratio: [spend, resources]
      young:
        label: Young
        condition: { field: band, equals: young }
`;
    expect(await problem(derive, rest)).toBeNull();
  });

  it("refuses a mean of a categorical derived variable, and a category it does not have", async () => {
    expect(await problem(bins, "indicators:\n  - { id: m, label: M, dataset: d, kind: mean, field: band }\n")).toBe(
      'study.yaml, line 16 (indicators[0].field): indicator "m" (kind mean) needs a numeric field, but "band" is a string field in dataset d; use a number, integer or boolean field.',
    );
    expect(
      await problem(bins, "indicators:\n  - { id: p, label: P, dataset: d, kind: proportion, when: { field: band, equals: Young } }\n"),
    ).toBe('study.yaml, line 16 (indicators[0].when): "Young" is not a category of band; its categories are young, old.');
  });

  it("refuses an unknown field, a field declared below, a cycle and a schema field's name, each with its line", async () => {
    expect(await problem("      x:\n        label: X\n        sum: [spend, spnd]\n")).toBe(
      'study.yaml, line 10 (datasets.d.derive.x.sum): derived variable "x" reads unknown field "spnd" in dataset d; its schema declares age, internet_use, resources, spend, w.',
    );
    expect(
      await problem("      x:\n        label: X\n        sum: [spend, y]\n      y:\n        label: Y\n        sum: [spend, spend]\n"),
    ).toBe(
      'study.yaml, line 10 (datasets.d.derive.x.sum): derived variable "x" reads "y", which is declared below it; move "y" above "x".',
    );
    expect(
      await problem("      x:\n        label: X\n        sum: [spend, y]\n      y:\n        label: Y\n        difference: [x, spend]\n"),
    ).toBe(
      "study.yaml, line 10 (datasets.d.derive.x.sum): derived variables form a cycle (x → y → x); a derived variable reads schema fields and the derived variables above it.",
    );
    expect(await problem("      x:\n        label: X\n        ratio: [x, spend]\n")).toMatch(/derived variable "x" reads itself/);
    expect(await problem("      age:\n        label: X\n        ratio: [spend, resources]\n")).toBe(
      'study.yaml, line 9 (datasets.d.derive.age): derived variable "age" has the name of a field of dataset d\'s schema; choose another name.',
    );
  });

  it("refuses bins of a text field, a recode of a field without categories, or one that leaves a category out", async () => {
    expect(
      await problem('      x:\n        label: X\n        bins: { field: internet_use, bands: [{ value: a, range: "[0, 1)" }] }\n'),
    ).toMatch(/\(datasets\.d\.derive\.x\.bins\.field\): derived variable "x" needs a numeric field, but "internet_use" is a string field/);
    expect(await problem("      x:\n        label: X\n        recode: { field: age, categories: [{ value: a, from: [1] }] }\n")).toMatch(
      /a recode needs a categorical field \(one with categories\), but "age" has none\.$/,
    );
    expect(
      await problem(
        "      x:\n        label: X\n        recode: { field: internet_use, categories: [{ value: a, from: [daily, Weekly] }] }\n",
      ),
    ).toMatch(
      /\(datasets\.d\.derive\.x\.recode\.categories\[0\]\.from\): "Weekly" is not a category of internet_use; its categories are daily, weekly, never\.$/,
    );
    expect(
      await problem(
        "      x:\n        label: X\n        recode: { field: internet_use, categories: [{ value: a, from: [daily, weekly] }] }\n",
      ),
    ).toMatch(/category "never" of internet_use is not recoded; list it in the from of one of x's categories\.$/);
  });

  it("refuses bands that overlap or cannot be read, and a derivation without exactly one operation", async () => {
    expect(
      await problem(
        '      x:\n        label: X\n        bins: { field: age, bands: [{ value: a, range: "[0, 35]" }, { value: b, range: "[35, 50)" }] }\n',
      ),
    ).toMatch(
      /line 10 \(datasets\.d\.derive\.x\.bins\.bands\[1\]\.range\): bands must be in ascending order and must not overlap; "\[35, 50\)" starts before the band above it ends\.$/,
    );
    expect(await problem('      x:\n        label: X\n        bins: { field: age, bands: [{ value: a, range: "18-35" }] }\n')).toMatch(
      /\(datasets\.d\.derive\.x\.bins\.bands\[0\]\.range\): "18-35" is not a range; write it as \[18, 35\)/,
    );
    expect(await problem("      x:\n        label: X\n        sum: [spend, age]\n        ratio: [spend, age]\n")).toMatch(
      /\(datasets\.d\.derive\.x\): a derived variable needs exactly one of recode, bins, condition, sum, difference or ratio\.$/,
    );
  });

  it("checks harmonise: a dataset of the study, a categorical field of its schema, answers among its categories", async () => {
    const harmonise = (body: string) => problem("      x:\n        label: X\n        sum: [spend, age]\n", `harmonise:\n${body}`);
    expect(await harmonise("  d:\n    internet_use: { daily: often, weekly: often }\n")).toBeNull();
    expect(await harmonise("  e:\n    internet_use: { daily: often }\n")).toBe(
      'study.yaml, line 13 (harmonise.e): no dataset "e" in this study; its datasets are d.',
    );
    expect(await harmonise("  d:\n    resources: { daily: often }\n")).toBe(
      'study.yaml, line 13 (harmonise.d.resources): "resources" has no categories to harmonise; harmonise maps the categories of a categorical field.',
    );
    expect(await harmonise("  d:\n    internet_use: { Daily: often }\n")).toMatch(
      /line 13 \(harmonise\.d\.internet_use\.Daily\): "Daily" is not a category of internet_use; its categories are daily, weekly, never\.$/,
    );
  });

  it("is one sentence and exit code 2 from the CLI", async () => {
    const file = await write("      x:\n        label: X\n        sum: [spend, spnd]\n");
    const { code, stderr } = await cli(["validate", file]);
    expect(code).toBe(2);
    expectOneSentence(stderr);
    expect(stderr).toMatch(/derived variable "x" reads unknown field "spnd"/);
  });
});
