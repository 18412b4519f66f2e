import { spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { expect, test } from "vitest";
import { REJECTED_CELLS_SAMPLE } from "../../src/validate/index.js";
import { repoRoot, tempDir } from "./run.js";

const bin = path.join(repoRoot, "bin/exclusion-study.js");
const ROWS = 1_000_000;

/** Run the built command line in a child whose heap is capped, as a small machine would. */
function run(args: string[], heapMb: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${heapMb}`, bin, ...args], { cwd: repoRoot });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => void (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => void (stderr += d.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

// One header typo on a required column rejects every row; the rejected rows must not hold a
// copy of the file (a million of them once needed 2 GB and aborted V8 at 5 million).
test("a million rows all rejected validate under a 512 MB heap, each listed in the rejects file", async () => {
  const dir = await tempDir();
  const data = path.join(dir, "survey.csv");
  const row = "1,34,never,850.50,Pas d’ordinateur trop cher\n";
  await writeFile(data, `idd,age,internet_use,monthly_resources_eur,comment\n${row.repeat(ROWS)}`);
  const rejects = path.join(dir, "rj");
  const result = await run(
    ["validate", "fixtures/messy/survey.study.yaml", "--data", `survey=${data}`, "--rejects", rejects, "--json"],
    512,
  );
  expect(result.stderr).not.toMatch(/heap|internal error/i);
  expect(result.code).toBe(1);
  const dataset = (JSON.parse(result.stdout) as { datasets: { rows_read: number; rows_accepted: number; rows_rejected: number }[] })
    .datasets[0]!;
  expect(dataset).toMatchObject({ rows_read: ROWS, rows_accepted: 0, rows_rejected: ROWS });

  const lines = (await readFile(path.join(rejects, "survey.rejects.csv"), "utf8")).split("\r\n");
  expect(lines).toHaveLength(ROWS + 2); // header, one line per row, the final newline
  const reason = "field id: required column is not in the file";
  expect(lines[1]).toBe(`2,${reason},1,34,never,850.50,Pas d’ordinateur trop cher`);
  expect(lines[REJECTED_CELLS_SAMPLE]).toBe(`${REJECTED_CELLS_SAMPLE + 1},${reason},1,34,never,850.50,Pas d’ordinateur trop cher`);
  expect(lines[REJECTED_CELLS_SAMPLE + 1]).toBe(`${REJECTED_CELLS_SAMPLE + 2},${reason}`);
  expect(lines[ROWS]).toBe(`${ROWS + 1},${reason}`);
}, 60_000);

// A bad value in every row makes as many reasons as rows ("12€" is not a number); kept as
// strings, half a million of them aborted V8 under an 80 MB heap (5 million took 2.6 GB).
test("half a million rows each rejected for its own value validate under an 80 MB heap, each with its reason", async () => {
  const rowCount = 500_000;
  const dir = await tempDir();
  const data = path.join(dir, "survey.csv");
  const rows: string[] = ["id,age,internet_use,monthly_resources_eur,comment"];
  for (let i = 1; i <= rowCount; i++) rows.push(`${i},34,never,${i}€,`);
  await writeFile(data, `${rows.join("\n")}\n`);
  const rejects = path.join(dir, "rj");
  const result = await run(
    ["validate", "fixtures/messy/survey.study.yaml", "--data", `survey=${data}`, "--rejects", rejects, "--json"],
    80,
  );
  expect(result.stderr).not.toMatch(/heap|internal error/i);
  expect(result.code).toBe(1);
  const lines = (await readFile(path.join(rejects, "survey.rejects.csv"), "utf8")).split("\r\n");
  expect(lines).toHaveLength(rowCount + 2);
  const reason = (i: number): string => `"field monthly_resources_eur: ""${i}€"" is not a number"`;
  expect(lines[1]).toBe(`2,${reason(1)},1,34,never,1€,`);
  expect(lines[rowCount]).toBe(`${rowCount + 1},${reason(rowCount)}`);
}, 120_000);
