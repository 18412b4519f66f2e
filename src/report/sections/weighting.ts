import type { DatasetResult, WeightingSummary } from "../../result/index.js";
import type { Ctx } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatNumber, NNBSP, type Lang } from "../format.js";
import { heading, table } from "../markdown.js";

/** Per weighted dataset: how, the weights before and after (and before trimming), and each margin reached against its counts. */
export function weighting(ctx: Ctx, datasets: readonly DatasetResult[]): string[] {
  return datasets.flatMap((d) => {
    const w = d.design?.weighting;
    return w ? weightingOf(ctx, d.name, w) : [];
  });
}

/** A tolerance as the study states it (1, 0.001, 1e-7), with the report's decimal mark. */
function formatTolerance(x: number, lang: Lang): string {
  const s = String(x);
  return lang === "fr" ? s.replace(".", ",") : s;
}

function weightingOf(ctx: Ctx, name: string, w: WeightingSummary): string[] {
  const { t, lang } = ctx;
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
  const rows =
    w.method === null
      ? [stats(t.weightsBeforeTrim, w.before), stats(t.weightsAfterTrim, w.after)]
      : w.trim
        ? [stats(t.weightsBefore, w.before), stats(t.weightsAfter, w.trim.before), stats(t.weightsAfterTrim, w.after)]
        : [stats(t.weightsBefore, w.before), stats(t.weightsAfter, w.after)];
  const control =
    w.tolerance !== null && w.max_iterations !== null
      ? t.weightingControl(formatTolerance(w.tolerance, lang), formatCount(w.max_iterations, lang))
      : null;
  const trim = w.trim;
  return [
    heading(3, t.weightingHeading(md(name))),
    ...(w.method === null
      ? []
      : [t.weightingSummary(md(name), t.weightingMethods[w.method] ?? md(w.method), formatCount(w.iterations, lang), control)]),
    ...(trim ? [trimSentence(ctx, name, w.method !== null, trim)] : []),
    table(t.weightsTable, rows, ["left", "right", "right", "right", "right", "right"]),
    ...(margins.length > 0 ? [table(t.marginsTable, margins, ["left", "left", "right", "right", "right"])] : []),
  ];
}

/** What trimming did: how many weights were set to each bound, in how many passes. */
function trimSentence(ctx: Ctx, name: string, afterWeighting: boolean, trim: NonNullable<WeightingSummary["trim"]>): string {
  const { t, lang } = ctx;
  const bound = (b: number | null, infinite: string): string => (b === null ? infinite : formatNumber(b, decimalsOf(b), lang));
  // French writes an interval [a ; b], its decimal mark being the comma.
  const bounds = `[${bound(trim.lower, "−∞")}${lang === "fr" ? `${NNBSP}; ` : ", "}${bound(trim.upper, "∞")}]`;
  if (trim.passes === 0) return t.trimNone(md(name), afterWeighting, bounds);
  return t.trimSummary(
    md(name),
    afterWeighting,
    bounds,
    trim.lower === null ? null : formatCount(trim.trimmed_lower, lang),
    trim.upper === null ? null : formatCount(trim.trimmed_upper, lang),
    formatCount(trim.passes, lang),
    trim.strict,
  );
}

/** A bound's decimals as the study writes it (20, 0.5), at most 6. */
function decimalsOf(x: number): number {
  const frac = String(x).split(".")[1];
  return Math.min(frac?.length ?? 0, 6);
}
