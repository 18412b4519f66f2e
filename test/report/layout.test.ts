import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { type ReportSection, reportSections } from "../../src/result/index.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { goldenDir, sampleResult } from "./helpers.js";

/**
 * Sections follow the study: its `sections` key orders or omits them, and a section with nothing
 * to show is left out. Golden files, rewritten by `UPDATE_GOLDEN=1 npx vitest run test/report`.
 */
const update = process.env.UPDATE_GOLDEN === "1";
const headings = (markdown: string): string[] => markdown.split("\n").filter((l) => l.startsWith("## "));

function golden(name: string, markdown: string): string {
  const file = join(goldenDir, name);
  if (update) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, markdown);
  }
  return readFileSync(file, "utf8");
}

describe("a reordered `sections`", () => {
  const sections: ReportSection[] = ["indicators", "key_findings", "appendix"];
  const out = renderReport({ ...sampleResult("en"), sections }, { lang: "en", chartDir: "c" });

  it("matches its golden Markdown", () => {
    expect(out.markdown).toBe(golden("sections-reordered-en.md", out.markdown));
  });

  it("shows the sections named, in the order given, and no other", () => {
    expect(headings(out.markdown)).toEqual(["## Indicators", "## Key findings", "## Appendix"]);
  });

  it("writes only the charts the shown sections link to", () => {
    expect(out.charts.length).toBeGreaterThan(0);
    for (const c of out.charts) expect(out.markdown).toContain(`c/${c.name}`);
    const all = renderReport(sampleResult("en"), { lang: "en", chartDir: "c" });
    expect(all.charts.length).toBeGreaterThan(out.charts.length);
  });
});

describe("sections with nothing to show are left out", () => {
  it("a study without interviews has no qualitative section", () => {
    const { qualitative: _, ...withoutInterviews } = sampleResult("en");
    const md = renderReport(withoutInterviews, { lang: "en", chartDir: "c" }).markdown;
    expect(headings(md)).not.toContain("## Qualitative interviews");
    expect(headings(renderReport(sampleResult("en"), { lang: "en", chartDir: "c" }).markdown)).toContain("## Qualitative interviews");
  });

  it("a study without baselines, distributions or subgroups shows none of those sections", () => {
    const r = sampleResult("en");
    const plain = r.indicators.map(({ baseline: _b, categories: _c, domains: _d, contrasts: _k, ...rest }) => rest);
    const md = renderReport({ ...r, indicators: plain }, { lang: "fr", chartDir: "c" }).markdown;
    expect(headings(md)).toEqual([
      "## Principaux résultats",
      "## Données et méthode",
      "## Qualité des données",
      "## Indicateurs",
      "## Entretiens qualitatifs",
      "## Annexe",
    ]);
  });

  it("every section of the default order is listed in the result", () => {
    expect(sampleResult("en").sections).toEqual([...reportSections]);
  });
});

describe("a qualitative-only study (interviews and codings, no indicator)", async () => {
  // A copy of the bundled example, run from its folder: the command in the appendix names no
  // temporary folder.
  const dir = await tempDir();
  cpSync(join(repoRoot, "docs/examples/codings"), dir, { recursive: true });
  const run = await cli(["report", "study.yaml", "--out", "out"], { cwd: dir });
  const markdown = readFileSync(join(dir, "out", "example-codings.md"), "utf8");
  rmSync(dir, { recursive: true, force: true });

  it("is written, and prints no empty table", () => {
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("matches its golden Markdown", () => {
    expect(markdown).toBe(golden("qualitative-only-en.md", markdown));
  });

  it("has no key findings, indicator table or codebook of indicators, and no rule that applies to no estimate", () => {
    expect(headings(markdown)).toEqual(["## Data and method", "## Data quality", "## Qualitative interviews", "## Appendix"]);
    expect(markdown).not.toContain("### Codebook");
    for (const rule of ["Confidence level", "Missing values", "Reliability:", "Disclosure control"]) expect(markdown).not.toContain(rule);
    expect(markdown).toContain("### Variables");
    expect(markdown).toContain("### Provenance");
  });
});
