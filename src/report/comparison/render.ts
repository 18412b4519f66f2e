import type { CategoryComparison, Comparison, Difference, Flag, IndicatorComparison, Side } from "../../waves/index.js";
import { tableDecimals, unitOf } from "../context.js";
import { fenceFor, md, mdCell } from "../escape.js";
import {
  type Lang,
  formatCount,
  formatInterval,
  formatLevel,
  formatNumber,
  formatP,
  formatPercent,
  formatPoints,
  formatValue,
} from "../format.js";
import { codeBlock, document, heading, image, list, table, type Align } from "../markdown.js";
import { pairChart, type PairRow } from "./chart.js";
import { comparisonMessages, type ComparisonMessages } from "./messages.js";

export interface RenderedComparison {
  markdown: string;
  charts: { name: string; svg: string }[];
}

interface Ctx {
  c: Comparison;
  lang: Lang;
  t: ComparisonMessages;
}

const CHART = "estimates.svg";

/**
 * The comparison report: differences of the compared indicators (table and chart), distributions
 * category by category, what was not compared and why, and the method. Reads only the comparison.
 */
export function renderComparison(c: Comparison, options: { chartDir: string }): RenderedComparison {
  const ctx: Ctx = { c, lang: c.lang, t: comparisonMessages(c.lang) };
  const { t } = ctx;
  const chart = differencesChart(ctx);
  const blocks = [
    heading(1, t.title(md(c.base.title), md(c.new.title))),
    c.synthetic ? t.syntheticNotice : "",
    c.acceptable ? "" : t.notAcceptable,
    t.intro(md(c.base.study), md(c.base.generated), md(c.new.study), md(c.new.generated)),
    ...harmonised(ctx),
    ...differences(ctx, chart ? `${options.chartDir}/${CHART}` : null),
    ...distributions(ctx),
    ...notCompared(ctx),
    ...onlyOne(ctx),
    heading(2, t.method),
    t.methodText(formatLevel(c.method.level, ctx.lang)),
    t.methodDefinition,
    t.methodMultiple,
    t.rerun,
    codeBlock(c.command.replace(/[\r\n]+/g, " "), fenceFor(c.command), "sh"),
  ];
  return { markdown: document(blocks), charts: chart ? [{ name: CHART, svg: chart }] : [] };
}

const ciHeader = (ctx: Ctx): string =>
  ctx.lang === "fr" ? `IC à ${formatLevel(ctx.c.method.level, "fr")}` : `${formatLevel(ctx.c.method.level, "en")} CI`;

function sideCell(ctx: Ctx, kind: IndicatorComparison["kind"], s: Side | null): string {
  if (s === null || s.estimate === null) return "\u2014";
  const unit = unitOf(kind);
  const value = formatValue(s.estimate, unit, ctx.lang, tableDecimals(kind));
  return s.ci === null ? value : `${value} (${formatInterval(s.ci, unit, ctx.lang, tableDecimals(kind))})`;
}

/** A signed difference: percentage points for shares, the indicator's own unit otherwise. */
function signed(ctx: Ctx, kind: IndicatorComparison["kind"], v: number): string {
  if (unitOf(kind) === "percent") return formatPoints(v, ctx.lang, 1);
  const s = formatNumber(v, tableDecimals(kind), ctx.lang);
  return /^[\u2212]/.test(s) || Number(v.toFixed(tableDecimals(kind))) === 0 ? s : `+${s}`;
}

function differenceCells(ctx: Ctx, kind: IndicatorComparison["kind"], d: Difference | null): string[] {
  if (d === null) return ["\u2014", "\u2014", "\u2014"];
  const unit = unitOf(kind) === "percent" ? ` ${ctx.t.points}` : "";
  const to = ctx.lang === "fr" ? "à" : "to";
  return [
    `${signed(ctx, kind, d.estimate)}${unit}`,
    `${signed(ctx, kind, d.ci[0])} ${to} ${signed(ctx, kind, d.ci[1])}${unit}`,
    formatP(d.p_value, ctx.lang),
  ];
}

function differences(ctx: Ctx, chartPath: string | null): string[] {
  const { c, t } = ctx;
  const rows = c.indicators
    .filter((i) => i.compared && i.categories === undefined)
    .map((i) => [
      mdCell(i.label),
      sideCell(ctx, i.kind, i.base),
      i.base.n === null ? "—" : formatCount(i.base.n, ctx.lang),
      sideCell(ctx, i.kind, i.new),
      i.new.n === null ? "—" : formatCount(i.new.n, ctx.lang),
      ...differenceCells(ctx, i.kind, i.difference),
    ]);
  const align: Align[] = ["left", "right", "right", "right", "right", "right", "right", "right"];
  return [
    heading(2, t.differences),
    rows.length === 0 ? t.noDifferences : table(t.differencesTable(md(c.base.study), md(c.new.study), ciHeader(ctx)), rows, align),
    rows.length === 0 ? "" : t.pointsNote(ciHeader(ctx)),
    chartPath === null ? "" : image(t.chartAlt, chartPath),
  ];
}

