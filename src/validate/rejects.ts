import type { ValidatedTable } from "./validate.js";

/**
 * The rejects file is written for people, who open it in a spreadsheet: columns `line` and
 * `reasons`, then the file's own header and the row's original cells. A cell a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as
 * OWASP recommends against CSV injection; every field is quoted per RFC 4180 when needed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

function neutralise(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

function csvField(cell: string): string {
  const safe = neutralise(cell);
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function rejectsCsv(table: Pick<ValidatedTable, "header" | "rejected">, opts: { bom?: boolean } = {}): string {
  const lines = [["line", "reasons", ...table.header.map((h) => h.replace(/^\uFEFF/, ""))]];
  for (const r of table.rejected) lines.push([String(r.line), r.reasons.join("; "), ...r.cells]);
  // A BOM lets Excel recognise UTF-8 (accents); off by default so the text diffs cleanly.
  return `${(opts.bom ? "\uFEFF" : "") + lines.map((l) => l.map(csvField).join(",")).join("\r\n")}\r\n`;
}
