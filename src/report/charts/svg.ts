/**
 * SVG primitives shared by the charts. Charts carry their own solid light background (a rounded
 * white panel with a grey border) so that they stay legible on light and dark pages alike: code
 * hosts show SVG images as they are, and a transparent chart with dark text would vanish on a
 * dark theme, while colour-scheme media queries inside an <img> SVG are not honoured everywhere.
 * Colours on that panel meet WCAG contrast: text #1f2328 (15:1), muted #57606a (6:1), bars
 * #3b76c4 (4.6:1), reference line #cf222e (5:1).
 */
import { xml } from "../escape.js";

export const COLORS = {
  background: "#ffffff",
  border: "#d0d7de",
  text: "#1f2328",
  muted: "#57606a",
  grid: "#d8dee4",
  bar: "#3b76c4",
  whisker: "#1f2328",
  reference: "#cf222e",
} as const;

/** System fonts only: no external font, nothing fetched. */
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Coordinates rounded to 2 decimals so that output bytes do not depend on float noise. */
function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return Object.is(r, -0) ? "0" : String(r);
}

export function text(
  x: number,
  y: number,
  content: string,
  attrs: { anchor?: "start" | "middle" | "end"; size?: number; weight?: "bold"; fill?: string; italic?: boolean } = {},
): string {
  const a = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    `font-size="${attrs.size ?? 12}"`,
    `fill="${attrs.fill ?? COLORS.text}"`,
    ...(attrs.anchor && attrs.anchor !== "start" ? [`text-anchor="${attrs.anchor}"`] : []),
    ...(attrs.weight ? [`font-weight="${attrs.weight}"`] : []),
    ...(attrs.italic ? [`font-style="italic"`] : []),
  ];
  return `<text ${a.join(" ")}>${xml(content)}</text>`;
}

export function line(x1: number, y1: number, x2: number, y2: number, stroke: string, width = 1, dash?: string): string {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}" stroke-width="${num(width)}"${dash ? ` stroke-dasharray="${dash}"` : ""}/>`;
}

export function rect(x: number, y: number, w: number, h: number, fill: string): string {
  return `<rect x="${num(x)}" y="${num(y)}" width="${num(Math.max(0, w))}" height="${num(h)}" fill="${fill}"/>`;
}

export function circle(cx: number, cy: number, r: number, fill: string, stroke: string): string {
  return `<circle cx="${num(cx)}" cy="${num(cy)}" r="${num(r)}" fill="${fill}" stroke="${stroke}" stroke-width="1.5"/>`;
}

/**
 * Ids of a chart's title and description. Unique in a chart file; a page that holds several
 * charts inline (the HTML report) renames them per chart.
 */
export const CHART_IDS = { title: "chart-title", desc: "chart-desc" } as const;

/** The whole document: role="img" with <title> and <desc> for screen readers, fixed viewBox. */
export function svgDocument(width: number, height: number, title: string, desc: string, body: string[]): string {
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${CHART_IDS.title} ${CHART_IDS.desc}" font-family="${FONT}">`,
    `<title id="${CHART_IDS.title}">${xml(title)}</title>`,
    `<desc id="${CHART_IDS.desc}">${xml(desc)}</desc>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" fill="${COLORS.background}" stroke="${COLORS.border}"/>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}

/** Rough width of sans-serif text: enough to decide where to wrap, never used for a statistic. */
function textWidth(s: string, size: number): number {
  return [...s].length * size * 0.56;
}

/** Up to `maxLines` lines within `width`; the last one ends with "…" when text is left over. */
export function wrap(s: string, width: number, size: number, maxLines = 2): string[] {
  const words = s.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let current = "";
  for (const w of words) {
    const candidate = current === "" ? w : `${current} ${w}`;
    if (textWidth(candidate, size) <= width || current === "") current = candidate;
    else {
      lines.push(current);
      current = w;
    }
  }
  if (current !== "") lines.push(current);
  if (lines.length <= maxLines) return lines.map((l) => cut(l, width, size));
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = cut(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(" ")}`, width, size, true);
  return kept;
}

function cut(s: string, width: number, size: number, force = false): string {
  if (!force && textWidth(s, size) <= width) return s;
  const chars = [...s];
  while (chars.length > 1 && textWidth(`${chars.join("")}…`, size) > width) chars.pop();
  return `${chars.join("").trimEnd()}…`;
}

/** Axis from `lo` to `hi` on round steps (1, 2, 2.5 or 5 × 10^k), about `target` ticks. */
export function niceScale(lo: number, hi: number, target = 5): { min: number; max: number; step: number; ticks: number[] } {
  if (!(hi > lo)) hi = lo + 1;
  const raw = (hi - lo) / target;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const round = (x: number) => Number(x.toFixed(10));
  const min = round(Math.floor(lo / step + 1e-9) * step);
  const max = round(Math.ceil(hi / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let i = 0; min + i * step <= max + step / 1e6; i++) ticks.push(round(min + i * step));
  return { min, max, step, ticks };
}

/** Vertical grid lines with their tick labels below, then the axis line: drawn before the marks. */
export function axis(
  scale: { step: number; ticks: number[] },
  x: (v: number) => number,
  span: { x0: number; x1: number; top: number; bottom: number },
  tick: (value: number, step: number) => string,
): string[] {
  const out: string[] = [];
  for (const tk of scale.ticks) {
    out.push(line(x(tk), span.top - 4, x(tk), span.bottom, COLORS.grid));
    out.push(text(x(tk), span.bottom + 18, tick(tk, scale.step), { anchor: "middle", size: 11, fill: COLORS.muted }));
  }
  out.push(line(span.x0, span.bottom, span.x1, span.bottom, COLORS.muted));
  return out;
}

/** A row's label, wrapped on up to two lines and centred on the row. */
export function rowLabel(x: number, mid: number, label: string, width: number): string[] {
  const lines = wrap(label, width, 12);
  return lines.map((l, j) => text(x, mid + 4 + (j - (lines.length - 1) / 2) * 14, l));
}

/** An interval whisker from a to b at height y, with end caps of half-height `cap`. */
export function whisker(a: number, b: number, y: number, cap: number, stroke: string): string[] {
  return [line(a, y, b, y, stroke, 1.5), line(a, y - cap, a, y + cap, stroke, 1.5), line(b, y - cap, b, y + cap, stroke, 1.5)];
}
