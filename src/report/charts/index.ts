import type { IndicatorResult, StudyResult } from "../../result/index.js";
import { type Unit, domainTitle, lowerFirst, missingIntervalReason, tableDecimals, unitOf } from "../context.js";
import { slug } from "../escape.js";
import { type Lang, formatCount, formatInterval, formatLevel, formatNumber, formatValue } from "../format.js";
import type { Messages } from "../i18n/en.js";
import { type ChartRow, horizontalChart } from "./horizontal.js";
import { stackedChart } from "./stacked.js";

export interface Chart {
  /** Stable key the Markdown sections look charts up by ("proportions", "subgroup:ID:FIELD"). */
  key: string;
  /** File name inside the chart folder. */
  name: string;
  svg: string;
}

interface ChartCtx {
  r: StudyResult;
  lang: Lang;
  t: Messages;
}

/**
 * All charts for a result, in a fixed order: proportions, distributions, cross-tables, baselines,
 * subgroups.
 * Chart text is plain (not Markdown): svg.ts escapes it for XML.
 */
export function buildCharts(ctx: ChartCtx): Chart[] {
  const charts: Chart[] = [];
  const used = new Set<string>();
  // File names come from ids (study file): slugged, and made unique if two slugs collide.
  const add = (key: string, stem: string, svg: string) => {
    let name = `${stem}.svg`;
    for (let i = 2; used.has(name); i++) name = `${stem}-${i}.svg`;
    used.add(name);
    charts.push({ key, name, svg });
  };
  const { r, t } = ctx;

  const proportions = r.indicators.filter((i) => i.kind === "proportion");
  if (proportions.length > 0) {
    const rows = proportions.map((i) => row(ctx, i.label, i.kind, i.estimate, i.ci, i.n, i.estimate === null ? t.notAvailable : undefined));
    add(
      "proportions",
      "proportions",
      horizontalChart({ title: t.chartProportions, desc: desc(ctx, rows), rows, mark: "bar", zeroBased: true, tick: tick(ctx, "percent") }),
    );
  }

  for (const ind of r.indicators) {
    if (ind.kind !== "distribution" || !ind.categories || ind.categories.length === 0) continue;
    const rows = ind.categories.map((c) =>
      row(ctx, c.label, ind.kind, c.estimate, c.ci, c.n, c.suppressed || c.suppression !== null ? t.suppressedLabel : undefined),
    );
    const title = t.chartDistributionTitle(ind.label);
    add(
      `distribution:${ind.id}`,
      `distribution-${slug(ind.id)}`,
      horizontalChart({ title, desc: desc(ctx, rows), rows, mark: "bar", zeroBased: true, tick: tick(ctx, "percent") }),
    );
  }

  for (const ind of r.indicators) {
    if (ind.kind !== "crosstab" || ind.crosstab === undefined) continue;
    const x = ind.crosstab;
    const nCols = x.columns.categories.length;
    const legend = x.columns.categories.map((c) => c.label);
    // A row with a hidden or unavailable share is left out whole: a bar with a gap would mislead.
    const rows = x.rows.categories.map((cat, i) => {
      const cells = x.cells.slice(i * nCols, (i + 1) * nCols);
      const shares = cells.map((c) => c.row_share?.estimate ?? null);
      const complete = shares.every((s): s is number => s !== null);
      return {
        label: cat.label,
        shares: complete ? shares : null,
        shareTexts: shares.map((s) => (s === null ? "" : formatValue(s, "percent", ctx.lang, 0))),
        ...(complete ? {} : { note: cells.some((c) => c.suppressed) ? t.suppressedLabel : t.notAvailable }),
      };
    });
    const d = rows
      .map((row) =>
        t.chartCrossTabItem(
          row.label,
          row.shares === null
            ? (row.note ?? "")
            : legend.map((l, k) => `${l} ${formatValue(row.shares?.[k] ?? 0, "percent", ctx.lang, 1)}`).join(", "),
        ),
      )
      .join("; ")
      .concat(".");
    add(
      `crosstab:${ind.id}`,
      `crosstab-${slug(ind.id)}`,
      stackedChart({ title: t.chartCrossTabTitle(ind.label), desc: d, legend, rows, tick: tick(ctx, "percent") }),
    );
  }

  for (const ind of r.indicators) {
    if (ind.baseline === undefined) continue;
    const unit = unitOf(ind.kind);
    const b = ind.baseline;
    const rows = [row(ctx, ind.label, ind.kind, ind.estimate, ind.ci, ind.n, ind.estimate === null ? t.notAvailable : undefined)];
    const baselineText = formatValue(b.value, unit, ctx.lang, tableDecimals(ind.kind));
    const title = t.chartBaselineTitle(ind.label);
    const d = t.chartBaselineDesc(ind.label, rows[0]!.valueText, ciText(ctx, ind, ind.ci), b.label, baselineText);
    add(
      `baseline:${ind.id}`,
      `baseline-${slug(ind.id)}`,
      horizontalChart({
        title,
        desc: d,
        rows,
        mark: "bar",
        zeroBased: true,
        tick: tick(ctx, unit),
        reference: { value: b.value, label: t.chartReference(b.label, baselineText) },
      }),
    );
  }

  for (const ind of r.indicators) {
    for (const [field, cells] of Object.entries(ind.domains ?? {})) {
      // A distribution's subgroups are a table of shares (sections/distribution-subgroups.ts), not dots.
      if (cells.length === 0 || ind.kind === "distribution") continue;
      const unit = unitOf(ind.kind);
      // A secondary cell keeps its estimate (only its count is hidden): it keeps its dot.
      const rows = cells.map((c) =>
        (c.suppressed || c.suppression !== null) && c.estimate === null
          ? { label: c.label, value: null, ci: null, valueText: "", note: t.suppressedLabel }
          : row(ctx, c.label, ind.kind, c.estimate, c.ci, c.n, c.estimate === null ? t.notAvailable : undefined),
      );
      const title = t.chartSubgroupTitle(ind.label, domainTitle(ctx, ind.dataset, field, cells, lowerFirst));
      add(
        `subgroup:${ind.id}:${field}`,
        `subgroup-${slug(ind.id)}-${slug(field)}`,
        horizontalChart({ title, desc: desc(ctx, rows), rows, mark: "dot", zeroBased: unit === "percent", tick: tick(ctx, unit) }),
      );
    }
  }
  return charts;
}

