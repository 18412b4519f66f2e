// Hand-made example; every expected number is derived by hand in the comments.
import { describe, expect, it } from "vitest";
import { analyseQualitative, MISSING_KEY, type QualitativeInput } from "../../src/qualitative/analyse.js";
import { KRIPPENDORFF_SOURCE, LANDIS_KOCH_SOURCE } from "../../src/qualitative/agreement.js";

/*
 * Interviews (first listed coder = primary under "first"):
 *   I-1 beneficiary age 18-25  coders ann, bob       ann: esteem ×2 segments, family   bob: esteem
 *   I-2 beneficiary age 26+    coders ann            ann: relief, cost
 *   I-3 left        age 18-25  coders bob, ann       bob: family                       ann: family, relief
 *   I-4 left        age —      coders ann, bob, cat  ann: (nothing)  bob: esteem       cat: (nothing)
 *   I-5 (no group)  age 26+    coders —              not coded
 * Primary codings: I-1 {esteem, family}, I-2 {relief, cost}, I-3 {family}, I-4 {} → 4 coded interviews.
 */
function example(): QualitativeInput {
  return {
    interviews: [
      { id: "I-1", group: "beneficiary", attributes: { age: "18-25" }, coders: ["ann", "bob"] },
      { id: "I-2", group: "beneficiary", attributes: { age: "26+" }, coders: ["ann"] },
      { id: "I-3", group: "left", attributes: { age: "18-25" }, coders: ["bob", "ann"] },
      { id: "I-4", group: "left", attributes: { age: null }, coders: ["ann", "bob", "cat"] },
      { id: "I-5", group: null, attributes: { age: "26+" }, coders: [] },
    ],
    codings: [
      { interview: "I-1", coder: "ann", code: "esteem" },
      { interview: "I-1", coder: "ann", code: "esteem" },
      { interview: "I-1", coder: "ann", code: "family" },
      { interview: "I-1", coder: "bob", code: "esteem" },
      { interview: "I-2", coder: "ann", code: "relief" },
      { interview: "I-2", coder: "ann", code: "cost" },
      { interview: "I-3", coder: "bob", code: "family" },
      { interview: "I-3", coder: "ann", code: "family" },
      { interview: "I-3", coder: "ann", code: "relief" },
      { interview: "I-4", coder: "bob", code: "esteem" },
    ],
    codebook: [
      { code: "esteem", label: "Self-esteem", parent: "wellbeing" },
      { code: "relief", label: "Psychological relief", parent: "wellbeing" },
      { code: "family", label: "Family ties" },
      { code: "cost", label: "Cost burden", parent: null },
    ],
    primaryCoder: "first",
    groupLabels: { left: "Left the programme", beneficiary: "Beneficiary" },
    attributes: ["age"],
  };
}

const code = (r: ReturnType<typeof analyseQualitative>, c: string) => {
  const row = r.codes.find((x) => x.code === c);
  if (!row) throw new Error(`no row for ${c}`);
  return row;
};

