import type { IndicatorResult, RegressionCoefficient, RegressionResult } from "../../result/index.js";
import { type Ctx, ciHeader, fieldTitle, labelOf } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatDf, formatInterval, formatNumber, formatP, formatStat } from "../format.js";
import { heading, table } from "../markdown.js";

/** Decimals of coefficients: enough for a slope per unit of a wide-ranging predictor. */
const DECIMALS = 3;

/**
 * One part per regression indicator: the model (family, formula, n, df, reference levels) and its
 * coefficients with their SE, t, p and interval; a logistic model's odds ratios beside them.
 */
export function regressions(ctx: Ctx): string[] {
  const models = ctx.r.indicators.filter((i) => i.kind === "regression" && i.regression !== undefined);
  if (models.length === 0) return [];
  return [heading(2, ctx.t.regressions), ...models.flatMap((ind) => model(ctx, ind, ind.regression as RegressionResult))];
}

function model(ctx: Ctx, ind: IndicatorResult, m: RegressionResult): string[] {
  const { t, lang } = ctx;
  const family = t.regressionFamilies[m.family] ?? m.family;
  const head = [
    heading(3, labelOf(ind)),
    t.regressionModel(family, m.formula, formatCount(ind.n, lang), ind.df === null ? t.none : formatDf(ind.df, lang)),
  ];
  const refs = m.references.map((r) => `${md(fieldTitle(ctx, ind.dataset, r.field))} = ${md(r.label)}`);
  const references = refs.length > 0 ? [t.regressionReferences(refs.join(", "))] : [];
  if (ind.not_available !== null) return [...head, ...references, t.regressionNotAvailable(md(ind.not_available))];
  const logistic = m.family === "binomial";
  const num = (v: number): string => formatNumber(v, DECIMALS, lang);
  const rows = m.coefficients.map((c) => [
    termLabel(ctx, ind, c),
    num(c.estimate),
    num(c.se),
    formatStat(c.t, lang),
    formatP(c.p_value, lang),
    formatInterval(c.ci, "number", lang, DECIMALS),
    ...(logistic && c.odds_ratio !== null && c.odds_ratio_ci !== null
      ? [`${num(c.odds_ratio)} (${formatInterval(c.odds_ratio_ci, "number", lang, DECIMALS)})`]
      : []),
  ]);
  const header = [...t.regressionTable(ciHeader(ctx)), ...(logistic ? [t.regressionOddsRatio(ciHeader(ctx))] : [])];
  const align = header.map((_, k): "left" | "right" => (k === 0 ? "left" : "right"));
  return [...head, ...references, table(header, rows, align)];
}

/** "School type: High × English learners": each part's field title, a category's label after it. */
function termLabel(ctx: Ctx, ind: IndicatorResult, c: RegressionCoefficient): string {
  if (c.parts.length === 0) return ctx.t.regressionIntercept;
  return c.parts
    .map((p) => {
      const title = fieldTitle(ctx, ind.dataset, p.field);
      return mdCell(p.label === null ? title : `${title}: ${p.label}`);
    })
    .join(" × ");
}