function row(
  ctx: ChartCtx,
  label: string,
  kind: IndicatorResult["kind"],
  value: number | null,
  ci: readonly [number, number] | null,
  n: number | null,
  note: string | undefined,
): ChartRow & { ciText: string; nText: string } {
  const unit = unitOf(kind);
  const reason = missingIntervalReason(ctx, kind, value);
  return {
    label,
    value,
    ci,
    note,
    valueText: value === null ? ctx.t.notAvailable : formatValue(value, unit, ctx.lang, tableDecimals(kind)),
    ciText:
      ci !== null
        ? ctx.t.ciValue(formatLevel(ctx.r.method.level, ctx.lang), formatInterval(ci, unit, ctx.lang, tableDecimals(kind)))
        : reason === null
          ? ctx.t.notAvailable
          : ctx.t.notAvailableWithReason(reason),
    nText: n === null ? ctx.t.suppressedLabel : formatCount(n, ctx.lang),
  };
}

function ciText(ctx: ChartCtx, ind: IndicatorResult, ci: readonly [number, number] | null): string {
  return ci === null
    ? ctx.t.notAvailable
    : ctx.t.ciValue(formatLevel(ctx.r.method.level, ctx.lang), formatInterval(ci, unitOf(ind.kind), ctx.lang, tableDecimals(ind.kind)));
}

/** The description read by screen readers: every value the chart shows, in order. */
function desc(ctx: ChartCtx, rows: (ChartRow & { ciText?: string; nText?: string })[]): string {
  return rows
    .map((r) => (r.note !== undefined ? `${r.label}: ${r.note}` : ctx.t.chartItem(r.label, r.valueText, r.ciText ?? "", r.nText ?? "")))
    .join("; ")
    .concat(".");
}

function tick(ctx: ChartCtx, unit: Unit): (v: number, step: number) => string {
  return (v, step) => {
    if (unit === "percent") {
      const decimals = Number.isInteger(Number((step * 100).toFixed(6))) ? 0 : 1;
      return formatValue(v, "percent", ctx.lang, decimals);
    }
    const decimals = step >= 1 ? 0 : Math.min(4, Math.ceil(-Math.log10(step)));
    return formatNumber(v, decimals, ctx.lang);
  };
}
