import { describe, expect, it } from "vitest";
import { defaultPrecision, roundsTo } from "../../src/estimate/published.js";

describe("published figures", () => {
  it("is reproduced when the estimate rounds to the figure at its precision", () => {
    expect(roundsTo(0.3712, 0.37, 2)).toBe(true);
    expect(roundsTo(0.3649, 0.37, 2)).toBe(false);
    expect(roundsTo(0.3651, 0.37, 2)).toBe(true);
    expect(roundsTo(0.3751, 0.37, 2)).toBe(false);
    expect(roundsTo(0.0109, 0.011, 3)).toBe(true);
    expect(roundsTo(-0.0412, -0.04, 2)).toBe(true);
  });

  it("reads shares at whole percents unless the figure says more", () => {
    expect(defaultPrecision("proportion", 0.7)).toBe(2);
    expect(defaultPrecision("ratio", 0.011)).toBe(3);
    expect(defaultPrecision("mean", 12.5)).toBe(1);
    expect(defaultPrecision("total", 1862)).toBe(0);
  });
});
