import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { QualitativeView } from "../../src/report/index.js";
import { type StudyResult, resultSchema } from "../../src/result/study-result.js";

export const here = dirname(fileURLToPath(import.meta.url));
export const goldenDir = join(here, "golden");

/**
 * The hand-built sample result (its French twin has the labels upstream would resolve for
 * `lang: fr`); parsing it here proves it matches the result schema.
 */
export function sampleResult(lang: "en" | "fr" = "en"): StudyResult {
  const file = lang === "en" ? "sample-result.json" : "sample-result-fr.json";
  return resultSchema.parse(JSON.parse(readFileSync(join(here, "fixtures", file), "utf8")));
}

/** Chart folder names used by the golden reports (relative to the Markdown file). */
export const chartDirFor = (lang: "en" | "fr") => `sample-${lang}.charts`;

/** Strings that try to break Markdown structure, HTML safety or markdownlint. */
export const NASTY = [
  "# heading?",
  "1. list",
  "- item:",
  "a | b | c",
  "line\nbreak\r\nagain",
  "",
  "  spaced  ",
  "<img src=x onerror=alert(1)>",
  "`code` **bold** _em_ ~~s~~",
  "[x](javascript:alert(1))",
  "https://example.org/path",
  "trailing.",
  "\\back\\slash\\",
  "> quote",
  "$x$ ^y^",
];

/** The sample result with every label and name from the study replaced by nasty strings. */
export function hostileResult(): StudyResult {
  const r = structuredClone(sampleResult());
  let i = 0;
  const next = () => NASTY[i++ % NASTY.length] ?? "";
  r.title = next();
  r.notes = [next(), next()];
  r.command = `exclusion-study report ${next()}`;
  for (const d of r.datasets) {
    d.name = next();
    d.path = next();
    for (const is of d.issues) {
      is.value = next();
      is.field = next();
      is.message = next();
    }
  }
  for (const ind of r.indicators) {
    ind.label = next();
    ind.definition = next();
    if (ind.universe !== null) ind.universe = next();
    if (ind.baseline) ind.baseline.label = next();
    for (const c of ind.categories ?? []) c.label = next();
    const domains = ind.domains ?? {};
    for (const cells of Object.values(domains)) for (const c of cells) c.label = next();
    if (ind.domains) ind.domains = Object.fromEntries(Object.entries(domains).map(([, v]) => [next() || "x", v]));
  }
  for (const q of qualitativeOf(r)?.quotes ?? []) q.excerpt = next();
  for (const g of r.qualitative?.groups ?? []) g.label = next();
  for (const e of r.codebook) {
    e.title = next();
    for (const c of e.categories) c.label = next();
  }
  return r;
}

/** The qualitative block with the report's optional extras (quotes), which the schema type leaves out. */
export function qualitativeOf(r: StudyResult): QualitativeView | undefined {
  return r.qualitative as QualitativeView | undefined;
}
