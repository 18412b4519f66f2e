import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import type { StudyResult } from "../../src/result/study-result.js";
import { formatPercent, NNBSP } from "../../src/report/format.js";
import { messages } from "../../src/report/i18n/index.js";
import { chartDirFor, sampleResult } from "./helpers.js";
import { xmlProblems } from "./xml-check.js";

const mdit = new MarkdownIt({ html: false, linkify: false });

describe.each(["en", "fr"] as const)("rendered report (%s)", (lang) => {
  const result = sampleResult(lang);
  const out = renderReport(result, { lang, chartDir: chartDirFor(lang) });
  const html = mdit.render(out.markdown);

  it("is deterministic: two renders give the same bytes", () => {
    const again = renderReport(sampleResult(lang), { lang, chartDir: chartDirFor(lang) });
    expect(again.markdown).toBe(out.markdown);
    expect(again.charts).toEqual(out.charts);
  });

  it("has every section", () => {
    const h2 = [...html.matchAll(/<h2>(.*?)<\/h2>/g)].map((m) => m[1]);
    expect(h2).toHaveLength(9);
  });

  it("parses every Markdown table as a table, each row with the header's column count", () => {
    const mdTables = out.markdown.split("\n").filter((l, i, a) => l.startsWith("| ") && /^\| -{3}/.test(a[i + 1] ?? "")).length;
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? "");
    expect(tables.length).toBe(mdTables);
    for (const t of tables) {
      const rows = [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]?.match(/<t[hd][ >]/g) ?? []).length);
      const [head, ...body] = rows;
      expect(body.length).toBeGreaterThan(0);
      for (const n of body) expect(n).toBe(head);
    }
  });

  it("links every image to a returned chart, and every chart is linked", () => {
    const srcs = [...html.matchAll(/<img src="([^"]*)" alt="([^"]*)"/g)].map((m) => m[1]);
    const names = out.charts.map((c) => `${chartDirFor(lang)}/${c.name}`);
    expect(srcs.length).toBeGreaterThan(0);
    for (const s of srcs) expect(names).toContain(s);
    for (const n of names) expect(srcs).toContain(n);
  });

  it("lets no raw HTML from data through", () => {
    expect(out.markdown).not.toContain("<script");
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    // Data with emphasis and link syntax stays text.
    expect(html).toContain("**0,5** _x_ [link](http://evil.example)");
    expect(html).not.toContain('href="http://evil.example"');
    // A pipe inside a value does not split the cell.
    expect(html).toContain("12|3*4");
  });

  it("shows suppressed cells with their marker and footnote, and hides their values", () => {
    // The field's title comes from the codebook ("Gender" / "Sexe"), not its name.
    const gender = out.markdown.slice(out.markdown.indexOf(lang === "en" ? "| **Gender** |" : "| **Sexe** |"));
    const other = gender.split("\n").find((l) => l.startsWith(lang === "en" ? "| Other |" : "| Autre |"));
    expect(other).toBe(`| ${lang === "en" ? "Other" : "Autre"} | ‡ | ‡ | ‡ | ‡ |`);
    expect(out.markdown).toMatch(
      lang === "en" ? /‡ Suppressed \(primary\): fewer than 10 respondents/ : /‡ Masqué \(secret primaire\)\u00a0: moins de 10 répondants/,
    );
    expect(out.markdown).toMatch(lang === "en" ? /† Suppressed \(secondary\)/ : /† Masqué \(secret secondaire\)/);
    const chart = out.charts.find((c) => c.name === "subgroup-internet-never-gender.svg");
    expect(chart?.svg).toContain(lang === "en" ? ">suppressed</text>" : ">masqué</text>");
    // The primary cell's n (7) appears nowhere in its chart.
    expect(chart?.svg).not.toMatch(/n = 7\b/);
  });

  it("draws SVGs that are well-formed, titled and described", () => {
    for (const c of out.charts) {
      expect(xmlProblems(c.svg), c.name).toEqual([]);
      expect(c.svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="\d+" height="\d+" viewBox="0 0 \d+ \d+" role="img"/);
      expect(c.svg).toMatch(/<title id="chart-title">[^<]+<\/title>/);
      expect(c.svg).toMatch(/<desc id="chart-desc">[^<]+<\/desc>/);
      expect(c.svg).not.toMatch(/<script|@import|url\(|href=/i);
      // Coordinates are rounded: no long float tails.
      expect(c.svg).not.toMatch(/\d\.\d{3,}/);
    }
  });

  if (lang === "fr") {
    it("uses French number formats", () => {
      expect(out.markdown).toContain(`37,1${NNBSP}%`);
      expect(out.markdown).toContain(`1${NNBSP}862`);
      expect(out.markdown).toContain(`37${NNBSP}% (IC à 95${NNBSP}%\u00a0: 35–39${NNBSP}%) n’utilisent jamais Internet.`);
      expect(out.markdown).toContain(`<${NNBSP}0,001`);
      expect(out.markdown).not.toMatch(/\d\.\d+ ?%/);
    });
  } else {
    it("writes the key findings as plain sentences", () => {
      expect(out.markdown).toContain("- 37% (95% CI 35–39%) never use the Internet.");
      expect(out.markdown).toContain(
        "- Telecom spending as a share of monthly resources: 8.0% (95% CI 7.7–8.3%), against 1.1% (national average).",
      );
      expect(out.markdown).toContain("Not reproduced: Have a mobile subscription (published 21%, estimated 18.4%).");
      expect(out.markdown).toContain("n/a (zero denominator: declared resources total 0 in this universe)");
    });
  }
});

