import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { chartPngs, renderReport } from "../../src/report/index.js";
import { chartDirFor, sampleResult } from "./helpers.js";

/** The pixel at (x, y) as "#rrggbb" (the charts are opaque). */
function pixel(png: PNG, x: number, y: number): string {
  const i = (png.width * y + x) * 4;
  return `#${[0, 1, 2].map((k) => png.data[i + k]!.toString(16).padStart(2, "0")).join("")}`;
}

describe.each(["en", "fr"] as const)("PNG copies of the charts (%s)", (lang) => {
  const { charts } = renderReport(sampleResult(lang), { lang, chartDir: chartDirFor(lang) });

  it("one PNG per SVG, at twice the SVG's size, with bars and dark text drawn on the white panel", async () => {
    const pngs = await chartPngs(charts);
    expect(pngs.map((p) => p.name)).toEqual(charts.map((c) => c.name.replace(/\.svg$/, ".png")));
    for (const [i, p] of pngs.entries()) {
      const svg = charts[i]!.svg;
      const image = PNG.sync.read(Buffer.from(p.png));
      expect(image.width).toBe(2 * Number(/ width="(\d+)"/.exec(svg)?.[1]));
      expect(image.height).toBe(2 * Number(/ height="(\d+)"/.exec(svg)?.[1]));
      const counts = new Map<string, number>();
      for (let y = 0; y < image.height; y++)
        for (let x = 0; x < image.width; x++) {
          const c = pixel(image, x, y);
          counts.set(c, (counts.get(c) ?? 0) + 1);
        }
      const area = image.width * image.height;
      // The white panel, and the marks in the chart's own colours (bars or dots, svg.ts COLORS).
      expect(counts.get("#ffffff") ?? 0).toBeGreaterThan(area / 2);
      expect(counts.get("#3b76c4") ?? 0).toBeGreaterThan(100);
      // Text: the title's glyphs, in the text colour, inside the top band.
      let dark = 0;
      for (let y = 0; y < 60; y++) for (let x = 0; x < image.width; x++) if (pixel(image, x, y) === "#1f2328") dark++;
      expect(dark).toBeGreaterThan(200);
    }
  });

  it("is deterministic: two renders give the same bytes", async () => {
    const [a, b] = await Promise.all([chartPngs(charts), chartPngs(charts)]);
    expect(a.map((p) => Buffer.from(p.png).toString("base64"))).toEqual(b.map((p) => Buffer.from(p.png).toString("base64")));
  });
});
