import type { IndicatorResult } from "../../result/index.js";
import { type Ctx, ciCell, ciHeader, estimateCell, labelOf, reliabilityNotes, suppressionMark, suppressionNotes } from "../context.js";
import { mdCell } from "../escape.js";
import { formatCount } from "../format.js";
import { withCategories } from "../layout.js";
import { heading, image, table } from "../markdown.js";

/**
 * One table (and chart) per indicator with categories (a distribution's shares, a count's
 * numbers by category, a multiple-choice question's share choosing each option), categories in
 * the result's order.
 */
export function distributions(ctx: Ctx): string[] {
  return [heading(2, ctx.t.distributions), ...withCategories(ctx.r).flatMap((ind) => distribution(ctx, ind))];
}

function distribution(ctx: Ctx, ind: IndicatorResult): string[] {
  const { t, lang } = ctx;
  const cats = ind.categories ?? [];
  const multiple = ind.kind === "multi_select";
  // An option's share is a share, like a category's (a multi_select's own estimate is a mean).
  const kind = multiple ? "distribution" : ind.kind;
  // Same markers and footnotes as subgroups: a suppressed category hides estimate, interval and n.
  const rows = cats.map((c) => {
    const mark = suppressionMark(c);
    return mark !== null
      ? [mdCell(c.label), mark, mark, mark]
      : [
          mdCell(c.label),
          estimateCell(ctx, kind, c.estimate, c.reliability),
          ciCell(ctx, kind, c.ci, c.estimate),
          c.n === null ? t.none : formatCount(c.n, lang),
        ];
  });
  const chart = ctx.chartPath(`distribution:${ind.id}`);
  return [
    heading(3, labelOf(ind)),
    table(multiple ? t.choicesTable(ciHeader(ctx)) : t.distributionTable(ciHeader(ctx)), rows, ["left", "right", "right", "right"]),
    ...(multiple ? [t.choicesNote(estimateCell(ctx, ind.kind, ind.estimate), ciCell(ctx, ind.kind, ind.ci, ind.estimate))] : []),
    ...suppressionNotes(ctx, cats),
    ...reliabilityNotes(ctx, cats),
    ...(chart ? [image(t.chartAlt(t.chartDistributionTitle(labelOf(ind))), chart)] : []),
  ];
}
