import iconv from "iconv-lite";
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

function csvField(cell: string, delimiter: string): string {
  const safe = neutralise(cell);
  return /["\r\n]|^\s|\s$/.test(safe) || safe.includes(delimiter) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** How a rejects file is written: in its source's delimiter and encoding, so it reopens where it came from. */
export interface RejectsDialect {
  delimiter?: string;
  encoding?: "utf-8" | "windows-1252";
  /** A byte order mark (UTF-8 only). */
  bom?: boolean;
}

/**
 * The rejects file's dialect for a source read as `encoding` with `delimiter`: the same
 * delimiter; Windows-1252 for a Windows-1252 source (a French Excel export reopens in Excel
 * as it came); UTF-8 otherwise, with a BOM when the source had one or is `;`-delimited (the
 * French Excel's CSV, which shows UTF-8 accents as mojibake without a BOM); a plain UTF-8 comma
 * file gets none, so it diffs cleanly.
 */
export function rejectsDialect(source: { encoding: string; delimiter: string }): RejectsDialect {
  if (source.encoding === "windows-1252") return { delimiter: source.delimiter, encoding: "windows-1252" };
  return { delimiter: source.delimiter, encoding: "utf-8", bom: source.encoding === "utf-8-bom" || source.delimiter === ";" };
}

/**
 * The rejects file as text chunks of 10,000 lines, made as they are written: a file of millions
 * of rejected rows is never one string (V8 caps a string at about 512 M characters).
 */
export function rejectsCsv(
  table: { header: readonly string[]; rejected: Iterable<RejectedRow> },
  opts: RejectsDialect = {},
): { chunks(): Generator<string | Uint8Array> } {
  const delimiter = opts.delimiter ?? ",";
  const single = opts.encoding === "windows-1252";
  const line = (cells: readonly string[]): string => cells.map((c) => csvField(c, delimiter)).join(delimiter);
  // Windows-1252 chunks are bytes (a character it lacks becomes "?"); UTF-8 ones stay text.
  const out = (text: string): string | Uint8Array => (single ? iconv.encode(text, "windows1252") : text);
  return {
    *chunks() {
      const header = ["line", "reasons", ...table.header.map((h) => h.replace(/^\uFEFF/, ""))];
      let lines: string[] = [(opts.bom && !single ? "\uFEFF" : "") + line(header)];
      for (const r of table.rejected) {
        lines.push(line([String(r.line), r.reasons.join("; "), ...r.cells]));
        if (lines.length === 10_000) {
          yield out(`${lines.join("\r\n")}\r\n`);
          lines = [];
        }
      }
      if (lines.length > 0) yield out(`${lines.join("\r\n")}\r\n`);
    },
  };
}
