// Unit tests of the agreement statistics beyond the published references: degenerate cases,
// input handling, bands, and SAS figures for the weighted kappa and the H0 test.
import { describe, expect, it } from "vitest";
import {
  alphaBand,
  cohenKappa,
  cohenKappaFromRatings,
  contingencyTable,
  fleissKappa,
  fleissKappaFromRatings,
  kappaBand,
  krippendorffAlpha,
  krippendorffAlphaUnits,
  percentAgreement,
} from "../../src/qualitative/agreement.js";

describe("Cohen's kappa", () => {
  const table3 = [
    [0, 4, 1],
    [0, 8, 0],
    [0, 1, 5],
  ];

  it("keeps its interval inside kappa's range [-1, 1]", () => {
    // Near-perfect agreement on few units: the Wald bound would pass 1.
    const r = cohenKappa([
      [9, 1],
      [0, 10],
    ]);
    if (r.value === null) throw new Error("unexpected null");
    expect(r.value + 1.96 * r.se).toBeGreaterThan(1);
    expect(r.ci[1]).toBe(1);
    expect(r.ci[0]).toBeCloseTo(r.value - 1.959963984540054 * r.se, 12);
  });

  it("H0 test and weighted ASE match the SAS PROC FREQ printout reproduced in statsmodels' tests", () => {
    // statsmodels/stats/tests/test_inter_rater.py: simple ASE under H0 0.1484, Z 3.2626;
    // weighted kappa ASE 0.1457, CI 0.1845–0.7558, ASE under H0 0.1426, Z 3.2971.
    const s = cohenKappa(table3);
    const w = cohenKappa(table3, { weights: "linear" });
    if (s.value === null || w.value === null) throw new Error("unexpected null");
    expect(s.se0).toBeCloseTo(0.1484, 4);
    expect(s.z).toBeCloseTo(3.2626, 4);
    expect(s.pValue).toBeCloseTo(0.0011, 4);
    expect(w.se).toBeCloseTo(0.1457, 4);
    expect(w.ci[0]).toBeCloseTo(0.1845, 4);
    expect(w.ci[1]).toBeCloseTo(0.7558, 4);
    expect(w.se0).toBeCloseTo(0.1426, 4);
    expect(w.z).toBeCloseTo(3.2971, 4);
  });

  it("from paired ratings equals the table; missing pairs are dropped", () => {
    const a = ["x", "x", "y", "y", null, "z"];
    const b = ["x", "y", "y", "y", "x", undefined];
    const t = contingencyTable(a, b);
    expect(t).toEqual({
      table: [
        [1, 1],
        [0, 2],
      ],
      categories: ["x", "y"],
      n: 4,
      dropped: 2,
    });
    const r = cohenKappaFromRatings(a, b);
    expect(r.value).toBeCloseTo(cohenKappa(t.table).value ?? NaN, 15);
  });

  it("quadratic weights: perfect agreement gives 1", () => {
    expect(
      cohenKappa(
        [
          [3, 0, 0],
          [0, 2, 0],
          [0, 0, 4],
        ],
        { weights: "quadratic" },
      ).value,
    ).toBeCloseTo(1, 12);
  });

  it("degenerate tables return null with a reason, never NaN", () => {
    expect(
      cohenKappa([
        [5, 0],
        [0, 0],
      ]),
    ).toEqual({ value: null, reason: { code: "expected-agreement-one" } });
    expect(
      cohenKappa([
        [0, 0],
        [0, 0],
      ]),
    ).toEqual({ value: null, reason: { code: "no-paired-ratings" } });
    expect(cohenKappa([[7]]).value).toBeNull();
  });

  it("rejects malformed tables", () => {
    expect(() => cohenKappa([[1, 2], [3]])).toThrow(/square/);
    expect(() =>
      cohenKappa([
        [1, -2],
        [3, 4],
      ]),
    ).toThrow(/counts/);
  });
});

