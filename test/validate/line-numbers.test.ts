import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { LineNumbers } from "../../src/validate/line-numbers.js";

describe("line numbers of accepted rows", () => {
  it("gives back every line pushed, in any order of lookups (property)", () => {
    // Increasing lines with gaps (rejected rows, multi-line records), as validation pushes them.
    const steps = fc.array(fc.oneof(fc.constant(1), fc.integer({ min: 1, max: 40 })), { maxLength: 300 });
    fc.assert(
      fc.property(steps, fc.integer({ min: 2, max: 5 }), fc.array(fc.nat(), { maxLength: 50 }), (gaps, first, probes) => {
        const lines: number[] = [];
        let line = first;
        for (const g of gaps) lines.push((line += g));
        const stored = LineNumbers.from(lines);
        expect(stored.length).toBe(lines.length);
        expect(stored.toArray()).toEqual(lines);
        for (const p of probes) if (lines.length > 0) expect(stored.at(p % lines.length)).toBe(lines[p % lines.length]);
      }),
    );
  });

  it("holds consecutive lines as one run and refuses rows outside the table", () => {
    const stored = new LineNumbers();
    for (let l = 2; l < 100_002; l++) stored.push(l);
    expect(stored.at(0)).toBe(2);
    expect(stored.at(99_999)).toBe(100_001);
    expect(() => stored.at(100_000)).toThrow(RangeError);
    expect(() => stored.at(-1)).toThrow(RangeError);
  });

  it("keeps lines beyond 2^31", () => {
    const stored = LineNumbers.from([2 ** 31 + 5, 2 ** 31 + 6, 2 ** 32]);
    expect(stored.toArray()).toEqual([2 ** 31 + 5, 2 ** 31 + 6, 2 ** 32]);
  });
});
