import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderHtml, renderReport } from "../../src/report/index.js";
import { chartDirFor, goldenDir, hostileResult, sampleResult } from "./helpers.js";

/** `UPDATE_GOLDEN=1 npx vitest run test/report` rewrites the golden pages; review the diff. */
const update = process.env.UPDATE_GOLDEN === "1";

function page(lang: "en" | "fr", result = sampleResult(lang), chartDir = chartDirFor(lang)): { html: string; charts: number } {
  const out = renderReport(result, { lang, chartDir });
  return { html: renderHtml({ markdown: out.markdown, charts: out.charts, chartDir, lang }), charts: out.charts.length };
}

const ids = (html: string): string[] => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe.each(["en", "fr"] as const)("the HTML report (%s)", (lang) => {
  const { html, charts } = page(lang);
  const goldenPath = join(goldenDir, `sample-${lang}.html`);
  if (update) writeFileSync(goldenPath, html);

  it("matches the golden page, and is the same bytes on every run", () => {
    expect(html).toBe(readFileSync(goldenPath, "utf8"));
    expect(page(lang).html).toBe(html);
  });

  it("declares its language, one h1 and no skipped heading level", () => {
    expect(html).toMatch(new RegExp(`^<!DOCTYPE html>\\n<html lang="${lang}">`));
    expect(html.match(/<h1>/g)).toHaveLength(1);
    const levels = [...html.matchAll(/<h([1-6])>/g)].map((m) => Number(m[1]));
    for (const [i, l] of levels.entries()) if (i > 0) expect(l - levels[i - 1]!).toBeLessThanOrEqual(1);
  });

  it("fetches nothing: no script, no external URL in src or href, a CSP that forbids it", () => {
    expect(html).not.toMatch(/<script|<link\b|<img\b|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
  });

  it("inlines every chart as a named image, with ids unique in the page", () => {
    const svgs = [...html.matchAll(/<svg [^>]*>/g)].map((m) => m[0]);
    expect(svgs).toHaveLength(charts);
    const all = ids(html);
    expect(new Set(all).size).toBe(all.length);
    for (const svg of svgs) {
      expect(svg).toContain('role="img"');
      const [title, desc] = svg.match(/aria-labelledby="([^"]+)"/)![1]!.split(" ");
      expect(html).toMatch(new RegExp(`<title id="${title}">[^<]+</title>`));
      expect(html).toMatch(new RegExp(`<desc id="${desc}">[^<]+</desc>`));
    }
  });

  it("gives every table a caption, column headers and row headers, in a focusable scrolling region", () => {
    const tables = [
      ...html.matchAll(
        /<div class="table-wrap" role="region" tabindex="0" aria-labelledby="([^"]+)">\n<table>\n<caption id="([^"]+)"[^>]*>([^<]+)<\/caption>([\s\S]*?)<\/table>\n<\/div>/g,
      ),
    ];
    expect(tables.length).toBe(html.match(/<table>/g)?.length);
    for (const [, labelledBy, captionId, , body] of tables) {
      expect(labelledBy).toBe(captionId);
      expect(body).not.toMatch(/<th(?=[\s>])(?![^>]*\sscope="(col|row)")/);
      for (const row of body!.split("<tbody>")[1]!.matchAll(/<tr>\n(<t[hd][^>]*>)/g)) expect(row[1]).toMatch(/^<th [^>]*scope="row"/);
    }
  });
});

describe("the HTML report of hostile strings", () => {
  const { html, charts } = page("en", hostileResult(), "odd (dir) é");

  it("makes no element, link or script from data, and still inlines every chart", () => {
    expect(html).not.toMatch(/<(script|a|img|iframe|h[5-6])\b/i);
    expect(html).not.toMatch(/<[a-z][^>]*\son[a-z]+=/i);
    // Every chart is found through the percent-encoded links of an odd chart folder.
    expect(charts).toBeGreaterThan(0);
    expect(html.match(/<figure class="chart">/g)).toHaveLength(charts);
  });
});
