import { describe, expect, it } from "vitest";
import { fieldNameOf } from "../../../src/study/scaffold/infer-fields.js";
import { type InferredTable, inferTable } from "../../../src/study/scaffold/infer-table.js";
import { TableProfiler } from "../../../src/study/scaffold/table-profile.js";

/** Infer a table from columns given as lists of cells (all the same length). */
function infer(columns: Record<string, string[]>): InferredTable {
  const header = Object.keys(columns);
  const rows = (Object.values(columns)[0] ?? []).length;
  const profiler = new TableProfiler(header);
  for (let r = 0; r < rows; r++) profiler.add(header.map((h) => columns[h]?.[r] ?? ""));
  return inferTable(profiler.finish(), "en");
}

const one = (cells: string[], others: Record<string, string[]> = {}) => {
  const t = infer({ x: cells, ...others });
  const f = t.fields[0];
  if (!f) throw new Error("no field");
  return f;
};

describe("types", () => {
  it("reads whole numbers as integers, with their range", () => {
    const f = one(["1", "20", "-3", "20"]);
    expect(f.spec).toEqual({ name: "x", type: "integer", title: "x" });
    expect(f.evidence).toBe("integer: 4 values, -3 to 20");
    expect(f.suggestion).toEqual({ kind: "mean" });
  });

  it("reads a decimal comma and a space as thousands separator", () => {
    expect(one(["1,5", "2,25", "3"]).spec).toMatchObject({ type: "number", decimalChar: "," });
    const grouped = one(["1 234,5", "12,25", "1\u00a0000,00"]);
    expect(grouped.spec).toMatchObject({ type: "number", decimalChar: ",", groupChar: " " });
    expect(grouped.evidence).toContain('number (decimal comma ",", thousands grouped by " "): 3 values, 12.25 to 1234.5');
  });

  it("reads thousands separated by commas in a file with decimal points", () => {
    expect(one(["1,234.5", "12.25", "3"]).spec).toMatchObject({ type: "number", groupChar: "," });
    expect(one(["1.5", "2.25"]).spec).toEqual({ name: "x", type: "number", title: "x" });
  });

  it("reads an ambiguous 1,234 with the file's decimal mark", () => {
    expect(one(["1,234", "5,678"], { y: ["0.25", "1.5"] }).spec).toMatchObject({ type: "integer", groupChar: "," });
    expect(one(["1,234", "5,678"], { y: ["0,25", "1,5"] }).spec).toMatchObject({ type: "number", decimalChar: "," });
  });

  it("never reads 1.5 as 15 with a dot grouping thousands", () => {
    expect(one(["1.5", "22.75"], { y: ["0,25", "1,5"] }).spec).toEqual({ name: "x", type: "number", title: "x" });
  });

  it("reads dates in ISO and day-first formats, declaring the format", () => {
    expect(one(["2015-03-01", "2015-12-31"]).spec).toMatchObject({ type: "date", format: "default" });
    const fr = one(["17/03/2015", "02/04/2015"]);
    expect(fr.spec).toMatchObject({ type: "date", format: "%d/%m/%Y" });
    expect(fr.evidence).toBe("date (%d/%m/%Y): every value read, 2015-03-17 to 2015-04-02; no indicator");
    expect(one(["03/17/2015", "04/02/2015"]).spec).toMatchObject({ format: "%m/%d/%Y" });
    expect(one(["2015-02-30"]).spec.type).toBe("string");
  });

  it("reads one yes/no pair as a boolean, keeping the spellings seen", () => {
    const f = one(["oui", "non", "Oui", "oui", ""]);
    expect(f.spec).toEqual({ name: "x", type: "boolean", title: "x", trueValues: ["oui", "Oui"], falseValues: ["non"] });
    expect(f.evidence).toBe("boolean: 3 distinct values in 5 rows: oui 2, non 1, Oui 1; missing: 1 blank");
    expect(f.suggestion).toEqual({ kind: "proportion", equals: true });
    expect(one(["yes", "no", "maybe", "yes"]).spec.type).toBe("string");
  });

  it("keeps 0/1 an integer with categories, its proportion the share of 1", () => {
    const f = one(["0", "1", "1", "0", "1"]);
    expect(f.spec).toEqual({ name: "x", type: "integer", title: "x", categories: [0, 1] });
    expect(f.suggestion).toEqual({ kind: "proportion", equals: 1 });
    expect(one(["1", "2", "3", "4", "5", "3"]).suggestion).toEqual({ kind: "distribution" });
    // Large integers are quantities, however few.
    expect(one(["540", "1296", "540"]).spec.categories).toBeUndefined();
  });

  it("gives categories to texts with at most 20 distinct values that repeat", () => {
    const levels = (n: number) => Array.from({ length: 2 * n }, (_, i) => `level${i % n}`);
    expect(one(levels(20)).spec.categories).toHaveLength(20);
    expect(one(levels(20)).suggestion).toEqual({ kind: "distribution" });
    expect(one(levels(21)).spec.categories).toBeUndefined();
    expect(one(levels(21)).suggestion).toBeNull();
    // All distinct: names, not answers.
    expect(one(["Ann", "Bob", "Cy"]).spec.categories).toBeUndefined();
  });
});

