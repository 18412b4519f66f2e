import { describe, expect, it } from "vitest";
import { summaryTable } from "../../src/report/terminal/index.js";
import { sampleResult } from "./helpers.js";

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches the terminal's escape sequences
const ANSI = /\u001b\[[0-9;]*m/;

describe("summaryTable", () => {
  it("is plain text without colour, with estimate, interval, n and ✓/✗", () => {
    const s = summaryTable(sampleResult(), { color: false });
    expect(s).not.toMatch(ANSI);
    const line = s.split("\n").find((l) => l.includes("Never use the Internet"));
    expect(line).toMatch(/37\.1%.*35\.2–39\.1%.*1,855.*✓/);
    expect(s.split("\n").find((l) => l.includes("mobile subscription"))).toContain("✗");
    expect(s).toContain("n/a");
  });

  it("colours only when asked", () => {
    expect(summaryTable(sampleResult(), { color: true })).toMatch(ANSI);
  });

  it("follows the result's language, or the one given", () => {
    expect(summaryTable(sampleResult("fr"), { color: false })).toContain("Estimation");
    expect(summaryTable(sampleResult("fr"), { color: false, lang: "en" })).toContain("Estimate");
  });
});
