import type { TextSink } from "./decode.js";
import type { CsvParser, CsvRecord } from "./parser.js";
import { RecordBatchBuilder, type RecordBatch } from "./record-batch.js";

export interface ByteScannerOptions {
  delimiter: string;
  maxRecordBytes: number;
  /** Bytes to skip at the start of the file (a byte order mark). */
  skip: number;
  /** Reads the records the scanner does not split itself. */
  parser: CsvParser;
  /** Streaming decoder for the bytes handed to the parser. */
  text: TextSink;
  /** One cell's bytes as text. */
  decodeCell: RecordBatch["decode"];
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const DELIM = 1;
const NEWLINE = 2;
const ODD = 3; // a quote or a CR: the line may not be one plain record
const BULK_AFTER = 64 * 1024;
/** closingQuote: the chunk ends before the quoted cell closes. */
const UNFINISHED = -2;

/**
 * Splits CSV bytes into records without decoding them. Most survey lines hold no quote and no
 * lone CR: such a line is one record whose cells end at delimiter bytes, found in a single pass
 * over the bytes (delimiter, LF and CR are ASCII, so UTF-8 and Windows-1252 split alike). A cell
 * quoted whole is read here too, line breaks (LF) and doubled quotes inside included, as
 * free-text answers hold them: its bytes, its doubled quotes made single in place once the record
 * is complete. Any other record (a quote inside an unquoted cell, text after a closing quote, a
 * CR that does not end a line) goes, decoded, to the full RFC 4180 parser (parser.ts), which also
 * gets the lines that follow until the record it started is complete; its records keep their
 * text cells.
 * Physical line numbers, size limits and warnings are therefore the parser's wherever it reads,
 * and the same elsewhere: a record here starts on its line and spans one more for each LF
 * inside its quoted cells (test/ingest/byte-scanner.test.ts holds the two to the same records,
 * lines and errors however the bytes are cut). A delimiter that is not ASCII sends everything to
 * the parser.
 */
export class ByteScanner {
  /** The bytes being split, reused from chunk to chunk (a batch is valid until the next push). */
  private work: Buffer = Buffer.alloc(0);
  /** The unfinished last line, at work[tailStart, tailStart + tailLength). */
  private tailStart = 0;
  private tailLength = 0;
  private line = 1;
  /** The parser holds an unfinished record: input goes to it until the record ends. */
  private inParser = false;
  /** Bytes handed to the parser since its pending record began. */
  private pendingBytes = 0;
  private skip: number;
  private readonly kinds = new Uint8Array(256);
  private readonly allToParser: boolean;
  private readonly builder: RecordBatchBuilder;
  /** Set by closingQuote: the line breaks inside the quoted cell, and whether it doubles a quote. */
  private quotedLines = 0;
  private quotedEscapes = false;
  /** nextCr's memory: the chunk searched, where the search started and the CR it found. */
  private crBytes: Buffer | null = null;
  private crFrom = 0;
  private crAt = 0;
  /** The current record's cells that double a quote: (cell, start, end) triples. */
  private escaped: number[] = [];

  constructor(private readonly options: ByteScannerOptions) {
    this.skip = options.skip;
    const d = options.delimiter.charCodeAt(0);
    this.allToParser = d >= 0x80;
    this.kinds[d & 0xff] = DELIM;
    this.kinds[LF] = NEWLINE;
    this.kinds[CR] = ODD;
    this.kinds[QUOTE] = ODD;
    this.builder = new RecordBatchBuilder(options.decodeCell);
  }

  /** The complete records `chunk` adds; the batch is valid until the next push or end. */
  push(chunk: Buffer): RecordBatch {
    const bytes = this.withTail(chunk);
    let pos = 0;
    if (this.skip > 0) {
      pos = Math.min(this.skip, bytes.length);
      this.skip -= pos;
    }
    pos = this.scan(bytes, pos);
    if (pos < bytes.length) {
      // A line longer than the limit goes to the parser, which says so with its line.
      if (this.inParser || bytes.length - pos > this.options.maxRecordBytes) this.toParser(bytes, pos, bytes.length);
      else {
        this.tailStart = pos;
        this.tailLength = bytes.length - pos;
      }
    }
    return this.builder.finish(bytes);
  }

