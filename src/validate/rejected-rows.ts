import { LineNumbers } from "./line-numbers.js";
import { RowReasons } from "./row-reasons.js";

/** A rejected row as the rejects file shows it. `cells` is empty past the sample. */
export interface RejectedRow {
  line: number;
  /** The cells as read, in file order; kept for the first {@link REJECTED_CELLS_SAMPLE} rejected rows only. */
  cells: string[];
  reasons: string[];
}

/**
 * Cells are kept for this many rejected rows (those read first); past it a rejected row keeps its
 * line and reasons only. A file whose every row is rejected (one header typo on a design column)
 * then holds a few bytes per row, not a copy of the file.
 */
export const REJECTED_CELLS_SAMPLE = 1000;

/**
 * Every rejected row's line and reasons, stored compactly: lines as runs (consecutive rejected
 * lines, the usual case when all rows fail, take one run), reasons in row order (a header typo
 * gives one list for every row, kept once; a bad value per row is packed, see row-reasons.ts),
 * cells for a bounded sample.
 */
export class RejectedRows implements Iterable<RejectedRow> {
  private lines = new LineNumbers();
  private readonly reasons = new RowReasons();
  private readonly cells = new Map<number, string[]>();
  /** Cells offered so far, to bound the sample by rows read, not by rows kept. */
  private offered = 0;

  static from(rows: Iterable<RejectedRow>): RejectedRows {
    const out = new RejectedRows();
    for (const r of rows) out.push(r);
    return out;
  }

  get length(): number {
    return this.lines.length;
  }

  /** Add a row; rows are pushed in line order (see {@link merge} for rows found later). */
  push(row: RejectedRow): void {
    this.append(row.line, row.reasons, this.offered < REJECTED_CELLS_SAMPLE ? row.cells : undefined);
    this.offered++;
  }

  at(r: number): RejectedRow {
    return { line: this.lines.at(r), cells: this.cells.get(r) ?? [], reasons: this.reasons.at(r) };
  }

  /** The line of rejected row r, without building the row. */
  lineAt(r: number): number {
    return this.lines.at(r);
  }

  *[Symbol.iterator](): Iterator<RejectedRow> {
    for (let r = 0; r < this.length; r++) yield this.at(r);
  }

  toArray(): RejectedRow[] {
    return [...this];
  }

  /** These rows and `more`, merged by line into a new store; a row keeps its cells if it was in the sample. */
  merge(more: readonly RejectedRow[]): RejectedRows {
    const sorted = [...more].sort((a, b) => a.line - b.line);
    const out = new RejectedRows();
    // The rows found later are offered to the sample after the ones already read.
    const laterCells = (i: number): string[] | undefined => (this.offered + i < REJECTED_CELLS_SAMPLE ? sorted[i]!.cells : undefined);
    let i = 0;
    for (let r = 0; r < this.length; r++) {
      const line = this.lines.at(r);
      for (; i < sorted.length && sorted[i]!.line < line; i++) out.append(sorted[i]!.line, sorted[i]!.reasons, laterCells(i));
      out.append(line, this.reasons.at(r), this.cells.get(r));
    }
    for (; i < sorted.length; i++) out.append(sorted[i]!.line, sorted[i]!.reasons, laterCells(i));
    out.offered = this.offered + sorted.length;
    return out;
  }

  private append(line: number, reasons: readonly string[], cells: string[] | undefined): void {
    const r = this.lines.length;
    this.lines.push(line);
    this.reasons.push(reasons);
    if (cells !== undefined && cells.length > 0) this.cells.set(r, cells);
  }
}
