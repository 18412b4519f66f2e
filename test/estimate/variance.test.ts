import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { designVariance } from "../support/estimate.js";
import { buildDesign } from "../../src/estimate/index.js";
import { varianceOfTotals } from "../../src/estimate/variance.js";

const sumSq = (xs: number[]) => {
  const m = xs.reduce((a, b) => a + b, 0) / xs.length;
  return xs.reduce((a, x) => a + (x - m) ** 2, 0);
};
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));
const values = fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 30 });

describe("designVariance", () => {
  test("independent rows, no strata: n/(n-1) * sum (z - mean z)^2, times (1 - n/N) with fpc", () => {
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 1000 }), (z, extra) => {
        const n = z.length;
        const wr = designVariance(buildDesign({ n }), [Float64Array.from(z)]).cov[0]![0]!;
        const expected = (n / (n - 1)) * sumSq(z);
        expect(rel(wr, expected)).toBeLessThan(1e-9);
        const N = n + extra;
        const wor = designVariance(buildDesign({ n, fpc: [new Array<number>(n).fill(N)] }), [Float64Array.from(z)]).cov[0]![0]!;
        expect(rel(wor, expected * (1 - n / N))).toBeLessThan(1e-9);
      }),
    );
  });

  test("covariance is symmetric, scales quadratically and is PSD on pairs", () => {
    fc.assert(
      fc.property(values, fc.double({ min: -10, max: 10, noNaN: true }), (z, a) => {
        const n = z.length;
        const d = buildDesign({ n, strata: z.map((_, i) => (i < Math.floor(n / 2) ? "A" : "B")), lonelyPsu: "remove" });
        const z1 = Float64Array.from(z);
        const z2 = Float64Array.from(z, (x, i) => x * a + i);
        const { cov } = designVariance(d, [z1, z2]);
        expect(cov[0]![1]).toBeCloseTo(cov[1]![0]!, 6);
        expect(cov[0]![0]! * cov[1]![1]! - cov[0]![1]! ** 2).toBeGreaterThanOrEqual(-1e-6 * Math.max(1, cov[0]![0]! * cov[1]![1]!));
        const scaled = designVariance(d, [Float64Array.from(z, (x) => a * x)]).cov[0]![0]!;
        expect(rel(scaled, a * a * cov[0]![0]!)).toBeLessThan(1e-9);
      }),
    );
  });

  test("clusters: the variance is that of the PSU totals", () => {
    const d = buildDesign({ n: 6, ids: [[1, 1, 2, 2, 3, 3]] });
    const z = Float64Array.from([1, 2, 3, 4, 10, 0]);
    const v = designVariance(d, [z]).cov[0]![0]!;
    expect(v).toBeCloseTo((3 / 2) * sumSq([3, 7, 10]), 10);
  });

  test("a certainty stratum contributes nothing", () => {
    const d = buildDesign({ n: 4, strata: ["A", "A", "B", "B"], fpc: [[2, 2, 10, 10]] });
    const v = designVariance(d, [Float64Array.from([100, -50, 1, 3])]).cov[0]![0]!;
    expect(v).toBeCloseTo(0.8 * 2 * sumSq([1, 3]), 10);
  });

  test("two stages: stage-2 variance is added with weight n1/N1 when stage 1 has an fpc", () => {
    const d = buildDesign({
      n: 4,
      ids: [
        ["a", "a", "b", "b"],
        [1, 2, 1, 2],
      ],
      fpc: [
        [4, 4, 4, 4],
        [10, 10, 10, 10],
      ],
    });
    const z = [1, 3, 2, 6];
    const v = designVariance(d, [Float64Array.from(z)]).cov[0]![0]!;
    const stage1 = (1 - 2 / 4) * 2 * sumSq([4, 8]);
    const stage2 = (2 / 4) * ((1 - 2 / 10) * 2 * (sumSq([1, 3]) + sumSq([2, 6])));
    expect(v).toBeCloseTo(stage1 + stage2, 10);
  });

  test("rows outside a domain keep their PSU: zeros still count in the PSU mean", () => {
    const d = buildDesign({ n: 4 });
    const v = designVariance(d, [Float64Array.from([2, 4, 0, 0])]).cov[0]![0]!;
    expect(v).toBeCloseTo((4 / 3) * sumSq([2, 4, 0, 0]), 10);
  });

  test("lonely PSU: remove/certainty add 0, adjust adds the uncentred total, average rescales", () => {
    const strata = ["A", "A", "B", "B", "C"];
    const z = Float64Array.from([1, 3, 2, 6, 5]);
    const base = 2 * (sumSq([1, 3]) + sumSq([2, 6]));
    const v = (p: "remove" | "certainty" | "adjust" | "average") =>
      designVariance(buildDesign({ n: 5, strata, lonelyPsu: p }), [z]).cov[0]![0]!;
    expect(v("remove")).toBeCloseTo(base, 10);
    expect(v("certainty")).toBeCloseTo(base, 10);
    expect(v("adjust")).toBeCloseTo(base + 25, 10);
    expect(v("average")).toBeCloseTo((base * 3) / 2, 10);
  });
});

describe("varianceOfTotals", () => {
  test("each column's variance, side by side or joint, is that of the column alone, bit for bit (two stages, lonely PSUs)", () => {
    const policies = ["remove", "certainty", "adjust", "average"] as const;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 })), {
          minLength: 3,
          maxLength: 40,
        }),
        fc.constantFrom(...policies),
        fc.boolean(),
        fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 40, maxLength: 40 }), {
          minLength: 1,
          maxLength: 4,
        }),
        (units, lonelyPsu, withFpc, scores) => {
          let design: ReturnType<typeof buildDesign>;
          try {
            design = buildDesign({
              n: units.length,
              strata: units.map(([h]) => `h${h}`),
              ids: [units.map(([h, c]) => `h${h}c${c}`), units.map(([h, c, u]) => `h${h}c${c}u${u}`)],
              nest: true,
              ...(withFpc ? { fpc: [units.map(() => 10), units.map(() => 5)] } : {}),
              lonelyPsu,
            });
          } catch {
            return; // a design the constructor refuses (a single PSU)
          }
          // Each column's cluster totals at every stage, from one score per row.
          const columns = scores.map((z) =>
            design.stages.map((st) => {
              const t = new Float64Array(st.nClusters);
              units.forEach((_, i) => (t[st.clusterOfRow[i]!]! += z[i]!));
              return t;
            }),
          );
          // Columns side by side in one walk (a pass of several levels), and jointly (their
          // covariance): each variance is that of the column alone, bit for bit.
          const side = varianceOfTotals(design, columns, false);
          const joint = varianceOfTotals(design, columns, true);
          columns.forEach((col, j) => {
            const alone = varianceOfTotals(design, [col], false);
            expect(side.cov[0]![j]).toBe(alone.cov[0]![0]);
            expect(joint.cov[j]![j]).toBe(alone.cov[0]![0]);
            expect(side.warnings).toEqual(alone.warnings);
            expect(joint.warnings).toEqual(alone.warnings);
          });
          // The covariance is symmetric (to rounding: (s * da) * db against (s * db) * da).
          columns.forEach((_, a) =>
            columns.forEach((_, b) =>
              expect(Math.abs(joint.cov[a]![b]! - joint.cov[b]![a]!)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(joint.cov[a]![b]!))),
            ),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
