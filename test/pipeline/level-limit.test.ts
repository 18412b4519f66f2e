import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { columnOf, levelCodesOf, withColumns, type DataTable } from "../../src/pipeline/data-table.js";
import { checkStudyLevels, LevelLimitError, MAX_LEVELS } from "../../src/pipeline/level-limit.js";
import { loadStudy, type LoadedStudy } from "../../src/study/index.js";
import { tempDir } from "../cli/run.js";

/** A study over one dataset `people` whose indicators are `indicators` (YAML lines from line 7). */
async function studyOf(indicators: string): Promise<LoadedStudy> {
  const file = path.join(await tempDir(), "study.yaml");
  await writeFile(
    file,
    `study: levels
title: Levels
date: 2026-01-01
datasets:
  people: { path: people.csv, schema: people.schema.json }
indicators:
${indicators}
`,
  );
  return loadStudy(file, "study.yaml");
}

/** A table of `n` rows: `code` a different number on each row, `commune` one of `communes`, `sex` f or m. */
function table(n: number, communes: number): DataTable {
  const rows = Array.from({ length: n }, (_, i) => [i, `c${i % communes}`, i % 2 === 0 ? "f" : "m"]);
  const fields = [{ name: "code" }, { name: "commune" }, { name: "sex" }];
  return withColumns({ fieldIndex: new Map(fields.map((f, k) => [f.name, k])), rows, fields });
}

/** Each table's level codes, made once per field as the pipeline makes them. */
const levelCodesByTable = new WeakMap<DataTable, ReturnType<typeof levelCodesOf>>();

/** Check the study's level limits against `data`, as the pipeline does once the data are read. */
function check(loaded: LoadedStudy, data: DataTable): void {
  const levelCodes = levelCodesByTable.get(data) ?? levelCodesOf(data);
  levelCodesByTable.set(data, levelCodes);
  checkStudyLevels(loaded, () => ({
    has: (field) => data.fieldIndex.has(field),
    numeric: (field) => columnOf(data, field).kind === "number",
    levelCodes,
  }));
}

/** The refusal's sentence, or null when the study is within the limits. */
function refusal(loaded: LoadedStudy, data: DataTable): string | null {
  try {
    check(loaded, data);
    return null;
  } catch (e) {
    if (e instanceof LevelLimitError) return e.message;
    throw e;
  }
}

const share = (domains: string): string =>
  `  - id: no_internet\n    label: No Internet\n    dataset: people\n    kind: proportion\n    when: { field: sex, equals: f }\n    domains: ${domains}`;

describe("the level limits, checked before anything is estimated", () => {
  test("a subgroup field past the limit is refused, naming the study file's line, the indicator, the field and its levels", async () => {
    const loaded = await studyOf(share("[sex, commune]"));
    expect(refusal(loaded, table(4 * (MAX_LEVELS + 1), MAX_LEVELS + 1))).toBe(
      'study.yaml, line 12 (indicators[0].domains[1]): indicator "no_internet": field "commune" has 1,001 distinct values, more than the 1,000 subgroups supported; group its values into fewer categories',
    );
    // At the limit, nothing is refused.
    expect(refusal(loaded, table(4 * MAX_LEVELS, MAX_LEVELS))).toBeNull();
  });

  test("crossed fields are refused on the product of their level counts", async () => {
    const loaded = await studyOf(share("[[commune, sex]]"));
    expect(refusal(loaded, table(1002, 501))).toMatch(
      /^study\.yaml, line 12 \(indicators\[0\]\.domains\[0\]\): indicator "no_internet": the crossed fields "commune" × "sex" have 1,002 combinations of levels/,
    );
    expect(refusal(loaded, table(1000, 500))).toBeNull();
  });

  test("a cross-table past 400 cells is refused, its counts in one number format", async () => {
    const loaded = await studyOf("  - { id: by_commune, label: By commune, dataset: people, kind: crosstab, rows: commune, columns: sex }");
    expect(refusal(loaded, table(402, 201))).toBe(
      'study.yaml, line 7 (indicators[0]): indicator "by_commune": the cross-table of "commune" (201 categories) by "sex" (2) has 402 cells, more than the 400 supported; group categories into fewer',
    );
  });

  // Counting levels is one pass over the column and a sort of the distinct values: a million
  // distinct values are counted, and refused, where a comparison of every value with every
  // other (10^12 steps) would never end.
  describe("a distribution over a million distinct values", () => {
    const n = 1_000_000;
    let data: DataTable;
    beforeAll(() => {
      data = table(n, 50_000);
    });

    test("has its million levels counted, each row coded to its own value", () => {
      const levelCodes = levelCodesOf(data);
      levelCodesByTable.set(data, levelCodes);
      const { levels, codes } = levelCodes("code");
      expect(levels).toHaveLength(n);
      expect(new Set(codes).size).toBe(n);
      for (const i of [0, 1, 999_999, 123_456]) expect(levels[codes[i]!]!.value).toBe(String(i));
    });

    test("is refused in one sentence suggesting quantiles or bands for a numeric field", async () => {
      const loaded = await studyOf("  - { id: occupation, label: Occupation, dataset: people, kind: distribution, field: code }");
      expect(refusal(loaded, data)).toBe(
        'study.yaml, line 7 (indicators[0].field): indicator "occupation": field "code" has 1,000,000 distinct values, more than the 1,000 distribution categories supported; for a numeric field, estimate its quantiles (kind: quantile) or cut it into bands (derive: bins)',
      );
    });
  });
});
