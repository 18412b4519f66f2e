import {
  AlignmentType,
  Document,
  HeadingLevel,
  ImageRun,
  Packer,
  Paragraph,
  type ParagraphChild,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import MarkdownIt, { type Token } from "markdown-it";
import type { Lang } from "../format.js";
import type { ChartPng } from "../png.js";
import { fixedPackage } from "./package.js";

export interface DocxSource {
  /** The Markdown report: the one layout every format is rendered from. */
  markdown: string;
  /** The SVG charts the Markdown links to, by file name inside `chartDir`. */
  charts: readonly { name: string; svg: string }[];
  /** Their PNG copies (png.ts), which the document embeds. */
  pngs: readonly ChartPng[];
  chartDir: string;
  lang: Lang;
  /** The result's `generated` date (YYYY-MM-DD): the document's dates and its zip entries' times. */
  date: string;
}

const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });

const LANGUAGE: Record<Lang, string> = { en: "en-GB", fr: "fr-FR" };
/** A4 with 2 cm margins, in twips (1/1440 inch): the room the indicators table's eleven columns need. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_TWIPS = PAGE.width - 2 * PAGE.margin;
const TEXT_PX = Math.floor((TEXT_TWIPS / 1440) * 96);
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
];
const MONO = "Courier New";
/** Body text in a sans-serif font (Arial, or its metric twin Liberation Sans in LibreOffice). */
const FONT = "Arial";
/** Text size in half-points (10 pt); a table's is the largest of TABLE_SIZES at which its columns fit. */
const TEXT_SIZE = 20;
const TABLE_SIZES = [17, 16, 15, 14];
/**
 * A character's width as a share of the font size: wide enough for digits and lowercase letters in
 * DejaVu Sans, the widest sans-serif a reader may put in Arial's place (LibreOffice without Arial
 * or Liberation Sans does), so that no number is broken across lines; bold is a tenth wider.
 */
const CHAR_EM = 0.62;
const BOLD = 1.1;
/** A cell's left and right margins (0.1 cm each), and a little room for rounding. */
const CELL_MARGIN = 57;
const CELL_EXTRA = 2 * CELL_MARGIN + 20;
/** Text longer than this many characters wraps rather than widening its column further. */
const WANT_CHARS = 32;

interface Chart {
  png: Uint8Array;
  /** The SVG's size in CSS pixels: the PNG is drawn at a multiple of it. */
  width: number;
  height: number;
  title: string;
  desc: string;
}

/** What the walk over the tokens carries: the charts by path, and the drawings numbered so far. */
interface Walk {
  charts: Map<string, Chart>;
  drawings: number;
}

/**
 * The report as a Word document, built from the Markdown report's tokens (markdown-it) so that it
 * has the same layout as the Markdown and the HTML: headings as Word headings, tables as native
 * tables whose header row repeats on each page, charts as PNG images with their description as
 * alternative text, bullet lists, and the document's language. Its bytes depend on its arguments
 * only (package.ts fixes the dates and identifiers docx would draw from the clock and at random).
 */
export async function renderDocx(source: DocxSource): Promise<Uint8Array> {
  const tokens = parser.parse(source.markdown, {});
  const charts = chartsByPath(source);
  const title = inlineText(tokens[tokens.findIndex((t) => t.type === "heading_open") + 1]);
  const doc = new Document({
    title,
    creator: "exclusion-study",
    lastModifiedBy: "exclusion-study",
    styles: { default: { document: { run: { font: FONT, size: TEXT_SIZE, language: { value: LANGUAGE[source.lang] } } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
          },
        },
        children: blocks(tokens, { charts, drawings: 0 }),
      },
    ],
  });
  return fixedPackage(await Packer.toBuffer(doc), source.date);
}

function chartsByPath(source: DocxSource): Map<string, Chart> {
  const dir = source.chartDir.replace(/\\/g, "/").replace(/\/+$/, "");
  const pngs = new Map(source.pngs.map((p) => [p.name, p.png]));
  const out = new Map<string, Chart>();
  for (const c of source.charts) {
    const png = pngs.get(c.name.replace(/\.svg$/, ".png"));
    if (png === undefined) continue;
    const attr = (name: string) => Number(new RegExp(`<svg [^>]*\\b${name}="([\\d.]+)"`).exec(c.svg)?.[1] ?? 0);
    const element = (name: string) => unescapeXml(new RegExp(`<${name}\\b[^>]*>([^<]*)</${name}>`).exec(c.svg)?.[1] ?? "");
    out.set(dir === "" ? c.name : `${dir}/${c.name}`, {
      png,
      width: attr("width"),
      height: attr("height"),
      title: element("title"),
      desc: element("desc"),
    });
  }
  return out;
}

