import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { lowerFirst } from "../../src/report/context.js";
import { formatLevel } from "../../src/report/format.js";
import { messages } from "../../src/report/i18n/index.js";
import { renderReport } from "../../src/report/index.js";
import type { CategoryResult, DomainResult, StudyResult } from "../../src/result/index.js";
import { chartDirFor, here, sampleResult } from "./helpers.js";

const level = (
  parts: [string, string, string][],
  estimate: number,
  n: number | null,
  suppression: DomainResult["suppression"] = null,
): DomainResult => ({
  level: parts.map((p) => p[1]).join(" × "),
  label: parts.map((p) => p[2]).join(" × "),
  estimate: suppression === "primary" ? null : estimate,
  se: suppression === "primary" ? null : 0.03,
  ci: suppression === "primary" ? null : [estimate - 0.06, estimate + 0.06],
  n,
  deff: suppression === "primary" ? null : 1.2,
  reliability: suppression === "primary" ? null : { cv: 0.03 / estimate, flagged: false, reasons: [] },
  suppressed: suppression !== null,
  suppression,
  parts: parts.map(([field, l, label]) => ({ field, level: l, label })),
});

const share = (
  value: string,
  label: string,
  estimate: number | null,
  n: number | null,
  suppression: CategoryResult["suppression"] = null,
): CategoryResult => ({
  value,
  label,
  estimate,
  se: estimate === null ? null : 0.02,
  ci: estimate === null ? null : [estimate - 0.04, estimate + 0.04],
  n,
  // A share from fewer than 50 respondents is flagged here, to see the mark.
  reliability: estimate === null ? null : { cv: 0.02 / estimate, flagged: (n ?? 0) < 50, reasons: (n ?? 0) < 50 ? ["n"] : [] },
  suppressed: suppression !== null,
  suppression,
});

/** The sample result with a crossed subgroup on a proportion and subgroups on the distribution. */
function withDomains(lang: "en" | "fr"): StudyResult {
  const r = sampleResult(lang);
  const indicators = r.indicators.map((ind) => {
    if (ind.id === "internet_never")
      return {
        ...ind,
        domains: {
          ...ind.domains,
          "housing × gender": [
            level(
              [
                ["housing", "street", "Street"],
                ["gender", "female", "Female"],
              ],
              0.5,
              80,
            ),
            level(
              [
                ["housing", "street", "Street"],
                ["gender", "male", "Male"],
              ],
              0.56,
              140,
            ),
            level(
              [
                ["housing", "street", "Street"],
                ["gender", "other", "Other"],
              ],
              0,
              null,
              "primary",
            ),
          ],
        },
      };
    if (ind.id === "internet_use")
      return {
        ...ind,
        domains: {
          housing: [
            {
              ...level([], 0, 223),
              level: "street",
              label: "Street",
              estimate: null,
              se: null,
              ci: null,
              deff: null,
              reliability: null,
              parts: undefined,
              categories: [
                share("daily", "Daily", 0.2, 45),
                share("weekly", "Weekly", null, null, "secondary"),
                share("rarely", "Rarely", null, null, "primary"),
                share("never", "Never", 0.48, 107),
              ],
            },
          ],
        },
      };
    return ind;
  });
  return { ...r, indicators };
}

const root = resolve(here, "../..");

describe.each(["en", "fr"] as const)("crossed subgroups and a distribution's subgroups in the report (%s)", (lang) => {
  const t = messages(lang);
  const markdown = renderReport(withDomains(lang), { lang, chartDir: chartDirFor(lang) }).markdown;
  const lines = markdown.split("\n");
  const r = withDomains(lang);
  const title = (field: string): string => r.codebook.find((c) => c.dataset === "questionnaire" && c.field === field)?.title ?? field;

  it("titles a crossed grouping from both fields' titles, and labels its levels from both", () => {
    expect(lines).toContain(`| ${t.subgroupGroupRow(`${title("housing")} × ${title("gender")}`)} | | | | |`);
    expect(lines.some((l) => l.startsWith("| Street × Male | ") && /56[.,]0/.test(l))).toBe(true);
    // The chart's title lowers each crossed field's title, as a one-field chart's.
    expect(markdown).toContain(`${lowerFirst(title("housing"))} × ${lowerFirst(title("gender"))}](`);
    // A primary-suppressed level: its label, and no number.
    const other = lines.find((l) => l.startsWith("| Street × Other | ")) ?? "";
    expect(other.slice("| Street × Other | ".length)).not.toMatch(/\d/);
  });

  it("shows a distribution's subgroups as one table of levels × categories, suppression marked", () => {
    const header = t.distributionSubgroupTable(title("housing"), ["Daily", "Weekly", "Rarely", "Never"]);
    const at = lines.indexOf(`| ${header.join(" | ")} |`);
    expect(at).toBeGreaterThan(0);
    const row = lines[at + 2] ?? "";
    expect(row.startsWith("| Street | ")).toBe(true);
    const cells = row.split(" | ");
    // A flagged share carries the low-reliability mark, as everywhere in the report.
    expect(cells[1]).toBe(lang === "en" ? "20.0% ⚠ (16.0–24.0%)" : "20,0\u202f% ⚠ (16,0–24,0\u202f%)");
    expect(cells[4]).not.toContain("⚠");
    expect(cells[2]).not.toMatch(/\d/);
    expect(cells[3]).not.toMatch(/\d/);
    expect(cells[2]).not.toBe(cells[3]);
    expect(row.endsWith(" | 223 |")).toBe(true);
    expect(markdown).toContain(t.distributionSubgroupNote(t.ci(formatLevel(0.95, lang))));
  });

  it("passes markdownlint", () => {
    const file = join(mkdtempSync(join(tmpdir(), "report-domains-")), "domains.md");
    writeFileSync(file, markdown);
    const bin = join(root, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
    const r = spawnSync(process.execPath, [bin, "--no-globs", `:${file}`], { cwd: root, encoding: "utf8" });
    expect(`${r.stdout}${r.stderr}`).toContain("Summary: 0 error(s)");
  });
});
