import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, messy, tempDir } from "./run.js";

const survey = "fixtures/messy/survey.study.yaml";

async function estimates(args: string[]) {
  const out = await tempDir();
  const { code, stdout } = await cli([...args, "--out", out, "--json"]);
  expect(code).toBe(0);
  const result = JSON.parse(stdout);
  const d = result.datasets[0];
  expect(d.rows_read).toBe(d.rows_accepted + d.rows_rejected);
  return {
    dataset: d,
    numbers: result.indicators.map((i: { estimate: number; se: number; ci: number[]; n: number; categories?: unknown }) => ({
      estimate: i.estimate,
      se: i.se,
      ci: i.ci,
      n: i.n,
      categories: i.categories,
    })),
  };
}

describe("the same data in every export dialect give identical estimates", () => {
  it("UTF-8, BOM, tab, pipe, CR-only, an extra multi-line column, and a French Excel export", async () => {
    const reference = await estimates(["report", survey]);
    expect(reference.dataset).toMatchObject({ encoding: "utf-8", delimiter: ",", rows_accepted: 10 });
    const variants: [string, Record<string, unknown>][] = [
      ["survey-utf8-bom.csv", { encoding: "utf-8-bom" }],
      ["survey-tab.tsv", { delimiter: "\t" }],
      ["survey-pipe.csv", { delimiter: "|" }],
      ["survey-cr.csv", {}],
      ["survey-multiline.csv", {}],
    ];
    for (const [file, expected] of variants) {
      const variant = await estimates(["report", survey, "--data", `survey=${messy(file)}`]);
      expect(variant.dataset, file).toMatchObject({ rows_accepted: 10, rows_rejected: 0, ...expected });
      expect(variant.numbers, file).toEqual(reference.numbers);
    }
    const excel = await estimates(["report", "fixtures/messy/survey-excel-fr.study.yaml"]);
    expect(excel.dataset).toMatchObject({ encoding: "windows-1252", delimiter: ";", rows_accepted: 10 });
    expect(excel.dataset.issue_counts["encoding-fallback"]).toEqual({ errors: 0, warnings: 1 });
    expect(excel.numbers).toEqual(reference.numbers);
  });

  it("keeps <script> out of the report raw, and marks a report whose data failed validation", async () => {
    const out = await tempDir();
    const { code } = await cli(["report", survey, "--data", `survey=${messy("hostile.csv")}`, "--out", out]);
    expect(code).toBe(1);
    const md = await readFile(path.join(out, "messy-survey.md"), "utf8");
    expect(md).not.toContain("<script>");
    expect(md).toContain("&lt;script&gt;");
    const result = JSON.parse(await readFile(path.join(out, "messy-survey.json"), "utf8"));
    expect(result.acceptance).toEqual({ acceptable: false, max_rejected: "0", failed: ["survey"], file_errors: {} });
    const rejects = await readFile(path.join(out, "survey.rejects.csv"), "utf8");
    expect(rejects).toContain("'=HYPERLINK");
  });
});

describe("a dataset's number format", () => {
  it("reads decimal commas and grouped thousands, in number and integer fields alike", async () => {
    const dir = await tempDir();
    await writeFile(
      path.join(dir, "export.csv"),
      "id;age;internet_use;monthly_resources_eur;comment\n1 001;34;never;1 850,50;x\n1 002;27;daily;1 200;y\n",
    );
    await writeFile(
      path.join(dir, "study.yaml"),
      `study: grouped\ntitle: T\ndatasets:\n  survey: { path: export.csv, schema: ${messy("survey.schema.json")}, decimal_char: ",", group_char: " " }\nindicators:\n  - { id: m, label: M, dataset: survey, kind: mean, field: monthly_resources_eur }\n  - { id: i, label: I, dataset: survey, kind: mean, field: id }\n`,
    );
    const { code, stdout } = await cli(["report", path.join(dir, "study.yaml"), "--out", dir, "--json"]);
    expect(code).toBe(0);
    const [resources, id] = JSON.parse(stdout).indicators;
    expect(resources.estimate).toBeCloseTo((1850.5 + 1200) / 2, 10);
    expect(id.estimate).toBeCloseTo(1001.5, 10);
  });
});

describe("design effects with weights that only redistribute the sample", () => {
  it("come with a caution in the method notes", async () => {
    const dir = await tempDir();
    const rows = Array.from(
      { length: 12 },
      (_, i) => `${i + 1},${20 + i},${i % 3 === 0 ? "never" : "daily"},${500 + 10 * i},,${i % 2 === 0 ? "0.8" : "1.2"}`,
    );
    await writeFile(path.join(dir, "w.csv"), `id,age,internet_use,monthly_resources_eur,comment,w\n${rows.join("\n")}\n`);
    const schema = JSON.parse(await readFile(messy("survey.schema.json"), "utf8"));
    schema.fields.push({ name: "w", type: "number" });
    await writeFile(path.join(dir, "w.schema.json"), JSON.stringify(schema));
    await writeFile(
      path.join(dir, "study.yaml"),
      "study: weighted\ntitle: T\ndatasets:\n  survey: { path: w.csv, schema: w.schema.json, design: { weights: w } }\nindicators:\n  - { id: never, label: Never online, dataset: survey, kind: proportion, when: { field: internet_use, equals: never } }\n",
    );
    const { code } = await cli(["report", path.join(dir, "study.yaml"), "--out", dir]);
    expect(code).toBe(0);
    const md = await readFile(path.join(dir, "weighted.md"), "utf8");
    expect(md).toContain(
      "Design effects in survey compare with simple random sampling without replacement from a population of Σw = 12.0 units",
    );
  });
});
