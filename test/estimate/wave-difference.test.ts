import tCdfStd from "@stdlib/stats-base-dists-t-cdf";
import tQuantileStd from "@stdlib/stats-base-dists-t-quantile";
import { describe, expect, it } from "vitest";
import { differenceDf, waveDifference } from "../../src/estimate/wave-difference.js";

describe("waveDifference", () => {
  it("subtracts base from new and adds the variances (independent samples)", () => {
    const d = waveDifference({ estimate: 0.37, se: 0.03, df: 100 }, { estimate: 0.33, se: 0.04, df: 50 }, 0.95);
    expect(d?.estimate).toBeCloseTo(-0.04, 15);
    expect(d?.se).toBeCloseTo(0.05, 15);
    expect(d?.df).toBe(50);
    expect(d?.reference).toBe("t");
    // t = -0.8 on min(100, 50) = 50 df
    expect(d?.ci[1]).toBeCloseTo(-0.04 + tQuantileStd(0.975, 50) * 0.05, 12);
    expect(d?.pValue).toBeCloseTo(2 * tCdfStd(-0.8, 50), 12);
    expect(tQuantileStd(0.975, 50)).toBeCloseTo(2.0086, 4); // tables of Student's t
  });

  it("uses the standard normal without a finite df", () => {
    const d = waveDifference({ estimate: 1, se: 0.3, df: null }, { estimate: 2, se: 0.4, df: 10 }, 0.95);
    expect(d?.reference).toBe("normal");
    // R: 2 * pnorm(-2) = 0.04550026; qnorm(0.975) = 1.959964
    expect(d?.pValue).toBeCloseTo(0.04550026, 7);
    expect(d?.ci[0]).toBeCloseTo(1 - 1.959964 * 0.5, 6);
    expect(differenceDf(Infinity, 30)).toBeNull();
  });

  it("is symmetric and gives p = 1 for no change", () => {
    const a = { estimate: 0.5, se: 0.02, df: 80 };
    const b = { estimate: 0.55, se: 0.01, df: 90 };
    expect(waveDifference(a, b, 0.95)?.pValue).toBeCloseTo(waveDifference(b, a, 0.95)?.pValue ?? NaN, 14);
    expect(waveDifference(a, a, 0.95)?.pValue).toBe(1);
  });

  it("gives no difference without a usable standard error", () => {
    expect(waveDifference({ estimate: 1, se: 0, df: 5 }, { estimate: 2, se: 0, df: 5 }, 0.95)).toBeNull();
    expect(waveDifference({ estimate: 1, se: NaN, df: 5 }, { estimate: 2, se: 1, df: 5 }, 0.95)).toBeNull();
  });

  it("gives no difference when the difference or its standard error overflows", () => {
    expect(waveDifference({ estimate: 1, se: 1e154, df: 5 }, { estimate: 2, se: 1.3e154, df: 5 }, 0.95)).toBeNull();
    expect(waveDifference({ estimate: -1.7e308, se: 1, df: 5 }, { estimate: 1.7e308, se: 1, df: 5 }, 0.95)).toBeNull();
  });
});
