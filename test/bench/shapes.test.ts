// The benchmark's shapes (scripts/bench-shapes.js, bench/shapes/): each file is the same bytes
// every time, and each study ends as the benchmark expects on a small file of its shape, so that
// a change of the study language or of a generator cannot leave the suite measuring an error.
// Never timed: the figures come from `npm run bench` only.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Io } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { root } from "../docs/markdown.js";

const dir = mkdtempSync(path.join(tmpdir(), "bench-shapes-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function generate(letter: string, rows: number, name: string): string {
  const file = path.join(dir, name);
  execFileSync(process.execPath, [path.join(root, "scripts", "bench-shapes.js"), letter, String(rows), file]);
  return file;
}

async function report(study: string, data: string): Promise<{ code: number; stderr: string }> {
  let stderr = "";
  const io: Io = { stdout: () => {}, stderr: (t) => void (stderr += t), color: false, stderrIsTTY: false, env: {}, cwd: root };
  const code = await main(["report", study, "--data", data, "--out", mkdtempSync(path.join(dir, "out-"))], io);
  return { code, stderr };
}

const ROWS = 400;
const shapes = [
  { letter: "b", study: "bench/shapes/b/study.yaml", dataset: "people" },
  { letter: "c", study: "bench/shapes/c/study.yaml", dataset: "kobo" },
  { letter: "d", study: "bench/shapes/d/study.yaml", dataset: "people" },
  { letter: "e", study: "bench/shapes/e/study.yaml", dataset: "questionnaire" },
];

describe.each(shapes)("bench shape ($letter)", ({ letter, study, dataset }) => {
  it("is the same bytes from the same rows, and its study reports every row accepted", async () => {
    const a = generate(letter, ROWS, `${letter}-1.csv`);
    const b = generate(letter, ROWS, `${letter}-2.csv`);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    // Exit 0 with the default --max-rejected 0: not a row rejected, not a file-level error.
    const r = await report(study, `${dataset}=${a}`);
    expect(r.code, r.stderr).toBe(0);
  });
});

describe("bench shape (c)", () => {
  it("is a KoboToolbox export of 150 columns", () => {
    const header =
      readFileSync(generate("c", 30, "c-header.csv"), "utf8")
        .split("\n")[0]
        ?.split(",") ?? [];
    expect(header).toHaveLength(150);
    expect(header).toEqual(expect.arrayContaining(["_id", "_uuid", "_submission_time", "start", "end", "info/sources/radio"]));
  });
});

describe("bench shape (f)", () => {
  it("stops with exit 1 and the sentence of a dataset whose every row is rejected, its count grouped by thousands", async () => {
    const r = await report("bench/shapes/f/study.yaml", `people=${generate("f", 1200, "f.csv")}`);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^exclusion-study: \S*f\.csv: every one of its 1,200 rows was rejected \(line 2, /);
  });
});

describe("bench shape (g)", () => {
  it("reports, or refuses a subgroup of more levels than a report shows in one sentence", async () => {
    // 2,000 rows draw more than 1,000 of the 50,000 communes.
    const r = await report("bench/shapes/g/study.yaml", `people=${generate("g", 2000, "g.csv")}`);
    expect([0, 1], r.stderr).toContain(r.code);
    if (r.code === 1) {
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(
        /^exclusion-study: \S*study\.yaml, line \d+ \(indicators\[0\]\.domains\[0\]\): indicator "no_internet": field "commune" has [\d,]+ distinct values/,
      );
    }
  });
});
