/**
 * Escaping of every value that comes from data or the study file. Text goes through HTML entity
 * escaping first (so `<script>` can never reach the Markdown raw: "&lt;script&gt;" renders as
 * text), then Markdown backslash escaping of the punctuation that could start emphasis, links,
 * code, tables or headings.
 */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Inline Markdown text (paragraphs, list items, table cells, headings). Only what could change
 * the structure is escaped, so the Markdown source stays readable: `(`, `)` and `!` are inert once
 * `[` and `]` are escaped, and an underscore inside a word never starts emphasis.
 */
export function md(value: string): string {
  return (
    value
      // Line breaks would end a table row or a paragraph.
      .replace(/\r\n|\r|\n|\u2028|\u2029/g, " ")
      // Control characters have no business in a report.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")
      .replace(/[&<>]/g, (c) => HTML[c] ?? c)
      // `|` is escaped too: GFM splits table cells on it before inline parsing. `$` is GitHub math.
      // `@` too, so that an e-mail address in the data does not become a `mailto:` link.
      .replace(/[\\`*[\]#|~$@]/g, (c) => `\\${c}`)
      .replace(/_/g, (c, i: number, s: string) => (isWordChar(s[i - 1]) && isWordChar(s[i + 1]) ? c : `\\${c}`))
      // Break autolink literals (bare URLs) so data cannot create links (and MD034 stays quiet).
      .replace(/:\/\//g, "\\://")
      .replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}\\.`)
      .trim()
      // At the start of a line, "- ", "+ " or "1. " would open a list, even after a list marker.
      .replace(/^([-+=])(?=\s|$)/, "\\$1")
      .replace(/^(\d{1,9})([.)])(?=\s|$)/, "$1\\$2")
  );
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[\p{L}\p{N}]/u.test(c);
}

/** A table cell must not be empty-looking or contain stray whitespace. */
export function mdCell(value: string): string {
  const escaped = md(value);
  return escaped === "" ? "\u2014" : escaped;
}

/** Text and attribute values inside SVG (XML). */
export function xml(value: string): string {
  return (
    value
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "")
      .replace(/[&<>"']/g, (c) => (c === "'" ? "&apos;" : (HTML[c] ?? c)))
  );
}

/** Longest run of backticks, to choose a code fence that the content cannot close. */
export function fenceFor(content: string): string {
  const runs = content.match(/`+/g) ?? [];
  const longest = runs.reduce((m, r) => Math.max(m, r.length), 0);
  return "`".repeat(Math.max(3, longest + 1));
}

/** Safe file-name stem for chart files derived from ids (which come from the study file). */
export function slug(value: string): string {
  const s = value
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return s === "" ? "x" : s.slice(0, 60);
}
