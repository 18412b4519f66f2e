// `init DATA --out DIR` then `report`, on the workbook and the SPSS file that R wrote
// (fixtures/formats/make-fixtures.R, with openxlsx and haven), against the same answers in a clean
// CSV with a study written by hand: every indicator, every category, the same estimates and
// standard errors. (The KoboToolbox export with its XLSForm: test/xlsform/init-xlsform.test.ts.)
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

const formats = path.join(repoRoot, "fixtures/formats");

interface Numbers {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
  n: number | null;
}
interface Indicator extends Numbers {
  id: string;
  kind: string;
  n_missing: number;
  categories?: ({ value: string | number } & Numbers)[];
}
interface Result {
  indicators: Indicator[];
  datasets: { rows_read: number; rows_accepted: number; design: { kind: string } | null }[];
}

async function report(study: string): Promise<Result> {
  const r = await cli(["report", study, "--out", await tempDir(), "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Result;
}

async function initThenReport(file: string): Promise<Result> {
  const dir = await tempDir();
  const init = await cli(["init", path.join(formats, file), "--out", dir]);
  expect(init.code, init.stderr).toBe(0);
  return report(path.join(dir, "study.yaml"));
}

/** What must be equal: the numbers, categories by value (inferred ones come sorted, declared ones in the schema's order). */
const numbers = (i: Indicator) => ({
  kind: i.kind,
  estimate: i.estimate,
  se: i.se,
  ci: i.ci,
  n: i.n,
  n_missing: i.n_missing,
  categories: i.categories
    ?.map((c) => ({ value: c.value, estimate: c.estimate, se: c.se, ci: c.ci, n: c.n }))
    .sort((a, b) => String(a.value).localeCompare(String(b.value))),
});

/** Every indicator of `init`'s study against the hand-written one it maps to, bit for bit. */
function expectSameEstimates(inferred: Result, written: Result, idOf: (inferredId: string) => string): void {
  expect(inferred.datasets[0]).toMatchObject({ rows_read: 1862, rows_accepted: 1862 });
  expect(inferred.indicators.map((i) => idOf(i.id)).sort()).toEqual(written.indicators.map((i) => i.id).sort());
  let estimates = 0;
  for (const i of inferred.indicators) {
    const w = written.indicators.find((x) => x.id === idOf(i.id)) as Indicator;
    expect(numbers(i), i.id).toEqual(numbers(w));
    for (const e of i.categories ?? [i]) if (e.estimate !== null) estimates++;
  }
  // Not a comparison of nothing: the estimates are there.
  expect(estimates).toBeGreaterThan(inferred.indicators.length);
}

describe("init then report gives the hand-written study's estimates on the clean CSV", () => {
  it("an Excel workbook: a title line, French headers, a second sheet", async () => {
    const french: Record<string, string> = {
      point_d_accueil: "reception_point",
      structures_du_point: "point_structures",
      tranche_d_age: "age_band",
      genre: "gender",
      hebergement: "housing",
      taille_du_menage: "household_size",
      ressources_mensuelles: "monthly_resources_eur",
      depenses_telecom: "telecom_spend_eur",
      usage_d_internet: "internet_use",
      lieu_d_acces: "access_place",
      telephone: "has_phone",
      forfait: "mobile_plan",
      appelle_la_famille_a_l_etranger: "calls_family_abroad",
      courriel: "has_email",
    };
    const inferred = await initThenReport("questionnaire.xlsx");
    const written = await report(path.join(formats, "questionnaire-weights-csv.study.yaml"));
    expect(inferred.indicators).toHaveLength(15);
    expectSameEstimates(inferred, written, (id) => french[id] ?? id);
  });

  it("an SPSS file: value labels, user-missing codes", async () => {
    const inferred = await initThenReport("questionnaire.sav");
    const written = await report(path.join(formats, "questionnaire-coded-weights-csv.study.yaml"));
    expect(inferred.indicators).toHaveLength(7);
    expectSameEstimates(inferred, written, (id) => id);
  });
});
