// Laws of trimWeights (R survey 4.1-1 trimWeights); its values against R are in
// test/r-survey/weighting.test.ts.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trimWeights } from "../../src/estimate/weighting-trim.js";

const sum = (w: ArrayLike<number>): number => Array.from(w).reduce((a, b) => a + b, 0);

/** Positive weights and bounds around their mean. */
const cases = fc
  .record({
    weights: fc.array(fc.double({ min: 0.5, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }),
    below: fc.double({ min: 0, max: 1, noNaN: true }),
    above: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map(({ weights, below, above }) => {
    const mean = sum(weights) / weights.length;
    const min = Math.min(...weights);
    const max = Math.max(...weights);
    return { weights: Float64Array.from(weights), lower: min + below * (mean - min), upper: mean + above * (max - mean) };
  });

describe("trimWeights", () => {
  it("keeps the sum of the weights, and leaves no weight outside under strict", () => {
    fc.assert(
      fc.property(cases, ({ weights, lower, upper }) => {
        const t = trimWeights(weights, { lower, upper, strict: true, maxPasses: 5000 });
        expect(Math.abs(sum(t.weights) - sum(weights))).toBeLessThanOrEqual(1e-9 * sum(weights));
        if (t.failure === null) for (const v of t.weights) expect(v >= lower && v <= upper).toBe(true);
      }),
    );
  });

  it("one pass: the weights outside are set to their bound and the others share the excess equally", () => {
    fc.assert(
      fc.property(cases, ({ weights, lower, upper }) => {
        const t = trimWeights(weights, { lower, upper, strict: false, maxPasses: 5000 });
        const outside = Array.from(weights, (v) => v < lower || v > upper);
        if (!outside.some(Boolean)) {
          expect(t.passes).toBe(0);
          expect(Array.from(t.weights)).toEqual(Array.from(weights));
          return;
        }
        if (t.failure !== null) return;
        const excess = sum(Array.from(weights, (v) => v - Math.min(Math.max(v, lower), upper)));
        const share = excess / outside.filter((o) => !o).length;
        weights.forEach((v, i) => {
          const expected = outside[i] ? (v > upper ? upper : lower) : v + share;
          expect(t.weights[i]).toBeCloseTo(expected, 9);
        });
        expect([t.passes, t.trimmedLower, t.trimmedUpper]).toEqual([
          1,
          weights.filter((v) => v < lower).length,
          weights.filter((v) => v > upper).length,
        ]);
      }),
    );
  });

  it("counts a weight raised to the lower bound as raised, also when the bounds are equal", () => {
    // Found by the property above (seed 1525431084): the side was read from the bound.
    const t = trimWeights(Float64Array.from([100, 99]), { lower: 100, upper: 100, strict: false, maxPasses: 10 });
    expect([t.passes, t.trimmedLower, t.trimmedUpper]).toEqual([1, 1, 0]);
  });

  it("no bound crossed: the weights unchanged, no pass", () => {
    const w = Float64Array.from([1, 2, 3]);
    expect(trimWeights(w, { lower: 1, upper: 3, strict: true, maxPasses: 10 })).toEqual({
      weights: w,
      passes: 0,
      trimmedLower: 0,
      trimmedUpper: 0,
      failure: null,
    });
  });

  it("fails when no weight is inside the bounds to take up the excess", () => {
    expect(trimWeights(Float64Array.from([1, 9]), { lower: 2, upper: 8, strict: false, maxPasses: 10 }).failure).toBe("none-inside");
  });

  it("fails when strict passes run out", () => {
    // 10 → 7 pushes 6.5 to 8; then each pass pushes the weight at the upper bound out again by half the excess.
    const w = Float64Array.from([1, 6.5, 10]);
    const t = trimWeights(w, { lower: -Infinity, upper: 7, strict: true, maxPasses: 3 });
    expect(t.failure).toBe("passes");
    expect(t.passes).toBe(3);
    const done = trimWeights(w, { lower: -Infinity, upper: 7, strict: true, maxPasses: 1000 });
    expect(done.failure).toBeNull();
    expect(done.weights[0]).toBeCloseTo(3.5, 12);
    expect(Array.from(done.weights.subarray(1))).toEqual([7, 7]);
    expect([done.trimmedLower, done.trimmedUpper]).toEqual([0, 2]);
  });
});