/** The five entities charts/svg.ts writes (through escape.ts `xml`). */
function unescapeXml(s: string): string {
  const entities: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&quot;": '"', "&apos;": "'", "&#39;": "'", "&amp;": "&" };
  return s.replace(/&(?:lt|gt|quot|apos|#39|amp);/g, (e) => entities[e] ?? e);
}

function inlineText(token: Token | undefined): string {
  return token?.children ? parser.renderer.renderInlineAsText(token.children, parser.options, {}) : "";
}

/** Index of the token that closes the one opened at `start` (same nesting level). */
function closing(tokens: readonly Token[], start: number): number {
  const open = tokens[start]!;
  const type = open.type.replace(/_open$/, "_close");
  for (let i = start + 1; i < tokens.length; i++) if (tokens[i]!.type === type && tokens[i]!.level === open.level) return i;
  return tokens.length - 1;
}

function blocks(tokens: readonly Token[], ctx: Walk): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let listDepth = -1;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    switch (tok.type) {
      case "heading_open": {
        const level = Number(tok.tag.slice(1)) - 1;
        out.push(new Paragraph({ heading: HEADINGS[level], keepNext: true, children: runs(tokens[i + 1], ctx) }));
        i = closing(tokens, i);
        break;
      }
      case "paragraph_open": {
        const inline = tokens[i + 1];
        out.push(
          new Paragraph({
            children: runs(inline, ctx),
            ...(listDepth >= 0 ? { bullet: { level: listDepth } } : {}),
          }),
        );
        i = closing(tokens, i);
        break;
      }
      case "bullet_list_open":
      case "ordered_list_open":
        listDepth++;
        break;
      case "bullet_list_close":
      case "ordered_list_close":
        listDepth--;
        break;
      case "table_open": {
        const end = closing(tokens, i);
        out.push(table(tokens.slice(i, end + 1), ctx));
        // Word runs two adjacent tables together: an empty paragraph keeps them apart.
        out.push(new Paragraph({}));
        i = end;
        break;
      }
      case "fence":
      case "code_block":
        out.push(
          new Paragraph({
            children: tok.content
              .replace(/\n$/, "")
              .split("\n")
              .map((line, j) => new TextRun({ text: line, font: MONO, ...(j > 0 ? { break: 1 } : {}) })),
          }),
        );
        break;
      default:
        break;
    }
  }
  return out;
}

