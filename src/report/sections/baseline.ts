import { type Ctx, ciCell, ciHeader, estimateCell, labelOf, unitOf } from "../context.js";
import { md } from "../escape.js";
import { formatDf, formatP, formatPoints, formatStat, formatValue } from "../format.js";
import { withBaseline } from "../layout.js";
import { heading, image, list, table } from "../markdown.js";

/** Indicators compared with an external figure (the 1.1 % national telecom share). */
export function baseline(ctx: Ctx): string[] {
  const { t, lang } = ctx;
  const compared = withBaseline(ctx.r);
  const rows = compared.map((ind) => {
    const b = ind.baseline!;
    const unit = unitOf(ind.kind);
    return [
      labelOf(ind),
      estimateCell(ctx, ind.kind, ind.estimate),
      ciCell(ctx, ind.kind, ind.ci, ind.estimate),
      md(b.label),
      formatValue(b.value, unit, lang, unit === "percent" ? 1 : 2),
      unit === "percent" ? formatPoints(b.difference, lang) : formatValue(b.difference, unit, lang, 2),
      b.t === null ? t.none : formatStat(b.t, lang),
      b.df === null ? t.none : formatDf(b.df, lang),
      b.p_value === null ? t.none : formatP(b.p_value, lang),
    ];
  });
  const sources = compared
    .filter((i) => i.baseline?.source)
    .map((i) => t.baselineSource(md(i.baseline!.label), md(i.baseline!.source ?? "")));
  const charts = compared.flatMap((ind) => {
    const p = ctx.chartPath(`baseline:${ind.id}`);
    return p ? [image(t.chartAlt(t.chartBaselineTitle(labelOf(ind))), p)] : [];
  });
  return [
    heading(2, t.baselineComparison),
    table(t.baselineTable(ciHeader(ctx)), rows, ["left", "right", "right", "left", "right", "right", "right", "right", "right"]),
    ...(sources.length > 0 ? [list([...new Set(sources)])] : []),
    ...charts,
  ];
}
