/**
 * The sections of a study's report, in their default order: the names a study file's `sections`
 * key accepts, and the layout the result records for every renderer.
 */
export const reportSections = [
  "key_findings",
  "method",
  "quality",
  "indicators",
  "baseline",
  "distributions",
  "cross_tables",
  "subgroups",
  "qualitative",
  "appendix",
] as const;
export type ReportSection = (typeof reportSections)[number];
