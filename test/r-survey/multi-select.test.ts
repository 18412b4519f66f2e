// Multiple-choice questions against R survey 4.1-1 (test/reference/r-survey/multi-select.R printed
// multi-select-output.txt), end to end through the CLI on the two shared designs: apistrat with a
// column of space-separated choices (studies/multi-select-api.yaml) and nhanes with one 0/1 column
// per choice (studies/multi-select-nhanes.yaml). Each option's share is the mean of its own 0/1
// indicator (logit interval), the indicator's estimate the mean number of options chosen.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { printed, REFERENCE_DIR, tolerance, type Printed } from "./reference.js";

function loadR(): Map<string, Record<string, Printed>> {
  const out = new Map<string, Record<string, Printed>>();
  for (const line of readFileSync(path.join(REFERENCE_DIR, "multi-select-output.txt"), "utf8").split("\n")) {
    const m = /^(.+?) (est=.*)$/.exec(line.trim());
    if (!m) continue;
    const fields: Record<string, Printed> = {};
    for (const kv of (m[2] as string).split(" ")) {
      const [k, v] = kv.split("=") as [string, string];
      fields[k] = printed(v, 10);
    }
    out.set(m[1] as string, fields);
  }
  return out;
}

const r = loadR();

interface Estimate {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
}
interface Indicator extends Estimate {
  id: string;
  categories?: (Estimate & { value: string })[];
}

async function run(study: string): Promise<Map<string, Indicator>> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(repoRoot, "test/r-survey/studies", study), "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  return new Map((JSON.parse(stdout) as { indicators: Indicator[] }).indicators.map((i) => [i.id, i]));
}

function matches(actual: Estimate | undefined, name: string): void {
  const expected = r.get(name);
  if (!expected) throw new Error(`multi-select-output.txt has no line "${name}"`);
  expect(actual, name).toBeDefined();
  const pairs: [number | null | undefined, Printed | undefined, string][] = [
    [actual?.estimate, expected.est, "estimate"],
    [actual?.se, expected.se, "se"],
    [actual?.ci?.[0], expected.lo, "lower"],
    [actual?.ci?.[1], expected.hi, "upper"],
  ];
  for (const [value, want, what] of pairs) {
    expect(value, `${name} ${what}`).toBeTypeOf("number");
    expect(Math.abs((value as number) - (want as Printed).value), `${name} ${what}`).toBeLessThanOrEqual(
      Math.min(1e-6, tolerance(want as Printed)),
    );
  }
}

describe("multiple-choice questions as R survey", () => {
  it("apistrat, one column of choices: each option's share, the mean number chosen, any_of and all_of", async () => {
    const ind = await run("multi-select-api.yaml");
    const targets = ind.get("targets");
    expect(targets?.categories?.map((c) => c.value)).toEqual(["sch_wide", "comp_imp", "both", "yr_rnd"]);
    for (const c of targets?.categories ?? []) matches(c, `api share ${c.value}`);
    matches(targets, "api mean chosen");
    matches(ind.get("any_both_yr_rnd"), "api any_of both yr_rnd");
    matches(ind.get("all_sch_wide_comp_imp"), "api all_of sch_wide comp_imp");
  });

  it("nhanes, one 0/1 column per choice with missing answers: the same, read as one field", async () => {
    const ind = await run("multi-select-nhanes.yaml");
    const risks = ind.get("risks");
    expect(risks?.categories?.map((c) => c.value)).toEqual(["chol", "female", "over60"]);
    for (const c of risks?.categories ?? []) matches(c, `nhanes share ${c.value}`);
    matches(risks, "nhanes mean chosen");
    matches(ind.get("any_chol_over60"), "nhanes any_of chol over60");
    matches(ind.get("all_chol_female"), "nhanes all_of chol female");
  });
});
