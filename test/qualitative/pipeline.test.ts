import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";

const study = path.join(repoRoot, "test/qualitative/fixtures/study.yaml");

async function run() {
  const out = await tempDir();
  const { code, stdout } = await cli(["report", study, "--out", out, "--json"]);
  return { code, out, result: JSON.parse(stdout) };
}

describe("interview codings through the pipeline", () => {
  it("rejects codings of an unknown interview, an unknown code, or a coder the interview does not list", async () => {
    const { code, result } = await run();
    expect(code).toBe(1);
    const codings = result.datasets.find((d: { name: string }) => d.name === "codings");
    expect(codings).toMatchObject({ rows_read: 9, rows_accepted: 6, rows_rejected: 3 });
    expect(codings.issues.map((i: { line: number; code: string; field: string }) => [i.line, i.code, i.field])).toEqual([
      [10, "constraint-error", "code"],
      [9, "foreign-key", "interview_id"],
      [8, "foreign-key", "coder"],
    ]);
  });

  it("takes coders from the interviews table: a listed coder with no coding says no", async () => {
    const { result } = await run();
    const q = result.qualitative;
    expect(q.units).toMatchObject({ interviews: 4, double_coded: 3 });
    const selfEsteem = q.codes.find((c: { code: string }) => c.code === "self_esteem");
    // Primary coder A: only interview 01. Coder B also says yes for 02, where A said no.
    expect(selfEsteem).toMatchObject({ n: 1, of: 4, share: 0.25 });
    expect(selfEsteem.agreement.units).toBe(3);
    expect(selfEsteem.agreement.percent.value).toBeCloseTo(2 / 3, 12);
    // 2x2 table over 3 units: both yes 1, A no/B yes 1, both no 1 -> po 2/3, pe 4/9, kappa 0.4.
    expect(selfEsteem.agreement.cohen_kappa.value).toBeCloseTo(0.4, 12);
  });

  it("quotes only publishable excerpts, escaped, and never shows an interview id", async () => {
    const { out, result } = await run();
    expect(result.qualitative.quotes).toEqual([
      { code: "self_esteem", excerpt: "Comme tout le monde, enfin" },
      { code: "isolation", excerpt: "<script>alert(1)</script> seul sans téléphone" },
      { code: "isolation", excerpt: "Coupé de tout" },
    ]);
    for (const file of await readdir(out)) {
      if (file.endsWith(".rejects.csv")) continue;
      const text = await readFile(path.join(out, file), "utf8").catch(() => "");
      expect(text, file).not.toContain("INT-SECRET");
      expect(text, file).not.toContain("Private words");
      if (file.endsWith(".md")) expect(text).not.toContain("<script>");
    }
  });
});

describe("a Taguette export per coder, mapped with rename and constants", () => {
  it("reads both coders' highlights as one codings table", async () => {
    const out = await tempDir();
    const { code, stdout } = await cli(["report", path.join(repoRoot, "docs/examples/taguette/study.yaml"), "--out", out, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.datasets.map((d: { rows_accepted: number }) => d.rows_accepted)).toEqual([6, 7, 5]);
    const selfEsteem = result.qualitative.codes.find((c: { code: string }) => c.code === "self_esteem");
    // alice (primary) applied it in interviews 01 and 05; on the 4 double-coded interviews bob
    // adds 02: po = 3/4, pe = 1/4·2/4 + 3/4·2/4 = 1/2, kappa = 0.5.
    expect(selfEsteem).toMatchObject({ n: 2, of: 6 });
    expect(selfEsteem.agreement.units).toBe(4);
    expect(selfEsteem.agreement.cohen_kappa.value).toBeCloseTo(0.5, 12);
  });
});

describe("a study of codings only", () => {
  it("has no empty key-findings heading, and its synthetic notice promises no published figure", async () => {
    const out = await tempDir();
    const { code } = await cli(["report", path.join(repoRoot, "docs/examples/codings/study.yaml"), "--out", out]);
    expect(code).toBe(0);
    const file = (await readdir(out)).find((f) => f.endsWith(".md")) as string;
    const md = await readFile(path.join(out, file), "utf8");
    expect(md).not.toContain("## Key findings");
    expect(md).toContain("generated for illustration");
    expect(md).not.toContain("published figures");
  });
});
