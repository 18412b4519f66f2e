import { describe, expect, it } from "vitest";
import { parseQualitative } from "../../src/report/index.js";
import { sampleResult } from "./helpers.js";

describe("parseQualitative", () => {
  it("accepts the sample block", () => {
    const q = parseQualitative(sampleResult().qualitative);
    expect(q.kind).toBe("ok");
  });
  it("treats an absent block as no section", () => {
    expect(parseQualitative(undefined)).toEqual({ kind: "absent" });
  });
  it("rejects a malformed block with a reason instead of throwing", () => {
    const q = parseQualitative({ units: { interviews: -1 } });
    expect(q.kind).toBe("invalid");
  });
  it("rejects a co-occurrence matrix that does not match its codes", () => {
    const good = sampleResult().qualitative as { cooccurrence: { codes: string[]; counts: number[][] } };
    const bad = { ...good, cooccurrence: { codes: good.cooccurrence.codes, counts: [[1]] } };
    expect(parseQualitative(bad)).toMatchObject({ kind: "invalid", reason: expect.stringContaining("square") });
  });
});
