// Two-way disclosure control: no hidden cell or margin of a table can be worked out from the
// numbers published beside it (the other cells, the row and column totals, the table's total).
// The check here is linear algebra (ml-matrix's SVD rank), independent of suppressCrossTable's graph
// walk: a hidden number is determined exactly when its unit vector lies in the row space of the
// equations "each row's cells add up to its total", "each column's ...", "the totals add up to n".
import fc from "fast-check";
import { Matrix, SingularValueDecomposition } from "ml-matrix";
import { describe, expect, it } from "vitest";
import { suppressCrossTable, type Suppression } from "../../src/estimate/index.js";

interface Marks {
  cells: Suppression[];
  rows: Suppression[];
  cols: Suppression[];
}

/** The hidden numbers (as "cell k", "row i", "col j") that the published ones determine. */
function recoverable(r: number, c: number, marks: Marks): string[] {
  const unknowns: string[] = [];
  const col = new Map<string, number>();
  const add = (name: string): void => {
    col.set(name, unknowns.length);
    unknowns.push(name);
  };
  marks.cells.forEach((m, k) => m !== null && add(`cell ${k}`));
  marks.rows.forEach((m, i) => m !== null && add(`row ${i}`));
  marks.cols.forEach((m, j) => m !== null && add(`col ${j}`));
  if (unknowns.length === 0) return [];
  const equations: number[][] = [];
  const equation = (terms: [string, number][]): void => {
    const e = new Array<number>(unknowns.length).fill(0);
    for (const [name, coef] of terms) if (col.has(name)) e[col.get(name)!] = coef;
    equations.push(e);
  };
  for (let i = 0; i < r; i++)
    equation([...Array.from({ length: c }, (_, j): [string, number] => [`cell ${i * c + j}`, 1]), [`row ${i}`, -1]]);
  for (let j = 0; j < c; j++)
    equation([...Array.from({ length: r }, (_, i): [string, number] => [`cell ${i * c + j}`, 1]), [`col ${j}`, -1]]);
  equation(Array.from({ length: r }, (_, i): [string, number] => [`row ${i}`, 1]));
  equation(Array.from({ length: c }, (_, j): [string, number] => [`col ${j}`, 1]));
  const rank = (rows: number[][]): number => new SingularValueDecomposition(new Matrix(rows), { autoTranspose: true }).rank;
  const base = rank(equations);
  return unknowns.filter((_name, u) => {
    const unit = new Array<number>(unknowns.length).fill(0);
    unit[u] = 1;
    return rank([...equations, unit]) === base;
  });
}

const table = fc
  .record({ r: fc.integer({ min: 2, max: 5 }), c: fc.integer({ min: 2, max: 5 }), minCell: fc.integer({ min: 1, max: 12 }) })
  .chain(({ r, c, minCell }) =>
    fc.record({
      r: fc.constant(r),
      c: fc.constant(c),
      minCell: fc.constant(minCell),
      counts: fc.array(fc.nat(40), { minLength: r * c, maxLength: r * c }),
    }),
  );

describe("suppressCrossTable", () => {
  it("the check finds a cell that the margins give away", () => {
    // One hidden cell: its row total less the others gives it.
    expect(recoverable(2, 2, { cells: ["primary", null, null, null], rows: [null, null], cols: [null, null] })).toEqual(["cell 0"]);
    // Four hidden cells of a 2 × 2 table: each can move by ±x around the square.
    expect(
      recoverable(2, 2, { cells: ["primary", "secondary", "secondary", "secondary"], rows: [null, null], cols: [null, null] }),
    ).toEqual([]);
  });

  it("marks as primary exactly the cells from 1 to min_cell − 1 respondents", () => {
    fc.assert(
      fc.property(table, ({ r, c, minCell, counts }) => {
        const marks = suppressCrossTable(counts, r, c, minCell);
        counts.forEach((n, k) => expect(marks.cells[k] === "primary", `cell ${k}`).toBe(n > 0 && n < minCell));
      }),
    );
  });

  it("leaves no hidden cell or margin recoverable from the published numbers", () => {
    fc.assert(
      fc.property(table, ({ r, c, minCell, counts }) => {
        const marks = suppressCrossTable(counts, r, c, minCell);
        expect(recoverable(r, c, marks)).toEqual([]);
      }),
    );
  });

  it("hides nothing in a table without small cells, and protects a lone small cell with a square", () => {
    expect(suppressCrossTable([10, 20, 30, 40], 2, 2, 5).cells).toEqual([null, null, null, null]);
    const marks = suppressCrossTable([2, 20, 30, 40, 50, 60], 2, 3, 5);
    expect(marks.cells).toEqual(["primary", "secondary", null, "secondary", "secondary", null]);
  });
});
