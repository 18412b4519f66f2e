import { describe, expect, it } from "vitest";
import { COLORS } from "../../src/report/charts/svg.js";
import { STYLE } from "../../src/report/html/style.js";

/** WCAG 2 contrast ratio of two #rrggbb colours (relative luminance, sRGB). */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("colours meet WCAG AA", () => {
  it("computes contrast as WCAG does (WebAIM's published ratios)", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
  });

  it("chart text is at least 4.5:1 and chart marks at least 3:1 on the chart's background", () => {
    for (const c of [COLORS.text, COLORS.muted]) expect(contrast(c, COLORS.background), c).toBeGreaterThanOrEqual(4.5);
    for (const c of [COLORS.bar, COLORS.whisker, COLORS.reference]) expect(contrast(c, COLORS.background), c).toBeGreaterThanOrEqual(3);
  });

  it("every colour the HTML page writes text in is at least 4.5:1 on every background it uses", () => {
    const backgrounds = [...STYLE.matchAll(/background: (#[0-9a-f]{6})/g)].map((m) => m[1]!);
    const texts = [...STYLE.matchAll(/(?<![-\w])color: (#[0-9a-f]{6})/g)].map((m) => m[1]!);
    expect(backgrounds.length).toBeGreaterThan(1);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) for (const b of backgrounds) expect(contrast(t, b), `${t} on ${b}`).toBeGreaterThanOrEqual(4.5);
  });
});
