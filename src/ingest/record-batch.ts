import type { CsvRecord } from "./parser.js";

/**
 * The records of one chunk read, without a string per cell: a simple record's cells are byte
 * ranges of `bytes`; a record that needed the full parser (quotes, a lone CR) carries its cells
 * as text. Consumers that want text call `recordCells`, or `toRecords` for the whole batch; the
 * validator casts byte ranges directly (schema/byte-cast.ts), so a million repeated categories
 * and plain numbers never become strings.
 *
 * A batch lives in memory that is reused for the next one (the scanner's work buffer and the
 * builder's arrays): it is valid until the next batch
 * is asked for, and consumers copy what they keep.
 */
export interface RecordBatch {
  readonly bytes: Buffer;
  readonly count: number;
  /** Physical line each record starts on. */
  readonly lines: Int32Array;
  /** Record r's cells are `firstCell[r] .. firstCell[r + 1] - 1` (length count + 1). */
  readonly firstCell: Int32Array;
  readonly cellStart: Int32Array;
  readonly cellEnd: Int32Array;
  /** Record r's cells as text when the full parser read it, else undefined (a sparse array). */
  readonly texts: readonly (string[] | undefined)[];
  /** A byte range of `bytes` as text, in the file's encoding. */
  readonly decode: (bytes: Buffer, start: number, end: number) => string;
}

/** Cells of record r as text. */
export function recordCells(batch: RecordBatch, r: number): string[] {
  const text = batch.texts[r];
  if (text !== undefined) return text;
  const cells: string[] = [];
  for (let c = batch.firstCell[r]!; c < batch.firstCell[r + 1]!; c++)
    cells.push(batch.decode(batch.bytes, batch.cellStart[c]!, batch.cellEnd[c]!));
  return cells;
}

/** The batch as records with text cells (the form `records` and `batches` hand on). */
export function toRecords(batch: RecordBatch): CsvRecord[] {
  const out: CsvRecord[] = new Array<CsvRecord>(batch.count);
  for (let r = 0; r < batch.count; r++) out[r] = { line: batch.lines[r]!, cells: recordCells(batch, r) };
  return out;
}

/** The batch without its first record (the header). */
export function withoutFirst(batch: RecordBatch): RecordBatch {
  return {
    ...batch,
    count: batch.count - 1,
    lines: batch.lines.subarray(1),
    firstCell: batch.firstCell.subarray(1),
    texts: batch.texts.slice(1),
  };
}

/** Builds batches in arrays it reuses from one batch to the next. */
export class RecordBatchBuilder {
  private lines = new Int32Array(1024);
  private firstCell = new Int32Array(1025);
  private cellStart = new Int32Array(16384);
  private cellEnd = new Int32Array(16384);
  private texts: (string[] | undefined)[] = [];
  private records = 0;
  private cells = 0;

  constructor(private readonly decode: RecordBatch["decode"]) {}

  get count(): number {
    return this.records;
  }

  /** Open a record of byte-range cells starting on `line`. */
  beginRecord(line: number): void {
    if (this.records + 1 >= this.lines.length) this.growRecords();
    this.lines[this.records] = line;
    this.firstCell[this.records] = this.cells;
  }

  /** Adds a cell of the open record; returns its index (for setCellEnd). */
  addCell(start: number, end: number): number {
    if (this.cells === this.cellStart.length) this.growCells();
    this.cellStart[this.cells] = start;
    this.cellEnd[this.cells] = end;
    return this.cells++;
  }

  /** Moves the end of a cell of the open record (its bytes were shortened in place). */
  setCellEnd(cell: number, end: number): void {
    this.cellEnd[cell] = end;
  }

  /** Forget the record begun last (its line continues in the next chunk, or goes to the parser). */
  dropRecord(): void {
    this.cells = this.firstCell[this.records]!;
  }

  endRecord(): void {
    this.records++;
    this.firstCell[this.records] = this.cells;
  }

  /** A record read by the full parser. */
  addTextRecord(record: CsvRecord): void {
    this.beginRecord(record.line);
    this.texts[this.records] = record.cells;
    this.endRecord();
  }

  /**
   * The records so far over `bytes`; the builder starts empty again. The batch is views of the
   * builder's arrays, valid until the next batch is built: callers copy what they keep.
   */
  finish(bytes: Buffer): RecordBatch {
    const n = this.records;
    const batch: RecordBatch = {
      bytes,
      count: n,
      lines: this.lines.subarray(0, n),
      firstCell: this.firstCell.subarray(0, n + 1),
      cellStart: this.cellStart.subarray(0, this.cells),
      cellEnd: this.cellEnd.subarray(0, this.cells),
      texts: this.texts,
      decode: this.decode,
    };
    this.texts = [];
    this.records = 0;
    this.cells = 0;
    this.firstCell[0] = 0;
    return batch;
  }

  private growRecords(): void {
    const lines = new Int32Array(this.lines.length * 2);
    lines.set(this.lines);
    this.lines = lines;
    const first = new Int32Array(lines.length + 1);
    first.set(this.firstCell);
    this.firstCell = first;
  }

  private growCells(): void {
    const start = new Int32Array(this.cellStart.length * 2);
    start.set(this.cellStart);
    this.cellStart = start;
    const end = new Int32Array(start.length);
    end.set(this.cellEnd);
    this.cellEnd = end;
  }
}
