import { formatSize, issueTexts, readableValue, type Issue } from "../vocabulary/index.js";
import { dataError } from "./errors.js";

/** A record as read: its cells and the physical 1-based line where it starts. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

export interface ParserOptions {
  file: string;
  delimiter: string;
  maxRecordBytes: number;
  /** Characters are one byte each (Windows-1252); else sizes are measured as UTF-8. */
  singleByte: boolean;
  /** Where warnings about tolerated oddities go (text after a closing quote). */
  issues: Issue[];
  /** The language of its warnings and errors (English by default). */
  lang?: "en" | "fr" | undefined;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;
const MAX_QUOTE_WARNINGS = 100;

/**
 * An RFC 4180 parser over decoded text, pushed chunk by chunk. Written here rather than using
 * csv-parse because we need what it does not give exactly: the physical line where each record
 * starts with LF, CRLF and CR mixed (inside quotes too), the line where an unclosed quote opened,
 * and a size limit in bytes. It finds field ends with `indexOf` and caches the next delimiter,
 * quote, LF and CR positions, so each character is looked at a constant number of times.
 * Tolerant like spreadsheets: a quote inside an unquoted field is literal; text after a closing
 * quote is appended (with a warning). Ragged rows are returned as they are.
 *
 * A record cut by the end of a chunk is re-parsed from its start once more text arrives.
 */
export class CsvParser {
  private buf = "";
  private pos = 0;
  private line = 1;
  // Next positions (>= the last query) of each special character in `buf`; buf.length = none.
  private nextDelim = -1;
  private nextQuote = -1;
  private nextLF = -1;
  private nextCR = -1;
  private quoteWarnings = 0;
  private issueMark = 0;
  private warningMark = 0;
  private readonly delimiter: string;
  private readonly delimCode: number;

  constructor(private readonly options: ParserOptions) {
    this.delimiter = options.delimiter;
    this.delimCode = options.delimiter.charCodeAt(0);
  }

  /** Parse the complete records `text` adds; append them to `out`. */
  push(text: string, out: CsvRecord[]): void {
    if (text.length === 0) return;
    this.buf = this.pos === 0 ? this.buf + text : this.buf.slice(this.pos) + text;
    this.pos = 0;
    this.nextDelim = this.nextQuote = this.nextLF = this.nextCR = -1;
    this.parse(out, false);
  }

  /** A record has started but not ended: the text pushed so far stops inside it. */
  get pending(): boolean {
    return this.pos < this.buf.length;
  }

  /** The physical line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /**
   * Continue at physical line `line`: the byte scanner hands this parser only the records it
   * cannot split itself, so the lines in between were counted elsewhere. Only between records.
   */
  startAt(line: number): void {
    if (this.pending) throw new Error("startAt inside a record");
    this.line = line;
  }

  /** The input is over: parse what is left. Throws IngestError on an unclosed quote. */
  end(out: CsvRecord[]): void {
    this.parse(out, true);
    this.buf = "";
    this.pos = 0;
  }

  private findDelim(from: number): number {
    if (this.nextDelim < from) {
      const i = this.buf.indexOf(this.delimiter, from);
      this.nextDelim = i === -1 ? this.buf.length : i;
    }
    return this.nextDelim;
  }
  private findQuote(from: number): number {
    if (this.nextQuote < from) {
      const i = this.buf.indexOf('"', from);
      this.nextQuote = i === -1 ? this.buf.length : i;
    }
    return this.nextQuote;
  }
  private findLF(from: number): number {
    if (this.nextLF < from) {
      const i = this.buf.indexOf("\n", from);
      this.nextLF = i === -1 ? this.buf.length : i;
    }
    return this.nextLF;
  }
  private findCR(from: number): number {
    if (this.nextCR < from) {
      const i = this.buf.indexOf("\r", from);
      this.nextCR = i === -1 ? this.buf.length : i;
    }
    return this.nextCR;
  }

  /** End of an unquoted run: the next delimiter, LF or CR (buf.length when none). */
  private fieldEnd(from: number): number {
    const d = this.findDelim(from);
    const lf = this.findLF(from);
    const cr = this.findCR(from);
    return Math.min(d, lf, cr);
  }

  /** Line breaks in buf[from, to): LF, CRLF and lone CR count once each. */
  private breaksIn(from: number, to: number): number {
    let n = 0;
    for (let i = this.findLF(from); i < to; i = this.findLF(i + 1)) n++;
    for (let i = this.findCR(from); i < to; i = this.findCR(i + 1)) {
      if (this.buf.charCodeAt(i + 1) !== LF || i + 1 >= to) n++; // a CRLF's LF was counted above
    }
    return n;
  }

