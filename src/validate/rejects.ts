import type { RejectedRow } from "./rejected-rows.js";

/**
 * The rejects file is written for people, who open it in a spreadsheet: columns `line` and
 * `reasons`, then the file's own header and the row's original cells. A cell a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as
 * OWASP recommends against CSV injection; every field is quoted per RFC 4180 when needed.
 * Every rejected row is listed; past the first REJECTED_CELLS_SAMPLE (rejected-rows.ts) rows, with line and
 * reasons only (the cells are not kept, so memory stays bounded).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The rejects file as text chunks of 10,000 lines, made as they are written: a file of millions
 * of rejected rows is never one string (V8 caps a string at about 512 M characters).
 */
export function rejectsCsv(
  table: { header: readonly string[]; rejected: Iterable<RejectedRow> },
  opts: { bom?: boolean } = {},
): { chunks(): Generator<string> } {
  return {
    *chunks() {
      const header = ["line", "reasons", ...table.header.map((h) => h.replace(/^\uFEFF/, ""))];
      // A BOM lets Excel recognise UTF-8 (accents); off by default so the text diffs cleanly.
      let lines: string[] = [(opts.bom ? "\uFEFF" : "") + header.map(csvField).join(",")];
      for (const r of table.rejected) {
        lines.push([String(r.line), r.reasons.join("; "), ...r.cells].map(csvField).join(","));
        if (lines.length === 10_000) {
          yield `${lines.join("\r\n")}\r\n`;
          lines = [];
        }
      }
      if (lines.length > 0) yield `${lines.join("\r\n")}\r\n`;
    },
  };
}
