import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { summaryTable } from "../../src/report/terminal/index.js";
import type { StudyResult } from "../../src/result/study-result.js";
import { NNBSP } from "../../src/report/format.js";
import { qualitativeOf, sampleResult } from "./helpers.js";

/** Parts of the report that follow the result contract of src/result/schema.ts. */
const mdit = new MarkdownIt({ html: false, linkify: false });
const render = (r: StudyResult, lang: "en" | "fr" = "en") => renderReport(r, { lang, chartDir: "c" });

function rejected(lang: "en" | "fr"): StudyResult {
  const r = structuredClone(sampleResult(lang));
  r.acceptance = { acceptable: false, max_rejected: "0", failed: ["questionnaire"], file_errors: {} };
  return r;
}

describe("acceptance banner", () => {
  it("names a file-level error as the reason, not the tolerance of rejected rows", () => {
    const r = structuredClone(sampleResult("en"));
    r.acceptance = { acceptable: false, max_rejected: "0", failed: ["questionnaire"], file_errors: { questionnaire: ["missing-label"] } };
    const banner =
      render(r)
        .markdown.split("\n")
        .find((l) => l.startsWith("**Warning")) ?? "";
    expect(banner).toContain("questionnaire does not match its schema (`missing-label`)");
    expect(banner).not.toContain("More rows were rejected than tolerated");
  });

  it("warns right under the title when validation did not pass (en)", () => {
    const lines = render(rejected("en")).markdown.split("\n");
    expect(lines[0]).toMatch(/^# /);
    const banner = lines[2] ?? "";
    expect(banner).toMatch(/^\*\*Warning: the data did not pass validation\.\*\* /);
    expect(banner).toContain("questionnaire (8 of 1,870 rows rejected)");
    expect(banner).toContain("than tolerated (at most 0 per dataset)");
    expect(banner).toContain("accepted rows only");
    expect(banner).toContain("Data quality");
    expect(banner).toContain("questionnaire.rejects.csv");
    // Before the synthetic-data notice.
    expect(lines[4]).toMatch(/^\*\*Synthetic data\.\*\*/);
  });

  it("warns in French too", () => {
    const banner = render(rejected("fr"), "fr").markdown.split("\n")[2] ?? "";
    expect(banner).toMatch(/^\*\*Attention\u00a0: les données n’ont pas passé la validation\.\*\* /);
    expect(banner).toContain(`questionnaire (8 lignes rejetées sur 1${NNBSP}870)`);
    expect(banner).toContain("Qualité des données");
    expect(banner).toContain("questionnaire.rejects.csv");
  });

  it("says nothing when the data are acceptable", () => {
    expect(render(sampleResult()).markdown).not.toContain("did not pass validation");
  });
});

describe("labels from the codebook", () => {
  const out = render(sampleResult());
  const subgroups = out.markdown.slice(out.markdown.indexOf("## Subgroups"), out.markdown.indexOf("## Qualitative"));

  it("titles subgroup row groups, chart alt texts and chart titles with the variable's title", () => {
    expect(subgroups).toContain("| **Age band** | | | | |");
    expect(subgroups).toContain("| **Housing situation** | | | | |");
    expect(subgroups).not.toMatch(/age_band|By age_band/);
    expect(subgroups).toContain("![Chart: Never use the Internet by age band](c/subgroup-internet-never-age-band.svg)");
    const chart = out.charts.find((c) => c.name === "subgroup-internet-never-age-band.svg");
    expect(chart?.svg).toContain('<title id="chart-title">Never use the Internet by age band</title>');
  });

  it("uses the French titles in a French report", () => {
    const fr = render(sampleResult("fr"), "fr");
    expect(fr.markdown).toContain("| **Tranche d’âge** | | | | |");
    expect(fr.markdown).toContain("N’utilisent jamais Internet, par tranche d’âge");
  });

  it("falls back to the field name when the codebook does not list it", () => {
    const r = structuredClone(sampleResult());
    r.codebook = r.codebook.filter((e) => e.field !== "age_band");
    expect(render(r).markdown).toContain("| **age_band** | | | | |");
  });

  it("labels qualitative groups and crosstab attributes and levels", () => {
    // The result gives no label for left_programme: the codebook's category label is used.
    expect(out.markdown).toContain("| Code | Label | Parent | All (n/N) | Beneficiaries | Left the programme |");
    expect(out.markdown).toContain("### Codes by gender (interviews)");
    expect(out.markdown).toContain("| Code | Female | Male |");
  });

  it("lists every variable in an appendix table after the indicator codebook", () => {
    const md = out.markdown;
    expect(md.indexOf("### Variables")).toBeGreaterThan(md.indexOf("### Codebook"));
    expect(md.indexOf("### Variables")).toBeLessThan(md.indexOf("### Provenance"));
    expect(md).toContain("| Dataset | Field | Title | Type | Categories | Missing codes |");
    expect(md).toContain(
      "| questionnaire | age_band | Age band | text | 16-24 = 16–24; 25-34 = 25–34; 35-49 = 35–49; 50-64 = 50–64; 65+ = 65 and over | as above |",
    );
    // The missing codes every field shares are said once, above the table.
    expect(md).toContain("Missing-value codes, unless a row says otherwise: blank = Not applicable; NSP = Don’t know; NR = Refused.");
    const r = structuredClone(sampleResult());
    r.codebook[0]!.missing_values = [{ value: "99", label: "Unknown" }];
    expect(render(r).markdown).toMatch(/^\| questionnaire \| respondent_id \| .* \| 99 = Unknown \|$/m);
  });
});

describe("method", () => {
  it("words the missing-value policy code in each language", () => {
    expect(render(sampleResult()).markdown).toContain(
      "excluded from each estimate as a domain of the full design: every cluster stays in the variance estimation (as R survey’s na.rm = TRUE)",
    );
    expect(render(sampleResult("fr"), "fr").markdown).toContain("exclues de chaque estimation en tant que domaine du plan complet");
    expect(render(sampleResult()).markdown).not.toContain("exclude-as-domain");
  });

  it("does not call a table without a design a simple random sample", () => {
    const md = render(sampleResult()).markdown;
    expect(md).not.toMatch(/^\| codings \|.*simple random sample/m);
    expect(md).toContain("Not used for estimates (no sampling design): codings (1,242 rows); this table feeds the qualitative analysis.");
    // A declared-less survey table still is one.
    expect(md).toMatch(/^\| youth \| 412 \| simple random sample/m);
  });
});

describe("qualitative section", () => {
  const out = render(sampleResult());
  const section = out.markdown.slice(out.markdown.indexOf("## Qualitative"), out.markdown.indexOf("## Appendix"));
  const html = mdit.render(section);

  it("states the units: interviews, coded by the primary coder, double-coded", () => {
    expect(section).toContain(
      "201 interviews (Beneficiaries: 131, Left the programme: 70); 201 coded by the primary coder (the first coder listed for each interview)",
    );
    expect(section).toContain("40 coded by two coders or more");
  });

  it("shows a null statistic as n/a with its reason, and the others with their interval and band", () => {
    const row = section.split("\n").find((l) => l.startsWith("| job_search | 40 |"));
    expect(row).toBe("| job_search | 40 | 85.0% | 0.657 (0.517–0.797), substantial | 0.661, unreliable | n/a (note 3) |");
    expect(section).toContain("- Note 3: interviews have different numbers of coders (2 to 3): Fleiss' kappa needs a constant number.");
    // The same reason is one note, however many codes share it.
    expect(section.match(/expected agreement is 1/g)).toHaveLength(1);
  });

  it("cites each band's source once, marked in the column header", () => {
    expect(section).toContain("| Code | Units | Agreement | Cohen’s κ (95% CI), band § | Krippendorff’s α, band §§ | Fleiss’ κ, band § |");
    expect(section.match(/Landis, J\. R\./g)).toHaveLength(1);
    expect(section.match(/Krippendorff, K\. \(2004\)/g)).toHaveLength(1);
  });

  it("shows a reason even without any band or value", () => {
    const r = structuredClone(sampleResult());
    for (const c of r.qualitative?.codes ?? []) {
      c.agreement.cohen_kappa = {
        value: null,
        units: 0,
        reason: "no interview is listed with two coders or more",
        reason_code: "no-two-coders",
        se: null,
        ci: null,
        level: 0.95,
      };
      c.agreement.band = { cohen_kappa: null, krippendorff_alpha: null, fleiss_kappa: null };
    }
    const md = render(r).markdown;
    expect(md).toContain("| Cohen’s κ (95% CI) | Krippendorff’s α | Fleiss’ κ |");
    expect(md).toContain("Note 1: no interview is listed with two coders or more.");
    expect(md).not.toContain("Landis");
  });

  it("renders parent totals with their codes and groups, and a co-occurrence table", () => {
    expect(section).toContain(
      "| wellbeing | Well-being | self_esteem, relief_security | 75.1% (151/201) | 79.4% (104/131) | 67.1% (47/70) |",
    );
    expect(section).toContain("| self_esteem | 127 | 101 | 71 | 43 | 39 |");
  });

  it("renders quotes as escaped block quotes under their code", () => {
    expect(section).toContain("#### Self-esteem: “like everyone else” (self_esteem)");
    expect(html.match(/<blockquote>/g)).toHaveLength(2);
    expect(html).toContain("&lt;b&gt;like everyone else&lt;/b&gt;");
    expect(html).not.toMatch(/<b>|<h1>|<a /);
    expect(html).not.toContain('href="http://evil.example"');
    // Two quotes of one code form one block, not two blocks split by a blank line (MD028).
    expect(section).toContain(
      "like everyone else&lt;/b&gt;.”\n>\n> “&gt; \\*I exist\\* \\| \\[link\\](http\\://evil.example) \\# not a heading”",
    );
  });

  it("never shows an interview id, and leaves the quotes out when the result has none", () => {
    expect(section).not.toMatch(/\bITW-?\d/i);
    const r = structuredClone(sampleResult());
    delete qualitativeOf(r)?.quotes;
    expect(render(r).markdown).not.toContain("### Quotes");
  });

  it("leaves parent codes that were never applied out of the code tables, and says so", () => {
    const r = structuredClone(sampleResult());
    const q = r.qualitative!;
    const template = q.codes[0]!;
    const agreement = structuredClone(template.agreement);
    agreement.percent = { value: 1, units: 40, reason: null, reason_code: null };
    q.codes.unshift({ ...structuredClone(template), code: "wellbeing", label: "Well-being", parent: null, share: 0, n: 0, agreement });
    q.cooccurrence = {
      codes: ["wellbeing", ...q.cooccurrence.codes],
      counts: [[0, 0, 0, 0, 0, 0], ...q.cooccurrence.counts.map((row) => [0, ...row])],
    };
    const md = render(r).markdown;
    expect(md).toContain("Parent codes never applied directly (wellbeing) are left out of the code tables below");
    expect(md).not.toMatch(/^\| wellbeing \| (Well-being \| — |0)/m);
    expect(md).toContain("| Code | self_esteem | family_ties | relief_security | cost_burden | job_search |");
  });
});

describe("category suppression", () => {
  const r = structuredClone(sampleResult());
  const dist = r.indicators.find((i) => i.id === "internet_use")!;
  const cats = dist.categories!;
  cats[2] = { ...cats[2]!, suppressed: true, suppression: "primary" };
  cats[1] = { ...cats[1]!, suppressed: true, suppression: "secondary" };
  const out = render(r);

  it("marks categories like subgroups, with the same footnotes, and hides their values", () => {
    const section = out.markdown.slice(out.markdown.indexOf("## Distributions"), out.markdown.indexOf("## Subgroups"));
    expect(section).toContain("| Rarely | ‡ | ‡ | ‡ |");
    expect(section).toContain("| Weekly | † | † | † |");
    expect(section).toContain("‡ Suppressed (primary): fewer than 10 respondents in the cell.");
    expect(section).toContain("† Suppressed (secondary): hidden so that a primary-suppressed value cannot be derived from the total.");
    expect(section).not.toContain("242");
    const chart = out.charts.find((c) => c.name === "distribution-internet-use.svg");
    expect(chart?.svg.match(/>suppressed<\/text>/g)).toHaveLength(2);
    expect(chart?.svg).not.toMatch(/n = 242\b/);
  });
});

describe("summaryTable", () => {
  it("ends with a newline", () => {
    expect(summaryTable(sampleResult(), { color: false }).endsWith("\n")).toBe(true);
    expect(summaryTable(sampleResult(), { color: true }).endsWith("\n")).toBe(true);
  });
});
