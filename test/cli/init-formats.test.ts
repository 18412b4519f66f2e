import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "./run.js";

/**
 * `init DATA --out DIR` on a workbook and an SPSS file: read by the same readers as `validate`;
 * an SPSS file's labels and user-missing codes win over what the cells suggest.
 */

interface Estimate {
  id: string;
  estimate: number | null;
  categories?: { value: string | number; estimate: number | null }[];
}

async function init(data: string): Promise<{ dir: string; study: string }> {
  const dir = await tempDir();
  const r = await cli(["init", data, "--out", dir]);
  expect(r.code, r.stderr).toBe(0);
  return { dir, study: path.join(dir, "study.yaml") };
}

async function report(study: string): Promise<Map<string, Estimate>> {
  // Into a folder of its own: a report without --out is written to reports/.
  const r = await cli(["report", study, "--out", await tempDir(), "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return new Map((JSON.parse(r.stdout).indicators as Estimate[]).map((i) => [i.id, i]));
}

async function accepted(study: string): Promise<number> {
  const v = await cli(["validate", study, "--json"]);
  expect(v.code, v.stdout).toBe(0);
  const d = JSON.parse(v.stdout).datasets[0];
  expect(d.rows_accepted).toBe(d.rows_read);
  return d.rows_accepted;
}

describe("init on typed formats", () => {
  it("an SPSS file: variable labels, value labels and user-missing codes win; the clean CSV's hand-written study's estimates", async () => {
    const { dir, study } = await init("fixtures/formats/questionnaire.sav");
    const schema = JSON.parse(await readFile(path.join(dir, "questionnaire.schema.json"), "utf8"));
    const housing = schema.fields.find((f: { name: string }) => f.name === "housing");
    expect(housing).toEqual({
      name: "housing",
      type: "integer",
      title: "Housing situation",
      categories: [
        { value: 1, label: "Street" },
        { value: 2, label: "Shelter" },
        { value: 3, label: "Hotel" },
        { value: 4, label: "Housed" },
      ],
      missingValues: [
        { value: "", label: "blank", labels: { en: "blank", fr: "vide" } },
        { value: "9", label: "Refused" },
      ],
    });
    const yaml = await readFile(study, "utf8");
    expect(yaml).not.toContain("encoding:");
    expect(yaml).toContain('from the SPSS file (its labels win): label "Housing situation", user-missing 9, 4 value labels as categories');
    expect(await accepted(study)).toBe(1862);
    const ours = await report(study);
    expect(ours.get("housing")?.categories?.length).toBe(4);
    const theirs = await report("fixtures/formats/questionnaire-coded-csv.study.yaml");
    // Same weights, same point estimates (the hand-written design adds strata and clusters).
    expect(ours.get("telecom_spend_eur")?.estimate).toBeCloseTo(theirs.get("spend_mean")?.estimate as number, 10);
    expect(ours.get("age")?.estimate).toBeCloseTo(theirs.get("age_mean")?.estimate as number, 10);
    for (const c of ours.get("internet_use")?.categories ?? [])
      expect(c.estimate).toBeCloseTo(theirs.get("internet_use")?.categories?.find((x) => x.value === c.value)?.estimate as number, 12);
  });

  it("a workbook with a title line above its table: the header row found, every row accepted, the clean CSV's estimates", async () => {
    const { study } = await init("fixtures/formats/questionnaire.xlsx");
    const yaml = await readFile(study, "utf8");
    expect(yaml).toContain("    header_row: 2 # the rows above hold fewer cells (titles)");
    expect(yaml).toContain("      N° répondant: n_repondant\n");
    expect(await accepted(study)).toBe(1862);
    const ours = await report(study);
    const theirs = await report("fixtures/formats/questionnaire-csv.study.yaml");
    expect(ours.get("poids")).toBeUndefined();
    expect(ours.get("usage_d_internet")?.categories?.find((c) => c.value === "never")?.estimate).toBeCloseTo(
      theirs.get("internet_never")?.estimate as number,
      12,
    );
  });
});

describe("init's three forms", () => {
  it("refuses a base study and data together with --xlsform, and data alone without --out, in one sentence each", async () => {
    const both = await cli(["init", "data-schemas/connexions-solidaires-2014/study.yaml", "x.csv", "--xlsform", "form.xlsx"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(
      "init: give DATA --xlsform FORM --out DIR (a new study from a form), or BASE_STUDY DATA (a new wave), not both.",
    );
    const alone = await cli(["init", "fixtures/formats/questionnaire.sav"]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toContain("without a base study, give --out DIR");
  });
});

describe("init on a workbook: --sheet and --header-row", () => {
  it("read the table where they say, and are written into the study as sheet and header_row", async () => {
    const dir = await tempDir();
    const r = await cli(["init", "fixtures/formats/sheets.xlsx", "--sheet", "Données", "--header-row", "3", "--out", dir]);
    expect(r.code, r.stderr).toBe(0);
    const yaml = await readFile(path.join(dir, "study.yaml"), "utf8");
    expect(yaml).toContain("    sheet: Données # as --sheet named it (a name, or a position from 1)\n");
    expect(yaml).toContain("    header_row: 3 # as --header-row gave it: the rows above it are skipped\n");
    expect(yaml).toContain("      Dépenses télécom (€): depenses_telecom\n");
    expect(await accepted(path.join(dir, "study.yaml"))).toBe(400);

    // A position names the same sheet; without --header-row the row of question codes, as full as
    // the header, is taken for it: the option is what makes such a sheet readable.
    const byIndex = await tempDir();
    expect((await cli(["init", "fixtures/formats/sheets.xlsx", "--sheet", "2", "--header-row", "3", "--out", byIndex])).code).toBe(0);
    const same = await readFile(path.join(byIndex, "study.yaml"), "utf8");
    expect(same.replace("sheet: 2", "sheet: Données")).toBe(yaml);
    const guessed = await tempDir();
    expect((await cli(["init", "fixtures/formats/sheets.xlsx", "--sheet", "2", "--out", guessed])).code).toBe(0);
    expect(await readFile(path.join(guessed, "study.yaml"), "utf8")).toContain("    header_row: 2 # the rows above hold fewer cells");
  });

  it("are refused in one sentence where they cannot apply", async () => {
    const out = await tempDir();
    for (const [args, sentence] of [
      [["fixtures/formats/questionnaire.csv", "--sheet", "2"], "questionnaire.csv: --sheet does not apply to a CSV file; remove it."],
      [
        ["fixtures/formats/questionnaire.sav", "--header-row", "2"],
        "questionnaire.sav: --header-row does not apply to an SPSS data file (.sav); remove it.",
      ],
      [["fixtures/formats/sheets.xlsx", "--header-row", "0"], "--header-row 0: expected a positive whole number."],
      [
        ["fixtures/formats/sheets.xlsx", "--sheet", "Résultats"],
        'the workbook has no sheet named "Résultats"; its sheets are "Notes", "Données".',
      ],
      [
        ["data-schemas/connexions-solidaires-2014/study.yaml", "fixtures/formats/sheets.xlsx", "--sheet", "2"],
        "--sheet and --header-row start a study from a workbook alone; a new wave reads the base study's sheet and header_row.",
      ],
    ] as const) {
      const r = await cli(["init", ...args, "--out", out]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(sentence);
    }
  });
});

describe("init on a workbook whose header is its first row", () => {
  it("reads the sheet whole after looking for its header (a study from the data alone)", async () => {
    const dir = await tempDir();
    const r = await cli(["init", "fixtures/formats/questionnaire.xlsx", "--sheet", "Brouillon", "--out", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("inferred 20 fields from 4 rows");
    const yaml = await readFile(path.join(dir, "study.yaml"), "utf8");
    expect(yaml).toContain("    sheet: Brouillon");
    expect(yaml).not.toContain("header_row");
    expect(await accepted(path.join(dir, "study.yaml"))).toBe(4);
  });

  it("as a new wave of a study that reads a CSV: the base's encoding and delimiter cancelled, the same estimates", async () => {
    const dir = await tempDir();
    const study = path.join(dir, "next.yaml");
    const r = await cli([
      "init",
      "docs/examples/french-excel/study.yaml",
      "fixtures/formats/french-excel.xlsx",
      "--out",
      study,
      "--lang",
      "en",
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain("questionnaire: matched 10 of 10 schema fields.");
    const yaml = await readFile(study, "utf8");
    const why = "# the base study's reading of its file; the new export is an Excel workbook";
    expect(yaml).toContain(`    encoding: null  ${why}\n    delimiter: null  ${why}\n`);
    expect(await accepted(study)).toBe(30);
    const workbook = await report(study);
    const csv = await report("docs/examples/french-excel/study.yaml");
    expect(workbook.size).toBe(csv.size);
    for (const [id, e] of csv) expect(workbook.get(id)?.estimate, id).toBeCloseTo(e.estimate as number, 12);
  });
});