  /** The unfinished line, then `chunk`, in the reused buffer: no allocation per chunk. */
  private withTail(chunk: Buffer): Buffer {
    const tail = this.tailLength;
    const need = tail + chunk.length;
    if (need > this.work.length) {
      const bigger = Buffer.allocUnsafe(Math.max(need, Math.ceil(this.work.length * 1.5)));
      this.work.copy(bigger, 0, this.tailStart, this.tailStart + tail);
      this.work = bigger;
    } else if (tail > 0 && this.tailStart > 0) this.work.copyWithin(0, this.tailStart, this.tailStart + tail);
    chunk.copy(this.work, tail);
    this.tailStart = 0;
    this.tailLength = 0;
    return this.work.subarray(0, need);
  }

  /** The input is over: the last line, and whatever the parser still holds. */
  end(): RecordBatch {
    const bytes = this.work.subarray(this.tailStart, this.tailStart + this.tailLength);
    this.tailLength = 0;
    if (bytes.length > 0) {
      if (this.inParser || bytes.includes(QUOTE) || bytes.includes(CR) || this.allToParser || bytes.length > this.options.maxRecordBytes)
        this.toParser(bytes, 0, bytes.length);
      else this.plainRecord(bytes, 0, bytes.length);
    }
    const rest: CsvRecord[] = [];
    const text = this.options.text.end();
    if (text.length > 0) this.options.parser.push(text, rest);
    this.options.parser.end(rest);
    for (const record of rest) this.builder.addTextRecord(record);
    return this.builder.finish(bytes);
  }

  /** Records of whole lines from `pos`; returns where the unfinished last line starts. */
  private scan(bytes: Buffer, pos: number): number {
    const len = bytes.length;
    const kinds = this.kinds;
    const max = this.options.maxRecordBytes;
    const b = this.builder;
    while (pos < len) {
      if (this.allToParser) {
        this.toParser(bytes, pos, len);
        return len;
      }
      if (this.inParser) {
        // The parser's record goes on line by line (a multi-line comment is a few lines, then
        // back to splitting). The parser re-reads a pending record from its start at each
        // push, so past BULK_AFTER bytes (a quote never closed?) the rest of the chunk goes in
        // one piece instead.
        if (this.pendingBytes > BULK_AFTER) {
          this.toParser(bytes, pos, len);
          return len;
        }
        const lf = bytes.indexOf(LF, pos);
        if (lf === -1) return pos;
        this.toParser(bytes, pos, lf + 1);
        pos = lf + 1;
        continue;
      }
      // One pass over a line: cells at delimiters, until the LF. A cell that is quoted whole,
      // on this line and without a quote inside (`"a;b"`, as exports that quote every cell
      // write) is the bytes between its quotes; any other quote, or a lone CR, makes it odd.
      const lineStart = pos;
      let cellStart = pos;
      let quoteEnd = -1; // the current cell was quoted: its bytes are cellStart + 1 .. quoteEnd
      let escapes = false; // ... and doubles a quote
      let extraLines = 0; // line breaks inside quoted cells
      let odd = false;
      const escaped = this.escaped;
      escaped.length = 0;
      b.beginRecord(this.line);
      let i = pos;
      for (; i < len; i++) {
        const kind = kinds[bytes[i]!]!;
        if (kind === 0) continue;
        if (kind === DELIM) {
          if (quoteEnd === -1) b.addCell(cellStart, i);
          else {
            if (escapes) escaped.push(b.addCell(cellStart + 1, quoteEnd), cellStart + 1, quoteEnd);
            else b.addCell(cellStart + 1, quoteEnd);
            quoteEnd = -1;
          }
          cellStart = i + 1;
        } else if (kind === NEWLINE) break;
        else if (bytes[i] !== QUOTE) {
          if (i + 1 >= len || bytes[i + 1] !== LF) odd = true; // a CRLF's CR is fine
        } else if (!odd) {
          const close = i === cellStart ? this.closingQuote(bytes, i, len) : -1;
          if (close === UNFINISHED) i = len;
          else if (close === -1) odd = true;
          else {
            quoteEnd = close;
            escapes = this.quotedEscapes;
            extraLines += this.quotedLines;
            i = close; // the next byte ends the cell (checked by closingQuote)
          }
        }
      }
      if (i >= len) {
        b.dropRecord(); // no LF yet: the record continues in the next chunk
        return lineStart;
      }
      if (odd || i + 1 - lineStart > max) {
        b.dropRecord();
        this.toParser(bytes, lineStart, i + 1);
      } else {
        const end = i > lineStart && bytes[i - 1] === CR ? i - 1 : i;
        if (quoteEnd === -1) b.addCell(cellStart, end);
        else if (escapes) escaped.push(b.addCell(cellStart + 1, quoteEnd), cellStart + 1, quoteEnd);
        else b.addCell(cellStart + 1, quoteEnd);
        // Only now, when no byte of the record will be read again (by the parser, or by the
        // next chunk's scan of an unfinished record), may its quotes be made single in place.
        for (let k = 0; k < escaped.length; k += 3) b.setCellEnd(escaped[k]!, singleQuotes(bytes, escaped[k + 1]!, escaped[k + 2]!));
        b.endRecord();
        this.line += 1 + extraLines;
      }
      pos = i + 1;
    }
    return pos;
  }

