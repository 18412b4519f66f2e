// The committed synthetic 2014 study: regenerated, it must be byte-identical (never stale), and it
// must reproduce every published figure at 2 decimals, computed here from the files themselves.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { generateStudy } from "../../src/synth/index.js";
import { estimates, parseCsv, type Estimates, PUBLISHED_2014 } from "./estimates.js";
import { interviewViolations, questionnaireViolations } from "./rules.js";

const DIR = fileURLToPath(new URL("../../fixtures/connexions-solidaires-2014/", import.meta.url));
const read = (name: string): string => readFileSync(DIR + name, "utf8");

const PUBLISHED = PUBLISHED_2014;

describe("fixtures/connexions-solidaires-2014", () => {
  it("equals a fresh generation with seed 2014", () => {
    for (const file of generateStudy({ seed: 2014 }).files) expect(read(file.name), file.name).toBe(file.content);
  });

  const questionnaire = parseCsv(read("questionnaire.csv"));
  const youth = parseCsv(read("youth.csv"));
  const interviews = parseCsv(read("interviews.csv"));
  const codings = parseCsv(read("codings.csv"));
  const got = estimates(questionnaire, youth);

  for (const [id, value] of Object.entries(PUBLISHED) as [keyof Estimates, number][]) {
    it(`reproduces ${id} = ${value} at 2 decimals, away from a rounding edge`, () => {
      expect(got[id].toFixed(2)).toBe(value.toFixed(2));
      expect(Math.abs(got[id] - value)).toBeLessThanOrEqual(0.002);
    });
  }

  it("keeps 37 % + 32 % + 9 % = 78 %: no private access is exactly never, relative or cybercafé", () => {
    expect(got.no_private_access).toBeCloseTo(0.78, 2);
  });

  it("has the study's row counts", () => {
    expect(questionnaire).toHaveLength(1862);
    expect(interviews.filter((r) => r.group === "beneficiary")).toHaveLength(131);
    expect(interviews.filter((r) => r.group === "left_programme")).toHaveLength(70);
    expect(youth.length).toBeGreaterThan(400);
  });

  it("keeps the consistency rules", () => {
    expect(questionnaireViolations(questionnaire)).toEqual([]);
    expect(interviewViolations(interviews, codings)).toEqual([]);
  });

  it("has about 800 structures and weights adding up to about 10,000 people served", () => {
    const structures = new Set(questionnaire.map((r) => r.referral_structure));
    expect(structures.size).toBeGreaterThan(700);
    expect(structures.size).toBeLessThan(900);
    const total = questionnaire.reduce((s, r) => s + Number(r.weight), 0);
    expect(Math.abs(total - 10_000)).toBeLessThan(1);
    expect(new Set(questionnaire.map((r) => r.weight)).size).toBeGreaterThan(20); // point × age band
  });

  it("has item non-response at a few % and a handful of spends above resources", () => {
    const missing = (f: string) => questionnaire.filter((r) => r[f] === "NSP" || r[f] === "NR").length / questionnaire.length;
    expect(missing("monthly_resources_eur")).toBeGreaterThan(0.01);
    expect(missing("monthly_resources_eur")).toBeLessThan(0.08);
    expect(missing("internet_use")).toBeGreaterThan(0);
    const over = questionnaire.filter((r) => Number(r.telecom_spend_eur) > Number(r.monthly_resources_eur));
    expect(over.length).toBeGreaterThanOrEqual(2);
    expect(over.length).toBeLessThanOrEqual(10);
  });
});