function differencesChart(ctx: Ctx): string | null {
  const { c, t, lang } = ctx;
  const rows: PairRow[] = [];
  for (const i of c.indicators) {
    if (!i.compared || i.categories !== undefined || unitOf(i.kind) !== "percent") continue;
    if (i.base.estimate === null || i.new.estimate === null) continue;
    const fmt = (v: number) => formatValue(v, "percent", lang, 1);
    rows.push({
      label: i.label,
      base: { value: i.base.estimate, ci: i.base.ci },
      next: { value: i.new.estimate, ci: i.new.ci },
      valueText: `${fmt(i.base.estimate)} \u2192 ${fmt(i.new.estimate)}`,
    });
  }
  if (rows.length === 0) return null;
  const desc = t.chartDesc(rows.map((r) => t.chartRow(r.label, ...(r.valueText.split(" \u2192 ") as [string, string]))).join("; "));
  return pairChart({
    title: t.chartTitle(formatLevel(c.method.level, lang)),
    desc,
    baseName: c.base.study,
    nextName: c.new.study,
    rows,
    tick: (v, step) => formatPercent(v, lang, step * 100 < 1 ? 1 : 0),
  });
}

function distributions(ctx: Ctx): string[] {
  const { c, t } = ctx;
  const dists = c.indicators.filter((i) => i.categories !== undefined);
  if (dists.length === 0) return [];
  const out = [heading(2, t.distributions)];
  // Sibling headings must differ (MD024): a label two distributions share gets its id.
  const shared = (label: string) => dists.filter((d) => d.label === label).length > 1;
  for (const i of dists) {
    out.push(heading(3, shared(i.label) ? `${md(i.label)} (${md(i.id)})` : md(i.label)));
    if (!i.compared) out.push(t.notComparedDistribution(i.flags.map((f) => flagText(ctx, f)).join("; ")));
    const rows = (i.categories ?? []).map((cat) => [
      categoryCell(ctx, cat),
      sideCell(ctx, i.kind, cat.base),
      sideCell(ctx, i.kind, cat.new),
      ...differenceCells(ctx, i.kind, cat.difference),
    ]);
    out.push(
      table(t.distributionTable(md(c.base.study), md(c.new.study), ciHeader(ctx)), rows, [
        "left",
        "right",
        "right",
        "right",
        "right",
        "right",
      ]),
    );
  }
  return out;
}

function categoryCell(ctx: Ctx, cat: CategoryComparison): string {
  const status = cat.status === "added" ? ctx.t.categoryAdded : cat.status === "removed" ? ctx.t.categoryRemoved : null;
  return status === null ? mdCell(cat.label) : `${mdCell(cat.label)} (${status})`;
}

function notCompared(ctx: Ctx): string[] {
  const { c, t } = ctx;
  const flagged = c.indicators.filter((i) => !i.compared);
  if (flagged.length === 0) return [];
  const items = flagged.map((i) => `${md(i.label)} (${md(i.id)}): ${i.flags.map((f) => flagText(ctx, f)).join("; ")}.`);
  return [heading(2, t.notCompared), t.notComparedIntro, list(items)];
}

function flagText(ctx: Ctx, f: Flag): string {
  const { t } = ctx;
  if (f.code === "categories") return t.flag.categories(md(f.field ?? ""), f.added.map(md).join(", "), f.removed.map(md).join(", "));
  if (f.code === "not_available") return t.flag.not_available();
  const none = f.code === "universe" ? t.allRows : t.notStated;
  return t.flag[f.code](f.base === null ? none : md(f.base), f.new === null ? none : md(f.new));
}

/** The new wave's answers counted as the base wave's, as the comparison applied them. */
function harmonised(ctx: Ctx): string[] {
  const { c, t } = ctx;
  if (c.harmonised.length === 0) return [];
  return [
    heading(2, t.harmonised),
    t.harmonisedIntro(md(c.new.study), md(c.base.study)),
    list(c.harmonised.map((h) => t.harmonisedItem(md(`${h.dataset}.${h.field}`), md(h.from), md(h.to)))),
  ];
}

function onlyOne(ctx: Ctx): string[] {
  const { c, t } = ctx;
  if (c.only_in_base.length === 0 && c.only_in_new.length === 0) return [];
  const names = (xs: Comparison["only_in_base"]) => xs.map((x) => `${md(x.label)} (${md(x.id)})`).join("; ");
  return [
    heading(2, t.onlyOne),
    list([
      ...(c.only_in_base.length > 0 ? [t.onlyInBase(md(c.base.study), names(c.only_in_base))] : []),
      ...(c.only_in_new.length > 0 ? [t.onlyInNew(md(c.new.study), names(c.only_in_new))] : []),
    ]),
  ];
}
