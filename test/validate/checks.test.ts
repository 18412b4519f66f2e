import { describe, expect, test } from "vitest";
import { parseTableSchema } from "../../src/table-schema/index.js";
import { Missing } from "../../src/vocabulary/index.js";
import { QUESTIONNAIRE_HEADER, qRow, schemaFile, validate } from "./helpers.js";

const q = () => schemaFile("questionnaire-mini.schema.json");

describe("rows", () => {
  test("a valid row becomes typed values in schema order", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [qRow()]);
    expect(t.rows).toEqual([[1, 34, "lille", 1200.5, 35.5, "daily", "home", true, "2014-03-14"]]);
    expect(t.lines.toArray()).toEqual([2]);
    expect(t.issues).toEqual([]);
    expect(t.issueCounts).toEqual({});
  });

  test("missing values keep their code and label in accepted rows", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [qRow({ age: "NR", internet_use: "NSP", access_place: "" })]);
    expect(t.rows[0]?.[1]).toEqual(new Missing("NR", "refused"));
    expect(t.rows[0]?.[5]).toEqual(new Missing("NSP", "ne sait pas"));
    expect(t.rows[0]?.[6]).toEqual(new Missing("", null));
  });

  test("type-error: the row is rejected and value checks are skipped", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [qRow({ age: "abc" })]);
    expect(t.issues).toEqual([
      { code: "type-error", severity: "error", line: 2, field: "age", value: "abc", message: 'line 2, field age: "abc" is not an integer' },
    ]);
    expect(t.rejected.toArray()).toEqual([{ line: 2, cells: qRow({ age: "abc" }), reasons: ['field age: "abc" is not an integer'] }]);
  });

  test("constraint-error, and required as a constraint-error (Frictionless' choice)", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [qRow({ age: "12" }), qRow({ reception_point: "NR" }, "2")]);
    expect(t.issues).toEqual([
      {
        code: "constraint-error",
        severity: "error",
        line: 2,
        field: "age",
        value: "12",
        message: 'line 2, field age: "12" is below the minimum 16',
      },
      {
        code: "constraint-error",
        severity: "error",
        line: 3,
        field: "reception_point",
        value: "NR",
        message: 'line 3, field reception_point: a value is required but the cell holds the missing-value code "NR" (refused)',
      },
    ]);
    expect(t.rows).toEqual([]);
  });

  test("blank-row: a blank row before another is skipped with a warning, neither read nor rejected", async () => {
    const blank = QUESTIONNAIRE_HEADER.map(() => " ");
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [blank, qRow(), blank, blank]);
    expect(t.issues).toEqual([
      { code: "blank-row", severity: "warning", line: 2, field: null, value: null, message: "line 2: the row is blank and is skipped" },
    ]);
    expect(t.rejected.toArray()).toEqual([]);
    expect(t.rowsRead).toBe(1);
    expect(t.blankRows).toBe(3);
  });

  test("extra-cell and missing-cell", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [[...qRow(), "=1+1", "x"], qRow({}, "2").slice(0, 8)]);
    expect(t.issues).toEqual([
      {
        code: "extra-cell",
        severity: "error",
        line: 2,
        field: null,
        value: "=1+1",
        message: 'line 2: 2 cells more than the 9 columns of the header (starting with "=1+1")',
      },
      {
        code: "missing-cell",
        severity: "error",
        line: 3,
        field: "interview_date",
        value: null,
        message: "line 3, field interview_date: the row ends after 8 cells, before this column (9)",
      },
    ]);
    expect(t.rejected.toArray().map((r) => r.line)).toEqual([2, 3]);
  });
});

