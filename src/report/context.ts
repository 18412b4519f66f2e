import type { CodebookEntry, DomainResult, IndicatorResult, Reliability, StudyResult } from "../result/index.js";
import { md } from "./escape.js";
import { type Lang, formatCount, formatInterval, formatLevel, formatPercent, formatValue } from "./format.js";
import type { Messages } from "./i18n/en.js";

/** What every section renderer receives: the result, the language, and the chart links. */
export interface Ctx {
  r: StudyResult;
  lang: Lang;
  t: Messages;
  /** Relative path of a chart's SVG by chart key, when that chart was drawn. */
  chartPath: (key: string) => string | undefined;
}

export type Unit = "percent" | "number";

/** Proportions, distributions and ratios are shares; the other kinds are plain numbers. */
export function unitOf(kind: IndicatorResult["kind"]): Unit {
  return kind === "proportion" || kind === "distribution" || kind === "ratio" || kind === "mean_of_ratios" ? "percent" : "number";
}

/** Decimals in tables: one for percentages, none for totals, two otherwise. */
export function tableDecimals(kind: IndicatorResult["kind"]): number {
  return unitOf(kind) === "percent" ? 1 : kind === "total" || kind === "count" ? 0 : 2;
}

/** The estimate, followed by the low-reliability marker when the result flags it. */
export function estimateCell(ctx: Ctx, kind: IndicatorResult["kind"], value: number | null, reliability?: Reliability | null): string {
  if (value === null) return ctx.t.notAvailable;
  const shown = formatValue(value, unitOf(kind), ctx.lang, tableDecimals(kind));
  return reliability?.flagged ? `${shown} ${MARK_LOW_RELIABILITY}` : shown;
}

/** Marker of an estimate the result flags as unreliable; explained under each table that uses it. */
export const MARK_LOW_RELIABILITY = "⚠";

/** The study's reliability thresholds as the report words them (30%, 30). */
export function reliabilityThresholds(ctx: Pick<Ctx, "r" | "lang">): [string, string] {
  const { max_cv, min_n } = ctx.r.method.reliability;
  return [formatPercent(max_cv, ctx.lang, 0), formatCount(min_n, ctx.lang)];
}

/** The legend of the low-reliability marker, when one of the table's cells is flagged. */
export function reliabilityNotes(ctx: Ctx, cells: readonly { reliability: Reliability | null }[]): string[] {
  return cells.some((c) => c.reliability?.flagged) ? [ctx.t.lowReliability(MARK_LOW_RELIABILITY, ...reliabilityThresholds(ctx))] : [];
}

/**
 * Why an estimate has no interval, or null when there is nothing to say: a quantile with an
 * estimate and no interval has a bound whose share F(q) ∓ t·se leaves [0, 1] (the indicator's
 * warning gives the numbers).
 */
export function missingIntervalReason(ctx: Pick<Ctx, "t">, kind: IndicatorResult["kind"], estimate: number | null): string | null {
  return kind === "quantile" && estimate !== null ? ctx.t.quantileIntervalNotAvailable : null;
}

/** The interval, or "n/a" with the reason when the estimate has one and the interval does not. */
export function ciCell(ctx: Ctx, kind: IndicatorResult["kind"], ci: readonly [number, number] | null, estimate: number | null): string {
  if (ci !== null) return formatInterval(ci, unitOf(kind), ctx.lang, tableDecimals(kind));
  const reason = missingIntervalReason(ctx, kind, estimate);
  return reason === null ? ctx.t.notAvailable : ctx.t.notAvailableWithReason(reason);
}

/** Column header "95% CI" from the study's confidence level. */
export function ciHeader(ctx: Ctx): string {
  return ctx.t.ci(formatLevel(ctx.r.method.level, ctx.lang));
}

export function labelOf(ind: IndicatorResult): string {
  return md(ind.label);
}

/** Markers for suppressed cells; explained in a footnote under each table that uses them. */
const MARK_PRIMARY = "‡";
const MARK_SECONDARY = "†";
export const MARK_SOURCE = "§";

/**
 * Labels are written as predicates ("Never use the Internet"); inside a sentence the first letter
 * is lowered, unless the label opens with an acronym ("SMS…") or a capitalised proper noun pair.
 */
export function lowerFirst(label: string): string {
  const [first, second] = [...label];
  if (first === undefined) return label;
  if (second !== undefined && second === second.toUpperCase() && second !== second.toLowerCase()) return label;
  return first.toLowerCase() + label.slice(first.length);
}

/** The codebook entry of a dataset's field, when the result lists it. */
function codebookEntry(ctx: Pick<Ctx, "r">, dataset: string, field: string): CodebookEntry | undefined {
  return ctx.r.codebook.find((e) => e.dataset === dataset && e.field === field);
}

/**
 * A subgroup grouping's title: its field's, or the crossed fields' joined by " × " ("Housing ×
 * Age band"), each title passed through `each` (a chart's title lowers each one's first letter).
 */
export function domainTitle(
  ctx: Pick<Ctx, "r">,
  dataset: string,
  key: string,
  cells: readonly DomainResult[],
  each: (title: string) => string = (title) => title,
): string {
  const parts = cells[0]?.parts;
  return parts ? parts.map((p) => each(fieldTitle(ctx, dataset, p.field))).join(" × ") : each(fieldTitle(ctx, dataset, key));
}

/**
 * A variable's title from the codebook ("Age band" for age_band), or the field name itself when
 * the codebook does not list it. Plain text: escape it where it goes.
 */
export function fieldTitle(ctx: Pick<Ctx, "r">, dataset: string, field: string): string {
  const title = codebookEntry(ctx, dataset, field)?.title.trim();
  return title === undefined || title === "" ? field : title;
}

/**
 * Qualitative attributes (interview group, reception point...) belong to a table without a
 * sampling design: prefer those datasets' entries, then any dataset listing the field.
 */
export function qualitativeEntry(ctx: Pick<Ctx, "r">, field: string): CodebookEntry | undefined {
  const noDesign = new Set(ctx.r.datasets.filter((d) => d.design === null).map((d) => d.name));
  return ctx.r.codebook.find((e) => e.field === field && noDesign.has(e.dataset)) ?? ctx.r.codebook.find((e) => e.field === field);
}

/** Label of a category value from a codebook entry; the value itself when it has none. */
export function categoryLabel(entry: CodebookEntry | undefined, value: string): string {
  const label = entry?.categories.find((c) => c.value === value)?.label ?? entry?.missing_values.find((c) => c.value === value)?.label;
  return label === undefined || label.trim() === "" ? value : label;
}

/** Marker of a suppressed cell (domain or category): primary unless the result says secondary. */
export function suppressionMark(c: { suppressed: boolean; suppression: "primary" | "secondary" | null }): string | null {
  if (!c.suppressed && c.suppression === null) return null;
  return c.suppression === "secondary" ? MARK_SECONDARY : MARK_PRIMARY;
}

/** The footnotes for the markers used in one table, one paragraph each (markdownlint-safe). */
export function suppressionNotes(
  ctx: Ctx,
  cells: readonly { suppressed: boolean; suppression: "primary" | "secondary" | null }[],
): string[] {
  const marks = cells.map(suppressionMark);
  const minCell = formatCount(ctx.r.method.disclosure.min_cell, ctx.lang);
  return [
    ...(marks.includes(MARK_PRIMARY) ? [ctx.t.suppressedPrimary(MARK_PRIMARY, minCell)] : []),
    ...(marks.includes(MARK_SECONDARY) ? [ctx.t.suppressedSecondary(MARK_SECONDARY)] : []),
  ];
}
