// Fault injection: random bytes and random damage to valid files, fed to every reader through the
// CLI as a user would run it. Whatever the input, the answer is a result or a clear refusal:
// exit 0, 1 or 2, no internal error, no stack trace, and every row read is accepted or rejected.
import { copyFile, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { cli, messy, repoRoot, tempDir, type CliRun } from "../cli/run.js";
import { damaged } from "./mutate.js";

const RUNS = Number(process.env.FAULT_RUNS ?? 120);

function expectCleanOutcome(run: CliRun, input: Buffer): void {
  const shown = `input (${input.length} bytes, base64): ${input.toString("base64")}\nstderr: ${run.stderr}`;
  expect([0, 1, 2], shown).toContain(run.code);
  expect(run.stderr, shown).not.toMatch(/internal error/i);
  expect(run.stderr, shown).not.toContain("    at ");
  expect(run.stdout, shown).not.toContain("    at ");
}

interface DatasetCounts {
  rows_read: number;
  rows_accepted: number;
  rows_rejected: number;
}

/** rows read = accepted + rejected, for every dataset the JSON reports. */
function expectRowsReconcile(run: CliRun, input: Buffer): void {
  if (run.stdout.trim() === "") return;
  const json = JSON.parse(run.stdout) as { datasets?: DatasetCounts[] };
  for (const d of json.datasets ?? []) {
    expect(d.rows_read, `input (base64): ${input.toString("base64")}`).toBe(d.rows_accepted + d.rows_rejected);
  }
}

/** A folder with the messy survey's study, schema and data, any of which a test then replaces. */
async function studyFolder(): Promise<string> {
  const dir = await tempDir();
  for (const file of ["survey.study.yaml", "survey.schema.json", "survey-utf8.csv"]) {
    await copyFile(messy(file), path.join(dir, file));
  }
  return dir;
}

/**
 * Damaged copies of `valid` written to `target`, each followed by `validate ARGS --json`: the
 * outcome is clean and the rows reconcile.
 */
async function validateDamaged(target: string, valid: Buffer, args: string[], nesting: boolean, numRuns = RUNS): Promise<void> {
  await fc.assert(
    fc.asyncProperty(damaged(valid, { nesting }), async (bytes) => {
      await writeFile(target, bytes);
      const run = await cli(["validate", ...args, "--json"]);
      expectCleanOutcome(run, bytes);
      expectRowsReconcile(run, bytes);
    }),
    { numRuns },
  );
}

describe("fault injection: every reader answers damaged input with a result or a clear refusal", () => {
  it("CSV data files (ingest and validation)", async () => {
    const dir = await studyFolder();
    const data = path.join(dir, "data.csv");
    const valid = await readFile(messy("survey-utf8.csv"));
    await validateDamaged(data, valid, [path.join(dir, "survey.study.yaml"), "--data", `survey=${data}`], false);
  });

  it("CSV data files through to the report: estimates, charts and counts stay finite", async () => {
    const dir = await studyFolder();
    const data = path.join(dir, "data.csv");
    const out = path.join(dir, "out");
    const valid = await readFile(messy("survey-utf8.csv"));
    await fc.assert(
      fc.asyncProperty(damaged(valid, { nesting: false }), async (bytes) => {
        await writeFile(data, bytes);
        await rm(out, { recursive: true, force: true });
        const args = ["report", path.join(dir, "survey.study.yaml"), "--data", `survey=${data}`, "--out", out];
        const run = await cli([...args, "--max-rejected", "100%", "--json"]);
        expectCleanOutcome(run, bytes);
        expectRowsReconcile(run, bytes);
        // Chart geometry comes from estimates only (labels come from the schema): never NaN or Infinity.
        const charts = path.join(out, "messy-survey.charts");
        for (const svg of await readdir(charts).catch(() => [])) {
          const text = await readFile(path.join(charts, svg), "utf8");
          expect(text, `${svg}, input (base64): ${bytes.toString("base64")}`).not.toMatch(/="[^"]*(NaN|Infinity)/);
        }
      }),
      { numRuns: Math.ceil(RUNS / 2) },
    );
  });

  it("Excel workbooks and SPSS files (zip, XML and binary damage)", async () => {
    const dir = await tempDir();
    const fixture = (f: string) => path.join(repoRoot, "fixtures/formats", f);
    for (const [data, schema] of [
      ["questionnaire.xlsx", "questionnaire.schema.json"],
      ["questionnaire.sav", "questionnaire-coded.schema.json"],
    ] as const) {
      const target = path.join(dir, data);
      const study = path.join(dir, `${data}.study.yaml`);
      await writeFile(study, `study: s\ntitle: T\ndatasets:\n  q: { path: ${data}, schema: ${fixture(schema)} }\n`);
      await validateDamaged(target, await readFile(fixture(data)), [study], false, Math.ceil(RUNS / 8));
    }
  });

  it("study files in YAML", async () => {
    const dir = await studyFolder();
    const study = path.join(dir, "study.yaml");
    await validateDamaged(study, await readFile(messy("survey.study.yaml")), [study], true);
  });

  it("study files named by extends (the merge of a damaged base)", async () => {
    const dir = await studyFolder();
    const child = path.join(dir, "child.yaml");
    await writeFile(child, "extends: base.yaml\nstudy: child\ntitle: Child wave\n");
    const valid = await readFile(messy("survey.study.yaml"));
    await validateDamaged(path.join(dir, "base.yaml"), valid, [child], true, Math.ceil(RUNS / 2));
  });

  it("study files in JSON", async () => {
    const dir = await studyFolder();
    const study = path.join(dir, "study.json");
    const valid = Buffer.from(JSON.stringify(parse(await readFile(messy("survey.study.yaml"), "utf8")), null, 2));
    await validateDamaged(study, valid, [study], true);
  });

  it("Table Schema files", async () => {
    const dir = await studyFolder();
    const schema = path.join(dir, "survey.schema.json");
    await validateDamaged(schema, await readFile(messy("survey.schema.json")), [path.join(dir, "survey.study.yaml")], true);
  });
});
