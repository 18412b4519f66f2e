import { copyFile, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, expectOneSentence, repoRoot, tempDir } from "./run.js";

/**
 * A key that does not apply to an indicator's kind stops every command that reads the study
 * (exit 2, one sentence), where `report` used to print the overall mean as if `when` applied.
 */
const example = path.join(repoRoot, "docs/examples/weighted");
let dir = "";

beforeAll(async () => {
  dir = await tempDir();
  for (const f of ["survey.csv", "survey.schema.json"]) await copyFile(path.join(example, f), path.join(dir, f));
  const study = await readFile(path.join(example, "study.yaml"), "utf8");
  const broken = study.replace(
    "    field: telecom_spend_eur\n",
    "    field: telecom_spend_eur\n    when: { field: internet_use, equals: never }\n",
  );
  expect(broken).not.toBe(study);
  await writeFile(path.join(dir, "study.yaml"), broken);
});

describe("an indicator key its kind does not take", () => {
  const sentence =
    'exclusion-study: study.yaml, line 43 (indicators[3].when): "when" does not apply to indicator "spend_mean" (kind mean); only proportion, count and regression indicators take it.\n';

  it.each([["validate"], ["report"]])("stops %s with exit code 2 and one sentence", async (command) => {
    const args = command === "report" ? ["report", "study.yaml", "--out", path.join(dir, "out")] : [command, "study.yaml"];
    const { code, stdout, stderr } = await cli(args, { cwd: dir });
    expect(stderr).toBe(sentence);
    expectOneSentence(stderr);
    expect(code).toBe(2);
    expect(stdout).toBe("");
  });
});
