import normalCdf from "@stdlib/stats-base-dists-normal-cdf";
import tCdf from "@stdlib/stats-base-dists-t-cdf";
import tQuantile from "@stdlib/stats-base-dists-t-quantile";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { comparisonSchema, type Comparison } from "../../src/waves/comparison-result.js";
import type { StudyResult } from "../../src/result/study-result.js";
import { run, STUDY_2014, STUDY_2015, UNHARMONISED, UNIVERSE_CHANGED } from "./helpers.js";

const tmp = () => mkdtemp(path.join(tmpdir(), "compare-"));

async function result(study: string): Promise<StudyResult> {
  // The JSON result only: no PNG chart drawn.
  const r = await run(["report", study, "--format", "md", "--out", await tmp(), "--json"]);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as StudyResult;
}

async function compare(base: string, next: string): Promise<Comparison> {
  const r = await run(["compare", base, next, "--format", "md", "--out", await tmp(), "--json"]);
  expect(r.stderr).toMatch(/^wrote /);
  expect(r.code).toBe(0);
  return comparisonSchema.parse(JSON.parse(r.stdout));
}

describe("compare on the bundled 2014 and 2015 waves", () => {
  let c: Comparison;
  let r14: StudyResult;
  let r15: StudyResult;
  beforeAll(async () => {
    [c, r14, r15] = await Promise.all([compare(STUDY_2014, STUDY_2015), result(STUDY_2014), result(STUDY_2015)]);
  });

  it("has the documented shape", () => {
    expect(c.base).toEqual({ study: "connexions-solidaires-2014", title: r14.title, generated: "2014-11-27" });
    expect(c.new).toEqual({ study: "connexions-solidaires-2015", title: r15.title, generated: "2015-11-26" });
    // Every indicator but the cross-table, which has no one estimate to difference.
    expect(c.indicators.map((i) => i.id)).toEqual(r14.indicators.filter((i) => i.kind !== "crosstab").map((i) => i.id));
    expect(c.only_in_base).toEqual([]);
    expect(c.only_in_new).toEqual([]);
    expect(c.acceptable).toBe(true);
  });

  it("reports each wave's estimate as its own report does", () => {
    // (mobile_plan is a distribution: its categories are compared below, harmonised.)
    for (const i of c.indicators) {
      const b = r14.indicators.find((x) => x.id === i.id);
      const n = r15.indicators.find((x) => x.id === i.id);
      expect(i.base).toEqual({ estimate: b?.estimate, se: b?.se, ci: b?.ci, n: b?.n });
      expect(i.new).toEqual({ estimate: n?.estimate, se: n?.se, ci: n?.ci, n: n?.n });
    }
  });

  it("computes every difference as new − base with se = sqrt(se_b² + se_n²), t with the smaller df", () => {
    const compared = c.indicators.filter((i) => i.difference !== null);
    expect(compared.map((i) => i.id)).toEqual([
      "internet_never",
      "no_private_access",
      "access_relative",
      "access_cybercafe",
      "mobile_subscription",
      "telecom_share",
      "calls_abroad",
      "youth_no_email",
      "internet_never_count",
      "telecom_spend_mean",
      "individual_telecom_share",
      "resources_median",
    ]);
    for (const i of compared) {
      const b = r14.indicators.find((x) => x.id === i.id)!;
      const n = r15.indicators.find((x) => x.id === i.id)!;
      const d = n.estimate! - b.estimate!;
      const se = Math.sqrt(b.se! ** 2 + n.se! ** 2);
      const df = Math.min(b.df!, n.df!);
      const z = d / se;
      expect(i.difference!.estimate).toBeCloseTo(d, 14);
      expect(i.difference!.se).toBeCloseTo(se, 14);
      expect(i.difference!.df).toBe(df);
      expect(i.difference!.p_value).toBeCloseTo(2 * tCdf(-Math.abs(z), df), 12);
      // With hundreds of df, t is close to the normal: p within 0.002 of 2Φ(−|z|).
      expect(Math.abs(i.difference!.p_value - 2 * normalCdf(-Math.abs(z), 0, 1))).toBeLessThan(0.002);
      const q = tQuantile(0.975, df);
      expect(i.difference!.ci[0]).toBeCloseTo(d - q * se, 12);
      expect(i.difference!.ci[1]).toBeCloseTo(d + q * se, 12);
    }
  });

  it("finds the moves built into the synthetic 2015 wave", () => {
    const never = c.indicators.find((i) => i.id === "internet_never")!;
    expect(never.difference!.estimate).toBeCloseTo(-0.04, 2);
    expect(never.difference!.p_value).toBeLessThan(0.05);
    const relative = c.indicators.find((i) => i.id === "access_relative")!;
    expect(relative.difference!.p_value).toBeGreaterThan(0.5);
  });

  it("compares an unchanged distribution category by category", () => {
    const access = c.indicators.find((i) => i.id === "access_place")!;
    expect(access.compared).toBe(true);
    expect(access.difference).toBeNull();
    const b = r14.indicators.find((x) => x.id === "access_place")!;
    const n = r15.indicators.find((x) => x.id === "access_place")!;
    for (const cat of access.categories!) {
      expect(cat.status).toBe("both");
      const cb = b.categories!.find((x) => x.value === cat.value)!;
      const cn = n.categories!.find((x) => x.value === cat.value)!;
      expect(cat.difference!.estimate).toBeCloseTo(cn.estimate! - cb.estimate!, 14);
      expect(cat.difference!.se).toBeCloseTo(Math.sqrt(cb.se! ** 2 + cn.se! ** 2), 14);
    }
  });

  it("counts the new wave's social_tariff as prepaid (its harmonise), says so, and compares mobile_plan", () => {
    expect(c.harmonised).toEqual([{ dataset: "questionnaire", field: "mobile_plan", from: "social_tariff", to: "prepaid" }]);
    const plan = c.indicators.find((i) => i.id === "mobile_plan")!;
    expect(plan).toMatchObject({ compared: true, flags: [] });
    expect(plan.categories!.map((x) => [x.value, x.status])).toEqual([
      ["subscription", "both"],
      ["prepaid", "both"],
      ["none", "both"],
    ]);
    // The 2015 report keeps social_tariff; harmonised, prepaid holds its share and prepaid's.
    const n = r15.indicators.find((x) => x.id === "mobile_plan")!;
    const share = (v: string) => n.categories!.find((x) => x.value === v)!.estimate!;
    expect(plan.categories![1]!.new!.estimate).toBeCloseTo(share("prepaid") + share("social_tariff"), 12);
    const sub = c.indicators.find((i) => i.id === "mobile_subscription")!;
    expect(sub).toMatchObject({ compared: true, flags: [] });
    expect(sub.new).toEqual({
      estimate: r15.indicators.find((x) => x.id === "mobile_subscription")!.estimate,
      se: expect.any(Number),
      ci: expect.any(Array),
      n: expect.any(Number),
    });
  });

  it("states the mapping in the report, in English and French", async () => {
    for (const [lang, heading, item] of [
      ["en", "## Harmonised answers", "- questionnaire.mobile_plan: social_tariff → prepaid"],
      ["fr", "## Réponses harmonisées", "- questionnaire.mobile_plan : social_tariff → prepaid"],
    ] as const) {
      const out = await tmp();
      const r = await run(["compare", STUDY_2014, STUDY_2015, "--out", out, "--lang", lang]);
      expect(r.code).toBe(0);
      const { readFile } = await import("node:fs/promises");
      const md = await readFile(path.join(out, "connexions-solidaires-2014-vs-connexions-solidaires-2015.md"), "utf8");
      expect(md).toContain(heading);
      expect(md).toContain(item);
    }
  });

  it("without the harmonise, lists a category added, and flags every indicator reading that field instead of comparing it", async () => {
    const c = await compare(STUDY_2014, UNHARMONISED);
    expect(c.harmonised).toEqual([]);
    const plan = c.indicators.find((i) => i.id === "mobile_plan")!;
    expect(plan.compared).toBe(false);
    expect(plan.flags).toEqual([
      { code: "categories", field: "mobile_plan", base: null, new: null, added: ["social_tariff"], removed: [] },
    ]);
    const added = plan.categories!.find((x) => x.value === "social_tariff")!;
    expect(added).toMatchObject({ status: "added", base: null, difference: null });
    expect(added.new!.estimate).toBeGreaterThan(0.03);
    expect(plan.categories!.every((x) => x.difference === null)).toBe(true);
    const sub = c.indicators.find((i) => i.id === "mobile_subscription")!;
    expect(sub).toMatchObject({ compared: false, difference: null });
    expect(sub.flags.map((f) => f.code)).toEqual(["categories"]);
  });

  it("lists a category removed when the waves are swapped", async () => {
    const swapped = await compare(STUDY_2015, STUDY_2014);
    const plan = swapped.indicators.find((i) => i.id === "mobile_plan")!;
    expect(plan.flags[0]).toMatchObject({ code: "categories", added: [], removed: ["social_tariff"] });
    expect(plan.categories!.find((x) => x.value === "social_tariff")).toMatchObject({ status: "removed", new: null });
    const never = swapped.indicators.find((i) => i.id === "internet_never")!;
    const forward = c.indicators.find((i) => i.id === "internet_never")!;
    expect(never.difference!.estimate).toBeCloseTo(-forward.difference!.estimate, 14);
    expect(never.difference!.p_value).toBeCloseTo(forward.difference!.p_value, 12);
  });
});