describe("header", () => {
  test("case, spaces and a BOM are tolerated; rename maps an export's column", async () => {
    const names = QUESTIONNAIRE_HEADER.map((h) => ` ${h.toUpperCase()} `);
    names[0] = `\uFEFF${names[0]}`;
    names[1] = "Âge du répondant";
    const t = await validate(await q(), names, [qRow()], { rename: { "âge du répondant": "AGE" } });
    expect(t.issues).toEqual([]);
    expect(t.rows[0]?.[1]).toBe(34);
  });

  test("columns can come in any order", async () => {
    const names = [...QUESTIONNAIRE_HEADER].reverse();
    const t = await validate(await q(), names, [qRow().reverse()]);
    expect(t.rows).toEqual([[1, 34, "lille", 1200.5, 35.5, "daily", "home", true, "2014-03-14"]]);
  });

  test("extra-label is a warning and the column ignored", async () => {
    const t = await validate(await q(), [...QUESTIONNAIRE_HEADER, "comment"], [[...qRow(), "free text"]]);
    expect(t.issues).toEqual([
      {
        code: "extra-label",
        severity: "warning",
        line: 1,
        field: "comment",
        value: "comment",
        message: 'line 1: column "comment" is not in the schema and is ignored',
      },
    ]);
    expect(t.rows).toHaveLength(1);
  });

  test("missing-label: one issue; rows of an optional column are kept with the column absent", async () => {
    const names = QUESTIONNAIRE_HEADER.filter((h) => h !== "age");
    const t = await validate(await q(), names, [qRow().filter((_, i) => i !== 1)]);
    expect(t.issues).toEqual([
      {
        code: "missing-label",
        severity: "error",
        line: 1,
        field: "age",
        value: null,
        message: "line 1: the file has no column age; add it, or map the export's column to it with rename",
      },
    ]);
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]?.[1]).toBeInstanceOf(Missing);
  });

  test("missing-label of a required column rejects every row with one reason, without an issue per row", async () => {
    const names = QUESTIONNAIRE_HEADER.filter((h) => h !== "reception_point");
    const rows = [qRow({}, "1"), qRow({}, "2"), qRow({}, "3")].map((r) => r.filter((_, i) => i !== 2));
    const t = await validate(await q(), names, rows);
    expect(t.issues).toEqual([
      {
        code: "missing-label",
        severity: "error",
        line: 1,
        field: "reception_point",
        value: null,
        message:
          "line 1: the file has no column reception_point (required: every row is rejected); add it, or map the export's column to it with rename",
      },
    ]);
    expect(t.rejected.toArray().map((r) => r.reasons)).toEqual(
      [0, 1, 2].map(() => ["field reception_point: required column is not in the file"]),
    );
    expect(t.rowsRead).toBe(3);
  });

  test("duplicate-label: a second column for the same field is reported and ignored", async () => {
    const s = parseTableSchema({ fields: [{ name: "a" }] }, "s.json");
    const t = await validate(s, ["a", " A"], [["x", "y"]]);
    expect(t.issues).toEqual([
      {
        code: "duplicate-label",
        severity: "error",
        line: 1,
        field: "a",
        value: " A",
        message: 'line 1: column 2 " A" is a second column for field a; only column 1 is read',
      },
    ]);
    expect(t.rows).toEqual([["x"]]);
  });
});

describe("row constraints", () => {
  test("an error rejects the row; a warning keeps it; unknown never fires", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [
      qRow({ internet_use: "never", access_place: "relative" }, "1"),
      qRow({ telecom_spend_eur: "130", monthly_resources_eur: "100" }, "2"),
      qRow({ internet_use: "never", access_place: "none" }, "3"),
      qRow({ telecom_spend_eur: "NSP", monthly_resources_eur: "100" }, "4"),
      qRow({ internet_use: "NSP", access_place: "relative" }, "5"),
    ]);
    expect(t.issues).toEqual([
      {
        code: "row-constraint",
        severity: "error",
        line: 2,
        field: "access_place",
        value: "access_place=relative; internet_use=never",
        message:
          "line 2, field access_place: someone who never uses the Internet has no access place (non-users-have-no-access: access_place=relative; internet_use=never)",
      },
      {
        code: "row-constraint",
        severity: "warning",
        line: 3,
        field: "telecom_spend_eur",
        value: "telecom_spend_eur=130; monthly_resources_eur=100",
        message:
          "line 3, field telecom_spend_eur: telecom spend exceeds monthly resources (spend-within-resources: telecom_spend_eur=130; monthly_resources_eur=100)",
      },
    ]);
    expect(t.lines.toArray()).toEqual([3, 4, 5, 6]);
    expect(t.rejected.toArray().map((r) => r.line)).toEqual([2]);
    expect(t.issueCounts).toEqual({ "row-constraint": { errors: 1, warnings: 1 } });
  });
});

