// Which fields keep their values after validation: those the study names, in datasets that no
// foreign key or qualitative analysis reads whole.
import { describe, expect, test } from "vitest";
import { storedFields } from "../../src/pipeline/stored-fields.js";
import { bundledStudyPath, loadSchemasAndCheckFields, loadStudy, type LoadedStudy } from "../../src/study/index.js";
import type { TableSchema } from "../../src/table-schema/index.js";

async function bundled(): Promise<LoadedStudy & { schemas: Map<string, TableSchema> }> {
  const loaded = await loadStudy(bundledStudyPath(), "study.yaml");
  return { ...loaded, schemas: await loadSchemasAndCheckFields(loaded) };
}

describe("storedFields", () => {
  test("a dataset keeps the fields the study names, design and conditions included, and drops the rest", async () => {
    const loaded = await bundled();
    const schema = loaded.schemas.get("questionnaire") as TableSchema;
    const kept = storedFields(loaded, "questionnaire", schema, []) as ReadonlySet<string>;
    for (const f of ["referral_structure", "reception_point", "weight", "point_structures", "age", "internet_use"])
      expect(kept.has(f)).toBe(true);
    // The primary key is checked while validating; no estimate reads it.
    expect(kept.has("respondent_id")).toBe(false);
    expect(storedFields(loaded, "questionnaire", schema, ["respondent_id"])?.has("respondent_id")).toBe(true);
  });

  test("replicate weights named by a pattern are stored", async () => {
    const loaded = await loadStudy("test/r-survey/studies/replicates-boot.yaml", "replicates-boot.yaml");
    const schemas = await loadSchemasAndCheckFields(loaded);
    const schema = schemas.get("boot") as TableSchema;
    const kept = storedFields({ ...loaded, schemas }, "boot", schema, []) as ReadonlySet<string>;
    const reps = schema.fields.map((f) => f.name).filter((f) => /^rep[0-9]+$/.test(f));
    expect(reps.length).toBe(50);
    for (const f of reps) expect(kept.has(f)).toBe(true);
  });

  test("datasets the qualitative analysis or a foreign key reads whole keep every field", async () => {
    const loaded = await bundled();
    expect(storedFields(loaded, "interviews", loaded.schemas.get("interviews") as TableSchema, [])).toBeUndefined();
    const schema = loaded.schemas.get("questionnaire") as TableSchema;
    const child: TableSchema = { ...schema, foreignKeys: [{ fields: ["age"], reference: { resource: "questionnaire", fields: ["age"] } }] };
    expect(storedFields(loaded, "questionnaire", child, [])).toBeUndefined();
    const parent = new Map([...loaded.schemas, ["other", child]]);
    expect(storedFields({ ...loaded, schemas: parent }, "questionnaire", schema, [])).toBeUndefined();
    const { schemas: _schemas, ...unchecked } = loaded;
    expect(storedFields(unchecked, "questionnaire", schema, [])).toBeUndefined();
  });
});
