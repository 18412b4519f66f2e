import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REFERENCE_DIR } from "../r-survey/reference.js";
import { cli, expectOneSentence, tempDir } from "./run.js";

/**
 * `init DATA --out DIR` (no base study): the study and schema it writes are accepted by
 * `validate` and `report` with no edit, and give the estimates a hand-written study gives for
 * the indicators both have.
 */

interface Estimate {
  id: string;
  estimate: number | null;
  se: number | null;
  categories?: { value: string | number; estimate: number | null; se: number | null }[];
}

async function initStudy(data: string): Promise<{ dir: string; study: string; stderr: string }> {
  const dir = await tempDir();
  const r = await cli(["init", data, "--out", dir]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, study: path.join(dir, "study.yaml"), stderr: r.stderr };
}

async function validated(study: string): Promise<{ rows_read: number; rows_accepted: number; rows_rejected: number }> {
  const v = await cli(["validate", study, "--json"]);
  expect(v.code, v.stdout).toBe(0);
  return JSON.parse(v.stdout).datasets[0];
}

async function estimates(study: string): Promise<Map<string, Estimate>> {
  // Into a folder of its own: a report without --out is written to reports/. The JSON only: no PNG drawn.
  const r = await cli(["report", study, "--format", "md", "--out", await tempDir(), "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout).indicators as Estimate[]).map((i) => [i.id, i]));
}

const category = (e: Estimate | undefined, value: string | number) => e?.categories?.find((c) => c.value === value);

describe("init DATA --out DIR", () => {
  it("on the bundled questionnaire: validate and report accept it, with the hand-written study's estimates", async () => {
    const { study, stderr } = await initStudy("fixtures/connexions-solidaires-2014/questionnaire.csv");
    expect(stderr).toContain("questionnaire: inferred 18 fields from 1,862 rows; primary key: respondent_id; design: weights;");
    expect(await validated(study)).toMatchObject({ rows_read: 1862, rows_accepted: 1862, rows_rejected: 0 });
    const inferred = await estimates(study);
    const written = await estimates("data-schemas/connexions-solidaires-2014/study.yaml");
    // The same weights give the same point estimates (the hand-written design adds strata,
    // clusters and a finite population correction, which change the standard errors only).
    expect(category(inferred.get("internet_use"), "never")?.estimate).toBeCloseTo(written.get("internet_never")?.estimate as number, 12);
    expect(inferred.get("telecom_spend_eur")?.estimate).toBeCloseTo(written.get("telecom_spend_mean")?.estimate as number, 10);
    for (const [mine, theirs] of [
      ["access_place", "access_place"],
      ["mobile_plan", "mobile_plan"],
    ] as const) {
      const ours = inferred.get(mine)?.categories ?? [];
      expect(ours.length).toBeGreaterThan(2);
      for (const c of ours) expect(c.estimate).toBeCloseTo(category(written.get(theirs), c.value)?.estimate as number, 12);
    }
  });

  it("on R survey's nhanes extract: finds the design by name; the hand-written study's estimates to 1e-9, R's to 1e-6", async () => {
    const { study } = await initStudy("test/reference/r-survey/nhanes.csv");
    const yaml = await readFile(study, "utf8");
    expect(yaml).toContain(
      "    design:\n      ids:\n        - sdmvpsu\n      strata: sdmvstra\n      weights: wtmec2yr\n      nest: true\n",
    );
    expect(await validated(study)).toMatchObject({ rows_read: 8591, rows_accepted: 8591 });
    const inferred = await estimates(study);
    const written = await estimates("test/r-survey/studies/init-nhanes.yaml");
    const pairs: [Estimate | undefined, Estimate | undefined][] = [[inferred.get("hi_chol"), written.get("high_cholesterol")]];
    for (const [mine, theirs] of [
      ["race", "race"],
      ["agecat", "age_group"],
    ] as const)
      for (const c of inferred.get(mine)?.categories ?? [])
        pairs.push([
          { id: mine, estimate: c.estimate, se: c.se },
          {
            id: theirs,
            estimate: category(written.get(theirs), c.value)?.estimate ?? null,
            se: category(written.get(theirs), c.value)?.se ?? null,
          },
        ]);
    expect(pairs.length).toBe(9);
    for (const [a, b] of pairs) {
      expect(Math.abs((a?.estimate as number) - (b?.estimate as number))).toBeLessThan(1e-9);
      expect(Math.abs((a?.se as number) - (b?.se as number))).toBeLessThan(1e-9);
    }

    // And R's survey package, with the design init found (init-nhanes.R).
    const r = (await readFile(path.join(REFERENCE_DIR, "init-nhanes-output.txt"), "utf8")).split("\n");
    const fromR = (label: string): { est: number; se: number } => {
      const line = r.find((l) => l.startsWith(`${label} est=`));
      const m = /est=(\S+) se=(\S+)/.exec(line ?? "");
      if (!m) throw new Error(`init-nhanes-output.txt has no line ${label}`);
      return { est: Number(m[1]), se: Number(m[2]) };
    };
    const checks: [Estimate | undefined | { estimate: number | null; se: number | null }, string][] = [
      [inferred.get("hi_chol"), "proportion I(HI_CHOL == 1)TRUE"],
      ...["1", "2", "3", "4"].map((v): [ReturnType<typeof category>, string] => [
        category(inferred.get("race"), v),
        `distribution factor(race)${v}`,
      ]),
      ...["(0,19]", "(19,39]", "(39,59]", "(59,Inf]"].map((v): [ReturnType<typeof category>, string] => [
        category(inferred.get("agecat"), v),
        `distribution factor(agecat)${v}`,
      ]),
    ];
    for (const [ours, label] of checks) {
      const ref = fromR(label);
      expect(Math.abs((ours?.estimate as number) - ref.est), label).toBeLessThan(1e-6);
      expect(Math.abs((ours?.se as number) - ref.se), label).toBeLessThan(1e-6);
    }
  });

  it("on R survey's apistrat: the weight by name, and the hand-written study's point estimates", async () => {
    const { study } = await initStudy("test/reference/r-survey/apistrat.csv");
    expect(await validated(study)).toMatchObject({ rows_read: 200, rows_accepted: 200 });
    const inferred = await estimates(study);
    const written = await estimates("test/r-survey/studies/dstrat.yaml");
    expect(inferred.get("api00")?.estimate).toBeCloseTo(written.get("api00_mean")?.estimate as number, 9);
    expect(inferred.get("sch_wide")?.estimate).toBeCloseTo(1 - (written.get("sch_wide_no")?.estimate as number), 12);
    for (const c of inferred.get("stype")?.categories ?? [])
      expect(c.estimate).toBeCloseTo(category(written.get("stype"), c.value)?.estimate as number, 12);
  });

  it("on the French Excel export: decimal commas, thousands, dates, oui/non, NSP; comments give the evidence", async () => {
    const { dir, study } = await initStudy("docs/examples/french-excel/questionnaire.csv");
    const schema = JSON.parse(await readFile(path.join(dir, "questionnaire.schema.json"), "utf8"));
    const field = (name: string) => schema.fields.find((f: { name: string }) => f.name === name);
    expect(field("ressources_mensuelles")).toMatchObject({ type: "number", decimalChar: ",", groupChar: " " });
    expect(field("date_entretien")).toMatchObject({ type: "date", format: "%d/%m/%Y" });
    expect(field("a_un_telephone")).toMatchObject({ type: "boolean", trueValues: ["oui"], falseValues: ["non"] });
    expect(schema.primaryKey).toBe("n_questionnaire");
    expect(schema.missingValues.map((m: { value: string }) => m.value)).toEqual(["", "NR", "NSP"]);
    const yaml = await readFile(study, "utf8");
    expect(yaml).toContain("#   a_un_telephone: boolean: 2 distinct values in 30 rows: non 3, oui 27\n");
    expect(yaml).toContain("    encoding: windows-1252 # detected\n");
    expect(yaml).toContain('    # weights: "Poids" by name (a positive number in every row)\n');
    expect(yaml).toContain("lang: fr");
    expect(await validated(study)).toMatchObject({ rows_read: 30, rows_accepted: 30 });
    const r = await cli(["report", study, "--out", path.join(dir, "report")]);
    expect(r.code, r.stderr).toBe(0);
  });

  it("on the same export with Excel's trailing ;;;; rows: skipped as validation skips them, the same study", async () => {
    const dir = await tempDir();
    const bytes = await readFile("docs/examples/french-excel/questionnaire.csv");
    const data = path.join(dir, "questionnaire.csv");
    await writeFile(data, Buffer.concat([bytes, Buffer.from(";;;;;;;;;\r\n;;;;;;;;;\r\n;;;;;;;;;\r\n")]));
    const trailing = await initStudy(data);
    const clean = await initStudy("docs/examples/french-excel/questionnaire.csv");
    // Read as rows of blank cells, they made "Poids" incomplete (no weights) and left no primary key.
    // Only the lines naming the data file differ (the first and the dataset's path).
    const body = async (d: string) =>
      (await readFile(path.join(d, "study.yaml"), "utf8"))
        .split("\n")
        .filter((l, i) => i > 0 && !/^\s*path: /.test(l))
        .join("\n");
    expect(await body(trailing.dir)).toBe(await body(clean.dir));
    expect(await validated(trailing.study)).toMatchObject({ rows_read: 30, rows_accepted: 30 });
  });

  it("on a KoboToolbox export without its form: the platform's metadata columns get no indicator", async () => {
    const { study } = await initStudy("fixtures/kobo-connexions-2014/kobo-export.csv");
    const yaml = await readFile(study, "utf8");
    const ids = [...yaml.matchAll(/^ {2}- id: (\S+)$/gm)].map((m) => m[1]);
    expect(ids).toContain("profile_age");
    for (const metadata of ["deviceid", "id", "index", "version", "uuid", "submission_time"]) expect(ids).not.toContain(metadata);
    expect(yaml).toContain(
      "#   index: integer: 1,862 values, 1 to 1862; the survey platform's metadata (KoboToolbox, ODK): no indicator\n",
    );
    expect(await validated(study)).toMatchObject({ rows_read: 1862, rows_accepted: 1862 });
  });

  it("keeps comments on one line whatever the headers hold, and leaves out a column without a name", async () => {
    const dir = await tempDir();
    const data = path.join(dir, "odd.csv");
    await writeFile(data, '"a # b","c: d","x\ny",""\n1,oui,2,z\n2,non,3,z\n');
    const { dir: out, study } = await initStudy(data);
    const yaml = await readFile(study, "utf8");
    expect(yaml).toContain("  # a mean per numeric question: x y\n");
    expect(yaml).toContain("    # Column 4 has no name: left out (validation ignores it).\n");
    // Every comment line is one this file wrote ("# " then text), none a header's second line.
    expect(yaml.split("\n").filter((l) => /^\s*#/.test(l) && !/^\s*# /.test(l))).toEqual([]);
    const schema = JSON.parse(await readFile(path.join(out, "odd.schema.json"), "utf8"));
    expect(schema.fields.map((f: { name: string }) => f.name)).toEqual(["a_b", "c_d", "x_y"]);
    expect(await validated(study)).toMatchObject({ rows_read: 2, rows_accepted: 2 });
  });

  it("writes the same bytes twice", async () => {
    const data = "docs/examples/weighted/survey.csv";
    const a = await initStudy(data);
    const b = await initStudy(data);
    for (const f of ["study.yaml", "survey.schema.json"])
      expect(await readFile(path.join(a.dir, f), "utf8")).toBe(await readFile(path.join(b.dir, f), "utf8"));
  });

  it("refuses without --out, and never overwrites without --force (exit 2)", async () => {
    const none = await cli(["init", "docs/examples/weighted/survey.csv"]);
    expect(none.code).toBe(2);
    expectOneSentence(none.stderr);
    expect(none.stderr).toContain("without a base study, give --out DIR");
    const { dir } = await initStudy("docs/examples/weighted/survey.csv");
    await writeFile(path.join(dir, "study.yaml"), "keep me\n");
    const again = await cli(["init", "docs/examples/weighted/survey.csv", "--out", dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain("study.yaml exists there; pass --force to overwrite it.");
    expect(await readFile(path.join(dir, "study.yaml"), "utf8")).toBe("keep me\n");
    expect((await cli(["init", "docs/examples/weighted/survey.csv", "--out", dir, "--force"])).code).toBe(0);
    const missing = await cli(["init", "no-such.csv", "--out", dir]);
    expect(missing.code).toBe(2);
    expectOneSentence(missing.stderr);
  });
});
