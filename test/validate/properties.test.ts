import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { compileSchema, isCastFailure } from "../../src/table-schema/compile.js";
import { parseTableSchema } from "../../src/table-schema/index.js";
import { applyForeignKeys } from "../../src/validate/foreign-keys.js";
import { rejectsCsv } from "../../src/validate/rejects.js";
import { QUESTIONNAIRE_HEADER, reconciles, rowsOf, schemaFile, validate } from "./helpers.js";

/** Cells that exercise every path: valid values, codes, junk, formulas, blanks, accents. */
const cell = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "NR",
    "NSP",
    "1",
    "34",
    "12",
    "lille",
    "never",
    "none",
    "home",
    "yes",
    "no",
    "14/03/2014",
    "1 200,50",
    "35,5",
    "=1+1",
    "é",
  ),
  fc.string({ maxLength: 8 }),
  fc.integer({ min: -5, max: 200 }).map(String),
);
const rows = fc.array(fc.array(cell, { minLength: 0, maxLength: 11 }), { maxLength: 40 });

describe("properties", () => {
  test("nothing is lost: rowsRead = accepted + rejected, for any cells", async () => {
    const schema = await schemaFile("questionnaire-mini.schema.json");
    await fc.assert(
      fc.asyncProperty(rows, fc.integer({ min: 0, max: 5 }), async (data, maxIssues) => {
        const t = await validate(schema, QUESTIONNAIRE_HEADER, data, { maxIssues });
        expect(t.rowsRead).toBe(rowsOf(data));
        expect(t.rowsRead + t.blankRows).toBe(data.length);
        expect(t.issues.length).toBeLessThanOrEqual(maxIssues);
        const counted = Object.values(t.issueCounts).reduce((n, c) => n + c.errors + c.warnings, 0);
        expect(counted).toBe(t.issues.length + t.issuesOmitted);
        for (const r of t.rejected) expect(r.reasons.length).toBeGreaterThan(0);
        expect([...rejectsCsv(t).chunks()].join("").split("\r\n").length).toBeGreaterThanOrEqual(t.rejected.length + 2);
      }),
      { numRuns: 200 },
    );
  });

  test("foreign keys keep the reconciliation", async () => {
    const ps = await schemaFile("interviews.schema.json");
    const cs = await schemaFile("codings.schema.json");
    const id = fc.constantFrom("I001", "I002", "I003", "I004", "", "x");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(id, fc.constantFrom("beneficiary", "left_programme", "?")), { maxLength: 6 }),
        fc.array(fc.tuple(id, fc.constantFrom("A", "B"), fc.constantFrom("c1", "c2")), { maxLength: 12 }),
        async (p, c) => {
          const parent = await validate(ps, ["interview_id", "group"], p, { dataset: "interviews" });
          const child = await validate(cs, ["interview_id", "coder", "code"], c, { dataset: "codings" });
          applyForeignKeys(child, cs, new Map([["interviews", parent]]));
          reconciles(child);
          expect(child.rowsRead).toBe(c.length);
          const ids = new Set(parent.rows.map((r) => r[0]));
          for (const r of child.rows) expect(ids.has(r[0])).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  test("a number formatted with a decimal comma and grouped thousands casts back to itself", () => {
    const field = compileSchema(parseTableSchema({ fields: [{ name: "x", type: "number", decimalChar: ",", groupChar: " " }] }, "s.json"))
      .fields[0]!;
    const group = (digits: string, sep: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.double({ min: -1e12, max: 1e12, noNaN: true }).filter((x) => !Object.is(x, -0) && !/e/.test(String(x))),
        fc.constantFrom(" ", "\u00A0", "\u202F", "\u2009"),
        (x, sep) => {
          const [int = "", frac] = String(Math.abs(x)).split(".");
          const text = `${x < 0 ? "-" : ""}${group(int, sep)}${frac === undefined ? "" : `,${frac}`}`;
          expect(field.cast(text)).toBe(x);
        },
      ),
    );
  });

  test("casting never throws, whatever the text", () => {
    const s = compileSchema(
      parseTableSchema(
        {
          fields: [
            { name: "i", type: "integer", groupChar: ".", decimalChar: ",", constraints: { minimum: 0 } },
            { name: "n", type: "number", bareNumber: false },
            { name: "b", type: "boolean" },
            { name: "d", type: "date", format: "%d/%m/%Y" },
            { name: "s", categories: ["a"], constraints: { pattern: "[a-z]+", maxLength: 3 } },
          ],
        },
        "s.json",
      ),
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), (text) => {
        for (const f of s.fields) {
          const v = f.cast(text);
          expect(isCastFailure(v) || v !== undefined).toBe(true);
        }
      }),
    );
  });
});
