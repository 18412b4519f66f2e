import { expect, test } from "vitest";
import { en } from "../../src/cli/i18n/en.js";
import { fr } from "../../src/cli/i18n/fr.js";
import { PROGRESS_MIN_BYTES, progressBar, progressLine } from "../../src/cli/progress.js";
import type { Io } from "../../src/cli/io.js";

function io(tty: boolean): Io & { err: string[] } {
  const err: string[] = [];
  return { err, stdout: () => {}, stderr: (t) => void err.push(t), color: false, stderrIsTTY: tty, env: {}, cwd: "/" };
}

test("no progress bar off a terminal", () => {
  expect(progressBar(io(false), en)).toBeUndefined();
});

test("on a terminal: large files only, throttled, erased at the end", () => {
  const out = io(true);
  let now = 0;
  const bar = progressBar(out, en, () => now)!;
  bar("small", 10, 100, 1);
  expect(out.err).toEqual([]);
  const total = PROGRESS_MIN_BYTES * 2;
  now = 50;
  bar("q", total / 4, total, 1000);
  now = 60; // within 100 ms of the last draw: not redrawn
  bar("q", total / 3, total, 1200);
  expect(out.err).toHaveLength(1);
  expect(out.err[0]).toContain("q [######");
  now = 1050;
  bar("q", total / 2, total, 500_000);
  expect(out.err).toHaveLength(2);
  bar("q", total, total, 1_000_000);
  expect(out.err.at(-1)).toBe("\r\u001b[2K");
});

test("the line says bytes, share, rows/s and MB/s", () => {
  expect(progressLine("questionnaire", 50e6, 100e6, 400_000, 2, en)).toBe(
    "questionnaire [############............]  50%  50.0/100.0 MB  200,000 rows/s  25.0 MB/s",
  );
});

test("in French: a decimal comma, Mo, lignes/s, a no-break space before the unit and %", () => {
  expect(progressLine("questionnaire", 50e6, 100e6, 400_000, 2, fr)).toBe(
    "questionnaire [############............]  50\u00a0%  50,0/100,0\u00a0Mo  200\u202f000 lignes/s  25,0\u00a0Mo/s",
  );
});
