// A multiple-choice question in the report: one table of options (share choosing each, its
// interval, n), the note that shares do not add up to 100 % with the mean number chosen, one
// chart, and the indicators table's row saying its estimate is that mean; English and French.
// The result is the CLI's for fixtures/kobo-connexions-2014/form.study.yaml (--json), kept as
// test/report/fixtures/multi-select-result*.json. `UPDATE_GOLDEN=1` rewrites the golden files.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { resultSchema } from "../../src/result/study-result.js";
import { goldenDir, here } from "./helpers.js";

const update = process.env.UPDATE_GOLDEN === "1";

describe.each(["en", "fr"] as const)("golden multiple-choice report (%s)", (lang) => {
  const file = lang === "en" ? "multi-select-result.json" : "multi-select-result-fr.json";
  const result = resultSchema.parse(JSON.parse(readFileSync(join(here, "fixtures", file), "utf8")));
  const chartDir = `multi-select-${lang}.charts`;
  const out = renderReport(result, { lang, chartDir });
  const mdPath = join(goldenDir, `multi-select-${lang}.md`);
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

  it("shows the options as one table with the note and one chart", () => {
    const t =
      lang === "en"
        ? ["| Option | Share choosing it |", "Mean number of options chosen: 2.17"]
        : ["| Option | Part la choisissant |", "Nombre moyen d’options choisies\u00a0: 2,17"];
    for (const s of t) expect(out.markdown).toContain(s);
    expect(out.charts.map((c) => c.name)).toContain("distribution-uses.svg");
  });
});
