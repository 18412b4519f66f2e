import type { DatasetResult, WeightingSummary } from "../../result/index.js";
import type { Ctx } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatNumber } from "../format.js";
import { heading, table } from "../markdown.js";

/** Per weighted dataset: how, the weights before and after, and each margin reached against its counts. */
export function weighting(ctx: Ctx, datasets: readonly DatasetResult[]): string[] {
  return datasets.flatMap((d) => {
    const w = d.design?.weighting;
    return w ? weightingOf(ctx, d.name, w) : [];
  });
}

function weightingOf(ctx: Ctx, name: string, w: WeightingSummary): string[] {
  const { t, lang } = ctx;
  const method = t.weightingMethods[w.method] ?? md(w.method);
  const stats = (label: string, s: WeightingSummary["before"]): string[] => [
    label,
    formatNumber(s.min, 2, lang),
    formatNumber(s.max, 2, lang),
    formatNumber(s.cv, 3, lang),
    formatNumber(s.n_eff, 1, lang),
    formatNumber(s.sum, 1, lang),
  ];
  const margins = w.margins.flatMap((m) =>
    m.categories.map((c) => [
      mdCell(m.fields.join(" × ")),
      mdCell(c.category),
      formatNumber(c.target, 1, lang),
      formatNumber(c.before, 1, lang),
      formatNumber(c.reached, 1, lang),
    ]),
  );
  for (const x of w.totals) {
    margins.push([
      mdCell(x.field),
      t.totalRow,
      formatNumber(x.target, 1, lang),
      formatNumber(x.before, 1, lang),
      formatNumber(x.reached, 1, lang),
    ]);
  }
  return [
    heading(3, t.weightingHeading(md(name))),
    t.weightingSummary(md(name), method, formatCount(w.iterations, lang)),
    table(
      t.weightsTable,
      [stats(t.weightsBefore, w.before), stats(t.weightsAfter, w.after)],
      ["left", "right", "right", "right", "right", "right"],
    ),
    table(t.marginsTable, margins, ["left", "left", "right", "right", "right"]),
  ];
}
