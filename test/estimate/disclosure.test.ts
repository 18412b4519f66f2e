import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { suppressCells, suppressTable } from "../../src/estimate/disclosure.js";

describe("cell suppression", () => {
  it("suppresses small cells, and the next smallest when one alone could be derived", () => {
    expect(suppressCells([120, 7, 300, 45], 10)).toEqual([null, "primary", null, "secondary"]);
    expect(suppressCells([120, 7, 300, 4], 10)).toEqual([null, "primary", null, "primary"]);
    expect(suppressCells([120, 70, 300], 10)).toEqual([null, null, null]);
  });

  it("leaves empty cells alone (nothing to disclose)", () => {
    expect(suppressCells([0, 50, 60], 10)).toEqual([null, null, null]);
  });

  it("never leaves exactly one suppressed cell when another could be suppressed (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 2, maxLength: 8 }), (counts) => {
        const marks = suppressCells(counts, 10);
        const suppressed = marks.filter((m) => m !== null).length;
        expect(suppressed === 1).toBe(false);
        counts.forEach((n, i) => {
          if (n < 10) expect(marks[i]).toBe("primary");
        });
      }),
    );
  });
});

describe("two-way table suppression (subgroup levels × categories, both margins published)", () => {
  it("hides small cells, then the cheapest square of cells that protects them", () => {
    const { cells, totals } = suppressTable(
      [
        [50, 4, 60],
        [40, 30, 20],
        [70, 25, 35],
      ],
      10,
    );
    // The 4, then the cheapest square through it (the 60, the 30 and the 20): each hidden cell
    // shares its row and its column with another, so no share or count can be worked out.
    expect(cells).toEqual([
      [null, "primary", "secondary"],
      [null, "secondary", "secondary"],
      [null, null, null],
    ]);
    expect(totals).toEqual([null, null, null]);
    for (const line of [...cells.map((r, i) => [...r, totals[i]]), ...[0, 1, 2].map((j) => cells.map((r) => r[j])), totals])
      expect(line.filter((m) => m !== null).length).not.toBe(1);
  });

  it("a level from fewer respondents than the threshold hides its total and every positive cell", () => {
    const { cells, totals } = suppressTable(
      [
        [3, 2, 0],
        [40, 30, 20],
        [70, 25, 35],
      ],
      10,
    );
    expect(totals[0]).toBe("primary");
    expect(cells[0]).toEqual(["primary", "primary", null]);
  });

  it("leaves a table without small cells alone", () => {
    const { cells, totals } = suppressTable(
      [
        [50, 40],
        [30, 20],
      ],
      10,
    );
    expect([...cells.flat(), ...totals].every((m) => m === null)).toBe(true);
  });

  it("no row (cells, with or without its total) nor column has exactly one hidden entry while a positive one is left to hide (property)", () => {
    const table = fc
      .integer({ min: 1, max: 5 })
      .chain((k) => fc.array(fc.array(fc.nat({ max: 60 }), { minLength: k, maxLength: k }), { minLength: 1, maxLength: 6 }));
    fc.assert(
      fc.property(table, (counts) => {
        const { cells, totals } = suppressTable(counts, 10);
        const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
        const lines = [
          ...counts.map((r, i) => ({ n: [...r, rowTotals[i]!], m: [...cells[i]!, totals[i]!] })),
          // A row's shares add up to 100 % without its total.
          ...counts.map((r, i) => ({ n: r, m: cells[i]! })),
          ...counts[0]!.map((_, j) => ({ n: counts.map((r) => r[j]!), m: cells.map((r) => r[j]!) })),
          { n: rowTotals, m: totals },
        ];
        for (const { n, m } of lines) {
          const hidden = m.filter((x) => x !== null).length;
          const left = n.filter((x, i) => m[i] === null && x > 0).length;
          expect(hidden === 1 && left > 0).toBe(false);
        }
        counts.forEach((r, i) =>
          r.forEach((n, j) => {
            if (n > 0 && n < 10) expect(cells[i]![j]).toBe("primary");
            if (n === 0) expect(cells[i]![j]).not.toBe("primary");
          }),
        );
      }),
    );
  });
});
