import { describe, expect, test } from "vitest";
import { isTolerated, parseMaxRejected, ToleranceError } from "../../src/validate/tolerance.js";

describe("--max-rejected", () => {
  test("parses a count or a percentage", () => {
    expect(parseMaxRejected("10")).toEqual({ kind: "count", max: 10 });
    expect(parseMaxRejected("2.5%")).toEqual({ kind: "percent", max: 2.5 });
    expect(parseMaxRejected(" 0 % ")).toEqual({ kind: "percent", max: 0 });
  });
  test.each(["", "-1", "abc", "101%", "1.5", "%"])("refuses %j with one sentence", (text) => {
    expect(() => parseMaxRejected(text)).toThrow(ToleranceError);
    expect(() => parseMaxRejected(text)).toThrow(/^expected a number of rows \(such as 10\) or a percentage/);
  });
  test("decides", () => {
    expect(isTolerated(undefined, 0, 100)).toBe(true);
    expect(isTolerated(undefined, 1, 100)).toBe(false);
    expect(isTolerated({ kind: "count", max: 3 }, 3, 100)).toBe(true);
    expect(isTolerated({ kind: "count", max: 3 }, 4, 100)).toBe(false);
    expect(isTolerated({ kind: "percent", max: 2.5 }, 25, 1000)).toBe(true);
    expect(isTolerated({ kind: "percent", max: 2.5 }, 26, 1000)).toBe(false);
    expect(isTolerated({ kind: "percent", max: 0 }, 0, 0)).toBe(true);
  });
});
