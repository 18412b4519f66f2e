// Calibration holds for any seed and larger sizes, not only for the committed fixture.
import { describe, expect, it } from "vitest";
import { closestByBisection, thresholdFor } from "../../src/synth/calibrate.js";
import { generateStudy } from "../../src/synth/index.js";
import { estimates, parseCsv, type Estimates, PUBLISHED_2014 } from "./estimates.js";

const TARGETS = PUBLISHED_2014;

describe("calibration", () => {
  for (const [seed, rows] of [
    [1, 1862],
    [77, 1862],
    [123456, 1862],
    [9, 20_000],
  ] as const) {
    it(`hits every published figure within ±0.002 (seed ${seed}, ${rows} rows)`, () => {
      const files = new Map(generateStudy({ seed, rows }).files.map((f) => [f.name, parseCsv(f.content)]));
      const got = estimates(files.get("questionnaire.csv") ?? [], files.get("youth.csv") ?? []);
      for (const [id, value] of Object.entries(TARGETS) as [keyof Estimates, number][]) {
        expect(Math.abs(got[id] - value), id).toBeLessThanOrEqual(0.002);
      }
    });
  }

  it("thresholdFor finds the weighted quantile, counting -Infinity always and +Infinity never", () => {
    const t = Float64Array.from([-Infinity, 0, 1, 2, 3, Infinity, 5]);
    const w = Float64Array.from([1, 1, 1, 1, 1, 1, 100]);
    const eligible = Uint8Array.from([1, 1, 1, 1, 1, 1, 0]);
    const alpha = thresholdFor(t, w, eligible, 0.5); // 3 of 6 below alpha
    expect(alpha).toBeGreaterThan(1);
    expect(alpha).toBeLessThanOrEqual(2);
  });

  it("closestByBisection returns the closer side of a step", () => {
    const x = closestByBisection((v) => (v < 1 ? 0 : 1), 0, 2, 0.8);
    expect(x).toBeGreaterThanOrEqual(1);
  });
});
