/**
 * The physical line of each accepted row, stored as runs of consecutive lines. Accepted rows
 * follow one another line after line except after a rejected row or a record spanning several
 * lines, so a million rows usually take one run instead of a million numbers (8 MB as a JS array).
 */
export class LineNumbers {
  /** Row index and line of the first row of each run. */
  private runRow = new Int32Array(4);
  private runLine = new Float64Array(4); // a line number may pass 2^31 in a file of many GB
  private runs = 0;
  private count = 0;
  private lastLine = -1;
  /** Run of the previous lookup: rows are mostly read in order. */
  private hint = 0;

  static from(lines: Iterable<number>): LineNumbers {
    const out = new LineNumbers();
    for (const l of lines) out.push(l);
    return out;
  }

  get length(): number {
    return this.count;
  }

  push(line: number): void {
    if (this.runs === 0 || line !== this.lastLine + 1) this.startRun(line);
    this.lastLine = line;
    this.count++;
  }

  /** The line of row r (0 ≤ r < length). */
  at(r: number): number {
    if (r < 0 || r >= this.count) throw new RangeError(`row ${r} is outside the table`);
    let k = this.hint;
    if (!(this.runRow[k]! <= r && (k + 1 === this.runs || this.runRow[k + 1]! > r))) {
      // The last run starting at or before r.
      let lo = 0;
      let hi = this.runs - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.runRow[mid]! <= r) lo = mid;
        else hi = mid - 1;
      }
      k = this.hint = lo;
    }
    return this.runLine[k]! + (r - this.runRow[k]!);
  }

  toArray(): number[] {
    const out: number[] = [];
    for (let r = 0; r < this.count; r++) out.push(this.at(r));
    return out;
  }

  private startRun(line: number): void {
    if (this.runs === this.runRow.length) {
      const rows = new Int32Array(this.runs * 2);
      rows.set(this.runRow);
      this.runRow = rows;
      const lines = new Float64Array(this.runs * 2);
      lines.set(this.runLine);
      this.runLine = lines;
    }
    this.runRow[this.runs] = this.count;
    this.runLine[this.runs] = line;
    this.runs++;
  }
}
