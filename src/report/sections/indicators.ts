import type { IndicatorResult } from "../../result/index.js";
import { type Ctx, ciCell, ciHeader, estimateCell, labelOf, reliabilityNotes, unitOf } from "../context.js";
import { md } from "../escape.js";
import { formatCount, formatDf, formatStat, formatValue } from "../format.js";
import { heading, image, list, table } from "../markdown.js";

/** One row per indicator, in study order, with everything needed to judge the estimate. */
export function indicators(ctx: Ctx): string[] {
  const { t } = ctx;
  const rows = ctx.r.indicators.map((ind) => row(ctx, ind));
  const warnings = ctx.r.indicators.flatMap((ind) => ind.warnings.map((w) => t.indicatorWarning(labelOf(ind), md(w))));
  const chart = ctx.chartPath("proportions");
  return [
    heading(2, t.indicators),
    table(t.indicatorsTable(ciHeader(ctx)), rows, ["left", "right", "right", "right", "right", "right", "right", "left", "right"]),
    ...reliabilityNotes(ctx, ctx.r.indicators),
    ...(chart ? [image(t.chartAlt(t.chartProportions), chart)] : []),
    ...(warnings.length > 0 ? [heading(3, t.warningsHeading), list(warnings)] : []),
  ];
}

function row(ctx: Ctx, ind: IndicatorResult): string[] {
  const { t, lang } = ctx;
  // A distribution's (or a count by category's) estimates are per category (Distributions
  // section), not missing; a cross-table's are in the Cross-tables section.
  const isDistribution = ind.categories !== undefined && ind.estimate === null;
  const isCrossTab = ind.kind === "crosstab" && ind.crosstab !== undefined;
  const estimate = isDistribution
    ? t.seeDistributions
    : isCrossTab
      ? t.seeCrossTabs
      : ind.estimate === null && ind.not_available !== null
        ? t.notAvailableWithReason(md(ind.not_available))
        : estimateCell(ctx, ind.kind, ind.estimate, ind.reliability);
  const pub = ind.published;
  return [
    labelOf(ind),
    estimate,
    isDistribution || isCrossTab ? t.none : ciCell(ctx, ind.kind, ind.ci, ind.estimate),
    formatCount(ind.n, lang),
    missingCell(ctx, ind),
    ind.deff === null ? t.none : formatStat(ind.deff, lang),
    ind.df === null ? t.none : formatDf(ind.df, lang),
    t.methodShortNames[ind.ci_method] ?? md(ind.ci_method),
    pub === undefined ? t.none : `${formatValue(pub.value, unitOf(ind.kind), lang, publishedDecimals(ind))} (${md(pub.source)})`,
    pub === undefined ? t.none : pub.reproduced ? `✓ ${t.yes}` : `✗ ${t.no}`,
    pub === undefined ? t.none : pub.in_ci ? t.yes : t.no,
  ];
}

/** Published figures are shown at their own precision (0.37 with precision 2 → "37%"). */
function publishedDecimals(ind: IndicatorResult): number {
  const p = ind.published?.precision ?? 2;
  return unitOf(ind.kind) === "percent" ? Math.max(0, p - 2) : p;
}

/** "12 (NSP 8, NR 4)": the total and its breakdown by missing-value code, in code order. */
function missingCell(ctx: Ctx, ind: IndicatorResult): string {
  const total = formatCount(ind.n_missing, ctx.lang);
  const codes = Object.keys(ind.missing).sort();
  if (codes.length === 0) return total;
  const parts = codes.map((c) => `${c === "" ? ctx.t.blankCode : md(c)} ${formatCount(ind.missing[c] ?? 0, ctx.lang)}`);
  return `${total} (${parts.join(", ")})`;
}
