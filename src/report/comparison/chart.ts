import { COLORS, axis, circle, niceScale, rowLabel, svgDocument, text, whisker, wrap } from "../charts/svg.js";

/** One indicator: both waves' estimates with their intervals, on one shared axis. */
export interface PairRow {
  label: string;
  base: { value: number; ci: readonly [number, number] | null };
  next: { value: number; ci: readonly [number, number] | null };
  /** Printed at the right of the row ("37.0% → 33.0%"). */
  valueText: string;
}

export interface PairChart {
  title: string;
  desc: string;
  baseName: string;
  nextName: string;
  rows: PairRow[];
  tick: (value: number, step: number) => string;
}

const W = 760;
const LABEL_X = 16;
const LABEL_W = 240;
const X0 = 272;
const X1 = 590;
const VALUE_X = 602;
const ROW_H = 40;
/** Base above, new below, inside each row: the eye reads the pair top to bottom as old → new. */
const OFFSET = 7;

/**
 * Base (hollow, grey) and new (filled, blue) estimates of each indicator with their interval
 * whiskers, in the style of the report's horizontal charts (same panel, fonts and colours).
 */
export function pairChart(spec: PairChart): string {
  const values = spec.rows.flatMap((r) => [r.base.value, r.next.value, ...(r.base.ci ?? []), ...(r.next.ci ?? [])]);
  const lo = Math.min(0, ...values);
  const hi = values.length > 0 ? Math.max(...values) : 1;
  const scale = niceScale(lo, hi > lo ? hi : lo + 1);
  const x = (v: number) => X0 + ((v - scale.min) / (scale.max - scale.min)) * (X1 - X0);

  const top = 78;
  const bottom = top + spec.rows.length * ROW_H;
  const height = bottom + 34;
  const body: string[] = [text(LABEL_X, 30, wrap(spec.title, W - 2 * LABEL_X, 15 * 1.1, 1)[0] ?? "", { size: 15, weight: "bold" })];
  // Legend: which mark is which wave.
  body.push(circle(LABEL_X + 5, 52, 5, COLORS.background, COLORS.muted));
  body.push(text(LABEL_X + 16, 56, spec.baseName, { fill: COLORS.muted }));
  const nextX = LABEL_X + 40 + Math.min(260, spec.baseName.length * 7);
  body.push(circle(nextX + 5, 52, 5, COLORS.bar, COLORS.whisker));
  body.push(text(nextX + 16, 56, spec.nextName));

  body.push(...axis(scale, x, { x0: X0, x1: X1, top, bottom }, spec.tick));

  spec.rows.forEach((r, i) => {
    const mid = top + i * ROW_H + ROW_H / 2;
    body.push(...rowLabel(LABEL_X, mid, r.label, LABEL_W));
    const mark = (m: PairRow["base"], y: number, fill: string, stroke: string) => {
      if (m.ci !== null) body.push(...whisker(x(m.ci[0]), x(m.ci[1]), y, 4, stroke));
      body.push(circle(x(m.value), y, 4.5, fill, stroke));
    };
    mark(r.base, mid - OFFSET, COLORS.background, COLORS.muted);
    mark(r.next, mid + OFFSET, COLORS.bar, COLORS.whisker);
    body.push(text(VALUE_X, mid + 4, r.valueText));
  });
  return svgDocument(W, height, spec.title, spec.desc, body);
}
