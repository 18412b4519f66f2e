import { COLORS, axis, circle, line, niceScale, rect, rowLabel, svgDocument, text, whisker, wrap } from "./svg.js";

/** One row of a horizontal chart: a bar or a dot with its interval, or a note in its place. */
export interface ChartRow {
  label: string;
  value: number | null;
  ci: readonly [number, number] | null;
  /** Printed at the right of the row (the estimate). */
  valueText: string;
  /** Shown instead of a mark ("suppressed", "n/a"). */
  note?: string;
}

export interface HorizontalChart {
  title: string;
  desc: string;
  rows: ChartRow[];
  mark: "bar" | "dot";
  /** Shares start at zero; other values may not. */
  zeroBased: boolean;
  tick: (value: number, step: number) => string;
  reference?: { value: number; label: string };
}

const W = 760;
const LABEL_X = 16;
const LABEL_W = 240;
const X0 = 272;
const X1 = 640;
const VALUE_X = 652;
const ROW_H = 32;

/**
 * Horizontal bars (or dots) with interval whiskers: labels stay readable at any length (wrapped
 * on two lines) and values compare along one axis.
 */
export function horizontalChart(spec: HorizontalChart): string {
  const values: number[] = [];
  for (const r of spec.rows) {
    if (r.note !== undefined) continue;
    if (r.value !== null) values.push(r.value);
    if (r.ci !== null) values.push(r.ci[0], r.ci[1]);
  }
  if (spec.reference) values.push(spec.reference.value);
  let lo = values.length > 0 ? Math.min(...values) : 0;
  let hi = values.length > 0 ? Math.max(...values) : 1;
  if (spec.zeroBased || spec.mark === "bar") lo = Math.min(0, lo);
  if (hi <= lo) hi = lo + 1;
  const scale = niceScale(lo, hi);
  const x = (v: number) => X0 + ((v - scale.min) / (scale.max - scale.min)) * (X1 - X0);

  const top = spec.reference ? 70 : 52;
  const bottom = top + spec.rows.length * ROW_H;
  const height = bottom + 34;
  // One line of title; the full title is in <title> for screen readers.
  const shownTitle = wrap(spec.title, W - 2 * LABEL_X, 15 * 1.1, 1)[0] ?? "";
  const body: string[] = [text(LABEL_X, 30, shownTitle, { size: 15, weight: "bold" })];

  // Grid and tick labels first, so marks are drawn over them.
  body.push(...axis(scale, x, { x0: X0, x1: X1, top, bottom }, spec.tick));

  spec.rows.forEach((r, i) => {
    const mid = top + i * ROW_H + ROW_H / 2;
    body.push(...rowLabel(LABEL_X, mid, r.label, LABEL_W));
    if (r.note !== undefined || r.value === null) {
      body.push(text(X0 + 6, mid + 4, r.note ?? r.valueText, { fill: COLORS.muted, italic: true }));
      return;
    }
    if (spec.mark === "bar") body.push(rect(Math.min(x(0), x(r.value)), mid - 8, Math.abs(x(r.value) - x(0)), 16, COLORS.bar));
    if (r.ci !== null) body.push(...whisker(x(r.ci[0]), x(r.ci[1]), mid, 6, COLORS.whisker));
    if (spec.mark === "dot") body.push(circle(x(r.value), mid, 5, COLORS.bar, COLORS.whisker));
    body.push(text(VALUE_X, mid + 4, r.valueText));
  });

  if (spec.reference) {
    const rx = x(spec.reference.value);
    body.push(line(rx, top - 8, rx, bottom, COLORS.reference, 2, "6 4"));
    // Keep the label inside the panel whichever side of the axis the line falls on.
    const anchor = rx > (X0 + X1) / 2 ? "end" : "start";
    body.push(
      text(anchor === "end" ? rx - 4 : rx + 4, top - 14, spec.reference.label, {
        anchor,
        size: 12,
        fill: COLORS.reference,
        weight: "bold",
      }),
    );
  }
  return svgDocument(W, height, spec.title, spec.desc, body);
}
