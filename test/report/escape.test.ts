import MarkdownIt from "markdown-it";
import { describe, expect, it } from "vitest";
import { fenceFor, md, mdCell, slug, xml } from "../../src/report/escape.js";
import { xmlProblems } from "./xml-check.js";

const render = (s: string) => new MarkdownIt().renderInline(s);

describe("md", () => {
  it.each([
    "<script>alert(1)</script>",
    "**bold** _em_ `code` ~~strike~~",
    "[link](http://evil.example) ![img](x.png)",
    "https://example.org and www.example.org",
    "a & b &amp; c",
    "# not a heading",
    "price $5 and $6",
  ])("renders %j as the same text, with no markup", (value) => {
    const html = render(md(value));
    expect(html).not.toMatch(/<(?!\/?p>)[a-z]/i);
    const text = html
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
    expect(text).toBe(value);
  });

  it("keeps a value on one line, and a pipe inside one table cell", () => {
    expect(md("a\nb|c")).toBe("a b\\|c");
    const html = new MarkdownIt().render(`| h | v |\n| --- | --- |\n| x | ${md("1|2")} |\n`);
    expect(html).toContain("<td>1|2</td>");
  });

  it("does not open a list at the start of a line", () => {
    expect(new MarkdownIt().render(`- ${md("1. one")}`)).not.toContain("<ol>");
    expect(new MarkdownIt().render(md("- dash"))).not.toContain("<ul>");
  });

  it.each([
    "jean.dupont@example.org",
    "mailto:jean.dupont@example.org",
    "Contact: <jean.dupont@example.org>",
    "écrire à marie-claire+enquête@asso.example.fr",
  ])("does not turn the e-mail-like value %j into a link, even with autolinking on", (value) => {
    const linkify = new MarkdownIt({ linkify: true });
    for (const html of [linkify.render(md(value)), linkify.render(`| h |\n| --- |\n| ${mdCell(value)} |\n`)]) {
      expect(html).not.toMatch(/href="mailto:/);
      expect(html).not.toContain("<a ");
      expect(html).toContain("@");
    }
  });

  it("leaves intraword underscores alone for readable sources", () => {
    expect(md("internet_use")).toBe("internet_use");
    expect(md("_lead")).toBe("\\_lead");
  });
});

describe("xml, fences, slugs", () => {
  it("escapes text for XML", () => {
    expect(xml(`<a href="x">&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;");
  });
  it("chooses a fence longer than any backtick run", () => {
    expect(fenceFor("a ``` b")).toBe("````");
    expect(fenceFor("plain")).toBe("```");
  });
  it("makes safe file names", () => {
    expect(slug("../Âge Band<script>")).toBe("age-band-script");
    expect(slug("///")).toBe("x");
  });
  it("detects malformed XML in the test checker", () => {
    expect(xmlProblems("<svg><g></svg>")).not.toEqual([]);
    expect(xmlProblems("<svg><text>a < b</text></svg>")).not.toEqual([]);
    expect(xmlProblems("<svg><text>a &nbsp; b</text></svg>")).not.toEqual([]);
    expect(xmlProblems('<svg a="1"><text>a &amp; b</text><rect/></svg>')).toEqual([]);
  });
});