describe("analyseQualitative: frequencies", () => {
  const r = analyseQualitative(example());

  it("counts units; groups follow groupLabels order, missing last", () => {
    expect(r.units).toEqual({ interviews: 5, coded: 4, by_group: { left: 2, beneficiary: 2, [MISSING_KEY]: 1 }, double_coded: 3 });
    expect(r.groups).toEqual([
      { group: "left", label: "Left the programme" },
      { group: "beneficiary", label: "Beneficiary" },
      { group: MISSING_KEY, label: null },
    ]);
    expect(Object.keys(r.units.by_group)).toEqual(["left", "beneficiary", MISSING_KEY]);
  });

  it("shares use the primary coder, presence counted once, codebook order", () => {
    expect(r.codes.map((c) => c.code)).toEqual(["esteem", "relief", "family", "cost"]);
    // esteem: I-1 only (two segments count once) → 1/4; family: I-1, I-3 → 2/4.
    expect(code(r, "esteem")).toMatchObject({ label: "Self-esteem", parent: "wellbeing", n: 1, of: 4, share: 0.25 });
    expect(code(r, "relief")).toMatchObject({ n: 1, of: 4, share: 0.25 });
    expect(code(r, "family")).toMatchObject({ parent: null, n: 2, of: 4, share: 0.5 });
    expect(code(r, "cost")).toMatchObject({ n: 1, of: 4, share: 0.25 });
  });

  it("by group; a group with no coded interview has share null", () => {
    expect(code(r, "esteem").by_group).toEqual({
      left: { share: 0, n: 0, of: 2 }, // I-4's primary (ann) applied nothing; bob's esteem is not primary
      beneficiary: { share: 0.5, n: 1, of: 2 },
      [MISSING_KEY]: { share: null, n: 0, of: 0 }, // I-5 is not coded
    });
    expect(code(r, "family").by_group.left).toEqual({ share: 0.5, n: 1, of: 2 });
  });

  it("parents count interviews with any child code", () => {
    // wellbeing = {esteem, relief}: I-1 (esteem), I-2 (relief) → 2/4; not itself a code, so labelled by its key.
    expect(r.parents).toEqual([
      {
        code: "wellbeing",
        label: "wellbeing",
        children: ["esteem", "relief"],
        share: 0.5,
        n: 2,
        of: 4,
        by_group: { left: { share: 0, n: 0, of: 2 }, beneficiary: { share: 1, n: 2, of: 2 }, [MISSING_KEY]: { share: null, n: 0, of: 0 } },
      },
    ]);
  });

  it("co-occurrence: interviews holding both codes, diagonal = n", () => {
    expect(r.cooccurrence).toEqual({
      codes: ["esteem", "relief", "family", "cost"],
      counts: [
        [1, 0, 1, 0], // esteem & family: I-1
        [0, 1, 0, 1], // relief & cost: I-2
        [1, 0, 2, 0],
        [0, 1, 0, 1],
      ],
    });
  });

  it("crosstabs by attribute level among coded interviews, missing last", () => {
    // I-1 18-25, I-2 26+, I-3 18-25, I-4 missing.
    expect(r.crosstabs.age).toEqual({
      levels: ["18-25", "26+", MISSING_KEY],
      totals: { "18-25": 2, "26+": 1, [MISSING_KEY]: 1 },
      counts: {
        esteem: { "18-25": 1, "26+": 0, [MISSING_KEY]: 0 },
        relief: { "18-25": 0, "26+": 1, [MISSING_KEY]: 0 },
        family: { "18-25": 2, "26+": 0, [MISSING_KEY]: 0 },
        cost: { "18-25": 0, "26+": 1, [MISSING_KEY]: 0 },
      },
    });
  });

  it("a named primary coder: interviews it did not code leave the denominator", () => {
    // bob coded I-1 {esteem}, I-3 {family}, I-4 {esteem} → of = 3.
    const rb = analyseQualitative({ ...example(), primaryCoder: "bob" });
    expect(rb.units.coded).toBe(3);
    expect(rb.primary_coder).toBe("bob");
    expect(code(rb, "esteem")).toMatchObject({ n: 2, of: 3 });
    expect(code(rb, "family")).toMatchObject({ n: 1, of: 3 });
    expect(code(rb, "cost")).toMatchObject({ n: 0, of: 3, share: 0 });
  });
});

