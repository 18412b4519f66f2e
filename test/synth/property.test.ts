// For any seed and size, the output parses and keeps the data dictionary's consistency rules.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateStudy, MAX_SEED, MIN_ROWS } from "../../src/synth/index.js";
import { parseCsv } from "./estimates.js";
import { interviewViolations, questionnaireViolations } from "./rules.js";

describe("generateStudy, any seed and size", () => {
  it("parses and keeps the consistency rules", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_SEED }), fc.integer({ min: MIN_ROWS, max: 600 }), (seed, rows) => {
        const files = new Map(generateStudy({ seed, rows }).files.map((f) => [f.name, parseCsv(f.content)]));
        const questionnaire = files.get("questionnaire.csv") ?? [];
        expect(questionnaire).toHaveLength(rows);
        expect(questionnaireViolations(questionnaire)).toEqual([]);
        expect(interviewViolations(files.get("interviews.csv") ?? [], files.get("codings.csv") ?? [])).toEqual([]);
        const youth = files.get("youth.csv") ?? [];
        expect(youth.every((r) => Number(r.age) >= 18 && Number(r.age) <= 25)).toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
