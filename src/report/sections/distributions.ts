import type { IndicatorResult } from "../../result/index.js";
import { type Ctx, ciCell, ciHeader, estimateCell, labelOf, reliabilityNotes, suppressionMark, suppressionNotes } from "../context.js";
import { mdCell } from "../escape.js";
import { formatCount } from "../format.js";
import { withCategories } from "../layout.js";
import { heading, image, table } from "../markdown.js";

/**
 * One table (and chart) per indicator with categories (a distribution's shares, a count's
 * numbers by category), categories in the result's order.
 */
export function distributions(ctx: Ctx): string[] {
  return [heading(2, ctx.t.distributions), ...withCategories(ctx.r).flatMap((ind) => distribution(ctx, ind))];
}

function distribution(ctx: Ctx, ind: IndicatorResult): string[] {
  const { t, lang } = ctx;
  const cats = ind.categories ?? [];
  // Same markers and footnotes as subgroups: a suppressed category hides estimate, interval and n.
  const rows = cats.map((c) => {
    const mark = suppressionMark(c);
    return mark !== null
      ? [mdCell(c.label), mark, mark, mark]
      : [
          mdCell(c.label),
          estimateCell(ctx, ind.kind, c.estimate, c.reliability),
          ciCell(ctx, ind.kind, c.ci, c.estimate),
          c.n === null ? t.none : formatCount(c.n, lang),
        ];
  });
  const chart = ctx.chartPath(`distribution:${ind.id}`);
  return [
    heading(3, labelOf(ind)),
    table(t.distributionTable(ciHeader(ctx)), rows, ["left", "right", "right", "right"]),
    ...suppressionNotes(ctx, cats),
    ...reliabilityNotes(ctx, cats),
    ...(chart ? [image(t.chartAlt(t.chartDistributionTitle(labelOf(ind))), chart)] : []),
  ];
}
