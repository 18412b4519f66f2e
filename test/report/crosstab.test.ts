// The cross-table section, golden files in both languages: a result from the apistrat example
// (stype × awards, test/r-survey/studies/crosstab-apistrat.yaml run with min_cell 20, so that one
// cell is suppressed and three more protect it). `UPDATE_GOLDEN=1` rewrites the files.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { resultSchema, type StudyResult } from "../../src/result/study-result.js";
import { goldenDir, here } from "./helpers.js";
import { xmlProblems } from "./xml-check.js";

const update = process.env.UPDATE_GOLDEN === "1";

function crosstabResult(lang: "en" | "fr"): StudyResult {
  const file = lang === "en" ? "crosstab-result.json" : "crosstab-result-fr.json";
  return resultSchema.parse(JSON.parse(readFileSync(join(here, "fixtures", file), "utf8")));
}

describe.each(["en", "fr"] as const)("cross-table report (%s)", (lang) => {
  const chartDir = `crosstab-${lang}.charts`;
  const out = renderReport(crosstabResult(lang), { lang, chartDir });
  const mdPath = join(goldenDir, `crosstab-${lang}.md`);
  const chartsPath = join(goldenDir, chartDir);
  if (update) {
    writeFileSync(mdPath, out.markdown);
    rmSync(chartsPath, { recursive: true, force: true });
    mkdirSync(chartsPath, { recursive: true });
    for (const c of out.charts) writeFileSync(join(chartsPath, c.name), c.svg);
  }

  it("matches the golden Markdown and charts", () => {
    expect(out.markdown).toBe(readFileSync(mdPath, "utf8"));
    expect(readdirSync(chartsPath).sort()).toEqual(out.charts.map((c) => c.name).sort());
    for (const c of out.charts) expect(c.svg, c.name).toBe(readFileSync(join(chartsPath, c.name), "utf8"));
  });

  it("draws a well-formed chart, the suppressed rows as notes", () => {
    const chart = out.charts.find((c) => c.name.startsWith("crosstab-"));
    expect(chart).toBeDefined();
    expect(xmlProblems(chart?.svg ?? "")).toEqual([]);
    expect(chart?.svg).toContain(lang === "en" ? "suppressed" : "masqué");
  });

  it("prints the test's reason when it is not available, never NaN", () => {
    const r = crosstabResult(lang);
    const ind = r.indicators[0];
    if (ind?.crosstab === undefined) throw new Error("the fixture has no cross-table");
    ind.crosstab.test = {
      pearson: null,
      f: null,
      chisq: null,
      not_available: 'no respondent in stype = "High": drop or merge the category to test',
      not_available_code: "empty-row",
      empty_category: { field: "stype", value: "H", label: "High" },
    };
    const md = renderReport(r, { lang, chartDir }).markdown;
    expect(md).toContain(
      lang === "en"
        ? "Test of independence not available: no respondent in stype = “High”; drop or merge the category to test."
        : "Test d’indépendance non disponible\u00a0: aucun répondant pour stype = «\u00a0High\u00a0»\u202f; retirer ou regrouper la modalité pour tester.",
    );
    expect(md).not.toMatch(/NaN/);
  });
});
