import { COLORS, axis, niceScale, rect, rowLabel, svgDocument, text, wrap } from "./svg.js";

/** One bar of a stacked chart: its shares, in the legend's order, or a note in its place. */
interface StackedRow {
  label: string;
  /** Shares 0..1 summing to 1; null when the bar is not shown. */
  shares: number[] | null;
  /** Printed inside each segment wide enough to hold it. */
  shareTexts: string[];
  note?: string;
}

export interface StackedChart {
  title: string;
  desc: string;
  legend: string[];
  rows: StackedRow[];
  tick: (value: number, step: number) => string;
}

const W = 760;
const LABEL_X = 16;
const LABEL_W = 200;
const X0 = 232;
const X1 = 736;
const ROW_H = 34;
const LEGEND_ROW_H = 20;

/**
 * Segment colours, each with white text of contrast ≥ 4.5:1 on it (WCAG AA), in an order that
 * keeps neighbours apart; a table with more columns reuses them in turn.
 */
const PALETTE = ["#3b76c4", "#b35806", "#1b7837", "#7b3294", "#a6142c", "#35618f", "#6b5b00", "#505a64"];

/** 100 % stacked horizontal bars: one bar per row of a cross-table, a segment per column. */
export function stackedChart(spec: StackedChart): string {
  const scale = niceScale(0, 1, 4);
  const x = (v: number) => X0 + v * (X1 - X0);
  // The legend: swatches and labels on as many lines as it needs.
  const legend: string[] = [];
  let lx = LABEL_X;
  let ly = 52;
  spec.legend.forEach((label, k) => {
    const shown = wrap(label, 200, 12, 1)[0] ?? "";
    const width = 18 + [...shown].length * 12 * 0.56 + 16;
    if (lx + width > W - LABEL_X && lx > LABEL_X) {
      lx = LABEL_X;
      ly += LEGEND_ROW_H;
    }
    legend.push(rect(lx, ly - 10, 12, 12, colour(k)), text(lx + 18, ly, shown));
    lx += width;
  });
  const top = ly + 24;
  const bottom = top + spec.rows.length * ROW_H;
  const height = bottom + 34;
  const shownTitle = wrap(spec.title, W - 2 * LABEL_X, 15 * 1.1, 1)[0] ?? "";
  const body: string[] = [text(LABEL_X, 30, shownTitle, { size: 15, weight: "bold" }), ...legend];
  body.push(...axis(scale, x, { x0: X0, x1: X1, top, bottom }, spec.tick));
  spec.rows.forEach((r, i) => {
    const mid = top + i * ROW_H + ROW_H / 2;
    body.push(...rowLabel(LABEL_X, mid, r.label, LABEL_W));
    if (r.shares === null) {
      body.push(text(X0 + 6, mid + 4, r.note ?? "", { fill: COLORS.muted, italic: true }));
      return;
    }
    let start = 0;
    r.shares.forEach((share, k) => {
      const a = x(start);
      const b = x(start + share);
      body.push(rect(a, mid - 11, b - a, 22, colour(k)));
      const label = r.shareTexts[k] ?? "";
      if (b - a >= [...label].length * 11 * 0.56 + 6)
        body.push(text((a + b) / 2, mid + 4, label, { anchor: "middle", size: 11, fill: "#ffffff" }));
      start += share;
    });
  });
  return svgDocument(W, height, spec.title, spec.desc, body);
}

function colour(k: number): string {
  return PALETTE[k % PALETTE.length] as string;
}
