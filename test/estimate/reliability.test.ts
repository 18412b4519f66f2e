import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { reliabilityOf } from "../../src/estimate/reliability.js";

const rule = { maxCv: 0.3, minN: 30 };

describe("reliabilityOf", () => {
  it("gives the CV as se / |estimate| and flags it above max_cv, or below min_n respondents", () => {
    expect(reliabilityOf(100, 20, 50, rule)).toEqual({ cv: 0.2, flagged: false, reasons: [] });
    expect(reliabilityOf(-100, 40, 50, rule)).toEqual({ cv: 0.4, flagged: true, reasons: ["cv"] });
    expect(reliabilityOf(100, 20, 29, rule)).toEqual({ cv: 0.2, flagged: true, reasons: ["n"] });
    expect(reliabilityOf(100, 40, 6, rule)).toEqual({ cv: 0.4, flagged: true, reasons: ["cv", "n"] });
    // A CV exactly at the threshold is not above it; n exactly min_n is enough.
    expect(reliabilityOf(100, 30, 30, rule)?.flagged).toBe(false);
  });

  it("has no CV for an estimate of 0 or one without se, and nothing at all without an estimate", () => {
    expect(reliabilityOf(0, 1, 100, rule)).toEqual({ cv: null, flagged: false, reasons: [] });
    expect(reliabilityOf(5, null, 10, rule)).toEqual({ cv: null, flagged: true, reasons: ["n"] });
    expect(reliabilityOf(null, null, 100, rule)).toBeNull();
  });

  it("tests a share on the CV of the smaller of p and 1 − p (the issue's 55+ subgroup: 15.8 %, n = 6)", () => {
    // 95 % with se 0.03: its CV is 0.03, its complement's 0.6.
    const share = reliabilityOf(0.95, 0.03, 500, rule, true);
    expect(share?.cv).toBeCloseTo(0.03 / 0.95, 12);
    expect(share).toMatchObject({ flagged: true, reasons: ["cv"] });
    expect(reliabilityOf(0.95, 0.03, 500, rule)?.flagged).toBe(false);
    expect(reliabilityOf(0.158, 0.2, 6, rule, true)).toMatchObject({ flagged: true, reasons: ["cv", "n"] });
  });

  it("flags a share of 0 or 1 whose se is positive (its complement's CV has no bound), not one whose se is 0", () => {
    // Found by the property below (seed 14602030): a share of 1 with se 0.30000000000000004.
    expect(reliabilityOf(1, 0.30000000000000004, 0, rule, true)?.reasons).toEqual(["cv", "n"]);
    expect(reliabilityOf(0, 0.01, 100, rule, true)).toEqual({ cv: null, flagged: true, reasons: ["cv"] });
    expect(reliabilityOf(1, 0, 100, rule, true)).toEqual({ cv: 0, flagged: false, reasons: [] });
  });

  it("flags a share and its complement alike", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 1000 }),
        (p, se, n) => {
          const a = reliabilityOf(p, se, n, rule, true);
          const b = reliabilityOf(1 - p, se, n, rule, true);
          // 1 − (1 − p) can differ from p in the last bit: shares that round trip, away from the threshold.
          fc.pre(1 - (1 - p) === p && !(Math.abs(se / Math.min(p, 1 - p) - rule.maxCv) < 1e-9));
          expect(a?.flagged).toBe(b?.flagged);
          expect(a?.reasons).toEqual(b?.reasons);
        },
      ),
    );
  });

  it("flags exactly when it gives a reason, and never tests a share less strictly than its CV", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.option(fc.double({ min: 0, max: 1e6, noNaN: true })),
        fc.integer({ min: 0, max: 100 }),
        fc.boolean(),
        (value, se, n, share) => {
          // A share is in [0, 1].
          const estimate = share ? Math.abs(value) / 1e6 : value;
          const r = reliabilityOf(estimate, se, n, rule, share);
          expect(r?.flagged).toBe((r?.reasons.length ?? 0) > 0);
          if (r?.cv != null && r.cv > rule.maxCv) expect(r.reasons).toContain("cv");
        },
      ),
    );
  });
});
