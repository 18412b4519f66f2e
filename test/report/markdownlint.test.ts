import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { chartDirFor, goldenDir, here, hostileResult, sampleResult } from "./helpers.js";

const root = resolve(here, "../..");
const bin = join(root, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");

/** markdownlint-cli2 as CI runs it: the repo's .markdownlint-cli2.jsonc, on literal paths only. */
function lint(paths: string[]): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, [bin, "--no-globs", ...paths.map((p) => `:${p}`)], { cwd: root, encoding: "utf8" });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe("markdownlint", () => {
  it("passes on the golden reports", () => {
    const r = lint([join(goldenDir, "sample-en.md"), join(goldenDir, "sample-fr.md")]);
    expect(r.output).toContain("Summary: 0 error(s)");
    expect(r.status).toBe(0);
  });

  it("passes on a report without qualitative block or baseline", () => {
    const base = sampleResult();
    const r0 = { ...base, qualitative: undefined, indicators: base.indicators.filter((i) => !i.baseline && !i.domains) };
    const dir = mkdtempSync(join(tmpdir(), "report-lint-"));
    const file = join(dir, "minimal.md");
    writeFileSync(file, renderReport(r0, { lang: "fr", chartDir: chartDirFor("fr") }).markdown);
    const r = lint([file]);
    expect(r.output).toContain("Summary: 0 error(s)");
  });

  it("passes on a report whose labels and names are all hostile strings", () => {
    const dir = mkdtempSync(join(tmpdir(), "report-lint-"));
    const file = join(dir, "hostile.md");
    writeFileSync(file, renderReport(hostileResult(), { lang: "en", chartDir: "odd (dir) é" }).markdown);
    const r = lint([file]);
    expect(r.output).toContain("Summary: 0 error(s)");
  });

  it("fails on a broken file (the check is live)", () => {
    const dir = mkdtempSync(join(tmpdir(), "report-lint-"));
    const file = join(dir, "bad.md");
    writeFileSync(file, "# a\n# b\n");
    expect(lint([file]).status).toBe(1);
  });
});
