/**
 * Disclosure control for one-way subgroup tables. A cell from fewer than `minCell`
 * respondents is suppressed (primary). When exactly one cell of a table is suppressed it could
 * be derived from the overall figure and the others, so the smallest remaining cell is
 * suppressed too (secondary), as in standard cell-suppression practice.
 */
export type Suppression = "primary" | "secondary" | null;

export function suppressCells(counts: readonly number[], minCell: number): Suppression[] {
  const marks: Suppression[] = counts.map((n) => (n > 0 && n < minCell ? "primary" : null));
  const suppressed = marks.filter((m) => m !== null).length;
  if (suppressed === 1) {
    let best = -1;
    counts.forEach((n, i) => {
      if (marks[i] === null && n > 0 && (best === -1 || n < counts[best]!)) best = i;
    });
    if (best !== -1) marks[best] = "secondary";
  }
  return marks;
}

/**
 * Disclosure control for a two-way table of counts (subgroup levels × categories) whose row
 * totals (each level's respondents) and column totals (each category's) are published, and whose
 * cells are shown as shares of their row. Primary: a cell or row total from fewer than `minCell`
 * respondents. Secondary: a row (its cells with or without its total: the shares add up to 100 %)
 * or a column with exactly one suppressed entry would give it away by subtraction, so the
 * smallest remaining positive entry of that line is suppressed too, until no line has exactly
 * one (a line whose other entries are all 0 cannot protect it, and has nothing left to reveal).
 */
export function suppressTable(counts: readonly (readonly number[])[], minCell: number): { cells: Suppression[][]; totals: Suppression[] } {
  const primary = (n: number): Suppression => (n > 0 && n < minCell ? "primary" : null);
  const totals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const cells = counts.map((row) => row.map(primary));
  const totalMarks = totals.map(primary);
  // One entry of a line: its count, and how to read and set its mark.
  type Entry = { n: number; get: () => Suppression; set: (m: Suppression) => void };
  const rows: Entry[][] = counts.map((row, i) => [
    ...row.map((n, j) => ({ n, get: () => cells[i]![j]!, set: (m: Suppression) => (cells[i]![j] = m) })),
    { n: totals[i]!, get: () => totalMarks[i]!, set: (m: Suppression) => (totalMarks[i] = m) },
  ]);
  const width = counts[0]?.length ?? 0;
  const columns: Entry[][] = [...Array.from({ length: width }, (_, j) => rows.map((r) => r[j]!)), rows.map((r) => r[width]!)];
  // A row's cells alone too: their shares add up to 100 % whether or not its total is shown.
  const shares = rows.map((row) => row.slice(0, width));
  // Each pass suppresses at least one more entry, or stops: at most every entry once.
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of [...rows, ...shares, ...columns]) {
      if (line.filter((e) => e.get() !== null).length !== 1) continue;
      let best: Entry | null = null;
      for (const e of line) if (e.get() === null && e.n > 0 && (best === null || e.n < best.n)) best = e;
      if (best === null) continue;
      best.set("secondary");
      changed = true;
    }
  }
  return { cells, totals: totalMarks };
}