describe("Krippendorff's alpha", () => {
  it("no variation → null with reason (expected disagreement 0)", () => {
    const r = krippendorffAlpha([
      [1, 1, 1],
      [1, 1, null],
    ]);
    expect(r.value).toBeNull();
    expect(r.reason).toEqual({ code: "no-variation" });
  });

  it("fewer than two pairable values → null", () => {
    expect(
      krippendorffAlpha([
        [1, null],
        [null, 2],
      ]).value,
    ).toBeNull();
    expect(krippendorffAlphaUnits([]).value).toBeNull();
  });

  it("ordinal order can be given for string categories", () => {
    const units = [
      ["low", "low"],
      ["mid", "high"],
      ["high", "high"],
      ["mid", "mid"],
    ];
    const given = krippendorffAlphaUnits(units, { metric: "ordinal", order: ["low", "mid", "high"] });
    // Code-point order (high < low < mid) is a different ranking, so a different alpha.
    const byCodePoint = krippendorffAlphaUnits(units, { metric: "ordinal" });
    expect(given.value).not.toBeCloseTo(byCodePoint.value ?? NaN, 6);
    expect(() => krippendorffAlphaUnits(units, { metric: "ordinal", order: ["low", "mid"] })).toThrow(/not in the ordinal order/);
  });

  it("interval and ratio need numbers", () => {
    expect(() => krippendorffAlphaUnits([["a", "b"]], { metric: "interval" })).toThrow(/numeric/);
    expect(() => krippendorffAlphaUnits([[-1, 2]], { metric: "ratio" })).toThrow(/≥ 0/);
  });

  it("two coders, nominal, binary: matches the hand computation", () => {
    // Units (1,1), (0,0), (0,1): n0 = n1 = 3, o01 = o10 = 1 → α = 1 − 5·2/(2·9) = 4/9.
    expect(
      krippendorffAlpha([
        [1, 0, 0],
        [1, 0, 1],
      ]).value,
    ).toBeCloseTo(4 / 9, 12);
  });
});

describe("Fleiss' kappa", () => {
  it("unequal numbers of raters → null with reason", () => {
    expect(
      fleissKappaFromRatings([
        [1, 1, 2],
        [1, 2],
      ]).reason,
    ).toEqual({ code: "unequal-raters" });
    expect(
      fleissKappaFromRatings([
        [1, 1, null],
        [1, 2, 2],
      ]).reason,
    ).toEqual({ code: "unequal-raters" });
  });

  it("all ratings in one category → null with reason", () => {
    expect(
      fleissKappa([
        [3, 0],
        [3, 0],
      ]).reason,
    ).toEqual({ code: "no-variation" });
  });

  it("one rater → null", () => {
    expect(
      fleissKappa([
        [1, 0],
        [0, 1],
      ]).value,
    ).toBeNull();
  });
});

describe("percent agreement", () => {
  it("mean over units of agreeing pairs", () => {
    // (a,a) 1; (a,b,a) 1 of 3 pairs; (b) skipped.
    const r = percentAgreement([
      ["a", "a"],
      ["a", "b", "a"],
      ["b", null],
    ]);
    expect(r).toEqual({ value: (1 + 1 / 3) / 2, units: 2, pairs: 4, reason: null });
    expect(percentAgreement([["a"]]).value).toBeNull();
  });
});

describe("interpretation bands", () => {
  it("Landis & Koch (1977), upper bounds inclusive", () => {
    const keys = [-0.1, 0, 0.2, 0.21, 0.4, 0.6, 0.8, 0.81, 1].map((k) => kappaBand(k)?.key);
    expect(keys).toEqual(["poor", "slight", "slight", "fair", "fair", "moderate", "substantial", "almost_perfect", "almost_perfect"]);
    expect(kappaBand(0.5)?.source).toMatch(/Landis.*Koch.*1977/);
    expect(kappaBand(null)).toBeNull();
  });

  it("Krippendorff (2004): ≥ .800 reliable, .667–.800 tentative", () => {
    expect([0.8, 0.7999, 0.667, 0.6669].map((a) => alphaBand(a)?.key)).toEqual(["reliable", "tentative", "tentative", "unreliable"]);
    expect(alphaBand(0.9)?.source).toMatch(/Krippendorff.*2004/);
    expect(alphaBand(null)).toBeNull();
  });
});
