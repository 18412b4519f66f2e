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
