import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import MarkdownIt from "markdown-it";

/** The repository root. */
export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

const md = new MarkdownIt();
type Token = ReturnType<typeof md.parse>[number];

export function tokens(file: string): Token[] {
  return md.parse(readFileSync(path.join(root, file), "utf8"), {});
}

/** Every link target of a Markdown file (inline links and images). */
export function links(file: string): string[] {
  const out: string[] = [];
  const walk = (ts: Token[]): void => {
    for (const t of ts) {
      if (t.type === "link_open") out.push(String(t.attrGet("href") ?? ""));
      if (t.type === "image") out.push(String(t.attrGet("src") ?? ""));
      if (t.children) walk(t.children);
    }
  };
  walk(tokens(file));
  return out;
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
export function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

export function headingSlugs(file: string): Set<string> {
  const ts = tokens(file);
  const out = new Set<string>();
  ts.forEach((t, i) => {
    if (t.type === "heading_open") out.add(slug(ts[i + 1]?.content.replace(/`/g, "") ?? ""));
  });
  return out;
}

/** The tables of a file: rows of cell texts (as written, backticks included), header row first. */
export function tables(file: string): string[][][] {
  const out: string[][][] = [];
  let table: string[][] | null = null;
  let row: string[] | null = null;
  const ts = tokens(file);
  ts.forEach((t, i) => {
    if (t.type === "table_open") table = [];
    else if (t.type === "table_close") {
      if (table) out.push(table);
      table = null;
    } else if (t.type === "tr_open") row = [];
    else if (t.type === "tr_close") {
      if (table && row) table.push(row);
      row = null;
    } else if ((t.type === "th_open" || t.type === "td_open") && row) row.push(ts[i + 1]?.content ?? "");
  });
  return out;
}

/** The fenced code blocks of a file. */
export function fences(file: string): { info: string; content: string }[] {
  return tokens(file)
    .filter((t) => t.type === "fence")
    .map((t) => ({ info: t.info, content: t.content }));
}
