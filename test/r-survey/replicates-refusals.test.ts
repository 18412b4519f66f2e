// A replicate design that cannot be used is refused with one sentence naming the study file's
// line and key (exit 2); a negative replicate weight rejects its row through the usual
// validation, naming the data file's line and field.
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, repoRoot, tempDir } from "../cli/run.js";

const studies = path.join(repoRoot, "test/r-survey/studies");
const sdr = readFileSync(path.join(studies, "replicates-sdr.yaml"), "utf8")
  .replace("../../reference/r-survey/", `${path.join(repoRoot, "test/reference/r-survey")}/`)
  .replace("schema: replicates-sdr.schema.json", `schema: ${path.join(studies, "replicates-sdr.schema.json")}`);
const columns = /columns: \[.*\]/.exec(sdr)![0];

async function refused(study: string): Promise<string> {
  const dir = await tempDir();
  const file = path.join(dir, "study.yaml");
  await writeFile(file, study);
  const { code, stderr } = await cli(["report", file, "--out", path.join(dir, "out")]);
  expect(code, stderr).toBe(2);
  expectOneSentence(stderr);
  return stderr;
}

describe("replicate designs refused with the study file's line", () => {
  it.each([
    [
      "a pattern no column matches",
      sdr.replace(columns, 'pattern: "^repw[0-9]+$"'),
      /line 12 \(datasets\.sdr\.design\.replicates\.pattern\): the pattern "\^repw\[0-9\]\+\$" matches no field of dataset sdr/,
    ],
    [
      "rscales of the wrong length",
      sdr.replace("type: SDR", "type: other\n        scale: 0.25\n        rscales: [1, 1, 1]"),
      /line 15 \(datasets\.sdr\.design\.replicates\.rscales\): rscales has 3 values but there are 16 replicate-weight columns/,
    ],
    [
      "ids beside replicate weights",
      sdr.replace("      weights: pw\n", "      weights: pw\n      ids: [stype]\n"),
      /line 11 \(datasets\.sdr\.design\.ids\): a replicate-weight design takes no ids, strata or fpc/,
    ],
    ["Fay without rho", sdr.replace("type: SDR", "type: Fay"), /line 13 \(datasets\.sdr\.design\.replicates\.type\): type Fay needs rho/],
    [
      "columns and a pattern",
      sdr.replace(columns, `${columns}\n        pattern: "^rep"`),
      /line 12 \(datasets\.sdr\.design\.replicates\): name the replicate-weight columns either as a list/,
    ],
    ["combined JKn weights without rscales", sdr.replace("type: SDR", "type: JKn"), /type JKn with combined weights needs rscales/],
    [
      "a column the schema lacks",
      sdr.replace("rep16]", "rep17]"),
      /line 12 \(datasets\.sdr\.design\.replicates\.columns\[15\]\): unknown field "rep17"/,
    ],
    ["a text column", sdr.replace("rep16]", "stype]"), /replicate weights must be numeric, but "stype" is a string field/],
    [
      "trimming beside replicates",
      sdr.replace("type: SDR\n", "type: SDR\n      weighting:\n        trim: { upper: 40 }\n"),
      /line 15 \(datasets\.sdr\.design\.weighting\.trim\): a replicate-weight design cannot be trimmed/,
    ],
    [
      "a scale BRR fixes",
      sdr.replace("type: SDR", "type: BRR\n        scale: 2"),
      /line 14 \(datasets\.sdr\.design\.replicates\.scale\): type BRR fixes the scale and rscales/,
    ],
  ])("%s", async (_, study, message) => {
    expect(await refused(study)).toMatch(message);
  });

  it("a negative replicate weight rejects its row, naming the file's line and field", async () => {
    const dir = await tempDir();
    const csv = readFileSync(path.join(repoRoot, "test/reference/r-survey/replicates-sdr.csv"), "utf8").split("\n");
    csv[3] = csv[3]!.replace(/,([0-9.]+)$/, ",-$1");
    await writeFile(path.join(dir, "sdr.csv"), csv.join("\n"));
    const study = sdr.replace(/path: .*replicates-sdr\.csv/, `path: ${path.join(dir, "sdr.csv")}`);
    await writeFile(path.join(dir, "study.yaml"), study);
    const { stdout } = await cli(["validate", path.join(dir, "study.yaml")]);
    expect(stdout).toMatch(/200 rows read = 199 accepted \+ 1 rejected/);
    expect(stdout).toMatch(/line 4, field rep16: "-[0-9.]+" is below the minimum 0/);
  });
});

describe("a weighted replicate design whose replicate cannot be weighted", () => {
  it("a replicate without rows in a margin's category is refused with the margin's line (R's weights would be NaN)", async () => {
    const dir = await tempDir();
    // The one school of district 413 becomes the only high school: JK1's replicate without
    // district 413 (the 14th, in R's order of the districts) has no high school to weight to 755.
    const csv = readFileSync(path.join(repoRoot, "test/reference/r-survey/replicates-jk1.csv"), "utf8")
      .split("\n")
      .map((line) => (line.startsWith("413,") ? line.replace(/^(413,[^,]+,)"E"/, '$1"H"') : line.replace(/^([0-9]+,[^,]+,)"H"/, '$1"M"')));
    await writeFile(path.join(dir, "jk1.csv"), csv.join("\n"));
    const study = [
      "study: replicates-refused",
      "title: A post-stratified replicate design",
      "datasets:",
      "  jk1:",
      `    path: ${path.join(dir, "jk1.csv")}`,
      `    schema: ${path.join(studies, "replicates-jk1.schema.json")}`,
      "    design:",
      "      weights: pw",
      "      replicates:",
      '        pattern: "^rep[0-9]+$"',
      "        type: JK1",
      "      weighting:",
      "        method: post-stratify",
      "        margins:",
      "          - fields: stype",
      "            counts: { E: 4421, H: 755, M: 1018 }",
      "indicators:",
      "  - { id: api00, label: API 2000, dataset: jk1, kind: mean, field: api00 }",
      "",
    ].join("\n");
    await writeFile(path.join(dir, "study.yaml"), study);
    // A design the data cannot support: exit 1, as a raking that does not converge.
    const { code, stderr } = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "out")]);
    expect(code, stderr).toBe(1);
    expectOneSentence(stderr);
    expect(stderr).toMatch(
      /line 15 \(datasets\.jk1\.design\.weighting\.margins\[0\]\): replicate 14 \(replicate-weight column 14\) gives no weight to category "H" of margin 1/,
    );
  });
});
