import { describe, expect, test } from "vitest";
import { applyForeignKeys, ForeignKeyConfigError } from "../../src/validate/foreign-keys.js";
import { reconciles, schemaFile, validate } from "./helpers.js";

describe("foreign keys", () => {
  test("rows whose key is absent from the referenced dataset move to rejected", async () => {
    const interviews = await validate(
      await schemaFile("interviews.schema.json"),
      ["interview_id", "group"],
      [
        ["I001", "beneficiary"],
        ["I002", "left_programme"],
        ["I003", "nobody"], // rejected there: its codings are orphans too
      ],
      { dataset: "interviews" },
    );
    const codingsSchema = await schemaFile("codings.schema.json");
    const codings = await validate(
      codingsSchema,
      ["interview_id", "coder", "code"],
      [
        ["I001", "A", "self-esteem"],
        ["I009", "A", "family-ties"],
        ["I002", "A", "security"],
        ["I003", "B", "security"],
      ],
      { dataset: "codings" },
    );
    expect(codings.sourceCells).toHaveLength(4);
    applyForeignKeys(codings, codingsSchema, new Map([["interviews", interviews]]));
    reconciles(codings);
    expect(codings.rowsRead).toBe(4);
    expect(codings.lines.toArray()).toEqual([2, 4]);
    expect(codings.rows).toEqual([
      ["I001", "A", "self-esteem"],
      ["I002", "A", "security"],
    ]);
    expect(codings.issues).toEqual([
      {
        code: "foreign-key",
        severity: "error",
        line: 3,
        field: "interview_id",
        value: "I009",
        message: 'line 3, field interview_id: "I009" is not among the interview_id of dataset interviews',
      },
      {
        code: "foreign-key",
        severity: "error",
        line: 5,
        field: "interview_id",
        value: "I003",
        message: 'line 5, field interview_id: "I003" is not among the interview_id of dataset interviews',
      },
    ]);
    expect(codings.rejected.toArray()).toEqual([
      {
        line: 3,
        cells: ["I009", "A", "family-ties"],
        reasons: ['field interview_id: "I009" is not among the interview_id of dataset interviews'],
      },
      {
        line: 5,
        cells: ["I003", "B", "security"],
        reasons: ['field interview_id: "I003" is not among the interview_id of dataset interviews'],
      },
    ]);
    expect(codings.issueCounts).toEqual({ "foreign-key": { errors: 2, warnings: 0 } });
  });

  test("a reference to a dataset the study lacks is a configuration error", async () => {
    const schema = await schemaFile("codings.schema.json");
    const codings = await validate(schema, ["interview_id", "coder", "code"], [["I001", "A", "x"]]);
    expect(() => applyForeignKeys(codings, schema, new Map())).toThrow(ForeignKeyConfigError);
    expect(() => applyForeignKeys(codings, schema, new Map())).toThrow(
      'Dataset test has a foreign key to dataset "interviews", which the study does not define.',
    );
  });
});