describe("missing-value codes", () => {
  it("makes recognised tokens codes of the whole schema", () => {
    const t = infer({ age: ["30", "NSP", "41", "NR"], site: ["a", "a", "NSP", "b"] });
    expect(t.fields[0]?.spec.type).toBe("integer");
    expect(t.missing.map((m) => [m.value, m.label, m.cells, m.columns])).toEqual([
      ["", "blank", 0, 0],
      ["NR", "refused", 1, 1],
      ["NSP", "don't know", 2, 2],
    ]);
    expect(t.fields[1]?.spec.categories).toEqual(["a", "b"]);
  });

  it("makes a text without digits in a numeric column that field's own code, when rare", () => {
    const f = one(["12", "x", "40", "33", "25"]);
    expect(f.spec.type).toBe("integer");
    expect(f.ownCodes).toMatchObject([{ value: "x", label: "code" }]);
    // Labelled in both languages, so that a report in either words it.
    expect(f.ownCodes[0]?.labels).toEqual({ en: "code", fr: "code de non-réponse" });
    expect(f.evidence).toContain("missing: x ×1 (text in a integer column)");
    // As many texts as numbers: a text column, not codes.
    expect(one(["12", "x", "y", "40"]).spec.type).toBe("string");
    // A text with digits is a value of another type.
    expect(one(["12", "12a", "40", "7", "8"]).spec.type).toBe("string");
  });

  it("proposes sentinels only when clearly out of range", () => {
    const neg = one(["-99", "1", "2", "3", "-99"]);
    expect(neg.ownCodes).toMatchObject([{ value: "-99", label: "code" }]);
    expect(neg.evidence).toContain("-99 ×2 (negative, every other value is 0 or more)");
    expect(one(["-99", "-1", "2"]).ownCodes).toEqual([]);
    expect(one(["99", "20", "30", "4"]).ownCodes).toMatchObject([{ value: "99", label: "code" }]);
    const age = one(["99", "60", "70", "18"]);
    expect(age.ownCodes).toEqual([]);
    expect(age.evidence).toBe("integer: 4 values, 18 to 99");
    const yesNo = one(["9", "0", "1", "1", "0"]);
    expect(yesNo.ownCodes).toMatchObject([{ value: "9", label: "code" }]);
    expect(yesNo.spec.categories).toEqual([0, 1]);
  });
});

