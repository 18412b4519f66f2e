import MarkdownIt, { type Token } from "markdown-it";
import { CHART_IDS } from "../charts/svg.js";
import type { Lang } from "../format.js";
import { messages } from "../i18n/index.js";
import { STYLE } from "./style.js";

export interface HtmlSource {
  /** The Markdown report: the one layout both formats are rendered from. */
  markdown: string;
  /** The SVG charts the Markdown links to, by file name inside `chartDir`. */
  charts: readonly { name: string; svg: string }[];
  chartDir: string;
  lang: Lang;
}

// Raw HTML in the Markdown (none is written, but a label could hold some) stays text.
const parser = new MarkdownIt({ html: false, linkify: false, typographer: false });

/**
 * The report as one self-contained HTML page, rendered from the Markdown report so that both
 * show the same layout: the charts inline as SVG (role="img", named by their title and
 * description), tables with captions and column and row headers, in a scrolling region on
 * narrow screens, the page's language, and a style sheet for screens and A4 print. Nothing is
 * fetched: no font, script or image from elsewhere, and a Content-Security-Policy that says so.
 * Pure and deterministic, like the Markdown it comes from.
 */
export function renderHtml(source: HtmlSource): string {
  const env = {};
  const tokens = parser.parse(source.markdown, env);
  const title = firstHeadingText(tokens);
  const body = parser.renderer.render(accessible(tokens, source, title), parser.options, env);
  return [
    "<!DOCTYPE html>",
    `<html lang="${source.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>\n${STYLE}</style>`,
    "</head>",
    "<body>",
    "<main>",
    body.trimEnd(),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}

const escapeHtml = (s: string): string => parser.utils.escapeHtml(s);

function inlineText(token: Token | undefined): string {
  return token?.children ? parser.renderer.renderInlineAsText(token.children, parser.options, {}) : "";
}

function firstHeadingText(tokens: readonly Token[]): string {
  const i = tokens.findIndex((t) => t.type === "heading_open");
  return i < 0 ? "" : inlineText(tokens[i + 1]);
}

/** A token the renderer writes as it is: markup this module builds and escapes itself. */
function raw(content: string): Token {
  const token = new MarkdownIt.Token("html_block", "", 0);
  token.content = `${content}\n`;
  return token;
}

/** The token stream with what accessibility needs added; the Markdown's content is unchanged. */
function accessible(tokens: readonly Token[], source: HtmlSource, title: string): Token[] {
  const t = messages(source.lang);
  const dir = source.chartDir.replace(/\\/g, "/").replace(/\/+$/, "");
  const charts = new Map(source.charts.map((c) => [dir === "" ? c.name : `${dir}/${c.name}`, c.svg]));
  // Each table's caption names the section it is in: the nearest heading above it, and its rank
  // when that section holds several tables.
  const tablesUnder = new Map<number, number>();
  let heading = -1;
  for (const [i, tok] of tokens.entries()) {
    if (tok.type === "heading_open") heading = i;
    if (tok.type === "table_open") tablesUnder.set(heading, (tablesUnder.get(heading) ?? 0) + 1);
  }

  const out: Token[] = [];
  let chartCount = 0;
  let tableCount = 0;
  let rank = 0;
  let section = title;
  let inBody = false;
  let firstCell = false;
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    if (tok.type === "heading_open") {
      heading = i;
      rank = 0;
      section = inlineText(tokens[i + 1]);
    }
    const svg = tok.type === "paragraph_open" ? chartOnly(tokens[i + 1], charts) : undefined;
    if (svg !== undefined) {
      chartCount += 1;
      out.push(raw(`<figure class="chart">\n${renamedIds(svg, `chart-${chartCount}`)}\n</figure>`));
      i += 2;
      continue;
    }
    switch (tok.type) {
      case "table_open": {
        tableCount += 1;
        rank += 1;
        const id = `table-${tableCount}`;
        const caption = t.htmlTableCaption(section, rank, tablesUnder.get(heading) ?? 1);
        out.push(raw(`<div class="table-wrap" role="region" tabindex="0" aria-labelledby="${id}">`), tok);
        out.push(raw(`<caption id="${id}" class="visually-hidden">${escapeHtml(caption)}</caption>`));
        continue;
      }
      case "table_close":
        out.push(tok, raw("</div>"));
        continue;
      case "th_open":
        tok.attrSet("scope", "col");
        break;
      case "tbody_open":
        inBody = true;
        break;
      case "tbody_close":
        inBody = false;
        break;
      case "tr_open":
        firstCell = inBody;
        break;
      case "td_open":
        // A body row's first cell names the row: a row header for screen readers.
        if (firstCell) {
          tok.tag = "th";
          tok.attrSet("scope", "row");
        }
        break;
      case "td_close":
        if (firstCell) tok.tag = "th";
        firstCell = false;
        break;
    }
    out.push(tok);
  }
  return out;
}

/** The SVG of a paragraph that is nothing but a link to one of the report's charts. */
function chartOnly(inline: Token | undefined, charts: ReadonlyMap<string, string>): string | undefined {
  const children = inline?.children ?? [];
  if (children.length !== 1 || children[0]!.type !== "image") return undefined;
  const src = String(children[0]!.attrGet("src") ?? "");
  return charts.get(decodeURIComponent(src));
}

/** A chart's title and description ids made unique in the page. */
function renamedIds(svg: string, prefix: string): string {
  const title = `${prefix}-title`;
  const desc = `${prefix}-desc`;
  return svg
    .trimEnd()
    .replace(`aria-labelledby="${CHART_IDS.title} ${CHART_IDS.desc}"`, `aria-labelledby="${title} ${desc}"`)
    .replace(`id="${CHART_IDS.title}"`, `id="${title}"`)
    .replace(`id="${CHART_IDS.desc}"`, `id="${desc}"`);
}