  /**
   * The closing quote of the cell quoted from `open`, when the cell is one the parser would
   * read the same: no CR inside, quotes inside only doubled, and the delimiter, an LF or a CRLF
   * right after it (the chunk may end there: the record is then unfinished anyway). Sets
   * quotedLines and quotedEscapes. UNFINISHED when the chunk ends first; -1 when the parser must
   * read the record.
   */
  private closingQuote(bytes: Buffer, open: number, len: number): number {
    let lines = 0;
    let escapes = false;
    let from = open + 1;
    let close: number;
    for (;;) {
      close = bytes.indexOf(QUOTE, from);
      if (close === -1) return UNFINISHED;
      // Native searches, not a loop over the bytes: a comment is hundreds of them.
      if (this.nextCr(bytes, from) < close) return -1;
      for (let lf = bytes.indexOf(LF, from); lf !== -1 && lf < close; lf = bytes.indexOf(LF, lf + 1)) lines++;
      if (bytes[close + 1] !== QUOTE) break;
      escapes = true;
      from = close + 2;
    }
    this.quotedLines = lines;
    this.quotedEscapes = escapes;
    const kinds = this.kinds;
    const next = close + 1;
    if (next >= len) return close;
    const kind = kinds[bytes[next]!]!;
    if (kind === DELIM || kind === NEWLINE) return close;
    return bytes[next] === CR && (next + 1 >= len || bytes[next + 1] === LF) ? close : -1;
  }

  /**
   * The first CR at or after `from` in `bytes` (bytes.length when none), remembered: a file
   * without CRs would otherwise be searched to its chunk's end for every quoted cell. Calls on
   * one chunk's bytes go forward, and no CR moves (only quotes inside cells are removed).
   */
  private nextCr(bytes: Buffer, from: number): number {
    if (bytes !== this.crBytes || from < this.crFrom || this.crAt < from) {
      const at = bytes.indexOf(CR, from);
      this.crBytes = bytes;
      this.crFrom = from;
      this.crAt = at === -1 ? bytes.length : at;
    }
    return this.crAt;
  }

  /** A last line without line break, known to be plain. */
  private plainRecord(bytes: Buffer, start: number, end: number): void {
    const b = this.builder;
    const d = this.options.delimiter.charCodeAt(0);
    b.beginRecord(this.line);
    let cellStart = start;
    for (let i = start; i < end; i++) {
      if (bytes[i] === d) {
        b.addCell(cellStart, i);
        cellStart = i + 1;
      }
    }
    b.addCell(cellStart, end);
    b.endRecord();
    this.line++;
  }

  private toParser(bytes: Buffer, start: number, end: number): void {
    const parser = this.options.parser;
    if (!this.inParser) {
      parser.startAt(this.line);
      this.pendingBytes = 0;
    }
    const out: CsvRecord[] = [];
    parser.push(this.options.text.write(bytes.subarray(start, end)), out);
    for (const record of out) this.builder.addTextRecord(record);
    this.pendingBytes += end - start;
    this.inParser = parser.pending;
    if (!this.inParser) this.line = parser.nextLine;
  }
}

/** Makes the doubled quotes of bytes[start, end) single, in place; returns the new end. */
function singleQuotes(bytes: Buffer, start: number, end: number): number {
  let w = start;
  for (let r = start; r < end; r++, w++) {
    const byte = bytes[r]!;
    bytes[w] = byte;
    if (byte === QUOTE) r++; // the second of the pair
  }
  return w;
}