/** A Markdown table as a Word table: the header row marked as such (repeated on each page). */
function table(tokens: readonly Token[], ctx: Walk): Table {
  const rows: { header: boolean; cells: { inline: Token; right: boolean }[] }[] = [];
  let header = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type === "thead_open") header = true;
    else if (tok.type === "thead_close") header = false;
    else if (tok.type === "tr_open") rows.push({ header, cells: [] });
    else if (tok.type === "th_open" || tok.type === "td_open")
      rows.at(-1)?.cells.push({ inline: tokens[i + 1]!, right: String(tok.attrGet("style") ?? "").includes("text-align:right") });
  }
  const columns = Math.max(...rows.map((r) => r.cells.length));
  const { size, widths } = tableLayout(
    rows.map((r) => ({ header: r.header, texts: r.cells.map((c) => inlineText(c.inline)) })),
    columns,
  );
  return new Table({
    width: { size: TEXT_TWIPS, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // Narrow cell margins (0.1 cm): the indicators table has eleven columns.
    margins: { left: CELL_MARGIN, right: CELL_MARGIN },
    rows: rows.map(
      (r) =>
        new TableRow({
          // Only the header row says so: docx writes `tblHeader="off"` for false, which some
          // readers take as a header row all the same.
          ...(r.header ? { tableHeader: true } : {}),
          cantSplit: true,
          children: r.cells.map(
            (c, j) =>
              new TableCell({
                width: { size: widths[j] ?? 0, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    alignment: c.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    children: runs(c.inline, ctx, { bold: r.header, size }),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/**
 * A table's text size and column widths in twips, which add up to the text width. Each column
 * first gets its longest word (so that no word or number is broken inside), at the largest size
 * at which all of them fit; then the room left goes to the columns whose text is longer than
 * that, in proportion (long texts capped, so that a sentence does not starve the numbers).
 */
function tableLayout(rows: readonly { header: boolean; texts: string[] }[], columns: number): { size: number; widths: number[] } {
  // Widths in ems of the text size; words break at ordinary spaces only (a number's no-break
  // spaces keep it whole), and a header's bold letters are wider.
  const em = (s: string, header: boolean) => [...s].length * CHAR_EM * (header ? BOLD : 1);
  const column = (j: number) => rows.map((r) => ({ text: r.texts[j] ?? "", header: r.header }));
  const needEm = Array.from({ length: columns }, (_, j) =>
    Math.min(14 * CHAR_EM, Math.max(2 * CHAR_EM, ...column(j).flatMap((c) => c.text.split(/[ /]+/).map((w) => em(w, c.header))))),
  );
  const wantEm = Array.from({ length: columns }, (_, j) =>
    Math.max(needEm[j]!, ...column(j).map((c) => Math.min(em(c.text, c.header), WANT_CHARS * CHAR_EM))),
  );
  // Twips per em at a size in half-points: size / 2 points of 20 twips.
  const twips = (ems: readonly number[], size: number) => ems.map((e) => e * size * 10 + CELL_EXTRA);
  const total = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const size = TABLE_SIZES.find((z) => total(twips(needEm, z)) <= TEXT_TWIPS) ?? TABLE_SIZES.at(-1)!;
  const need = twips(needEm, size);
  const want = twips(wantEm, size);
  const spare = TEXT_TWIPS - total(need);
  const extra = want.map((w, j) => w - need[j]!);
  const extraTotal = total(extra);
  const raw =
    spare <= 0
      ? need.map((n) => (n * TEXT_TWIPS) / total(need))
      : spare <= extraTotal
        ? need.map((n, j) => n + (spare * extra[j]!) / extraTotal)
        : want.map((w) => w + ((spare - extraTotal) * w) / total(want));
  const widths = raw.map(Math.floor);
  widths[widths.length - 1]! += TEXT_TWIPS - total(widths);
  return { size, widths };
}

/** An inline token's runs: text with bold, italics and code, line breaks, and chart images. */
function runs(inline: Token | undefined, ctx: Walk, cell: { bold: boolean; size: number } | null = null): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const bold = cell?.bold ?? false;
  const size = cell === null ? {} : { size: cell.size };
  let strong = bold;
  let em = false;
  for (const child of inline?.children ?? []) {
    switch (child.type) {
      case "text":
        if (child.content !== "") out.push(new TextRun({ text: child.content, ...emphasis(strong, em), ...size }));
        break;
      case "code_inline":
        out.push(new TextRun({ text: child.content, ...emphasis(strong, em), ...size, font: MONO }));
        break;
      case "strong_open":
        strong = true;
        break;
      case "strong_close":
        strong = bold;
        break;
      case "em_open":
        em = true;
        break;
      case "em_close":
        em = false;
        break;
      case "softbreak":
        out.push(new TextRun({ text: " " }));
        break;
      case "hardbreak":
        out.push(new TextRun({ break: 1 }));
        break;
      case "image": {
        const alt = inlineText(child);
        const chart = ctx.charts.get(String(child.attrGet("src") ?? ""));
        out.push(chart === undefined ? new TextRun({ text: alt, italics: true }) : image(chart, alt, ++ctx.drawings));
        break;
      }
      default:
        // Links and other markup the report does not write: their text stays.
        if (child.content !== "") out.push(new TextRun({ text: child.content, ...emphasis(strong, em), ...size }));
        break;
    }
  }
  return out;
}

/** Only what is set: a run states no "not bold" that the paragraph's style would say anyway. */
function emphasis(bold: boolean, italics: boolean): { bold?: true; italics?: true } {
  return { ...(bold ? { bold: true } : {}), ...(italics ? { italics: true } : {}) };
}

/** A chart at its SVG size, or narrowed to the text width, described for screen readers. */
function image(chart: Chart, alt: string, id: number): ImageRun {
  const scale = Math.min(1, TEXT_PX / chart.width);
  return new ImageRun({
    type: "png",
    data: chart.png,
    transformation: { width: Math.round(chart.width * scale), height: Math.round(chart.height * scale) },
    // The drawing's id is given: docx would draw it from a counter shared by every document the
    // process builds, and the second report would differ from the first.
    altText: { id: String(id), name: chart.title || alt, title: chart.title || alt, description: chart.desc || alt },
  });
}