  private parse(out: CsvRecord[], eof: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    const delimCode = this.delimCode;
    let pos = this.pos;
    let line = this.line;

    while (pos < len) {
      const start = pos;
      const startLine = line;
      const cells: string[] = [];
      // A suspended record is parsed again later: its warnings must not be counted twice.
      this.issueMark = this.options.issues.length;
      this.warningMark = this.quoteWarnings;
      for (;;) {
        // One field starts at pos.
        let value: string;
        if (pos < len && buf.charCodeAt(pos) === QUOTE) {
          const openLine = line;
          value = "";
          let seg = pos + 1;
          for (;;) {
            const q = this.findQuote(seg);
            if (q >= len || (q + 1 >= len && !eof)) {
              // The closing quote (or what follows it) is not here yet.
              if (eof) {
                // Same verdict as a chunked read, which hits the size limit before the end.
                if (len - start > this.options.maxRecordBytes / 3) this.checkSize(start, len, startLine, openLine);
                throw this.unclosed(openLine);
              }
              this.suspend(start, startLine, len, openLine);
              return;
            }
            line += this.breaksIn(seg, q);
            if (buf.charCodeAt(q + 1) === QUOTE) {
              value += buf.slice(seg, q + 1); // "" is one quote
              seg = q + 2;
              continue;
            }
            value += buf.slice(seg, q);
            pos = q + 1;
            break;
          }
          if (pos < len) {
            const c = buf.charCodeAt(pos);
            if (c !== delimCode && c !== LF && c !== CR) {
              // `"abc"def`: keep the text, as spreadsheets do, and say so.
              const end = this.fieldEnd(pos);
              if (end >= len && !eof) {
                this.suspend(start, startLine, len, null);
                return;
              }
              value += buf.slice(pos, end);
              this.warnAfterQuote(line, cells.length + 1, value);
              pos = end;
            }
          }
        } else {
          const end = this.fieldEnd(pos);
          if (end >= len && !eof) {
            this.suspend(start, startLine, len, null);
            return;
          }
          value = buf.slice(pos, end);
          pos = end;
        }
        cells.push(value);

        // What ends the field: a delimiter, a line break, or the end of the file.
        if (pos >= len) break;
        const c = buf.charCodeAt(pos);
        if (c === delimCode) {
          pos++;
          continue;
        }
        if (c === CR) {
          if (pos + 1 >= len && !eof) {
            this.suspend(start, startLine, len, null); // CR or CRLF? wait for the next char
            return;
          }
          pos += buf.charCodeAt(pos + 1) === LF ? 2 : 1;
        } else {
          pos++; // LF
        }
        line++;
        break;
      }
      if (pos - start > this.options.maxRecordBytes / 3) this.checkSize(start, pos, startLine, null);
      out.push({ line: startLine, cells });
      if (pos >= len) break;
    }
    this.pos = pos;
    this.line = line;
  }

  /** Keep the record that started at `start` for the next chunk, unless it is already too big. */
  private suspend(start: number, startLine: number, len: number, openLine: number | null): void {
    if (len - start > this.options.maxRecordBytes / 3) this.checkSize(start, len, startLine, openLine);
    this.pos = start;
    this.line = startLine;
    this.options.issues.length = this.issueMark;
    this.quoteWarnings = this.warningMark;
    // Parsing will restart before the cached positions: they no longer mean "next".
    this.nextDelim = this.nextQuote = this.nextLF = this.nextCR = -1;
  }

  private checkSize(start: number, end: number, startLine: number, openLine: number | null): void {
    const max = this.options.maxRecordBytes;
    const chars = end - start;
    const bytes = this.options.singleByte || chars > max ? chars : Buffer.byteLength(this.buf.slice(start, end), "utf8");
    if (bytes <= max) return;
    const { lang } = this.options;
    throw dataError(
      this.options.file,
      startLine,
      "record-too-large",
      issueTexts(lang).recordTooLarge(formatSize(max, lang), openLine),
      lang,
    );
  }

  private unclosed(openLine: number) {
    return dataError(this.options.file, openLine, "format-error", issueTexts(this.options.lang).unclosedQuote, this.options.lang);
  }

  private warnAfterQuote(line: number, column: number, value: string): void {
    this.quoteWarnings++;
    if (this.quoteWarnings > MAX_QUOTE_WARNINGS) return;
    const texts = issueTexts(this.options.lang);
    this.options.issues.push({
      code: "format-error",
      severity: "warning",
      line,
      field: null,
      value: readableValue(value),
      message: texts.textAfterQuote(texts.fileLine(this.options.file, line), column, this.quoteWarnings === MAX_QUOTE_WARNINGS),
    });
  }
}
