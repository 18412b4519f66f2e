import { describe, expect, it } from "vitest";
import { cli } from "./run.js";

describe("exclusion-study reproduce", () => {
  it("reproduces all eight published figures of the bundled study from 1,862 accepted rows", async () => {
    const { code, stdout } = await cli(["reproduce", "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.reproduced).toBe(true);
    expect(result.figures).toHaveLength(8);
    expect(result.figures.map((f: { id: string }) => f.id)).toEqual([
      "internet_never",
      "no_private_access",
      "access_relative",
      "access_cybercafe",
      "mobile_subscription",
      "telecom_share",
      "calls_abroad",
      "youth_no_email",
    ]);
    for (const f of result.figures) {
      expect(f.reproduced, f.id).toBe(true);
      expect(Math.round(f.estimate * 100) / 100, f.id).toBeCloseTo(f.published, 10);
      expect(f.ci[0]).toBeLessThanOrEqual(f.estimate);
      expect(f.ci[1]).toBeGreaterThanOrEqual(f.estimate);
    }
    const questionnaire = result.datasets.find((d: { name: string }) => d.name === "questionnaire");
    expect(questionnaire).toMatchObject({ rows_read: 1862, rows_accepted: 1862, rows_rejected: 0 });
  });

  it("prints a table and exits 1 when a published figure is not reproduced", async () => {
    const { code, stdout, stderr } = await cli(["reproduce", "test/cli/studies/wrong-figure.yaml"]);
    expect(stdout).toContain("0 of 1 published figures reproduced");
    expect(stderr).toContain("internet_never: published 0.5");
    expect(code).toBe(1);
  });
});
