// The R golden output again, this time end to end: each design is a study file under
// studies/, read from the CSV through ingest, schema, validation and the indicator layer by the
// real CLI. Expected values are parsed from golden-output.txt, never typed here.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { loadGolden, tableRows, tolerance, type Printed } from "./reference.js";

const golden = loadGolden();
const studies = path.join(repoRoot, "test/r-survey/studies");

interface Indicator {
  id: string;
  estimate: number;
  se: number;
  deff: number | null;
  df: number;
  ci: [number, number];
  n: number;
  n_missing: number;
  categories?: { value: string; estimate: number; se: number }[];
  domains?: Record<string, { level: string; estimate: number; se: number; deff: number | null }[]>;
}

async function run(design: string): Promise<Map<string, Indicator>> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", path.join(studies, `${design}.yaml`), "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  const result = JSON.parse(stdout) as { indicators: Indicator[] };
  return new Map(result.indicators.map((i) => [i.id, i]));
}

function close(actual: number | null | undefined, expected: Printed, what: string): void {
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected.value), `${what}: ${actual} vs R ${expected.value}`).toBeLessThanOrEqual(
    tolerance(expected),
  );
}

function line(name: string): Record<string, Printed> {
  const l = golden.lines.get(name);
  if (!l) throw new Error(`golden line not found: ${name}`);
  return l.fields;
}

const designs = ["dsrs", "dsrsw", "dstrat", "dstratnofpc", "dwonly", "dclus1", "dclus1nofpc", "dclus2"];

