// The joint structure built into the synthetic study (fixture, seed 2014).
import { describe, expect, it } from "vitest";
import { generateStudy } from "../../src/synth/index.js";
import { parseCsv, type Row } from "./estimates.js";

const files = generateStudy({ seed: 2014 }).files;
const parsed = (name: string): Row[] => parseCsv(files.find((f) => f.name === name)?.content ?? "");
const questionnaire = parsed("questionnaire.csv");
const interviews = parsed("interviews.csv");
const codings = parsed("codings.csv");

function weightedNever(rows: Row[]): number {
  let num = 0;
  let den = 0;
  for (const r of rows) {
    if (r.internet_use === "NSP") continue;
    den += Number(r.weight);
    if (r.internet_use === "never") num += Number(r.weight);
  }
  return num / den;
}

describe("questionnaire joint structure", () => {
  it("Internet non-use rises with age", () => {
    const byBand = ["16-24", "25-34", "35-49", "50-64", "65+"].map((b) => weightedNever(questionnaire.filter((r) => r.age_band === b)));
    for (let k = 1; k < byBand.length; k++) expect(byBand[k]).toBeGreaterThan(byBand[k - 1] as number);
  });

  it("Internet non-use is highest on the street", () => {
    const street = weightedNever(questionnaire.filter((r) => r.housing === "street"));
    for (const h of ["shelter", "hotel", "housed"])
      expect(street).toBeGreaterThan(weightedNever(questionnaire.filter((r) => r.housing === h)));
  });

  it("the individual telecom share falls as resources rise", () => {
    const known = questionnaire
      .filter((r) => /^\d/.test(r.monthly_resources_eur ?? "") && /^\d/.test(r.telecom_spend_eur ?? ""))
      .map((r) => ({ res: Number(r.monthly_resources_eur), share: Number(r.telecom_spend_eur) / Number(r.monthly_resources_eur) }))
      .filter((x) => x.res >= 250) // leave out the handful of months without income
      .sort((a, b) => a.res - b.res);
    const third = Math.floor(known.length / 3);
    const mean = (xs: { share: number }[]) => xs.reduce((s, x) => s + x.share, 0) / xs.length;
    expect(mean(known.slice(0, third))).toBeGreaterThan(mean(known.slice(-third)) * 1.2);
  });

  it("weights vary by reception point and by age band", () => {
    const distinct = (f: (r: Row) => boolean) => new Set(questionnaire.filter(f).map((r) => r.weight)).size;
    expect(distinct((r) => r.reception_point === "lille")).toBeGreaterThan(1);
    expect(distinct((r) => r.age_band === "35-49")).toBeGreaterThan(1);
  });
});

describe("interviews and codings", () => {
  const doubled = interviews.filter((r) => r.coders === "A|B");
  const has = (id: string, coder: string, code: string) =>
    codings.some((c) => c.interview_id === id && c.coder === coder && c.code === code);

  it("double-codes about 40 interviews in both groups", () => {
    expect(doubled.length).toBeGreaterThanOrEqual(35);
    expect(doubled.length).toBeLessThanOrEqual(45);
    expect(doubled.some((r) => r.group === "beneficiary")).toBe(true);
    expect(doubled.some((r) => r.group === "left_programme")).toBe(true);
  });

  it("coder B agrees with A most of the time, not always (pooled kappa 0.6–0.9)", () => {
    const codes = [...new Set(codings.map((c) => c.code ?? ""))];
    let n = 0,
      both = 0,
      onlyA = 0,
      onlyB = 0;
    for (const r of doubled) {
      for (const code of codes) {
        const a = has(r.interview_id ?? "", "A", code);
        const b = has(r.interview_id ?? "", "B", code);
        n++;
        if (a && b) both++;
        else if (a) onlyA++;
        else if (b) onlyB++;
      }
    }
    const po = (n - onlyA - onlyB) / n;
    const pa = (both + onlyA) / n;
    const pb = (both + onlyB) / n;
    const pe = pa * pb + (1 - pa) * (1 - pb);
    const kappa = (po - pe) / (1 - pe);
    expect(kappa).toBeGreaterThan(0.6);
    expect(kappa).toBeLessThan(0.9);
  });

  it("leaves a few listed coders without any code", () => {
    const empty = interviews.flatMap((r) =>
      (r.coders ?? "").split("|").filter((coder) => !codings.some((c) => c.interview_id === r.interview_id && c.coder === coder)),
    );
    expect(empty.length).toBeGreaterThanOrEqual(2);
    expect(empty.length).toBeLessThanOrEqual(8);
  });

  it("codes benefits more among beneficiaries and barriers more among those who left", () => {
    const share = (group: string, code: string) => {
      const ids = interviews.filter((r) => r.group === group).map((r) => r.interview_id ?? "");
      return ids.filter((id) => has(id, "A", code)).length / ids.length;
    };
    for (const code of ["self_esteem", "family_ties_abroad", "psychological_relief", "security"]) {
      expect(share("beneficiary", code)).toBeGreaterThan(share("left_programme", code));
    }
    for (const code of ["cost_burden", "isolation"]) expect(share("left_programme", code)).toBeGreaterThan(share("beneficiary", code));
  });

  it("has excerpts with quotes, commas and accents", () => {
    const text = codings.map((c) => c.excerpt ?? "").join("\n");
    expect(text).toMatch(/"/);
    expect(text).toMatch(/,/);
    expect(text).toMatch(/[éèàç]/);
  });
});
