import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DOMParser, type Element } from "@xmldom/xmldom";
import { unzipSync } from "fflate";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import type { StudyResult } from "../../../src/result/index.js";
import { formatCount, formatInterval, formatValue } from "../../../src/report/format.js";
import { tableDecimals, unitOf } from "../../../src/report/context.js";

/**
 * The committed Word reports, read back by readers that share nothing with the writer (docx):
 * mammoth turns the document into HTML (headings, tables, images with their alternative text),
 * and xmldom parses the package's XML (the drawings' descriptions, the document's language).
 * What they find is compared with the Markdown report, the JSON result and the chart files
 * committed beside the document.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

interface Read {
  /** Every element of mammoth's HTML, parsed. */
  html: Document;
  /** word/document.xml and word/styles.xml, parsed. */
  document: Document;
  styles: Document;
}

async function readDocx(file: string): Promise<Read> {
  const buffer = await readFile(file);
  const { value } = await mammoth.convertToHtml({ buffer });
  const parts = unzipSync(buffer);
  const xml = (name: string) => new DOMParser().parseFromString(Buffer.from(parts[name]!).toString("utf8"), "text/xml");
  return {
    html: new DOMParser().parseFromString(`<!DOCTYPE html><html><body>${value}</body></html>`, "text/html") as unknown as Document,
    document: xml("word/document.xml") as unknown as Document,
    styles: xml("word/styles.xml") as unknown as Document,
  };
}

const elements = (doc: Document | Element, tag: string): Element[] => [...(doc.getElementsByTagName(tag) as unknown as Iterable<Element>)];
const textOf = (e: Element): string => (e.textContent ?? "").trim();

/** The Markdown's headings ("h2:Indicators"), read from its lines (no fenced code holds one). */
function markdownHeadings(md: string): string[] {
  return [...md.matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => `h${m[1]!.length}:${m[2]!.replace(/\\(.)/g, "$1").replace(/`/g, "")}`);
}

/** The document's own language: the default run properties' w:lang. */
function language(styles: Document): string | null {
  const defaults = elements(styles, "w:rPrDefault")[0];
  const lang = defaults === undefined ? undefined : elements(defaults, "w:lang")[0];
  return lang?.getAttributeNS(W, "val") ?? null;
}

/** The charts committed beside the document: each SVG's description and its PNG copy's bytes. */
async function charts(dir: string): Promise<{ desc: string; png: Buffer }[]> {
  const names = (await readdir(dir)).filter((f) => f.endsWith(".svg")).sort();
  return Promise.all(
    names.map(async (name) => {
      const svg = new DOMParser().parseFromString(await readFile(path.join(dir, name), "utf8"), "image/svg+xml");
      const desc = textOf(elements(svg as unknown as Document, "desc")[0]!);
      return { desc, png: await readFile(path.join(dir, name.replace(/\.svg$/, ".png"))) };
    }),
  );
}

/** Each chart once, as its PNG, with the SVG's description as alternative text (mammoth and the XML agree). */
async function expectCharts(read: Read, chartDir: string): Promise<number> {
  const expected = await charts(chartDir);
  const images = elements(read.html, "img");
  expect(images).toHaveLength(expected.length);
  const used = new Set<number>();
  for (const img of images) {
    const data = Buffer.from((img.getAttribute("src") ?? "").replace(/^data:image\/png;base64,/, ""), "base64");
    const i = expected.findIndex((c) => c.png.equals(data));
    expect(i, "an image that is none of the committed PNGs").toBeGreaterThanOrEqual(0);
    used.add(i);
    expect(img.getAttribute("alt")).toBe(expected[i]!.desc);
  }
  expect(used.size).toBe(expected.length);
  const drawings = elements(read.document, "wp:docPr").filter((e) => e.namespaceURI === WP);
  expect(drawings.map((d) => d.getAttribute("descr")).sort()).toEqual(expected.map((c) => c.desc).sort());
  return expected.length;
}

/** The rows of every table, as the text of their cells. */
function tableRows(html: Document): string[][] {
  return elements(html, "tr").map((tr) => elements(tr, "td").map(textOf));
}

describe.each([
  ["en", "reports"],
  ["fr", "reports/fr"],
] as const)("the committed Word report (%s), read back by mammoth and xmldom", (lang, dir) => {
  const stem = "connexions-solidaires-2014";
  const base = path.join(root, dir, stem);
  const read = readDocx(`${base}.docx`);
  const result = readFile(`${base}.json`, "utf8").then((s) => JSON.parse(s) as StudyResult);

  it("states its language", async () => {
    expect(language((await read).styles)).toBe(lang === "fr" ? "fr-FR" : "en-GB");
    expect((await result).lang).toBe(lang);
  });

  it("has the Markdown report's headings, in order and at their levels", async () => {
    const found = elements((await read).html, "*")
      .filter((e) => /^h[1-6]$/.test(e.tagName.toLowerCase()))
      .map((e) => `${e.tagName.toLowerCase()}:${textOf(e)}`);
    const expected = markdownHeadings(await readFile(`${base}.md`, "utf8"));
    expect(expected.length).toBeGreaterThan(10);
    expect(found).toEqual(expected);
  });

  it("shows every indicator's estimate, interval and n, and every category's share, as the JSON result has them", async () => {
    const rows = tableRows((await read).html);
    const r = await result;
    let checked = 0;
    for (const ind of r.indicators) {
      if (ind.estimate !== null && ind.ci !== null) {
        const unit = unitOf(ind.kind);
        const row = rows.find((cells) => cells[0] === ind.label && cells.length > 5);
        expect(row, ind.label).toBeDefined();
        expect(row![1]!.startsWith(formatValue(ind.estimate, unit, lang, tableDecimals(ind.kind))), `${ind.label}: ${row![1]}`).toBe(true);
        expect(row![2]).toBe(formatInterval(ind.ci, unit, lang, tableDecimals(ind.kind)));
        expect(row![3]).toBe(formatCount(ind.n, lang));
        checked++;
      }
      for (const c of ind.kind === "distribution" ? (ind.categories ?? []) : []) {
        if (c.estimate === null || c.suppressed) continue;
        const row = rows.find((cells) => cells[0] === c.label);
        expect(row, `${ind.label}: ${c.label}`).toBeDefined();
        expect(row!.some((cell) => cell.startsWith(formatValue(c.estimate!, "percent", lang)))).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it("embeds each chart once, as its committed PNG, described by the chart's own description", async () => {
    expect(await expectCharts(await read, `${base}.charts`)).toBeGreaterThan(30);
  });
});

describe("the committed comparison as a Word document", () => {
  const stem = "connexions-solidaires-2014-vs-connexions-solidaires-2015";
  const base = path.join(root, "reports/connexions-solidaires-2014-vs-2015", stem);

  it("has the Markdown's headings, its chart as PNG with its description, in English", async () => {
    const read = await readDocx(`${base}.docx`);
    expect(language(read.styles)).toBe("en-GB");
    const found = elements(read.html, "*")
      .filter((e) => /^h[1-6]$/.test(e.tagName.toLowerCase()))
      .map((e) => `${e.tagName.toLowerCase()}:${textOf(e)}`);
    expect(found).toEqual(markdownHeadings(await readFile(`${base}.md`, "utf8")));
    expect(await expectCharts(read, `${base}.charts`)).toBe(1);
  });
});
