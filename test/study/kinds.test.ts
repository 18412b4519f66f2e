import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { indicatorKinds } from "../../src/result/kinds.js";
import { StudyFileError } from "../../src/study/errors.js";
import { indicatorSchema, indicatorSchemas, kindsTaking } from "../../src/study/indicators/index.js";
import { loadStudy } from "../../src/study/load.js";

/** A study whose only indicator is `indicator` (YAML lines of one list item, indented 4). */
function studyWith(indicator: string): string {
  return `study: demo
title: Demo
datasets:
  survey: { path: survey.csv, schema: survey.schema.json }
baselines:
  national: { value: 0.5, label: National }
indicators:
  - id: ind
    label: Indicator
    dataset: survey
${indicator}`;
}

async function loadError(text: string, files: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "kinds-"));
  for (const [name, content] of Object.entries({ "study.yaml": text, ...files })) await writeFile(path.join(dir, name), content);
  const error = await loadStudy(path.join(dir, "study.yaml"), "study.yaml").then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StudyFileError);
  return (error as Error).message;
}

describe("indicator kinds", () => {
  it("are the kinds of result/kinds.ts, in its order, each schema with its own kind", () => {
    expect(indicatorSchema.options.map((o) => o.shape.kind.value)).toEqual([...indicatorKinds]);
    for (const kind of indicatorKinds) expect(indicatorSchemas[kind].shape.kind.value).toBe(kind);
  });

  it("know which kinds take a key", () => {
    expect(kindsTaking("when")).toEqual(["proportion", "count", "regression"]);
    expect(kindsTaking("field")).toEqual(["distribution", "mean", "total", "quantile", "count", "multi_select"]);
    expect(kindsTaking("universe")).toEqual([...indicatorKinds]);
    expect(kindsTaking("whenn")).toEqual([]);
  });
});

describe("a key the indicator's kind does not take is refused, with its line", () => {
  const cases: { mistake: string; indicator: string; message: string }[] = [
    {
      mistake: "when on a mean",
      indicator: "    kind: mean\n    field: age\n    when: { field: internet_use, equals: never }\n",
      message:
        'study.yaml, line 13 (indicators[0].when): "when" does not apply to indicator "ind" (kind mean); only proportion, count and regression indicators take it.',
    },
    {
      mistake: "when on a total",
      indicator: "    kind: total\n    when: { field: internet_use, equals: never }\n    field: age\n",
      message:
        'study.yaml, line 12 (indicators[0].when): "when" does not apply to indicator "ind" (kind total); only proportion, count and regression indicators take it.',
    },
    {
      mistake: "field on a proportion",
      indicator: "    kind: proportion\n    when: { field: internet_use, equals: never }\n    field: age\n",
      message:
        'study.yaml, line 13 (indicators[0].field): "field" does not apply to indicator "ind" (kind proportion); only distribution, mean, total, quantile, count and multi_select indicators take it.',
    },
    {
      mistake: "numerator on a mean",
      indicator: "    kind: mean\n    field: age\n    numerator: spend\n",
      message:
        'study.yaml, line 13 (indicators[0].numerator): "numerator" does not apply to indicator "ind" (kind mean); only ratio and mean_of_ratios indicators take it.',
    },
    {
      mistake: "probs on a mean",
      indicator: "    kind: mean\n    field: age\n    probs: [0.5]\n",
      message:
        'study.yaml, line 13 (indicators[0].probs): "probs" does not apply to indicator "ind" (kind mean); only quantile indicators take it.',
    },
    {
      mistake: "ci_method on a ratio",
      indicator: "    kind: ratio\n    numerator: spend\n    denominator: resources\n    ci_method: wilson\n",
      message:
        'study.yaml, line 14 (indicators[0].ci_method): "ci_method" does not apply to indicator "ind" (kind ratio); only proportion, distribution, crosstab and multi_select indicators take it.',
    },
    {
      mistake: "contrasts on a total",
      indicator: "    kind: total\n    field: age\n    contrasts: [{ field: housing, a: street, b: housed }]\n",
      message:
        'study.yaml, line 13 (indicators[0].contrasts): "contrasts" does not apply to indicator "ind" (kind total); only proportion and mean indicators take it.',
    },
    {
      mistake: "published on a distribution",
      indicator: "    kind: distribution\n    field: housing\n    published: { value: 0.5, source: somewhere }\n",
      message:
        'study.yaml, line 13 (indicators[0].published): "published" does not apply to indicator "ind" (kind distribution); only proportion, mean, total, ratio, mean_of_ratios and quantile indicators take it.',
    },
    {
      mistake: "domains on a crosstab",
      indicator: "    kind: crosstab\n    rows: housing\n    columns: internet_use\n    domains: [gender]\n",
      message:
        'study.yaml, line 14 (indicators[0].domains): "domains" does not apply to indicator "ind" (kind crosstab); only proportion, distribution, mean, total, ratio, mean_of_ratios, quantile, count and multi_select indicators take it.',
    },
    {
      mistake: "rows on a distribution",
      indicator: "    kind: distribution\n    field: housing\n    rows: gender\n",
      message:
        'study.yaml, line 13 (indicators[0].rows): "rows" does not apply to indicator "ind" (kind distribution); only crosstab indicators take it.',
    },
    {
      mistake: "baseline on a quantile",
      indicator: "    kind: quantile\n    field: age\n    probs: [0.5]\n    baseline: national\n",
      message:
        'study.yaml, line 14 (indicators[0].baseline): "baseline" does not apply to indicator "ind" (kind quantile); only proportion, mean, total, ratio and mean_of_ratios indicators take it.',
    },
  ];
  it.each(cases)("$mistake", async ({ indicator, message }) => {
    expect(await loadError(studyWith(indicator))).toBe(message);
  });

  it("names the file that states the key when a study extends another", async () => {
    const base = studyWith("    kind: mean\n    field: age\n    when: { field: internet_use, equals: never }\n");
    expect(await loadError("extends: base.yaml\nstudy: child\ntitle: Child\n", { "base.yaml": base })).toBe(
      'base.yaml, line 13 (indicators[0].when): "when" does not apply to indicator "ind" (kind mean); only proportion, count and regression indicators take it.',
    );
  });

  it("says so before the keys the kind then misses (the kind is likely wrong)", async () => {
    expect(await loadError(studyWith("    kind: mean\n    numerator: spend\n    denominator: resources\n"))).toBe(
      'study.yaml, line 12 (indicators[0].numerator): "numerator" does not apply to indicator "ind" (kind mean); only ratio and mean_of_ratios indicators take it.',
    );
  });

  it("still calls a key no kind takes a misspelling", async () => {
    expect(await loadError(studyWith("    kind: mean\n    field: age\n    feild: age\n"))).toBe(
      'study.yaml, line 13 (indicators[0]): unknown key "feild"; check the spelling against docs/study-file.md.',
    );
  });
});