describe("renderReport without optional parts", () => {
  it("leaves out the qualitative section when the result has none, and the notice when data are real", () => {
    const r = { ...sampleResult(), qualitative: undefined, synthetic: false };
    const out = renderReport(r, { lang: "en", chartDir: "c" });
    expect(out.markdown).not.toContain("## Qualitative");
    expect(out.markdown).not.toContain("synthetic");
  });

  it("says so, without failing, when the qualitative block has an unexpected shape", () => {
    const r = { ...sampleResult(), qualitative: { units: "oops" } as unknown as StudyResult["qualitative"] };
    const out = renderReport(r, { lang: "en", chartDir: "c" });
    expect(out.markdown).toContain("The qualitative results could not be read (units: ");
  });

  it("keeps a command containing backticks inside its code fence", () => {
    const r = { ...sampleResult(), command: "exclusion-study report ```evil``` --out x" };
    const out = renderReport(r, { lang: "en", chartDir: "c" });
    expect(out.markdown).toContain("````sh\nexclusion-study report ```evil``` --out x\n````");
  });
});

describe.each(["en", "fr"] as const)("reliability flags (%s)", (lang) => {
  // The sample's 65+ subgroup and "rarely" category, as if their estimates were unreliable.
  const r = sampleResult(lang);
  const flag = { cv: 0.4, flagged: true, reasons: ["cv" as const] };
  const never = r.indicators.find((i) => i.id === "internet_never");
  const age = never?.domains?.age_band?.find((d) => d.level === "65+");
  const rarely = r.indicators.find((i) => i.id === "internet_use")?.categories?.find((c) => c.value === "rarely");
  if (!never || !age || !rarely) throw new Error("the sample result has no 65+ subgroup or rarely category");
  age.reliability = flag;
  rarely.reliability = flag;
  never.reliability = { cv: 0.03, flagged: true, reasons: ["n"] };
  const md = renderReport(r, { lang, chartDir: chartDirFor(lang) }).markdown;
  const legend = messages(lang).lowReliability("⚠", formatPercent(0.3, lang, 0), "30");
  const section = (heading: string): string => md.split(/\n(?=## )/).find((s) => s.startsWith(`## ${heading}`)) ?? "";

  it("marks each flagged estimate, in the indicator, subgroup and distribution tables, and only those", () => {
    const rows = md.split("\n").filter((l) => l.startsWith("| ") && l.includes("⚠"));
    expect(rows).toHaveLength(3);
    for (const label of [age.label, rarely.label, never.label]) {
      expect(
        rows.find((l) => l.startsWith(`| ${label} |`)),
        label,
      ).toMatch(new RegExp(`^\\| [^|]+ \\| [0-9.,]+${NNBSP}?% ⚠ \\|`));
    }
  });

  it("explains the marker under each table that uses it, with the study's thresholds", () => {
    for (const heading of lang === "en" ? ["Indicators", "Subgroups", "Distributions"] : ["Indicateurs", "Sous-groupes", "Répartitions"]) {
      expect(section(heading), heading).toContain(legend);
    }
    expect(section(lang === "en" ? "Key findings" : "Principaux résultats")).not.toContain("⚠");
    const unflagged = renderReport(sampleResult(lang), { lang, chartDir: chartDirFor(lang) }).markdown;
    expect(unflagged).not.toContain(legend);
  });
});
