import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { tableDecimals, unitOf } from "../../../src/report/context.js";
import { renderDocx } from "../../../src/report/docx/index.js";
import { formatValue } from "../../../src/report/format.js";
import { chartPngs, renderReport } from "../../../src/report/index.js";
import { chartDirFor, sampleResult } from "../helpers.js";

const mdit = new MarkdownIt({ html: false, linkify: false });

/** Text of an HTML fragment as mammoth writes it (entities and tags of its small vocabulary). */
const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"');

async function source(lang: "en" | "fr") {
  const result = sampleResult(lang);
  const chartDir = chartDirFor(lang);
  const { markdown, charts } = renderReport(result, { lang, chartDir });
  return { result, markdown, charts, source: { markdown, charts, pngs: await chartPngs(charts), chartDir, lang, date: result.generated } };
}

describe.each(["en", "fr"] as const)("Word report (%s), read back with mammoth", (lang) => {
  const built = source(lang).then(async (s) => {
    const docx = await renderDocx(s.source);
    const { value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(docx) });
    return { ...s, docx, html };
  });

  it("has the Markdown's headings, in order and at their levels", async () => {
    const { markdown, html } = await built;
    const tokens = mdit.parse(markdown, {});
    const expected = tokens.flatMap((t, i) =>
      t.type === "heading_open" ? [`${t.tag}:${tokens[i + 1]?.content.replace(/\\(.)/g, "$1")}`] : [],
    );
    const found = [...html.matchAll(/<(h[1-6])>(.*?)<\/\1>/g)].map((m) => `${m[1]}:${text(m[2] ?? "")}`);
    expect(expected.length).toBeGreaterThan(5);
    expect(found).toEqual(expected);
  });

  it("has the Markdown's tables as Word tables whose first row is a header row", async () => {
    const { markdown, html } = await built;
    const mdTables = mdit.parse(markdown, {}).filter((t) => t.type === "table_open").length;
    const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => m[1] ?? "");
    expect(tables).toHaveLength(mdTables);
    for (const t of tables) {
      const [head, ...body] = [...t.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1] ?? "");
      expect(head).toMatch(/^<th>/);
      expect(body.length).toBeGreaterThan(0);
      for (const row of body) expect(row).not.toMatch(/<th>/);
    }
  });

  it("shows each indicator's estimate as the JSON result has it, formatted as in the report", async () => {
    const { result, html } = await built;
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<td>([\s\S]*?)<\/td>/g)].map((c) => text(c[1] ?? "")),
    );
    let checked = 0;
    for (const ind of result.indicators) {
      if (ind.estimate === null) continue;
      const value = formatValue(ind.estimate, unitOf(ind.kind), lang, tableDecimals(ind.kind));
      // The indicators table: the label's row, whose second cell starts with the estimate.
      const row = rows.find((r) => r[0] === ind.label && r.length > 5);
      expect(row, ind.label).toBeDefined();
      expect(row?.[1]?.startsWith(value), `${ind.label}: ${row?.[1]} vs ${value}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it("embeds every chart once as a PNG image, described by the chart's own description", async () => {
    const { charts, html, source: s } = await built;
    const images = [...html.matchAll(/<img ([^>]*)\/>/g)].map((m) => m[1] ?? "");
    expect(images).toHaveLength(charts.length);
    const used = new Set<number>();
    for (const attrs of images) {
      const src = /src="data:image\/png;base64,([^"]+)"/.exec(attrs)?.[1] ?? "";
      const i = s.pngs.findIndex((p) => Buffer.from(p.png).equals(Buffer.from(src, "base64")));
      expect(i).toBeGreaterThanOrEqual(0);
      used.add(i);
      const desc = /<desc[^>]*>([^<]*)<\/desc>/.exec(charts[i]!.svg)?.[1] ?? "";
      expect(desc.length).toBeGreaterThan(10);
      const unquote = (v: string) => text(v).replace(/&#39;|&apos;/g, "'");
      expect(unquote(/alt="([^"]*)"/.exec(attrs)?.[1] ?? "")).toBe(unquote(desc));
    }
    expect(used.size).toBe(charts.length);
  });

  it("states the document's language and fixes its dates to the result's", async () => {
    const { docx, result } = await built;
    const parts = unzipSync(docx);
    expect(strFromU8(parts["word/styles.xml"]!)).toContain(`<w:lang w:val="${lang === "fr" ? "fr-FR" : "en-GB"}"/>`);
    const core = strFromU8(parts["docProps/core.xml"]!);
    expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${result.generated}T00:00:00Z</dcterms:created>`);
    expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${result.generated}T00:00:00Z</dcterms:modified>`);
  });

  it("writes no date for an undated result, and the zip format's first day on its entries", async () => {
    const { source: s } = await built;
    const docx = await renderDocx({ ...s, date: "undated" });
    expect(strFromU8(unzipSync(docx)["docProps/core.xml"]!)).not.toMatch(/dcterms:(created|modified)/);
    // The first entry's local header: its MS-DOS date (bytes 12-13) is 1980-01-01, all bits of the year at 0.
    expect(Buffer.from(docx).readUInt16LE(12)).toBe((0 << 9) | (1 << 5) | 1);
  });

  it("is deterministic: the same bytes twice in one process and in another time zone", async () => {
    const { docx, source: s } = await built;
    expect(Buffer.from(await renderDocx(s)).equals(Buffer.from(docx))).toBe(true);
    const tz = process.env.TZ;
    process.env.TZ = "Pacific/Kiritimati";
    try {
      expect(Buffer.from(await renderDocx(s)).equals(Buffer.from(docx))).toBe(true);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
