import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./run.js";

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, file)] = await readFile(file, "utf8");
  }
  return out;
}

/**
 * The bundled study's Markdown and JSON: what these tests read. Its other formats (PNG charts, a
 * Word document) cost seconds a run and have tests of their own (formats, docx).
 */
const MD = ["--format", "md"];

describe("exclusion-study report", () => {
  it("writes the Markdown, the JSON result and the charts, byte-identical on a rerun", async () => {
    const out = await tempDir();
    const first = await cli(["report", ...MD, "--out", out]);
    expect(first.code).toBe(0);
    const files = await snapshot(out);
    expect(Object.keys(files)).toContain("connexions-solidaires-2014.md");
    expect(Object.keys(files)).toContain("connexions-solidaires-2014.json");
    expect(Object.keys(files).some((f) => f.startsWith("connexions-solidaires-2014.charts/") && f.endsWith(".svg"))).toBe(true);
    const second = await cli(["report", ...MD, "--out", out]);
    expect(second.code).toBe(0);
    expect(await snapshot(out)).toEqual(files);

    const md = files["connexions-solidaires-2014.md"] as string;
    expect(md).toMatch(/synthetic/i);
    expect(md).toContain("## Indicators");
    const result = JSON.parse(files["connexions-solidaires-2014.json"] as string);
    expect(result.datasets[0]).toMatchObject({ name: "questionnaire", rows_read: 1862, rows_accepted: 1862 });
    expect(result.datasets[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // Terminal summary on stdout, one line per indicator.
    expect(first.stdout).toContain("Never use the Internet");
  });

  it("prints nothing but the JSON result on stdout with --json", async () => {
    const out = await tempDir();
    const { code, stdout } = await cli(["report", ...MD, "--out", out, "--json"]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.study).toBe("connexions-solidaires-2014");
    expect(result.generated).toBe("2014-11-27");
  });

  it("takes its date from SOURCE_DATE_EPOCH, never the clock", async () => {
    const out = await tempDir();
    const { stdout } = await cli(["report", ...MD, "--out", out, "--json"], { env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(JSON.parse(stdout).generated).toBe("2023-11-14");
  });

  it("--check passes on a fresh report and exits 1 naming a stale or missing file", async () => {
    const out = await tempDir();
    await cli(["report", ...MD, "--out", out]);
    const fresh = await cli(["report", ...MD, "--out", out, "--check"]);
    expect(fresh.code).toBe(0);
    const md = path.join(out, "connexions-solidaires-2014.md");
    await writeFile(md, `${await readFile(md, "utf8")}\nedited by hand\n`);
    const stale = await cli(["report", ...MD, "--out", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("connexions-solidaires-2014.md (differs)");
    const empty = await tempDir();
    const missing = await cli(["report", ...MD, "--out", empty, "--check"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("connexions-solidaires-2014.json (missing)");
    expect(await readdir(empty)).toEqual([]);
  });

  it("reports each estimate's deff, df and interval method, and suppresses the 7-respondent subgroup", async () => {
    const out = await tempDir();
    const { stdout } = await cli(["report", ...MD, "--out", out, "--json"]);
    const result = JSON.parse(stdout);
    const never = result.indicators.find((i: { id: string }) => i.id === "internet_never");
    expect(never.ci_method).toBe("logit");
    expect(never.df).toBeGreaterThan(700);
    expect(never.deff).toBeGreaterThan(0);
    expect(result.datasets[0].design).toMatchObject({
      declared: true,
      strata: "reception_point",
      ids: ["referral_structure"],
      weights: "weight",
    });
    const other = never.domains.gender.find((d: { level: string }) => d.level === "other");
    expect(other).toMatchObject({ n: null, suppressed: true, suppression: "primary", estimate: null, ci: null });
    // The secondary cell hides only its count (the total would reveal the 7); its estimate stays.
    const secondary = never.domains.gender.find((d: { suppression: string | null }) => d.suppression === "secondary");
    expect(secondary).toMatchObject({ n: null, suppressed: true });
    expect(secondary.estimate).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toMatch(/"n": ?7,/);
    const md = await readFile(path.join(out, "connexions-solidaires-2014.md"), "utf8");
    expect(md).toContain("| Other | ‡ | ‡ | ‡ | ‡ |");
    expect(md).toMatch(/\| Female \| \d+\.\d% \| [\d.]+–[\d.]+% \| † \| [\d.]+ \|/);
  });

  it("writes the French twin with --lang fr", async () => {
    const out = await tempDir();
    const { code } = await cli(["report", ...MD, "--out", out, "--lang", "fr"]);
    expect(code).toBe(0);
    const md = await readFile(path.join(out, "connexions-solidaires-2014.md"), "utf8");
    expect(md).toContain("L'exclusion numérique");
    expect(md).toMatch(/37,0\u202f%/);
  });
});