describe("compare with a changed universe", () => {
  it("flags the indicator, does not compare it, and lists the new indicator", async () => {
    const c = await compare(STUDY_2015, UNIVERSE_CHANGED);
    const calls = c.indicators.find((i) => i.id === "calls_abroad")!;
    expect(calls.compared).toBe(false);
    expect(calls.difference).toBeNull();
    expect(calls.flags).toEqual([
      { code: "universe", field: null, base: "has_phone = yes", new: "has_phone = yes and housing = housed", added: [], removed: [] },
    ]);
    // Both estimates are still shown, so a reader sees what moved.
    expect(calls.base.estimate).not.toBeNull();
    expect(calls.new.estimate).not.toBeNull();
    expect(c.only_in_new).toEqual([{ id: "internet_weekly", label: "Use the Internet weekly", kind: "proportion" }]);
    // Everything else is the same wave, so every other difference is exactly zero.
    for (const i of c.indicators.filter((x) => x.difference !== null)) expect(i.difference!.estimate).toBe(0);
  });

  it("says so in the report", async () => {
    const out = await tmp();
    const r = await run(["compare", STUDY_2015, UNIVERSE_CHANGED, "--out", out]);
    expect(r.code).toBe(0);
    const { readFile } = await import("node:fs/promises");
    const md = await readFile(path.join(out, "connexions-solidaires-2015-vs-universe-changed-2015.md"), "utf8");
    expect(md).toContain("## Not compared: the definition changed");
    expect(md).toContain("(calls_abroad): universe has_phone = yes → has_phone = yes and housing = housed.");
    expect(md).toContain("Only in universe-changed-2015: Use the Internet weekly (internet_weekly).");
  });
});

describe("compare requests", () => {
  it("exits 2 on a missing study file, naming it", async () => {
    const r = await run(["compare", STUDY_2014, "nope/study.yaml", "--out", await tmp()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("exclusion-study: nope/study.yaml: no such file.\n");
  });

  it("exits 2 without the second study", async () => {
    expect((await run(["compare", STUDY_2014])).code).toBe(2);
  });
});