describe("keys, names, design and indicators", () => {
  it("proposes the first column unique and never missing as the primary key", () => {
    expect(infer({ id: ["1", "2", "3"], v: ["a", "b", "a"] }).primaryKey?.field).toBe("id");
    expect(infer({ id: ["1", "2", "2"], v: ["a", "b", "c"] }).primaryKey?.field).toBe("v");
    expect(infer({ id: ["1", "", "3"], v: ["a", "a", "c"] }).primaryKey).toBeNull();
    expect(infer({ amount: ["1.5", "2.5"] }).primaryKey).toBeNull();
  });

  it("compares whole numbers as numbers when choosing the key: one written with group marks or leading zeros is no new key", () => {
    // "-4,989" is read as the integer -4989 (thousands grouped by ","): a key of it would reject a row.
    expect(infer({ id: ["-4989", "1", "-4,989"], v: ["a", "b", "c"] }).primaryKey?.field).toBe("v");
    expect(infer({ id: ["007", "7", "8"], v: ["a", "b", "c"] }).primaryKey?.field).toBe("v");
    expect(infer({ id: ["1 000", "1000", "2"], v: ["a", "b", "c"] }).primaryKey?.field).toBe("v");
    expect(infer({ id: ["-0", "0", "3"], v: ["a", "b", "c"] }).primaryKey?.field).toBe("v");
    // Different numbers, and texts, stay distinct.
    expect(infer({ id: ["-5", "5", "50"], v: ["a", "a", "a"] }).primaryKey?.field).toBe("id");
    expect(infer({ id: ["A-1", "A1", "a1"], v: ["a", "a", "a"] }).primaryKey?.field).toBe("id");
  });

  it("tracks at most two key candidates past the first 1,000 rows (bounded memory)", () => {
    const n = 1200;
    const seq = (p: string) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const t = infer({ a: seq("a"), b: seq("b"), c: seq("c") });
    expect(t.primaryKey?.field).toBe("a");
    const profiler = new TableProfiler(["a", "b", "c"]);
    for (let i = 0; i < n; i++) profiler.add([`a${i}`, `b${i}`, `c${i}`]);
    expect(profiler.finish().unique).toEqual([true, true, false]);
  });

  it("names fields from headers: lower case, accents and punctuation folded, starting with a letter", () => {
    expect(fieldNameOf("N° questionnaire", 0)).toBe("n_questionnaire");
    expect(fieldNameOf("Ressources mensuelles (€)", 0)).toBe("ressources_mensuelles");
    expect(fieldNameOf("2015", 0)).toBe("v_2015");
    expect(fieldNameOf(" ", 3)).toBe("column_4");
    expect(infer({ Âge: ["1", "2"], age: ["3", "4"] }).fields.map((f) => f.spec.name)).toEqual(["age", "age_2"]);
  });

  it("proposes weights, strata and clusters by name, checked", () => {
    const t = infer({
      Pondération: ["1.5", "2", "2", "1.5"],
      strate: ["A", "A", "B", "B"],
      psu: ["1", "2", "1", "2"],
      q: ["oui", "non", "oui", "oui"],
    });
    expect(t.design.declaration).toEqual({ ids: ["psu"], strata: "strate", weights: "ponderation", nest: true });
    expect(t.design.evidence).toContain(
      'nest: true, as a cluster id of "psu" appears in more than one stratum (ids are numbered within strata)',
    );
    // Design columns and the key get no indicator.
    expect(t.fields.map((f) => f.suggestion?.kind ?? null)).toEqual([null, null, null, "proportion"]);
  });

  it("refuses a weight that is not positive everywhere and says why", () => {
    const t = infer({ poids: ["1", "0", "2"], v: ["a", "b", "a"] });
    expect(t.design.declaration).toBeNull();
    expect(t.design.evidence[0]).toBe('"poids" is named like weights but has a value of 0 or less: not used');
    expect(infer({ psu: ["1", "1"], v: ["a", "b"] }).design.evidence[0]).toBe(
      '"psu" is named like a cluster but holds a single cluster: not used',
    );
  });

  it("checks that clusters nest in strata and flags strata with one cluster", () => {
    const t = infer({ stratum: ["A", "A", "B", "B", "C"], cluster: ["1", "2", "3", "4", "5"] });
    expect(t.design.declaration).toEqual({ ids: ["cluster"], strata: "stratum", lonely_psu: "adjust" });
    expect(t.design.evidence).toContain("each cluster lies in one stratum: no nest needed");
    expect(infer({ WTMEC2YR: ["10.5", "3"], SDMVSTRA: ["83", "83"], SDMVPSU: ["1", "2"] }).design.declaration).toMatchObject({
      ids: ["sdmvpsu"],
      strata: "sdmvstra",
      weights: "wtmec2yr",
    });
  });
});

describe("an SPSS file's labels", () => {
  it("win over inference: title, labelled categories (unlabelled values kept), user-missing codes", () => {
    const profiler = new TableProfiler(["q1", "q2"]);
    for (const row of [
      ["1", "a"],
      ["2", "b"],
      ["3", "a"],
      ["98", "b"],
      ["1", "a"],
    ])
      profiler.add(row);
    const t = inferTable(profiler.finish(), "en", [
      {
        name: "q1",
        type: "integer",
        title: "Satisfaction",
        categories: [
          { value: 1, label: "Low" },
          { value: 2, label: "High" },
        ],
        missingValues: ["", { value: "98", label: "Don't know" }],
      },
      { name: "q2", type: "string", title: "Group" },
    ]);
    expect(t.fields[0]?.spec).toEqual({
      name: "q1",
      type: "integer",
      title: "Satisfaction",
      categories: [{ value: 1, label: "Low" }, { value: 2, label: "High" }, 3],
    });
    expect(t.fields[0]?.ownCodes).toEqual([{ value: "98", label: "Don't know" }]);
    expect(t.fields[0]?.suggestion).toEqual({ kind: "distribution" });
    expect(t.fields[0]?.evidence).toContain(
      'from the SPSS file (its labels win): label "Satisfaction", user-missing 98, 2 value labels as categories (and 1 unlabelled values seen)',
    );
    expect(t.fields[1]?.spec).toMatchObject({ title: "Group", categories: ["a", "b"] });
  });
});