describe("study files for R survey's designs, through the whole pipeline", () => {
  it.each(designs)("%s: mean, total, ratio, proportion, deff and df as R", async (design) => {
    const ind = await run(design);
    const mean = line(`${design} svymean api00`);
    close(ind.get("api00_mean")?.estimate, mean.est as Printed, "mean");
    close(ind.get("api00_mean")?.se, mean.se as Printed, "mean se");
    close(ind.get("api00_mean")?.deff, line(`${design} deff api00`).deff as Printed, "deff");
    const total = line(`${design} svytotal enroll (na.rm)`);
    close(ind.get("enroll_total")?.estimate, total.est as Printed, "total");
    close(ind.get("enroll_total")?.se, total.se as Printed, "total se");
    const ratio = line(`${design} svyratio api.stu/enroll`);
    close(ind.get("api_stu_per_enroll")?.estimate, ratio.est as Printed, "ratio");
    close(ind.get("api_stu_per_enroll")?.se, ratio.se as Printed, "ratio se");
    const prop = line(`${design} prop sch.wide==No`);
    const p = ind.get("sch_wide_no");
    close(p?.estimate, prop.est as Printed, "proportion");
    close(p?.se, prop.se as Printed, "proportion se");
    close(p?.deff, prop.deff as Printed, "proportion deff");
    expect(p?.df).toBe((prop.degf as Printed).value);
  });

  it("dstrat: logit and beta intervals, domain proportions, a universe, missing values and a distribution", async () => {
    const ind = await run("dstrat");
    const logit = golden.ciprop.get(`I(sch.wide=='No') dstrat logit`);
    const beta = golden.ciprop.get(`I(sch.wide=='No') dstrat beta`);
    close(ind.get("sch_wide_no")?.ci[0], logit?.lo as Printed, "logit lo");
    close(ind.get("sch_wide_no")?.ci[1], logit?.hi as Printed, "logit hi");
    close(ind.get("sch_wide_no_beta")?.ci[0], beta?.lo as Printed, "beta lo");
    close(ind.get("sch_wide_no_beta")?.ci[1], beta?.hi as Printed, "beta hi");

    // R prints this table in two parts: estimates (FALSE, TRUE) then standard errors.
    const block = golden.blocks.get("svyby I(sch.wide=='Yes') ~stype dstrat") ?? [];
    const half = block.findIndex((l) => l.trim().startsWith("se."));
    const estimates = tableRows(block.slice(0, half));
    const ses = tableRows(block.slice(half));
    for (const level of ["E", "H", "M"]) {
      const yes = estimates.get(level)?.[1];
      const seYes = ses.get(level)?.[1];
      const domain = ind.get("sch_wide_yes_by_stype")?.domains?.stype?.find((d) => d.level === level);
      close(domain?.estimate, yes as Printed, `domain ${level}`);
      close(domain?.se, seYes as Printed, `domain ${level} se`);
    }

    const subset = tableRows(golden.blocks.get("subset dstrat comp.imp=='Yes' svymean enroll") ?? []).get("enroll") ?? [];
    close(ind.get("enroll_mean_comp_imp")?.estimate, subset[0] as Printed, "universe mean");
    close(ind.get("enroll_mean_comp_imp")?.se, subset[1] as Printed, "universe mean se");

    const acs = tableRows(golden.blocks.get("svymean acs.46 dstrat na.rm (has NAs)") ?? []).get("acs.46") ?? [];
    close(ind.get("acs46_mean")?.estimate, acs[0] as Printed, "na.rm mean");
    close(ind.get("acs46_mean")?.se, acs[1] as Printed, "na.rm mean se");
    const nas = golden.numbers.get("NAs in apistrat$acs.46")?.[0]?.value;
    expect(ind.get("acs46_mean")?.n_missing).toBe(nas);
    expect(ind.get("acs46_mean")?.n).toBe(200 - (nas as number));

    const shares = tableRows(golden.blocks.get("svymean ~stype dstrat (factor -> proportions)") ?? []);
    for (const c of ind.get("stype")?.categories ?? [])
      close(c.estimate, shares.get(`stype${c.value}`)?.[0] as Printed, `share ${c.value}`);
  });

  it("dclus1: domain means with their design effects, and the logit interval of a rare proportion", async () => {
    const ind = await run("dclus1");
    const rows = tableRows(golden.blocks.get("svyby api00 ~stype dclus1 deff") ?? []);
    for (const level of ["E", "H", "M"]) {
      // Rows print the level twice ("E E 648.86 22.36 6.58"): the numbers are mean, se, deff.
      const [mean, se, deff] = rows.get(level) ?? [];
      const domain = ind.get("api00_by_stype")?.domains?.stype?.find((d) => d.level === level);
      close(domain?.estimate, mean as Printed, `domain ${level}`);
      close(domain?.se, se as Printed, `domain ${level} se`);
      close(domain?.deff, deff as Printed, `domain ${level} deff`);
    }
    const logit = golden.ciprop.get("I(ell==0) dclus1 logit");
    close(ind.get("no_english_learners")?.ci[0], logit?.lo as Printed, "logit lo");
    close(ind.get("no_english_learners")?.ci[1], logit?.hi as Printed, "logit hi");
  });

  it.each(["remove", "certainty", "adjust", "average"])("lonely PSUs, policy %s, as R", async (policy) => {
    const dir = await tempDir();
    const text = (await readFile(path.join(studies, "lonely.yaml"), "utf8"))
      .replace("lonely_psu: fail", `lonely_psu: ${policy}`)
      .replace(/path: (\S+)/g, (_, p: string) => `path: ${path.resolve(studies, p)}`)
      .replace(/schema: (\S+)/g, (_, p: string) => `schema: ${path.resolve(studies, p)}`);
    await writeFile(path.join(dir, "lonely.yaml"), text);
    const { code, stdout } = await cli(["report", path.join(dir, "lonely.yaml"), "--out", dir, "--json"]);
    expect(code).toBe(0);
    const mean = JSON.parse(stdout).indicators[0] as Indicator;
    const expected = line(`lonely.psu ${policy} api00`);
    close(mean.estimate, expected.est as Printed, "mean");
    close(mean.se, expected.se as Printed, "se");
  });

  it("fails by default on a stratum with one PSU, naming it, with exit 1", async () => {
    const out = await tempDir();
    const { code, stderr } = await cli(["report", path.join(studies, "lonely.yaml"), "--out", out]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^exclusion-study: design: Stratum "\d+" has only one sampled unit/);
  });
});