describe("the kind itself and the keys it requires", () => {
  it("lists the kinds when the kind is unknown", async () => {
    expect(await loadError(studyWith("    kind: average\n    field: age\n"))).toBe(
      'study.yaml, line 11 (indicators[0].kind): expected one of "proportion", "distribution", "mean", "total", "ratio", "mean_of_ratios", "quantile", "count", "crosstab", "multi_select", "regression".',
    );
  });

  it("asks for a missing kind", async () => {
    expect(await loadError(studyWith("    field: age\n"))).toBe(
      "study.yaml, line 8 (indicators[0].kind): missing; add this key (see docs/study-file.md).",
    );
  });

  it("asks a count for exactly one of when and field, saying what each counts", async () => {
    const what =
      'a count takes exactly one: "when" for the number of people meeting a condition, "field" for the number in each category of a field.';
    expect(await loadError(studyWith("    kind: count\n"))).toBe(
      `study.yaml, line 8 (indicators[0]): neither "when" nor "field" is given; ${what}`,
    );
    expect(await loadError(studyWith("    kind: count\n    when: { field: internet_use, equals: never }\n    field: housing\n"))).toBe(
      `study.yaml, line 13 (indicators[0].field): "when" and "field" are both given; ${what}`,
    );
    expect(await loadError(studyWith("    kind: count\n    field: housing\n    ci_method: wilson\n"))).toBe(
      'study.yaml, line 13 (indicators[0].ci_method): "ci_method" does not apply to indicator "ind" (kind count); only proportion, distribution, crosstab and multi_select indicators take it.',
    );
  });

  it("says why the kind requires a key", async () => {
    expect(await loadError(studyWith("    kind: quantile\n    field: age\n"))).toBe(
      'study.yaml, line 8 (indicators[0].probs): required for kind "quantile": the probabilities, e.g. [0.5].',
    );
    expect(await loadError(studyWith("    kind: ratio\n    denominator: resources\n"))).toBe(
      'study.yaml, line 8 (indicators[0].numerator): required for kind "ratio": the field summed on top.',
    );
    expect(await loadError(studyWith("    kind: total\n"))).toBe(
      'study.yaml, line 8 (indicators[0].field): required for kind "total": the variable to estimate.',
    );
    expect(await loadError(studyWith("    kind: crosstab\n    rows: housing\n"))).toBe(
      'study.yaml, line 8 (indicators[0].columns): required for kind "crosstab": the categorical field whose categories are the table\'s columns.',
    );
    // A missing enum says why too (zod reports it as a value not in the list), in both languages.
    expect(await loadError(studyWith("    kind: regression\n    outcome: age\n    predictors: [housing]\n"))).toBe(
      'study.yaml, line 8 (indicators[0].family): required for kind "regression": the model: gaussian (linear) or binomial (logistic).',
    );
    expect(await loadError(`lang: fr\n${studyWith("    kind: regression\n    outcome: age\n    predictors: [housing]\n")}`)).toBe(
      "study.yaml, ligne 9 (indicators[0].family)\u00a0: obligatoire pour le type «\u202fregression\u202f»\u00a0: le modèle\u00a0: gaussian (linéaire) ou binomial (logistique).",
    );
  });
});

describe("a regression's own rules", () => {
  it("takes exactly one of outcome and when, and when only for a logistic model", async () => {
    expect(await loadError(studyWith("    kind: regression\n    family: gaussian\n    predictors: [age]\n"))).toBe(
      "study.yaml, line 8 (indicators[0].outcome): a regression takes exactly one of outcome (a field) and when (a condition).",
    );
    expect(
      await loadError(
        studyWith("    kind: regression\n    family: gaussian\n    when: { field: internet_use, equals: never }\n    predictors: [age]\n"),
      ),
    ).toBe("study.yaml, line 13 (indicators[0].when): an outcome given by a condition (when) needs family: binomial.");
  });

  it("refuses an interaction of a field that is not a predictor", async () => {
    expect(
      await loadError(
        studyWith(
          "    kind: regression\n    family: gaussian\n    outcome: age\n    predictors: [housing]\n    interactions: [[housing, gender]]\n",
        ),
      ),
    ).toBe('study.yaml, line 15 (indicators[0].interactions[0][1]): interaction term "gender" is not one of the predictors.');
  });
});
