/**
 * Markdown building blocks. Cells and text passed here are already escaped; these helpers only
 * lay them out in the one style markdownlint is configured for (ATX headings, compact tables,
 * "-" lists, blocks separated by exactly one blank line).
 */

export type Align = "left" | "right";

export function heading(level: number, text: string): string {
  // Headings built from data must stay headings: no trailing punctuation (MD026), never empty.
  const clean = text.replace(/(?<!\\)[.,;:!。]+$/u, "").trim();
  return `${"#".repeat(level)} ${clean === "" ? "\u2014" : clean}`;
}

export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: readonly Align[]): string {
  const sep = header.map((_, i) => (align?.[i] === "right" ? "---:" : "---"));
  // An empty cell (a row group's label row) is written "| |", which the compact style accepts.
  const line = (cells: readonly string[]) => `|${cells.map((c) => (c === "" ? " " : ` ${c} `)).join("|")}|`;
  // Every row gets exactly the header's column count: a short row would silently shift cells.
  const padded = (cells: readonly string[]) => header.map((_, i) => cells[i] ?? "\u2014");
  return [line(header), line(sep), ...rows.map((r) => line(padded(r)))].join("\n");
}

export function list(items: readonly string[]): string {
  return items.map((i) => `- ${i}`).join("\n");
}

export function image(alt: string, path: string): string {
  // Chart names are slugs, but the chart folder is the caller's: percent-encode each segment
  // (parentheses too, which would end the link destination).
  const url = path
    .split("/")
    .map((seg) => encodeURIComponent(seg).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join("/");
  return `![${alt}](${url})`;
}

export function codeBlock(content: string, fence: string, info: string): string {
  return `${fence}${info}\n${content}\n${fence}`;
}

/** Join blocks with one blank line; drop empty ones; end the document with one newline. */
export function document(blocks: readonly string[]): string {
  return `${blocks.filter((b) => b.trim() !== "").join("\n\n")}\n`;
}
