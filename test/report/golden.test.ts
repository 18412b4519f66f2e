import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { chartDirFor, goldenDir, sampleResult } from "./helpers.js";

/**
 * Golden files: the sample result rendered in English and French, Markdown and SVGs, compared
 * byte for byte. `UPDATE_GOLDEN=1 npx vitest run test/report` rewrites them; review the diff.
 */
const update = process.env.UPDATE_GOLDEN === "1";

describe.each(["en", "fr"] as const)("golden report (%s)", (lang) => {
  const out = renderReport(sampleResult(lang), { lang, chartDir: chartDirFor(lang) });
  const mdPath = join(goldenDir, `sample-${lang}.md`);
  const chartsPath = join(goldenDir, chartDirFor(lang));

  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(mdPath, out.markdown);
    rmSync(chartsPath, { recursive: true, force: true });
    mkdirSync(chartsPath, { recursive: true });
    for (const c of out.charts) writeFileSync(join(chartsPath, c.name), c.svg);
  }

  it("matches the golden Markdown", () => {
    expect(out.markdown).toBe(readFileSync(mdPath, "utf8"));
  });

  it("matches the golden charts, and no chart is missing or extra", () => {
    expect(readdirSync(chartsPath).sort()).toEqual(out.charts.map((c) => c.name).sort());
    for (const c of out.charts) expect(c.svg, c.name).toBe(readFileSync(join(chartsPath, c.name), "utf8"));
  });
});
