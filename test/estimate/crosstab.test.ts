// Cross-tables in the module: closed forms on a simple random sample and degenerate tables.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDesign, EstimationContext, RowIndex, svyCrossTab, type TableAxis } from "../../src/estimate/index.js";
import { raoScott } from "../../src/estimate/rao-scott.js";

/** The rows of an r × c table of counts, on an unweighted simple random sample (R id=~1). */
function srsTable(counts: number[][]): { ctx: EstimationContext; rows: TableAxis; cols: TableAxis; domain: RowIndex } {
  const a: number[] = [];
  const b: number[] = [];
  counts.forEach((row, i) => {
    row.forEach((n, j) => {
      for (let k = 0; k < n; k++) {
        a.push(i);
        b.push(j);
      }
    });
  });
  const n = a.length;
  const ctx = new EstimationContext(buildDesign({ n }));
  const axis = (codes: number[], count: number): TableAxis => {
    const sizes = new Int32Array(count);
    for (const c of codes) sizes[c]!++;
    return { codes: Int32Array.from(codes), count, dfs: new Float64Array(count).fill(n - 1), sizes };
  };
  const everyRow = Int32Array.from({ length: n }, (_, i) => i);
  return {
    ctx,
    rows: axis(a, counts.length),
    cols: axis(b, counts[0]!.length),
    domain: new RowIndex(everyRow, n - 1, n),
  };
}

/** Pearson's X² of a table of counts, from the textbook formula. */
function pearson(counts: number[][]): number {
  const n = counts.flat().reduce((s, v) => s + v, 0);
  const rowSums = counts.map((r) => r.reduce((s, v) => s + v, 0));
  const colSums = counts[0]!.map((_, j) => counts.reduce((s, r) => s + r[j]!, 0));
  let x2 = 0;
  counts.forEach((r, i) => {
    r.forEach((o, j) => {
      const e = (rowSums[i]! * colSums[j]!) / n;
      x2 += (o - e) ** 2 / e;
    });
  });
  return x2;
}

const tables = fc
  .record({ r: fc.integer({ min: 2, max: 4 }), c: fc.integer({ min: 2, max: 4 }) })
  .chain(({ r, c }) => fc.array(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: c, maxLength: c }), { minLength: r, maxLength: r }));

describe("svyCrossTab on a simple random sample", () => {
  it("Rao–Scott: Δ = n/(n − 1)·I, so χ²₁ = X²(n − 1)/n on (r − 1)(c − 1) df, F on d₀ = (r − 1)(c − 1) and d₀(n − 1)", () => {
    fc.assert(
      fc.property(tables, (counts) => {
        const { ctx, rows, cols, domain } = srsTable(counts);
        const t = svyCrossTab(ctx, rows, cols, domain);
        const n = domain.index.length;
        const m = (counts.length - 1) * (counts[0]!.length - 1);
        expect(t.test.available).toBe(true);
        if (!t.test.available) return;
        const x2 = pearson(counts);
        expect(t.test.pearson).toBeCloseTo(x2, 8);
        expect(t.test.chisq.statistic).toBeCloseTo((x2 * (n - 1)) / n, 8);
        expect(t.test.chisq.df).toBe(m);
        expect(t.test.f.ndf).toBeCloseTo(m, 8);
        expect(t.test.f.ddf).toBeCloseTo(m * (n - 1), 6);
        expect(t.test.f.statistic).toBeCloseTo(t.test.chisq.statistic / m, 8);
      }),
    );
  });

  it("shares add up: cells to 1, each row's and column's shares to 1, cell counts to the total", () => {
    fc.assert(
      fc.property(tables, (counts) => {
        const { ctx, rows, cols, domain } = srsTable(counts);
        const t = svyCrossTab(ctx, rows, cols, domain);
        const value = (e: (typeof t.cellShares)[number]): number => (e.available ? e.estimate : Number.NaN);
        const c = cols.count;
        expect(t.cellShares.reduce((s, e) => s + value(e), 0)).toBeCloseTo(1, 10);
        for (let i = 0; i < rows.count; i++) {
          expect(t.rowShares.slice(i * c, (i + 1) * c).reduce((s, e) => s + value(e), 0)).toBeCloseTo(1, 10);
        }
        for (let j = 0; j < c; j++) {
          expect(t.colShares.filter((_, k) => k % c === j).reduce((s, e) => s + value(e), 0)).toBeCloseTo(1, 10);
        }
        expect(t.counts.reduce((s, e) => s + value(e), 0)).toBeCloseTo(value(t.total), 8);
        expect(Array.from(t.n)).toEqual(counts.flat());
      }),
    );
  });
});

describe("a degenerate table", () => {
  it("a column without respondents: no test (the reason and the column), estimates without NaN", () => {
    const { ctx, rows, cols, domain } = srsTable([
      [5, 0, 7],
      [4, 0, 9],
    ]);
    const t = svyCrossTab(ctx, rows, cols, domain);
    expect(t.test).toEqual({ available: false, reason: "empty-column", index: 1 });
    for (const e of [...t.cellShares, ...t.rowShares, ...t.counts])
      if (e.available) expect(Number.isFinite(e.estimate) && Number.isFinite(e.se)).toBe(true);
    // The empty column's column shares are not available (an empty domain), not NaN.
    expect(t.colShares[1]?.available).toBe(false);
  });

  it("an empty row, one category, no df, no variance: each a reason, never NaN", () => {
    const cov = [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ];
    const base = { cov, rows: 2, cols: 2, designRows: 10, df: 9 };
    expect(raoScott({ ...base, shares: [0, 0, 0.5, 0.5] })).toEqual({ available: false, reason: "empty-row", index: 0 });
    expect(raoScott({ ...base, rows: 1, cols: 4, shares: [0.25, 0.25, 0.25, 0.25] })).toEqual({
      available: false,
      reason: "too-few-categories",
      index: -1,
    });
    expect(raoScott({ ...base, df: 0, shares: [0.25, 0.25, 0.25, 0.25] })).toEqual({ available: false, reason: "no-df", index: -1 });
    expect(raoScott({ ...base, shares: [0.25, 0.25, 0.25, 0.25] })).toEqual({ available: false, reason: "no-variance", index: -1 });
  });
});