describe("uniqueness", () => {
  test("unique-error names the first line; missing values never collide", async () => {
    const s = await schemaFile("unique.schema.json");
    const t = await validate(
      s,
      ["id", "email", "note"],
      [
        ["1", "a@x.org", ""],
        ["2", "", ""],
        ["3", "", ""],
        ["4", "a@x.org", ""],
      ],
    );
    expect(t.issues).toEqual([
      {
        code: "unique-error",
        severity: "error",
        line: 5,
        field: "email",
        value: "a@x.org",
        message: 'line 5, field email: "a@x.org" already appears on line 2 (values must be unique)',
      },
    ]);
    expect(t.rows).toHaveLength(3);
  });

  test("primary-key: duplicates and composite keys", async () => {
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, [qRow({}, "7"), qRow({}, "8"), qRow({}, "7")]);
    expect(t.issues).toEqual([
      {
        code: "primary-key",
        severity: "error",
        line: 4,
        field: "respondent_id",
        value: "7",
        message: 'line 4, field respondent_id: key (respondent_id) "7" already appears on line 2',
      },
    ]);
    const c = await schemaFile("codings.schema.json");
    const u = await validate(
      c,
      ["interview_id", "coder", "code"],
      [
        ["I001", "A", "self-esteem"],
        ["I001", "B", "self-esteem"],
        ["I001", "A", "self-esteem"],
      ],
    );
    expect(u.issues).toEqual([
      {
        code: "primary-key",
        severity: "error",
        line: 4,
        field: "interview_id, coder, code",
        value: "I001, A, self-esteem",
        message:
          'line 4, field interview_id, coder, code: key (interview_id, coder, code) "I001, A, self-esteem" already appears on line 2',
      },
    ]);
  });
});

describe("issue cap", () => {
  test("keeps the first N issues and counts them all", async () => {
    const rows = Array.from({ length: 50 }, (_, i) => qRow({ age: "x" }, String(i + 1)));
    rows.push(qRow({ telecom_spend_eur: "130", monthly_resources_eur: "100" }, "99"));
    const t = await validate(await q(), QUESTIONNAIRE_HEADER, rows, { maxIssues: 10 });
    expect(t.issues).toHaveLength(10);
    expect(t.issues.every((i) => i.code === "type-error")).toBe(true);
    expect(t.issuesOmitted).toBe(41);
    expect(t.issueCounts).toEqual({ "type-error": { errors: 50, warnings: 0 }, "row-constraint": { errors: 0, warnings: 1 } });
    expect(t.rejected).toHaveLength(50);
    expect(t.rejected.at(49)?.reasons).toEqual(['field age: "x" is not an integer']);
  });
});

describe("issue details", () => {
  test("long values are cut to a readable length; unnamed columns are a blank-header warning", async () => {
    const s = parseTableSchema({ fields: [{ name: "n", type: "integer" }] }, "s.json");
    const long = "x".repeat(100);
    const t = await validate(s, ["n", ""], [[long, ""]]);
    const cut = `${"x".repeat(59)}…`;
    expect(t.issues).toEqual([
      {
        code: "blank-header",
        severity: "warning",
        line: 1,
        field: null,
        value: null,
        message: "line 1: column 2 has no name and is ignored",
      },
      { code: "type-error", severity: "error", line: 2, field: "n", value: cut, message: `line 2, field n: "${cut}" is not an integer` },
    ]);
  });
});
