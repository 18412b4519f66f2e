import type { DomainResult, IndicatorResult } from "../../result/index.js";
import {
  type Ctx,
  ciCell,
  ciHeader,
  domainTitle,
  estimateCell,
  fieldTitle,
  labelOf,
  lowerFirst,
  reliabilityNotes,
  suppressionMark,
  suppressionNotes,
  tableDecimals,
  unitOf,
} from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatDf, formatInterval, formatP, formatPoints, formatStat, formatValue } from "../format.js";
import { withDomains } from "../layout.js";
import { heading, image, table } from "../markdown.js";
import { distributionSubgroups } from "./distribution-subgroups.js";

/**
 * Per indicator: one table with every domain field as a group of rows (titled from the
 * codebook: "Age band", not age_band), then one dot plot per field. Suppression decisions come
 * from the result, which also nulls what must not be shown: everything for a primary cell, the
 * count for a secondary one.
 */
export function subgroups(ctx: Ctx): string[] {
  return [heading(2, ctx.t.subgroups), ...withDomains(ctx.r).flatMap((ind) => indicator(ctx, ind))];
}

function indicator(ctx: Ctx, ind: IndicatorResult): string[] {
  if (ind.kind === "distribution") {
    const tables = distributionSubgroups(ctx, ind);
    return tables.length === 0 ? [] : [heading(3, labelOf(ind)), ...tables];
  }
  const { t } = ctx;
  const domains = ind.domains ?? {};
  // Fields in the result's insertion order (the study's `domains` order).
  const fields = Object.keys(domains).filter((f) => (domains[f] ?? []).length > 0);
  const rows: string[][] = [];
  const cells: DomainResult[] = [];
  const charts: string[] = [];
  for (const field of fields) {
    const list = domains[field] ?? [];
    // The variable's title from the codebook (crossed: "Housing × Age band"), the field name when it has none.
    const title = md(domainTitle(ctx, ind.dataset, field, list));
    rows.push([t.subgroupGroupRow(title === "" ? t.none : title), "", "", "", ""]);
    rows.push(...list.map((c) => row(ctx, ind, c)));
    cells.push(...list);
    const chart = ctx.chartPath(`subgroup:${ind.id}:${field}`);
    if (chart)
      charts.push(image(t.chartAlt(t.chartSubgroupTitle(labelOf(ind), md(domainTitle(ctx, ind.dataset, field, list, lowerFirst)))), chart));
  }
  if (rows.length === 0) return [];
  return [
    heading(3, labelOf(ind)),
    table(t.subgroupTable(t.subgroupHeader, ciHeader(ctx)), rows, ["left", "right", "right", "right", "right"]),
    // Footnotes as one paragraph with hard breaks would trip markdownlint; one paragraph each.
    ...suppressionNotes(ctx, cells),
    ...reliabilityNotes(ctx, cells),
    ...contrasts(ctx, ind),
    ...charts,
  ];
}

/** Differences between two subgroups, as the study asks for them. */
function contrasts(ctx: Ctx, ind: IndicatorResult): string[] {
  const list = ind.contrasts ?? [];
  if (list.length === 0) return [];
  const { t, lang } = ctx;
  const unit = unitOf(ind.kind);
  const rows = list.map((c) => [
    t.contrastLabel(md(fieldTitle(ctx, ind.dataset, c.field)), mdCell(c.a_label), mdCell(c.b_label)),
    c.difference === null
      ? t.notAvailableWithReason(md(c.not_available ?? ""))
      : unit === "percent"
        ? formatPoints(c.difference, lang)
        : formatValue(c.difference, unit, lang, 2),
    c.ci === null ? t.none : formatInterval(c.ci, unit, lang, tableDecimals(ind.kind)),
    c.t === null ? t.none : formatStat(c.t, lang),
    c.df === null ? t.none : formatDf(c.df, lang),
    c.p_value === null ? t.none : formatP(c.p_value, lang),
  ]);
  return [table(t.contrastTable(ciHeader(ctx)), rows, ["left", "right", "right", "right", "right", "right"]), t.contrastNote];
}

function row(ctx: Ctx, ind: IndicatorResult, c: DomainResult): string[] {
  const { t, lang } = ctx;
  const mark = suppressionMark(c);
  // Primary: every number hidden. Secondary: only the count, which the total would reveal.
  if (mark !== null && c.estimate === null) return [mdCell(c.label), mark, mark, mark, mark];
  return [
    mdCell(c.label),
    estimateCell(ctx, ind.kind, c.estimate, c.reliability),
    ciCell(ctx, ind.kind, c.ci, c.estimate),
    c.n === null ? (mark ?? t.none) : formatCount(c.n, lang),
    c.deff === null ? t.none : formatStat(c.deff, lang),
  ];
}
