import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { suppressCells } from "../../src/estimate/disclosure.js";

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
