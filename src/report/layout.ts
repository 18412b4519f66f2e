import type { IndicatorResult, ReportSection, StudyResult } from "../result/index.js";

/**
 * Which sections a report shows, and in which order: the one place every renderer of a study
 * report asks, so that the formats agree. The order and the choice are the study's (`sections`,
 * recorded in the result); a section with nothing to show for this result is left out, so a
 * study without indicators gets no empty indicator table and one without interviews no
 * qualitative section.
 */
export function reportLayout(r: StudyResult): ReportSection[] {
  return r.sections.filter((s) => hasContent[s](r));
}

/** Indicators with a comparison to a baseline figure. */
export const withBaseline = (r: StudyResult): IndicatorResult[] => r.indicators.filter((i) => i.baseline !== undefined);

/** Indicators estimated per category (distributions, counts by category). */
export const withCategories = (r: StudyResult): IndicatorResult[] => r.indicators.filter((i) => i.categories && i.categories.length > 0);

/** Two-way tables (kind crosstab). */
export const withCrossTabs = (r: StudyResult): IndicatorResult[] =>
  r.indicators.filter((i) => i.kind === "crosstab" && i.crosstab !== undefined);

/** Indicators estimated per subgroup. */
export const withDomains = (r: StudyResult): IndicatorResult[] =>
  r.indicators.filter((i) => i.domains && Object.keys(i.domains).length > 0);

const hasContent: Record<ReportSection, (r: StudyResult) => boolean> = {
  key_findings: (r) => r.indicators.length > 0,
  method: (r) => r.datasets.length > 0,
  quality: (r) => r.datasets.length > 0,
  indicators: (r) => r.indicators.length > 0,
  baseline: (r) => withBaseline(r).length > 0,
  distributions: (r) => withCategories(r).length > 0,
  cross_tables: (r) => withCrossTabs(r).length > 0,
  subgroups: (r) => withDomains(r).length > 0,
  qualitative: (r) => r.qualitative !== undefined,
  // Provenance (files, hashes, the command) applies to every study.
  appendix: () => true,
};
