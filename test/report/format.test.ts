import { describe, expect, it } from "vitest";
import { MINUS, NNBSP, formatCount, formatInterval, formatLevel, formatP, formatPercent, formatPoints } from "../../src/report/format.js";

describe("format", () => {
  it("formats percentages with one decimal, in each language's style", () => {
    expect(formatPercent(0.3712, "en")).toBe("37.1%");
    expect(formatPercent(0.37, "fr")).toBe(`37,0${NNBSP}%`);
    expect(formatPercent(0.0803, "fr", 1)).toBe(`8,0${NNBSP}%`);
  });

  it("groups thousands with a comma (en) or a narrow no-break space (fr)", () => {
    expect(formatCount(1862, "en")).toBe("1,862");
    expect(formatCount(1862, "fr")).toBe(`1${NNBSP}862`);
    expect(formatCount(1234567, "fr")).toBe(`1${NNBSP}234${NNBSP}567`);
    expect(formatCount(412, "fr")).toBe("412");
  });

  it("never prints a negative zero, and uses a true minus sign", () => {
    expect(formatPoints(-0.00001, "en")).toBe("0.0");
    expect(formatPoints(-0.012, "en")).toBe(`${MINUS}1.2`);
    expect(formatPoints(0.0693, "fr")).toBe("+6,9");
  });

  it("writes intervals as ranges, or with words when a bound is negative", () => {
    expect(formatInterval([0.35, 0.39], "percent", "en", 0)).toBe("35–39%");
    expect(formatInterval([0.35, 0.39], "percent", "fr", 1)).toBe(`35,0–39,0${NNBSP}%`);
    expect(formatInterval([-1.25, 3.4], "number", "en", 1)).toBe(`${MINUS}1.3 to 3.4`);
  });

  it("formats p-values and confidence levels", () => {
    expect(formatP(1.2e-210, "en")).toBe("<\u00a00.001");
    expect(formatP(1.2e-210, "fr")).toBe(`<${NNBSP}0,001`);
    expect(formatP(0.0425, "en")).toBe("0.043");
    expect(formatLevel(0.95, "en")).toBe("95%");
    expect(formatLevel(0.9, "fr")).toBe(`90${NNBSP}%`);
  });
});
