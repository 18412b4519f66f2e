// Property-based checks (fast-check) of the agreement statistics and of analyseQualitative.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyseQualitative, type QualitativeInput } from "../../src/qualitative/analyse.js";
import { cohenKappaFromRatings, krippendorffAlphaUnits, type AlphaMetric } from "../../src/qualitative/agreement.js";

describe("properties", () => {
  it("alpha = 1 when all coders agree and there is variation (all metrics)", () => {
    fc.assert(
      fc.property(
        // Each unit: one value (1–6, > 0 for the ratio metric) given by 1–5 coders; missing coders allowed.
        fc.array(fc.record({ value: fc.integer({ min: 1, max: 6 }), coders: fc.integer({ min: 1, max: 5 }), missing: fc.nat(3) }), {
          minLength: 2,
          maxLength: 30,
        }),
        fc.constantFrom<AlphaMetric>("nominal", "ordinal", "interval", "ratio"),
        (spec, metric) => {
          const units = spec.map((u) => [...Array<number>(u.coders).fill(u.value), ...Array<null>(u.missing).fill(null)]);
          const pairable = spec.filter((u) => u.coders >= 2);
          fc.pre(new Set(pairable.map((u) => u.value)).size >= 2);
          const r = krippendorffAlphaUnits(units, { metric });
          expect(r.value).not.toBeNull();
          expect(r.value).toBeCloseTo(1, 12);
        },
      ),
    );
  });

  it("Cohen's kappa (and its SE) is symmetric in coder order", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.option(fc.integer({ min: 1, max: 4 })), fc.option(fc.integer({ min: 1, max: 4 }))), { maxLength: 40 }),
        fc.constantFrom("none" as const, "linear" as const, "quadratic" as const),
        (pairs, weights) => {
          const a = pairs.map((p) => p[0]);
          const b = pairs.map((p) => p[1]);
          const categories = [1, 2, 3, 4];
          const ab = cohenKappaFromRatings(a, b, { weights, categories });
          const ba = cohenKappaFromRatings(b, a, { weights, categories });
          if (ab.value === null || ba.value === null) {
            expect(ba.value).toBe(ab.value);
            return;
          }
          expect(ba.value).toBeCloseTo(ab.value, 12);
          // On the variance scale: where the SE is 0, rounding leaves a variance of ~1e-16 whose
          // square root (~1e-8) differs with the order of the sums.
          expect(ba.se ** 2).toBeCloseTo(ab.se ** 2, 12);
          expect(ab.value).toBeLessThanOrEqual(1 + 1e-12);
        },
      ),
    );
  });

  const inputArb: fc.Arbitrary<QualitativeInput> = fc
    .record({
      codes: fc.integer({ min: 1, max: 5 }),
      interviews: fc.array(
        fc.record({
          group: fc.option(fc.constantFrom("beneficiary", "left", "2014")),
          attr: fc.option(fc.constantFrom("a", "b")),
          coders: fc.subarray(["c1", "c2", "c3"]),
        }),
        { maxLength: 12 },
      ),
      marks: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat()), { maxLength: 60 }),
      primary: fc.constantFrom("first", "c1", "c2"),
    })
    .map(({ codes, interviews, marks, primary }) => {
      const codebook = Array.from({ length: codes }, (_, k) => ({ code: `k${k}`, label: `Code ${k}`, parent: k % 2 === 1 ? "k0" : null }));
      const list = interviews.map((itv, i) => ({ id: `id${i}`, group: itv.group, attributes: { attr: itv.attr }, coders: itv.coders }));
      const codings = marks.flatMap(([i, c, k]) => {
        const itv = list.length > 0 ? list[i % list.length] : undefined;
        if (!itv || itv.coders.length === 0) return [];
        return [{ interview: itv.id, coder: itv.coders[c % itv.coders.length] ?? "", code: `k${k % codes}` }];
      });
      return { interviews: list, codings, codebook, primaryCoder: primary, attributes: ["attr"] };
    });

  it("shares lie in [0, 1] (or null when nothing is coded), n ≤ of, statistics in range, JSON-safe", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const r = analyseQualitative(input);
        const cells = [...r.codes, ...r.parents].flatMap((c) => [c, ...Object.values(c.by_group)]);
        for (const c of cells) {
          expect(c.n).toBeLessThanOrEqual(c.of);
          if (c.of === 0) expect(c.share).toBeNull();
          else {
            expect(c.share).toBeGreaterThanOrEqual(0);
            expect(c.share).toBeLessThanOrEqual(1);
          }
        }
        for (const c of r.codes) {
          const a = c.agreement;
          if (a.percent.value !== null) expect(a.percent.value).toBeGreaterThanOrEqual(0);
          if (a.percent.value !== null) expect(a.percent.value).toBeLessThanOrEqual(1);
          for (const v of [a.cohen_kappa.value, a.krippendorff_alpha.value, a.fleiss_kappa.value]) {
            if (v !== null) expect(v).toBeLessThanOrEqual(1 + 1e-12);
          }
        }
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
        expect(JSON.stringify(r)).not.toMatch(/"id\d+"/);
      }),
    );
  });
});
