import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/report/index.js";
import { hostileResult, qualitativeOf } from "./helpers.js";
import { xmlProblems } from "./xml-check.js";

describe("a result full of hostile strings", () => {
  const chartDir = "odd (dir) é";
  const out = renderReport(hostileResult(), { lang: "en", chartDir });
  const html = new MarkdownIt().render(out.markdown);

  it("produces no HTML element, link or code from data", () => {
    expect(html).not.toMatch(/<(script|a|ol|h[5-6])\b/i);
    // The only block quotes are the quotes section's, one per quoted code, however hostile the excerpts.
    const quoted = new Set((qualitativeOf(hostileResult())?.quotes ?? []).map((q) => q.code));
    expect(html.match(/<blockquote>/g) ?? []).toHaveLength(quoted.size);
    expect(html.replace(/<blockquote>[\s\S]*?<\/blockquote>/g, "")).not.toMatch(/<blockquote\b/i);
    // The only images are the charts.
    expect(html.match(/<img /g)).toHaveLength(out.charts.length);
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).not.toContain("<del>");
    // The only code spans are hashes, and the only code block the command.
    for (const m of html.matchAll(/<code>([^<]*)<\/code>/g)) expect(m[1]).toMatch(/^[0-9a-f]{64}$/);
    expect(html.match(/<pre>/g)).toHaveLength(1);
  });

  it("keeps every table rectangular", () => {
    for (const t of html.matchAll(/<table>([\s\S]*?)<\/table>/g)) {
      const rows = [...(t[1] ?? "").matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => (m[1]?.match(/<t[hd][ >]/g) ?? []).length);
      expect(new Set(rows).size).toBe(1);
    }
  });

  it("links images that still resolve to the charts, despite an odd chart folder", () => {
    const srcs = [...html.matchAll(/<img src="([^"]*)"/g)].map((m) => decodeURIComponent(m[1] ?? ""));
    expect(srcs.length).toBe(out.charts.length);
    for (const c of out.charts) expect(srcs).toContain(`${chartDir}/${c.name}`);
  });

  it("draws well-formed SVGs", () => {
    for (const c of out.charts) expect(xmlProblems(c.svg), c.name).toEqual([]);
  });
});
