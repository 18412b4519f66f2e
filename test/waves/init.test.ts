import { mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { matchColumns, nameSimilarity, normaliseName, type ColumnSample, type FieldInfo } from "../../src/study/scaffold/match-columns.js";
import { loadStudy } from "../../src/study/load.js";
import { root, run, STUDY_2014 } from "./helpers.js";

/**
 * A messy export of the 2015 wave: internet_use renamed (similar name), mobile_plan renamed to
 * something unrelated (found by its values), has_email dropped, a free-text column added, and
 * two headers in another case / with an accent.
 */
async function messyExport(dir: string): Promise<string> {
  const text = await readFile(path.join(root, "fixtures/connexions-solidaires-2015/questionnaire.csv"), "utf8");
  const rows = text
    .trimEnd()
    .split("\n")
    .slice(0, 301)
    .map((l) => l.split(","));
  const header = rows[0]!;
  const drop = header.indexOf("has_email");
  const renamed: Record<string, string> = { mobile_plan: "q7", age: "Âge", reception_point: "Reception Point" };
  const out = rows.map((cells, i) => {
    const kept = cells.filter((_, j) => j !== drop).map((c) => (i === 0 ? (renamed[c] ?? c) : c));
    return [...kept, i === 0 ? "comment" : `note ${i}`].join(",");
  });
  const file = path.join(dir, "export-2015.csv");
  await writeFile(file, `${out.join("\n")}\n`);
  return file;
}

describe("column matching", () => {
  it("normalises case, spaces, hyphens and accents", () => {
    expect(normaliseName(" Âge Band-2 ")).toBe("age_band_2");
    expect(nameSimilarity("internet_use", "internet_frequency")).toBeGreaterThanOrEqual(0.5);
    expect(nameSimilarity("weight", "reception_point")).toBeLessThan(0.5);
  });

  const fields: FieldInfo[] = [
    { name: "internet_use", type: "string", categories: ["daily", "weekly", "rarely", "never"], missing: ["", "NSP"] },
    { name: "mobile_plan", type: "string", categories: ["subscription", "prepaid", "none"], missing: [""] },
    { name: "has_phone", type: "string", categories: ["yes", "no"], missing: [""] },
    { name: "has_email", type: "string", categories: ["yes", "no"], missing: [""] },
    { name: "weight", type: "number", categories: null, missing: [""] },
  ];
  const col = (name: string, values: string[]): ColumnSample => ({ name, values });

  it("finds a renamed column by name similarity, another by values, and reports the rest", () => {
    const m = matchColumns(fields, [
      col("Internet Frequency", ["daily", "never", "NSP"]),
      col("q7", ["prepaid", "prepaid", "subscription", "social_tariff", "none"]),
      col("WEIGHT", ["1.5", "2"]),
      col("q9", ["yes", "no"]),
      col("remarks", ["ok", "bof"]),
    ]);
    expect(m.matches).toEqual([
      { field: "internet_use", column: "Internet Frequency", how: "similarity", score: expect.any(Number) },
      { field: "mobile_plan", column: "q7", how: "values", score: 0.8 },
      { field: "weight", column: "WEIGHT", how: "name", score: 1 },
    ]);
    // yes/no fits has_phone and has_email alike: not guessed.
    expect(m.ambiguous).toEqual([{ column: "q9", fields: ["has_phone", "has_email"] }]);
    expect(m.unmatchedFields).toEqual(["has_phone", "has_email"]);
    expect(m.unmatchedColumns).toEqual(["q9", "remarks"]);
    expect(m.newValues).toEqual([{ field: "mobile_plan", values: ["social_tariff"] }]);
  });

  it("does not take a similar name whose values contradict the field", () => {
    const m = matchColumns([fields[0]!], [col("internet_usage", ["12", "40", "3"])]);
    expect(m.matches).toEqual([]);
  });
});

describe("exclusion-study init", () => {
  let dir: string;
  let csv: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "init-"));
    csv = await messyExport(dir);
  });

  it("writes a study file that extends the base and loads, and says what it matched how", async () => {
    await mkdir(path.join(dir, "waves"), { recursive: true });
    const out = path.join(dir, "waves/2015.yaml");
    const r = await run(["init", path.join(root, STUDY_2014), csv, "--out", out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("questionnaire: matched 17 of 18 schema fields.");
    expect(r.stderr).toContain("15 by name (the same after ignoring case, spaces, hyphens and accents).");
    expect(r.stderr).toContain('column "internet_frequency" -> field internet_use: by name similarity');
    expect(r.stderr).toMatch(/column "q7" -> field mobile_plan: by values \(9\d% of sampled values are its categories\)/);
    expect(r.stderr).toContain("not matched: schema field has_email has no column.");
    expect(r.stderr).toContain('not matched: column "comment" fits no schema field.');
    expect(r.stderr).toContain('new answers: mobile_plan has "social_tariff"');

    const yaml = await readFile(out, "utf8");
    expect(yaml).toContain("extends: ");
    expect(yaml).toContain("study: connexions-solidaires-2015");
    const loaded = await loadStudy(out);
    expect(loaded.resolved.questionnaire?.data).toBe(csv);
    expect(loaded.resolved.questionnaire?.schema).toBe(
      path.join(root, "data-schemas/connexions-solidaires-2014/questionnaire.schema.json"),
    );
    expect(loaded.study.datasets.questionnaire?.rename).toEqual({
      "Reception Point": "reception_point",
      Âge: "age",
      internet_frequency: "internet_use",
      q7: "mobile_plan",
    });
    expect(loaded.study.datasets.questionnaire?.design?.strata).toBe("reception_point");
    expect(loaded.study.indicators.length).toBeGreaterThan(5);
  });

  it("never overwrites without --force (exit 2), and does with it", async () => {
    const out = path.join(dir, "exists.yaml");
    await writeFile(out, "keep me\n");
    const r = await run(["init", path.join(root, STUDY_2014), csv, "--out", out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("the file exists; pass --force to overwrite it.");
    expect(await readFile(out, "utf8")).toBe("keep me\n");
    expect((await run(["init", path.join(root, STUDY_2014), csv, "--out", out, "--force"])).code).toBe(0);
    expect(await readFile(out, "utf8")).toContain("extends:");
  });

  it("writes to stdout without --out, with paths relative to the working folder", async () => {
    const r = await run(["init", STUDY_2014, csv], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`extends: ${STUDY_2014}\n`);
    expect(r.stdout).toContain("    rename:  # export column: schema field\n");
    expect(r.stdout).toContain("      internet_frequency: internet_use  # matched by similar name (0.56), CHECK\n");
    expect(r.stdout).toContain("      q7: mobile_plan  # matched by values (92% of sampled values fit its categories), CHECK\n");
  });

  it("exits 2 on an unknown dataset or a missing CSV", async () => {
    const bad = await run(["init", STUDY_2014, csv, "--dataset", "nope"], root);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--dataset nope: the study has no dataset "nope"; it declares questionnaire, youth, interviews, codings.');
    expect((await run(["init", STUDY_2014, "missing.csv"], root)).code).toBe(2);
  });
});

describe("exclusion-study init on the French example", () => {
  // The French example study is in French: --lang en keeps these assertions on the English account.
  const base = "docs/examples/french-excel/study.yaml";
  const csv = "docs/examples/french-excel/questionnaire.csv";

  it("keeps the base study's rename, encoding and delimiter: its own export validates unchanged", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "init-fr-"));
    const out = path.join(dir, "wave.yaml");
    const r = await run(["init", base, csv, "--out", out, "--lang", "en"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("questionnaire: matched 10 of 10 schema fields.\n  10 by the base study's rename (kept).\n");
    expect((await loadStudy(out)).study.datasets.questionnaire?.rename).toMatchObject({
      "N° questionnaire": "respondent_id",
      Poids: "weight",
    });
    const v = await run(["validate", out, "--json"]);
    expect(v.code).toBe(0);
    expect(JSON.parse(v.stdout).datasets[0]).toMatchObject({ rows_read: 30, rows_accepted: 30, rows_rejected: 0 });
  });

  it("matches a renamed numeric column by its numbers (Pondération for weight)", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "init-fr-"));
    // The export is Windows-1252: rename the header in those bytes.
    const bytes = (await readFile(path.join(root, csv))).toString("latin1").replace("Poids", "Pondération");
    const renamed = path.join(dir, "export.csv");
    await writeFile(renamed, Buffer.from(bytes, "latin1"));
    const out = path.join(dir, "wave.yaml");
    const r = await run(["init", path.join(root, base), renamed, "--out", out, "--lang", "en"]);
    expect(r.stderr).toContain(
      'column "Pondération" -> field weight: by its numbers (whole or not as the base data, ranges overlapping 100%); rename added.',
    );
    expect(await readFile(out, "utf8")).toContain(
      '      "Pondération": weight  # matched by numbers (whole or not as the base data, ranges overlapping 100%), CHECK\n',
    );
    const v = await run(["validate", out, "--json"]);
    expect(JSON.parse(v.stdout).datasets[0]).toMatchObject({ rows_read: 30, rows_accepted: 30 });
  });
});
