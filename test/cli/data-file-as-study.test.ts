import { describe, expect, it } from "vitest";
import { cli, expectOneSentence } from "./run.js";

/**
 * A new user's first try is often a data file where a study file is expected (`validate
 * export.csv`, `init export.csv new.csv`): the sentence says what to run instead, rather than
 * what a YAML parser made of a CSV or a workbook.
 */
describe("a data file given as the study", () => {
  for (const [args, file] of [
    [["validate", "fixtures/formats/questionnaire.csv"], "fixtures/formats/questionnaire.csv"],
    [["report", "fixtures/formats/questionnaire.xlsx"], "fixtures/formats/questionnaire.xlsx"],
    [["reproduce", "fixtures/formats/questionnaire.sav"], "fixtures/formats/questionnaire.sav"],
    [["init", "fixtures/formats/questionnaire.csv", "fixtures/formats/edge.csv"], "fixtures/formats/questionnaire.csv"],
  ] as const)
    it(`${args.join(" ")}: says to start a study with init`, async () => {
      const run = await cli([...args]);
      expect(run.code).toBe(2);
      expectOneSentence(run.stderr);
      expect(run.stderr).toBe(
        `exclusion-study: ${file} is a data file, not a study file (YAML or JSON): start a study from it with \`exclusion-study init ${file} --out DIR\`, then give DIR/study.yaml.\n`,
      );
    });
});
