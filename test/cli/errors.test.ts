import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, messy, tempDir } from "./run.js";

const survey = "fixtures/messy/survey.study.yaml";
const withData = (file: string): string[] => ["report", survey, "--data", `survey=${file}`, "--out", "/dev/null/never-written"];

describe("--data", () => {
  it("is repeatable and leaves the study argument after it alone", async () => {
    const utf8 = messy("survey-utf8.csv");
    const { code, stdout } = await cli(["validate", "--data", `survey=${utf8}`, survey, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).datasets[0]).toMatchObject({ name: "survey", rows_accepted: 10 });
  });
});

describe("broken input: one sentence naming file and line, and the documented exit code", () => {
  it.each([
    ["empty.csv", "empty.csv, line 1: the file is empty"],
    ["binary.csv", "binary.csv, line 3: NUL byte found"],
    ["unclosed-quote.csv", "unclosed-quote.csv, line 5: unclosed quote starting here"],
    ["duplicate-header.csv", "duplicate-header.csv"],
    ["utf16.csv", "utf16.csv, line 1: this looks like a UTF-16 file"],
  ])("%s is bad data: exit 1", async (file, sentence) => {
    const { code, stderr } = await cli(["validate", survey, "--data", `survey=${messy(file)}`]);
    expect(code).toBe(1);
    expectOneSentence(stderr);
    expect(stderr).toContain(sentence);
  });

  it("a record over the size limit is an error, not a memory blow-up", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "huge.csv");
    await writeFile(file, `id,age,internet_use,monthly_resources_eur,comment\n1,30,never,10,"${"x".repeat(1_100_000)}"\n`);
    const { code, stderr } = await cli(["validate", survey, "--data", `survey=${file}`]);
    expect(code).toBe(1);
    expectOneSentence(stderr);
    expect(stderr).toContain("huge.csv, line 2");
  });

  it("a column with a blank name is a warning, and the column is ignored", async () => {
    const { code, stdout } = await cli(["validate", survey, "--data", `survey=${messy("blank-header.csv")}`, "--json"]);
    const d = JSON.parse(stdout).datasets[0];
    expect(d.issue_counts["blank-header"]).toEqual({ errors: 0, warnings: 1 });
    // The schema's age and internet_use columns are absent from this file: that is what fails.
    expect(d.issue_counts["missing-label"].errors).toBeGreaterThan(0);
    expect(code).toBe(1);
  });

  it("a header-only file is valid and has zero rows", async () => {
    const { code, stdout } = await cli(["validate", survey, "--data", `survey=${messy("header-only.csv")}`, "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).datasets[0]).toMatchObject({ rows_read: 0, rows_accepted: 0, rows_rejected: 0 });
  });

  it("a missing data file or a directory cannot be read: exit 2", async () => {
    for (const target of [messy("no-such-file.csv"), messy("")]) {
      const { code, stderr } = await cli(withData(target));
      expect(code).toBe(2);
      expectOneSentence(stderr);
    }
  });

  it("a missing study file, a broken study and a broken schema: exit 2 naming the file", async () => {
    const missing = await cli(["report", "no-such-study.yaml"]);
    expect(missing.code).toBe(2);
    expectOneSentence(missing.stderr);
    expect(missing.stderr).toContain("no-such-study.yaml: no such file.");

    const dir = await tempDir();
    await writeFile(
      path.join(dir, "study.yaml"),
      "study: s\ntitle: T\ndatasets:\n  d: { path: d.csv, schema: d.json }\nindicators:\n  - { id: x, label: X, dataset: d, kind: proportoin }\n",
    );
    const study = await cli(["validate", path.join(dir, "study.yaml")]);
    expect(study.code).toBe(2);
    expectOneSentence(study.stderr);
    expect(study.stderr).toMatch(/study\.yaml, line 6 \(indicators\[0\]\.kind\): expected one of/);

    await writeFile(path.join(dir, "d.csv"), "a\n1\n");
    await writeFile(path.join(dir, "d.json"), '{"fields": [{"name": "a", "type": "integer", "constraints": {"minimum": "ten"}}]}');
    await writeFile(path.join(dir, "study.yaml"), "study: s\ntitle: T\ndatasets:\n  d: { path: d.csv, schema: d.json }\n");
    const schema = await cli(["validate", path.join(dir, "study.yaml")]);
    expect(schema.code).toBe(2);
    expectOneSentence(schema.stderr);
    expect(schema.stderr).toContain("d.json is invalid at fields[0].constraints.minimum");
  });

  it("an indicator naming a field the dataset lacks: exit 2, naming the field", async () => {
    const dir = await tempDir();
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, "study.yaml"),
      `study: s\ntitle: T\ndatasets:\n  survey: { path: ${messy("survey-utf8.csv")}, schema: ${messy("survey.schema.json")} }\nindicators:\n  - { id: x, label: X, dataset: survey, kind: proportion, when: { field: internet_usage, equals: never } }\n`,
    );
    const { code, stderr } = await cli(["report", path.join(dir, "study.yaml"), "--out", dir]);
    expect(code).toBe(2);
    expectOneSentence(stderr);
    expect(stderr).toContain('"internet_usage"');
  });

  it("bad flags and unknown commands: exit 2", async () => {
    expect((await cli(["report", "--no-such-flag"])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["report", "--lang", "de"])).code).toBe(2);
    const data = await cli(["report", "--data", "questionnaire"]);
    expect(data.code).toBe(2);
    expect(data.stderr).toContain("expected NAME=PATH");
    const unknown = await cli(["report", "--data", "wave=x.csv"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('the study has no dataset "wave"');
    const unknownForValidate = await cli(["validate", "--data", "wave=x.csv"]);
    expect(unknownForValidate.code).toBe(2);
    expect(unknownForValidate.stderr).toContain('the study has no dataset "wave"');
  });
});
