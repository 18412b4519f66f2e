// Derived variables against R survey 4.1-1 (test/reference/r-survey/derived.R printed
// derived-output.txt), end to end through the CLI on studies/derived-*.yaml: bands of a number
// (cut, right = FALSE), a recode merging two categories, a difference, a ratio whose zero
// denominators are missing, and a yes/no from a condition with missing values, by a domain.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { printed, REFERENCE_DIR, tolerance, type Printed } from "./reference.js";

/** `name est=... se=... nmiss=...` lines, by name. */
function loadR(): Map<string, { est: Printed; se: Printed; nmiss: number }> {
  const out = new Map<string, { est: Printed; se: Printed; nmiss: number }>();
  for (const line of readFileSync(path.join(REFERENCE_DIR, "derived-output.txt"), "utf8").split("\n")) {
    const m = /^(.+?) est=(\S+) se=(\S+) nmiss=(\d+)$/.exec(line.trim());
    if (m) out.set(m[1] as string, { est: printed(m[2] as string, 10), se: printed(m[3] as string, 10), nmiss: Number(m[4]) });
  }
  return out;
}

const r = loadR();

interface Shown {
  estimate: number | null;
  se: number | null;
}
interface Indicator extends Shown {
  id: string;
  n_missing: number;
  missing: Record<string, number>;
  categories?: (Shown & { value: string })[];
  domains?: Record<string, (Shown & { level: string })[]>;
}

async function run(study: string): Promise<Map<string, Indicator>> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", study), "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  return new Map((JSON.parse(stdout) as { indicators: Indicator[] }).indicators.map((i) => [i.id, i]));
}

function matches(actual: Shown | undefined, name: string): void {
  const ref = r.get(name);
  if (!ref) throw new Error(`derived-output.txt has no line "${name}"`);
  expect(actual, name).toBeDefined();
  const a = actual as Shown;
  expect(Math.abs((a.estimate as number) - ref.est.value), `${name} estimate`).toBeLessThanOrEqual(tolerance(ref.est));
  expect(Math.abs((a.se as number) - ref.se.value), `${name} se`).toBeLessThanOrEqual(tolerance(ref.se));
}

const nmiss = (name: string): number => r.get(name)?.nmiss ?? Number.NaN;

describe("derived variables on apistrat (stratified cluster sample with fpc), as R survey", async () => {
  const byId = await run("derived-apistrat.yaml");

  it("bins: the shares of cut(api00, c(-Inf, 500, 700, Inf), right = FALSE)", () => {
    const cats = byId.get("band3")?.categories ?? [];
    const names = ["apistrat band3 [-Inf,500)", "apistrat band3 [500,700)", "apistrat band3 [700, Inf)"];
    expect(cats.map((c) => c.value)).toEqual(["low", "mid", "high"]);
    cats.forEach((c, k) => matches(c, names[k] as string));
  });

  it("bins with gaps: a score in no band is missing (outside_bands), as cut's NA with na.rm", () => {
    const ind = byId.get("band2") as Indicator;
    expect(ind.missing).toEqual({ outside_bands: nmiss("apistrat band2 [450,600)") });
    matches(ind.categories?.[0], "apistrat band2 [450,600)");
    matches(ind.categories?.[1], "apistrat band2 [600,800)");
  });

  it("recode: the mean of api00 in each merged school type, as svyby", () => {
    const levels = byId.get("api00_by_stype2")?.domains?.stype2 ?? [];
    expect(levels.map((l) => l.level)).toEqual(["EM", "H"]);
    matches(levels[0], "apistrat api00 by stype2 EM");
    matches(levels[1], "apistrat api00 by stype2 H");
  });

  it("difference: the mean of api00 - api99", () => {
    matches(byId.get("gain"), "apistrat mean gain");
  });

  it("ratio: the mean of meals / ell, a zero denominator missing (zero_denominator), as NA with na.rm", () => {
    const ind = byId.get("meals_per_ell") as Indicator;
    expect(ind.missing).toEqual({ zero_denominator: nmiss("apistrat mean meals_per_ell") });
    matches(ind, "apistrat mean meals_per_ell");
  });
});

describe("a yes/no derived from a condition on nhanes (missing values, a domain), as R survey", async () => {
  const byId = await run("derived-nhanes.yaml");
  const ind = byId.get("chol_over_40") as Indicator;

  it("is unknown where the condition is: R's NA & TRUE is NA, NA & FALSE is FALSE", () => {
    expect(ind.n_missing).toBe(nmiss("nhanes chol_over_40"));
    expect(ind.missing).toEqual({ NA: nmiss("nhanes chol_over_40") });
  });

  it("gives svymean's share overall and svyby's share in each race", () => {
    matches(ind, "nhanes chol_over_40");
    const levels = ind.domains?.race ?? [];
    expect(levels.map((l) => l.level)).toEqual(["1", "2", "3", "4"]);
    for (const l of levels) matches(l, `nhanes chol_over_40 race=${l.level}`);
  });
});
