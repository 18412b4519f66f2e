// The committed synthetic 2015 wave: regenerated, it must be byte-identical, and it must carry the
// changes the comparison shows (a renamed column, a new answer, non-use down).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateStudy } from "../../src/synth/index.js";
import { estimates, parseCsv } from "../synth/estimates.js";
import { root, run } from "./helpers.js";

const DIR = path.join(root, "fixtures/connexions-solidaires-2015");
const read = (name: string): string => readFileSync(path.join(DIR, name), "utf8");

describe("fixtures/connexions-solidaires-2015", () => {
  it("equals a fresh generation of wave 2015 with seed 2015", () => {
    for (const file of generateStudy({ seed: 2015, wave: 2015 }).files) expect(read(file.name), file.name).toBe(file.content);
  });

  const q = parseCsv(read("questionnaire.csv"));

  it("exports internet_use as internet_frequency, and offers the social tariff", () => {
    expect(Object.keys(q[0] ?? {})).toContain("internet_frequency");
    expect(Object.keys(q[0] ?? {})).not.toContain("internet_use");
    const tariff = q.filter((r) => r.mobile_plan === "social_tariff");
    expect(tariff.length).toBeGreaterThan(50);
    expect(tariff.every((r) => r.has_phone === "yes")).toBe(true);
  });

  it("moves the marginals: non-use 33 %, no private access 74 %", () => {
    const rows = q.map((r) => ({ ...r, internet_use: r.internet_frequency ?? "" }));
    const got = estimates(rows, parseCsv(read("youth.csv")));
    expect(got.internet_never.toFixed(2)).toBe("0.33");
    expect(got.no_private_access.toFixed(2)).toBe("0.74");
    expect(got.youth_no_email.toFixed(2)).toBe("0.46");
  });

  it("leaves wave 2014 as it was (the default wave)", () => {
    expect(generateStudy({ seed: 2014, wave: 2014 })).toEqual(generateStudy({ seed: 2014 }));
  });

  it("is what `generate --wave 2015` writes, and unknown waves are refused", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "wave-"));
    const r = await run(["generate", dir, "--wave", "2015"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("(wave 2015, seed 2015, 1,862 questionnaire rows)");
    for (const name of ["questionnaire.csv", "youth.csv", "interviews.csv", "codings.csv"])
      expect(readFileSync(path.join(dir, name), "utf8"), name).toBe(read(name));
    const bad = await run(["generate", path.join(dir, "x"), "--wave", "2013"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe("exclusion-study: --wave 2013: expected one of 2014, 2015.\n");
  });
});
