import type { IndicatorResult } from "../../result/index.js";
import { type Ctx, lowerFirst, missingIntervalReason, tableDecimals, unitOf } from "../context.js";
import { md } from "../escape.js";
import { findingDecimals, formatInterval, formatLevel, formatValue } from "../format.js";
import { heading, list } from "../markdown.js";
import { fTest } from "./crosstabs.js";

/**
 * Plain sentences generated from the results, one per indicator, in study order. Sentences round
 * to whole percentages (one decimal under 10 %, so 8.0 % and 1.1 % stay distinguishable).
 */
export function keyFindings(ctx: Ctx): string[] {
  const items = ctx.r.indicators.map((ind) => finding(ctx, ind));
  const published = ctx.r.indicators.filter((i) => i.published !== undefined);
  if (published.length > 0) {
    const ok = published.filter((i) => i.published?.reproduced).length;
    items.push(ctx.t.findingPublished(ok, published.length));
    for (const ind of published) {
      if (ind.published?.reproduced !== false) continue;
      const unit = unitOf(ind.kind);
      const p = ind.published.precision;
      // Shown at the published precision, the estimate beside it with one more decimal.
      const pubDecimals = unit === "percent" ? Math.max(0, p - 2) : p;
      items.push(
        ctx.t.findingNotReproduced(
          md(ind.label),
          formatValue(ind.published.value, unit, ctx.lang, pubDecimals),
          ind.estimate === null ? ctx.t.notAvailable : formatValue(ind.estimate, unit, ctx.lang, pubDecimals + 1),
        ),
      );
    }
  }
  // A study of codings only has no indicator to state: no empty heading.
  return items.length === 0 ? [] : [heading(2, ctx.t.keyFindings), list(items)];
}

function finding(ctx: Ctx, ind: IndicatorResult): string {
  const label = md(ind.label);
  const unit = unitOf(ind.kind);
  const level = formatLevel(ind.level, ctx.lang);
  const sentence = (value: number, ci: readonly [number, number], decimals: number) => ({
    value: formatValue(value, unit, ctx.lang, decimals),
    ci: ctx.t.ciValue(level, formatInterval(ci, unit, ctx.lang, decimals)),
  });
  // A distribution has no single estimate: its most frequent category speaks for it.
  if (ind.categories && ind.categories.length > 0) {
    const shown = ind.categories.filter((c) => !c.suppressed && c.suppression === null && c.estimate !== null && c.ci !== null);
    const top = [...shown].sort((a, b) => (b.estimate ?? 0) - (a.estimate ?? 0))[0];
    if (top && top.estimate !== null && top.ci !== null) {
      const s = sentence(top.estimate, top.ci, unit === "percent" ? findingDecimals(top.estimate) : tableDecimals(ind.kind));
      return ctx.t.findingDistribution(label, md(top.label), s.value, s.ci);
    }
  }
  // A cross-table speaks through its test of independence.
  if (ind.kind === "crosstab" && ind.crosstab !== undefined) {
    const test = ind.crosstab.test;
    return test.f === null ? ctx.t.findingCrossTabNoTest(label) : ctx.t.findingCrossTab(label, fTest(ctx.t, ctx.lang, test));
  }
  const reason = missingIntervalReason(ctx, ind.kind, ind.estimate);
  if (ind.estimate === null || (ind.ci === null && reason === null)) {
    return ctx.t.findingNotAvailable(label, md(ind.not_available ?? ctx.t.notAvailable));
  }
  const dec = unit === "percent" ? findingDecimals(ind.estimate) : tableDecimals(ind.kind);
  if (ind.ci === null) return ctx.t.findingValueWithoutInterval(label, formatValue(ind.estimate, unit, ctx.lang, dec), reason ?? "");

  if (ind.baseline !== undefined) {
    // Baseline and estimate share the decimals of the smaller one, so 8.0 % sits beside 1.1 %.
    const d = unit === "percent" ? Math.max(dec, findingDecimals(ind.baseline.value)) : dec;
    const s = sentence(ind.estimate, ind.ci, d);
    return ctx.t.findingBaseline(
      label,
      s.value,
      s.ci,
      formatValue(ind.baseline.value, unit, ctx.lang, d),
      lowerFirst(md(ind.baseline.label)),
    );
  }
  const s = sentence(ind.estimate, ind.ci, dec);
  if (ind.kind === "proportion") {
    const universe = ind.universe === null ? "" : ctx.t.findingProportionUniverse(md(ind.universe));
    return ctx.t.findingProportion(s.value, s.ci, lowerFirst(label)) + universe;
  }
  return ctx.t.findingValue(label, s.value, s.ci);
}
