import type { DesignSummary } from "../../result/index.js";
import { type Ctx, MARK_LOW_RELIABILITY, reliabilityThresholds } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatDf, formatLevel, formatNumber } from "../format.js";
import { heading, list, table } from "../markdown.js";
import { weighting } from "./weighting.js";

/** Sample and design per dataset, then the conventions every estimate follows. */
export function method(ctx: Ctx): string[] {
  const { t, lang, r } = ctx;
  // Tables without a design (interviews, codings) give no estimate: listed apart, never called
  // a simple random sample.
  const estimated = r.datasets.filter((d) => d.design !== null);
  const other = r.datasets.filter((d) => d.design === null);
  const rows = estimated.map((d) => {
    const g = d.design;
    if (g === null || !g.declared) return [mdCell(d.name), formatCount(d.rows_accepted, lang), t.noDesign, t.none, t.none, t.none];
    return [
      mdCell(d.name),
      formatCount(d.rows_accepted, lang),
      designText(ctx, g),
      // A replicate design declares no PSUs: its replicates carry them.
      g.replicates ? t.none : formatCount(g.n_psu, lang),
      formatDf(g.df, lang),
      g.weights !== null ? formatNumber(g.sum_weights, 1, lang) : t.none,
    ];
  });

  const methods = new Map<string, number>();
  // An indicator without an estimate has no interval method: it is not counted.
  for (const ind of r.indicators) if (ind.ci_method !== "") methods.set(ind.ci_method, (methods.get(ind.ci_method) ?? 0) + 1);
  const methodList = [...methods.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([m, n]) => t.intervalMethodUse(t.methodNames[m] ?? md(m), formatCount(n, lang)))
    .join(", ");

  // The conventions of estimates (level, missing values, reliability, disclosure) apply to
  // nothing in a study without indicators: not stated there.
  const estimates = r.indicators.length > 0;
  const notes = [
    ...(estimates
      ? [
          t.confidenceLevel(formatLevel(r.method.level, lang)),
          t.missingPolicies[r.method.missing_policy] ?? t.missingPolicy(md(r.method.missing_policy)),
        ]
      : []),
    ...(methodList === "" ? [] : [t.intervalMethods(methodList)]),
    ...r.datasets
      .filter((d) => d.design?.declared && d.design.n_psu > 0 && !d.design.replicates)
      .map((d) => t.lonelyPsu(md(d.name), t.lonelyPsuPolicies[d.design?.lonely_psu ?? ""] ?? md(d.design?.lonely_psu ?? ""))),
    // R's deff = TRUE compares with sampling without replacement from Σw units: with weights
    // that only redistribute the sample (normalised non-response weights), that is no population.
    ...r.datasets
      .filter((d) => d.design?.weights && !d.design.replicates && d.design.sum_weights < 2 * d.rows_accepted)
      .map((d) => t.deffCaution(md(d.name), formatNumber(d.design?.sum_weights ?? 0, 1, lang), formatCount(d.rows_accepted, lang))),
    ...(r.datasets.some((d) => d.design?.replicates)
      ? [
          t.replicateMethod(
            r.datasets
              .filter((d) => d.design?.replicates)
              .map((d) => md(d.name))
              .join(", "),
          ),
        ]
      : []),
    ...(estimates
      ? [
          t.reliabilityRule(MARK_LOW_RELIABILITY, ...reliabilityThresholds(ctx)),
          t.disclosureRule(formatCount(r.method.disclosure.min_cell, lang)),
        ]
      : []),
    ...(r.indicators.some((i) => i.crosstab !== undefined) ? [t.crossTabDisclosure, t.crossTabMethod] : []),
    ...(r.indicators.some((i) => i.regression !== undefined) ? [t.regressionMethod] : []),
  ];

  return [
    heading(2, t.dataAndMethod),
    ...(rows.length > 0 ? [table(t.sampleTable, rows, ["left", "right", "left", "right", "right", "right"])] : []),
    ...(other.length > 0
      ? [
          t.notEstimated(
            other.map((d) => t.datasetRows(md(d.name), formatCount(d.rows_accepted, lang))).join(", "),
            other.length,
            r.qualitative !== undefined,
          ),
        ]
      : []),
    ...(notes.length > 0 ? [list(notes)] : []),
    ...weighting(ctx, r.datasets),
    ...(r.notes.length > 0 ? [heading(3, t.notesHeading), list(r.notes.map(md))] : []),
  ];
}

/**
 * The design worded from its structured fields, in the report's language (the result's
 * `description` is a single English sentence).
 */
function designText(ctx: Ctx, g: DesignSummary): string {
  const { t, lang } = ctx;
  const parts: string[] = [];
  if (g.strata !== null) parts.push(t.designStrata(md(g.strata), formatCount(g.n_strata, lang)));
  if (g.ids.length > 0) parts.push(t.designClusters(g.ids.map(md).join(", ")));
  if (g.weights !== null) parts.push(t.designWeights(md(g.weights)));
  if (g.fpc.length > 0) parts.push(t.designFpc(g.fpc.map(md).join(", ")));
  if (g.replicates) {
    const { type, count, scale, mse } = g.replicates;
    parts.push(t.designReplicates(t.replicateMethods[type] ?? md(type), formatCount(count, lang), formatNumber(scale, 4, lang), mse));
  }
  const w = g.weighting;
  if (w?.method) parts.push(t.designWeighting(t.weightingMethods[w.method] ?? md(w.method)));
  if (w?.trim) parts.push(t.designTrimmed);
  return parts.length === 0 ? mdCell(g.description) : t.designJoin(parts);
}
