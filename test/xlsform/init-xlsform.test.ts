// `init DATA --xlsform FORM --out DIR` on the KoboToolbox fixture (fixtures/kobo-connexions-2014,
// made by its make-fixture.R): the generated schema and study, then `report`, give the same
// estimates as the same answers in a clean CSV with a study written by hand (clean.study.yaml).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, repoRoot, tempDir } from "../cli/run.js";

const fixture = path.join(repoRoot, "fixtures/kobo-connexions-2014");

interface Indicator {
  id: string;
  kind: string;
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
  n: number;
  n_missing: number;
  universe: string | null;
  categories?: { value: string; label: string; estimate: number | null; se: number | null; n: number | null }[];
}
interface Result {
  indicators: Indicator[];
  datasets: { rows_read: number; rows_accepted: number; issues: unknown[] }[];
}

async function report(study: string, lang = "en"): Promise<Result> {
  const out = await tempDir();
  const { code, stdout, stderr } = await cli(["report", study, "--lang", lang, "--out", out, "--json"]);
  expect(code, stderr).toBe(0);
  return JSON.parse(stdout) as Result;
}

const numbers = (i: Indicator) => ({
  kind: i.kind,
  estimate: i.estimate,
  se: i.se,
  ci: i.ci,
  n: i.n,
  n_missing: i.n_missing,
  universe: i.universe,
  categories: i.categories?.map((c) => ({ value: c.value, estimate: c.estimate, se: c.se, n: c.n })),
});

describe("init --xlsform", () => {
  it("writes a schema and a study whose report gives the clean CSV's estimates", async () => {
    const out = await tempDir();
    const init = await cli(["init", "kobo-export.csv", "--xlsform", "form.xlsx", "--out", out], { cwd: fixture });
    expect(init.code, init.stderr).toBe(0);
    expect(init.stderr).toContain(
      'relevant of monthly_resources_eur not translated (the function or name "string-length" has no equivalent): kept as a comment, no universe',
    );
    const study = await readFile(path.join(out, "study.yaml"), "utf8");
    expect(study).toContain('"profile/age": "age"');
    expect(study).toContain("# CHECK: relevant not translated");
    const generated = await report(path.join(out, "study.yaml"));
    const clean = await report(path.join(fixture, "clean.study.yaml"));
    expect(generated.datasets[0]).toMatchObject({ rows_read: 1862, rows_accepted: 1862, issues: [] });
    expect(generated.indicators.map((i) => i.id)).toEqual(clean.indicators.map((i) => i.id));
    for (const c of clean.indicators)
      expect(numbers(generated.indicators.find((g) => g.id === c.id) as Indicator), c.id).toEqual(numbers(c));
    // The question on internet use is asked of those who use it: its universe says so.
    expect(clean.indicators.find((i) => i.id === "access_place")?.universe).toBe("not (internet_use = never)");
  });

  it("refuses an existing study without --force, and a missing form in one sentence", async () => {
    const out = await tempDir();
    const args = ["init", "kobo-export.csv", "--xlsform", "form.xlsx", "--out", out];
    expect((await cli(args, { cwd: fixture })).code).toBe(0);
    const again = await cli(args, { cwd: fixture });
    expect(again.code).toBe(2);
    expectOneSentence(again.stderr);
    expect(again.stderr).toContain("exists there; pass --force");
    const missing = await cli(["init", "kobo-export.csv", "--xlsform", "nope.xlsx", "--out", out], { cwd: fixture });
    expect(missing.code).toBe(2);
    expectOneSentence(missing.stderr);
    expect(missing.stderr).toContain("nope.xlsx: no such file.");
  });
});

describe("a dataset's xlsform: key", () => {
  it("reads the KoboToolbox export with the form as its schema, labels in the report's language", async () => {
    const study = path.join(fixture, "form.study.yaml");
    const en = await report(study);
    const fr = await report(study, "fr");
    expect(en.datasets[0]).toMatchObject({ rows_read: 1862, rows_accepted: 1862, issues: [] });
    const uses = (r: Result) => r.indicators.find((i) => i.id === "uses");
    expect(uses(en)?.categories?.map((c) => c.label)).toEqual(["A phone", "E-mail", "Calls to family abroad"]);
    expect(uses(fr)?.categories?.map((c) => c.label)).toEqual(["Un téléphone", "Le courriel", "Des appels à la famille à l'étranger"]);
    const clean = await report(path.join(fixture, "clean.study.yaml"));
    expect(numbers(uses(en) as Indicator)).toEqual(numbers(clean.indicators.find((i) => i.id === "uses") as Indicator));
  });

  it("serves as the base of a new wave's init, its multiple-choice answers not taken for new categories", async () => {
    const { code, stdout, stderr } = await cli(["init", "form.study.yaml", "kobo-export.csv"], { cwd: fixture });
    expect(code, stderr).toBe(0);
    expect(stdout).toContain("extends: form.study.yaml");
    expect(stderr).not.toContain("new answers");
  });
});
