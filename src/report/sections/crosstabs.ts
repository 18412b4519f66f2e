import type { CrossTabMargin, CrossTabResult, IndicatorResult, TableEstimate } from "../../result/index.js";
import { type Ctx, ciHeader, fieldTitle, labelOf, lowerFirst, suppressionMark, suppressionNotes } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatDf, formatInterval, formatNumber, formatP, formatPercent, formatStat, type Lang } from "../format.js";
import type { Messages } from "../i18n/index.js";
import { heading, image, table } from "../markdown.js";

/**
 * One part per cross-table indicator: the row percentages, the estimated counts with the
 * respondents, the Rao–Scott test line and the chart, rows and columns in schema order.
 */
export function crosstabs(ctx: Ctx): string[] {
  const tables = ctx.r.indicators.filter((i) => i.kind === "crosstab" && i.crosstab !== undefined);
  if (tables.length === 0) return [];
  return [heading(2, ctx.t.crossTabs), ...tables.flatMap((ind) => crosstab(ctx, ind, ind.crosstab as CrossTabResult))];
}

function crosstab(ctx: Ctx, ind: IndicatorResult, x: CrossTabResult): string[] {
  const { t, lang } = ctx;
  const rowsTitle = fieldTitle(ctx, ind.dataset, x.rows.field);
  const colsTitle = fieldTitle(ctx, ind.dataset, x.columns.field);
  const nCols = x.columns.categories.length;
  const header = [mdCell(rowsTitle), ...x.columns.categories.map((c) => mdCell(c.label))];
  const align: ("left" | "right")[] = ["left", ...x.columns.categories.map((): "right" => "right")];
  const cellsOf = (i: number) => x.cells.slice(i * nCols, (i + 1) * nCols);
  const share = (e: TableEstimate | null, hidden: CrossTabMargin | { suppressed: boolean; suppression: null | "primary" | "secondary" }) =>
    suppressionMark(hidden) ??
    (e === null ? t.notAvailable : t.crossTabCell(formatPercent(e.estimate, lang), formatInterval(e.ci, "percent", lang, 1)));
  const count = (e: TableEstimate | null, n: number | null, hidden: { suppressed: boolean; suppression: null | "primary" | "secondary" }) =>
    suppressionMark(hidden) ??
    (e === null
      ? t.notAvailable
      : t.crossTabCount(
          formatNumber(e.estimate, 0, lang),
          formatInterval(e.ci, "number", lang, 0),
          n === null ? t.none : formatCount(n, lang),
        ));
  const rowShares = x.rows.categories.map((r, i) => [mdCell(r.label), ...cellsOf(i).map((c) => share(c.row_share, c))]);
  // The last row: each column's share of the whole table (the column margin).
  rowShares.push([t.crossTabTotal, ...x.columns.categories.map((c) => share(c.share, c))]);
  const counts = x.rows.categories.map((r, i) => [
    mdCell(r.label),
    ...cellsOf(i).map((c) => count(c.count, c.n, c)),
    count(r.count, r.n, r),
  ]);
  const none = { suppressed: false, suppression: null };
  counts.push([t.crossTabTotal, ...x.columns.categories.map((c) => count(c.count, c.n, c)), count(x.total.count, x.total.n, none)]);
  const chart = ctx.chartPath(`crosstab:${ind.id}`);
  const marks = [...x.cells, ...x.rows.categories, ...x.columns.categories];
  return [
    heading(3, labelOf(ind)),
    t.crossTabRowShares(md(lowerFirst(rowsTitle)), md(lowerFirst(colsTitle)), ciHeader(ctx)),
    table(header, rowShares, align),
    t.crossTabCounts(ciHeader(ctx)),
    table([...header, t.crossTabTotal], counts, [...align, "right"]),
    ...suppressionNotes(ctx, marks),
    testLine(t, lang, x.test),
    ...(chart ? [image(t.chartAlt(t.chartCrossTabTitle(labelOf(ind))), chart)] : []),
  ];
}

/** "Test of independence (design-based): Rao–Scott F = …, df = … and …, p = …; first-order χ² …". */
function testLine(t: Messages, lang: Lang, test: CrossTabResult["test"]): string {
  if (test.f === null || test.chisq === null) return t.crossTabTestNotAvailable(reasonOf(t, test));
  return t.crossTabTest(fTest(t, lang, test), chisqTest(t, lang, test));
}

/** Why there is no test, in the report's language. */
function reasonOf(t: Messages, test: CrossTabResult["test"]): string {
  const empty = test.empty_category;
  switch (test.not_available_code) {
    case "empty-row":
    case "empty-column":
      return t.crossTabNoRespondent(md(empty?.field ?? ""), md(empty?.label ?? ""));
    case "too-few-categories":
    case "no-df":
    case "no-variance":
      return t.crossTabTestReasons[test.not_available_code];
    default:
      return md(test.not_available ?? t.notAvailable);
  }
}

/** The second-order test alone (the key findings' sentence). */
export function fTest(t: Messages, lang: Lang, test: CrossTabResult["test"]): string {
  const f = test.f;
  if (f === null) return t.notAvailable;
  return t.crossTabTestF(formatStat(f.statistic, lang), formatStat(f.ndf, lang), formatStat(f.ddf, lang), pText(f.p_value, lang));
}

function chisqTest(t: Messages, lang: Lang, test: CrossTabResult["test"]): string {
  const c = test.chisq;
  if (c === null) return t.notAvailable;
  return t.crossTabTestChisq(formatStat(c.statistic, lang), formatDf(c.df, lang), pText(c.p_value, lang));
}

/** "p = 0.006" or "p < 0.001". */
function pText(p: number, lang: Lang): string {
  const shown = formatP(p, lang);
  return shown.startsWith("<") ? `p ${shown}` : `p = ${shown}`;
}