describe("analyseQualitative: agreement", () => {
  const r = analyseQualitative(example());

  it("esteem: coded-but-nothing counts as 'no' for ann and cat on I-4", () => {
    // Units (listed order): I-1 ann 1 bob 1; I-3 bob 0 ann 0; I-4 ann 0 bob 1 cat 0.
    const a = code(r, "esteem").agreement;
    expect(a.units).toBe(3);
    // Percent: I-1 1, I-3 1, I-4 1 agreeing pair of 3 → (1 + 1 + 1/3) / 3 = 7/9.
    expect(a.percent.value).toBeCloseTo(7 / 9, 12);
    expect(a.percent.units).toBe(3);
    // Cohen, first two listed coders: (1,1), (0,0), (0,1): p_o = 2/3, p_e = 2/3·1/3 + 1/3·2/3 = 4/9 → 0.4.
    expect(a.cohen_kappa.value).toBeCloseTo(0.4, 12);
    expect(a.cohen_kappa.units).toBe(3);
    // Alpha: o00 = 2 + 1, o11 = 2, o01 = o10 = 1; n0 = 4, n1 = 3, n = 7 → 1 − 6·2 / (2·4·3) = 0.5.
    expect(a.krippendorff_alpha.value).toBeCloseTo(0.5, 12);
    expect(a.krippendorff_alpha.units).toBe(3);
    // 2, 2 and 3 coders: Fleiss' kappa does not apply.
    expect(a.fleiss_kappa.value).toBeNull();
    expect(a.fleiss_kappa.reason_code).toBe("unequal-raters");
    expect(a.band.cohen_kappa).toEqual({ key: "fair", source: LANDIS_KOCH_SOURCE }); // upper bounds inclusive: 0.40 is fair
  });

  it("relief: kappa 0, alpha 0", () => {
    // I-1 (0,0); I-3 bob 0 ann 1; I-4 (0,0,0). Cohen table [[2,1],[0,0]]: p_o = 2/3 = p_e → 0.
    // Alpha: o00 = 2 + 3, o01 = o10 = 1; n0 = 6, n1 = 1 → 1 − 6·2 / (2·6·1) = 0.
    const a = code(r, "relief").agreement;
    expect(a.percent.value).toBeCloseTo(2 / 3, 12);
    expect(a.cohen_kappa.value).toBeCloseTo(0, 12);
    expect(a.krippendorff_alpha.value).toBeCloseTo(0, 12);
    expect(a.band.krippendorff_alpha).toEqual({ key: "unreliable", source: KRIPPENDORFF_SOURCE });
  });

  it("cost: nobody applied it on double-coded interviews → kappa and alpha null with reasons", () => {
    const a = code(r, "cost").agreement;
    expect(a.percent.value).toBe(1);
    expect(a.cohen_kappa).toMatchObject({ value: null, se: null, ci: null });
    expect(a.cohen_kappa.reason_code).toBe("expected-agreement-one");
    expect(a.krippendorff_alpha.value).toBeNull();
    expect(a.krippendorff_alpha.reason_code).toBe("no-variation");
    expect(a.band).toEqual({ cohen_kappa: null, krippendorff_alpha: null, fleiss_kappa: null });
  });

  it("Fleiss' kappa when every double-coded interview has the same number of coders", () => {
    const input = example();
    const i4 = input.interviews[3];
    if (i4) i4.coders = ["ann", "bob"];
    const a = code(analyseQualitative(input), "esteem").agreement;
    // Units (1,1), (0,0), (0,1): p = (½, ½), P_i = 1, 1, 0 → P̄ = 2/3, P̄e = ½ → κ = 1/3.
    expect(a.fleiss_kappa.value).toBeCloseTo(1 / 3, 12);
    expect(a.fleiss_kappa.units).toBe(3);
    expect(a.fleiss_kappa.z).toBeTypeOf("number");
    // Alpha: o00 = o11 = 2, o01 = o10 = 1, n0 = n1 = 3, n = 6 → 1 − 5·2 / (2·9) = 4/9.
    expect(a.krippendorff_alpha.value).toBeCloseTo(4 / 9, 12);
    expect(a.band.fleiss_kappa?.key).toBe("fair");
  });

  it("coders come from the interview list: a listed coder without rows says no", () => {
    // Add dan to I-2 without any coding row: I-2 becomes double-coded, dan says "no" to relief and cost.
    const input = example();
    const i2 = input.interviews[1];
    if (i2) i2.coders = ["ann", "dan"];
    const r2 = analyseQualitative(input);
    expect(r2.units.double_coded).toBe(4);
    const cost = code(r2, "cost").agreement;
    // cost: I-1 (0,0), I-2 (1,0), I-3 (0,0), I-4 (0,0,0) → percent (1 + 0 + 1 + 1) / 4.
    expect(cost.units).toBe(4);
    expect(cost.percent.value).toBeCloseTo(3 / 4, 12);
    expect(cost.cohen_kappa.value).toBeCloseTo(0, 12); // table [[3,0],[1,0]]: p_o = p_e = 3/4
    // Shares are unchanged: ann is still I-2's primary coder.
    expect(code(r2, "cost")).toMatchObject({ n: 1, of: 4 });
  });

  it("no double-coded interview: every statistic null with a reason", () => {
    const input = example();
    for (const itv of input.interviews) itv.coders = itv.coders.slice(0, 1);
    input.codings = input.codings.filter((c) => input.interviews.some((i) => i.id === c.interview && i.coders.includes(c.coder)));
    const a = code(analyseQualitative(input), "family").agreement;
    expect(a.units).toBe(0);
    for (const s of [a.percent, a.cohen_kappa, a.krippendorff_alpha, a.fleiss_kappa]) {
      expect(s.value).toBeNull();
      expect(s.reason).toBeTruthy();
    }
  });
});

describe("analyseQualitative: inconsistent input and privacy", () => {
  it("throws on a coding for an unknown interview, an unknown code, or an unlisted coder", () => {
    const bad = (row: QualitativeInput["codings"][number]) => () =>
      analyseQualitative({ ...example(), codings: [...example().codings, row] });
    expect(bad({ interview: "I-9", coder: "ann", code: "esteem" })).toThrow(/codings row 11: unknown interview "I-9"/);
    expect(bad({ interview: "I-1", coder: "ann", code: "hope" })).toThrow(/codings row 11: unknown code "hope"/);
    expect(bad({ interview: "I-2", coder: "bob", code: "cost" })).toThrow(/coder "bob" is not listed/);
  });

  it("throws on duplicate interviews or codes", () => {
    const e = example();
    expect(() =>
      analyseQualitative({ ...e, interviews: [...e.interviews, { id: "I-1", group: null, attributes: {}, coders: [] }] }),
    ).toThrow(/listed twice/);
    expect(() => analyseQualitative({ ...e, codebook: [...e.codebook, { code: "cost", label: "again" }] })).toThrow(/defined twice/);
  });

  it("never returns interview ids", () => {
    const e = example();
    const secret = (id: string) => `SECRET-${id}`;
    const input: QualitativeInput = {
      ...e,
      interviews: e.interviews.map((i) => ({ ...i, id: secret(i.id) })),
      codings: e.codings.map((c) => ({ ...c, interview: secret(c.interview) })),
    };
    expect(JSON.stringify(analyseQualitative(input))).not.toContain("SECRET");
  });

  it("is JSON-ready: survives a JSON round trip unchanged (no NaN, no Infinity, no undefined)", () => {
    const r = analyseQualitative(example());
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
  });
});
