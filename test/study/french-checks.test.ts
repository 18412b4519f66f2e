import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadSchemasAndCheckFields } from "../../src/study/check-fields.js";
import { StudyFileError } from "../../src/study/errors.js";
import { loadStudy } from "../../src/study/load.js";
import { fr } from "../../src/study/messages/fr.js";
import { englishLines } from "../i18n/english-words.js";

const NB = "\u00a0";
const schema = {
  fields: [
    { name: "id", type: "integer" },
    { name: "internet_use", type: "string", categories: ["daily", "never"] },
    { name: "resources", type: "number" },
    { name: "housing", type: "string", categories: ["street", "housed"] },
    { name: "w", type: "number" },
    { name: "r1", type: "number" },
    { name: "r2", type: "number" },
    { name: "note", type: "string" },
  ],
};

const mean = "  - { id: m, label: M, dataset: d, kind: mean, field: resources }\n";

/**
 * A study of one dataset `d` (its design's keys, then `derive` lines, then indicators, then
 * the study's other keys), loaded and checked in `lang`: the sentence it is refused with.
 */
async function refusal(
  { design = "weights: w", derive = "", indicators = mean, rest = "", top = "study: s\ntitle: T\n" }: Partial<Record<string, string>>,
  lang: "en" | "fr" | undefined,
): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "french-checks-"));
  await writeFile(path.join(dir, "s.json"), JSON.stringify(schema));
  const file = path.join(dir, "study.yaml");
  const derived = derive === "" ? "" : `    derive:\n${derive}`;
  await writeFile(
    file,
    `${top}datasets:\n  d:\n    path: d.csv\n    schema: s.json\n    design: { ${design} }\n${derived}indicators:\n${indicators}${rest}`,
  );
  return yamlRefusal(file, lang);
}

async function yamlRefusal(file: string, lang: "en" | "fr" | undefined): Promise<string> {
  const error = await loadStudy(file, "étude.yaml", lang)
    .then(loadSchemasAndCheckFields)
    .then(
      () => null,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(StudyFileError);
  return (error as Error).message;
}

/** `null`: no --lang, the file's own language. */
async function yamlText(text: string, lang: "en" | "fr" | null = "fr"): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "french-yaml-"));
  const file = path.join(dir, "study.yaml");
  await writeFile(file, text);
  return yamlRefusal(file, lang ?? undefined);
}

/** A French refusal: the file, its line and the key path, a French sentence, no English. */
function expectFrench(message: string, key: string, words: string): void {
  expect(message).toMatch(/^étude\.yaml, ligne \d+/);
  expect(message).toContain(`(${key})${NB}: `);
  expect(message).toContain(words);
  expect(englishLines(message), message).toEqual([]);
}

const bins = (bands: string): string =>
  `      band:\n        label: B\n        bins:\n          field: resources\n          bands: [${bands}]\n`;
const recode = (categories: string, field = "internet_use"): string =>
  `      often:\n        label: O\n        recode:\n          field: ${field}\n          categories: [${categories}]\n`;
const replicates = (keys: string): string => `weights: w, replicates: { ${keys} }`;
const weighting = (keys: string): string => `weights: w, weighting: { ${keys} }`;
const margin = (counts: string): string => `{ fields: housing, counts: { ${counts} } }`;
const indicator = (keys: string): string => `  - { id: i, label: I, dataset: d, ${keys} }\n`;

/** Each case: the study's parts, the key path named, and words of its French sentence. */
const cases: [string, Partial<Record<string, string>>, string, string][] = [
  // Keys zod checks beyond their type.
  ["an identifier", { top: "study: 1s\ntitle: T\n" }, "study", "prenez des lettres, des chiffres"],
  ["a date", { top: "study: s\ntitle: T\ndate: 2014/11/27\n" }, "date", "écrivez une date ISO"],
  ["a section twice", { rest: "sections: [method, method]\n" }, "sections", "nommez chaque section une seule fois"],
  [
    "a condition with no test",
    { indicators: indicator("kind: proportion, when: { field: housing }") },
    "indicators[0].when",
    "une condition sur un champ demande exactement un test",
  ],
  ["a baseline's name", { rest: "baselines:\n  2b: { value: 1, label: B }\n" }, "baselines.2b", "clé non valide\u202f; prenez des lettres"],
  ["a domain entry", { rest: "domains: [[housing]]\n" }, "domains[0]", "un sous-groupe est un nom de champ"],
  // A replicate-weight design.
  [
    "columns and a pattern",
    { design: replicates("columns: [r1, r2], pattern: r, type: JK1") },
    "datasets.d.design.replicates",
    "soit par une liste",
  ],
  [
    "a bad pattern",
    { design: replicates('pattern: "(", type: JK1') },
    "datasets.d.design.replicates.pattern",
    "n’est pas une expression régulière",
  ],
  [
    "Fay without rho",
    { design: replicates("columns: [r1, r2], type: Fay") },
    "datasets.d.design.replicates.type",
    "le type Fay demande rho",
  ],
  [
    "rho without Fay",
    { design: replicates("columns: [r1, r2], type: JK1, rho: 0.5") },
    "datasets.d.design.replicates.rho",
    "rho est le coefficient de Fay",
  ],
  [
    "a fixed scale",
    { design: replicates("columns: [r1, r2], type: BRR, scale: 1") },
    "datasets.d.design.replicates.scale",
    "fixe scale et rscales",
  ],
  [
    "other without scale",
    { design: replicates("columns: [r1, r2], type: other") },
    "datasets.d.design.replicates.type",
    "le type other demande scale",
  ],
  [
    "JKn without rscales",
    { design: replicates("columns: [r1, r2], type: JKn") },
    "datasets.d.design.replicates.type",
    "le type JKn avec des poids combinés",
  ],
  [
    "replicates with ids",
    { design: `ids: id, ${replicates("columns: [r1, r2], type: JK1")}` },
    "datasets.d.design.ids",
    "ne prend ni ids, ni strata, ni fpc",
  ],
  [
    "replicates without weights",
    { design: "replicates: { columns: [r1, r2], type: JK1 }" },
    "datasets.d.design.replicates",
    "un plan à poids répliqués demande weights",
  ],
  [
    "replicates trimmed",
    { design: `${replicates("columns: [r1, r2], type: JK1")}, weighting: { trim: { upper: 3 } }` },
    "datasets.d.design.weighting.trim",
    "ne peut pas être écrêté",
  ],
  [
    "a replicate column not numeric",
    { design: replicates("columns: [r1, note], type: JK1") },
    "datasets.d.design.replicates.columns[1]",
    "les poids répliqués doivent être numériques",
  ],
  [
    "a pattern matching one column",
    { design: replicates("pattern: ^r1$, type: JK1") },
    "datasets.d.design.replicates.pattern",
    "ne désigne que r1 du jeu de données d",
  ],
  [
    "rscales of the wrong length",
    { design: replicates("columns: [r1, r2], type: JK1, rscales: [1, 1, 1]") },
    "datasets.d.design.replicates.rscales",
    "rscales a 3 valeurs mais il y a 2 colonnes",
  ],
  // The weighting's targets and bounds.
  ["trim without bounds", { design: weighting("trim: {}") }, "datasets.d.design.weighting.trim", "donnez lower, upper ou les deux"],
  [
    "trim bounds in the wrong order",
    { design: weighting("trim: { lower: 5, upper: 1.5 }") },
    "datasets.d.design.weighting.trim.upper",
    "upper (1,5) doit être supérieur à lower (5)",
  ],
  [
    "g-bounds in the wrong order",
    { design: weighting(`method: calibrate, margins: [${margin("street: 5, housed: 5")}], bounds: [2, 1]`) },
    "datasets.d.design.weighting.bounds",
    "la borne inférieure doit être en dessous",
  ],
  ["no method", { design: weighting("population: 10") }, "datasets.d.design.weighting", "donnez une méthode"],
  [
    "margins without a method",
    { design: weighting(`trim: { upper: 3 }, margins: [${margin("street: 5, housed: 5")}]`) },
    "datasets.d.design.weighting.margins",
    "des marges demandent une méthode",
  ],
  [
    "a method without margins",
    { design: weighting("method: rake") },
    "datasets.d.design.weighting.margins",
    "rake demande au moins une marge",
  ],
  [
    "post-stratification of two margins",
    { design: weighting(`method: post-stratify, margins: [${margin("street: 5, housed: 5")}, ${margin("street: 5, housed: 5")}]`) },
    "datasets.d.design.weighting.margins",
    "la post-stratification prend une seule marge",
  ],
  [
    "logit without bounds",
    { design: weighting(`method: calibrate, calfun: logit, margins: [${margin("street: 5, housed: 5")}]`) },
    "datasets.d.design.weighting.calfun",
    "le calage logit demande bounds",
  ],
  [
    "a key of another method",
    { design: weighting(`method: rake, calfun: linear, margins: [${margin("street: 5, housed: 5")}]`) },
    "datasets.d.design.weighting.calfun",
    "calfun s’applique à la méthode calibrate, pas à rake",
  ],
  [
    "margins of different totals",
    {
      design: weighting(
        `method: rake, margins: [${margin("street: 5, housed: 5")}, { fields: internet_use, counts: { daily: 4, never: 2.5 } }]`,
      ),
    },
    "datasets.d.design.weighting.margins[1].counts",
    "les effectifs de la marge 2 (internet_use) font 6,5 au total, et non les 10 de la première marge",
  ],
  [
    "margins off the population",
    { design: weighting(`method: rake, population: 12, margins: [${margin("street: 5, housed: 5")}]`) },
    "datasets.d.design.weighting.margins[0].counts",
    "et non la population de 12",
  ],
  [
    "a margin field the schema lacks",
    { design: weighting(`method: rake, margins: [{ fields: hosing, counts: { a: 1 } }]`) },
    "datasets.d.design.weighting.margins[0].fields",
    "champ inconnu «\u202fhosing\u202f» dans le jeu de données d",
  ],
  [
    "a calibration total not numeric",
    { design: weighting(`method: calibrate, margins: [${margin("street: 5, housed: 5")}], totals: { housing: 3 }`) },
    "datasets.d.design.weighting.totals.housing",
    "un total de calage demande un champ numérique",
  ],
  // Derived variables and harmonise.
  [
    "not a range",
    { derive: bins('{ value: a, range: "18-35" }') },
    "datasets.d.derive.band.bins.bands[0].range",
    "n’est pas un intervalle",
  ],
  [
    "a closed infinite end",
    { derive: bins('{ value: a, range: "[-inf, 3)" }') },
    "datasets.d.derive.band.bins.bands[0].range",
    "une extrémité infinie est ouverte",
  ],
  [
    "a range upside down",
    { derive: bins('{ value: a, range: "[5, 3)" }') },
    "datasets.d.derive.band.bins.bands[0].range",
    "la borne inférieure doit être en dessous",
  ],
  [
    "overlapping bands",
    { derive: bins('{ value: a, range: "[0, 5)" }, { value: b, range: "[3, 9)" }') },
    "datasets.d.derive.band.bins.bands[1].range",
    "les tranches doivent être dans l’ordre croissant",
  ],
  [
    "a band value twice",
    { derive: bins('{ value: a, range: "[0, 5)" }, { value: a, range: "[5, 9)" }') },
    "datasets.d.derive.band.bins.bands",
    "la valeur de tranche «\u202fa\u202f» est donnée deux fois",
  ],
  [
    "a value recoded twice",
    { derive: recode("{ value: a, from: [daily] }, { value: b, from: [daily, never] }") },
    "datasets.d.derive.often.recode.categories[1].from",
    "est recodée deux fois",
  ],
  [
    "a category twice",
    { derive: recode("{ value: a, from: [daily] }, { value: a, from: [never] }") },
    "datasets.d.derive.often.recode.categories",
    "la modalité «\u202fa\u202f» est donnée deux fois",
  ],
  [
    "two operations",
    { derive: "      x:\n        label: X\n        sum: [resources, w]\n        ratio: [resources, w]\n" },
    "datasets.d.derive.x",
    "exactement un de recode, bins",
  ],
  [
    "a schema field's name",
    { derive: "      resources:\n        label: X\n        sum: [resources, w]\n" },
    "datasets.d.derive.resources",
    "porte le nom d’un champ du schéma",
  ],
  ["reading itself", { derive: "      x:\n        label: X\n        sum: [x, w]\n" }, "datasets.d.derive.x.sum", "se lit elle-même"],
  [
    "a cycle",
    { derive: "      x:\n        label: X\n        sum: [y, w]\n      y:\n        label: Y\n        sum: [x, w]\n" },
    "datasets.d.derive.x.sum",
    "des variables dérivées forment un cycle (x → y → x)",
  ],
  [
    "reading one below",
    { derive: "      x:\n        label: X\n        sum: [y, w]\n      y:\n        label: Y\n        sum: [resources, w]\n" },
    "datasets.d.derive.x.sum",
    "déclarée en dessous d’elle",
  ],
  [
    "reading an unknown field",
    { derive: "      x:\n        label: X\n        sum: [nope, w]\n" },
    "datasets.d.derive.x.sum",
    "lit le champ inconnu «\u202fnope\u202f»",
  ],
  [
    "recoding a number",
    { derive: recode("{ value: a, from: [1] }", "resources") },
    "datasets.d.derive.often.recode.field",
    "un recodage demande un champ catégoriel",
  ],
  [
    "recoding no category",
    { derive: recode("{ value: a, from: [Daily, never] }") },
    "datasets.d.derive.often.recode.categories[0].from",
    "«\u202fDaily\u202f» n’est pas une modalité de internet_use",
  ],
  [
    "a category left out",
    { derive: recode("{ value: a, from: [daily] }") },
    "datasets.d.derive.often.recode.categories",
    "la modalité «\u202fnever\u202f» de internet_use n’est pas recodée",
  ],
  [
    "a sum of text",
    { derive: "      x:\n        label: X\n        sum: [housing, w]\n" },
    "datasets.d.derive.x.sum",
    "demande un champ numérique, or «\u202fhousing\u202f» est un champ string",
  ],
  [
    "harmonising no dataset",
    { rest: "harmonise: { e: { housing: { street: housed } } }\n" },
    "harmonise.e",
    "pas de jeu de données «\u202fe\u202f» dans cette étude",
  ],
  [
    "harmonising an unknown field",
    { rest: "harmonise: { d: { hosing: { street: housed } } }\n" },
    "harmonise.d.hosing",
    "champ inconnu «\u202fhosing\u202f»",
  ],
  [
    "harmonising a number",
    { rest: "harmonise: { d: { resources: { a: b } } }\n" },
    "harmonise.d.resources",
    "n’a pas de modalités à harmoniser",
  ],
  [
    "harmonising no category",
    { rest: "harmonise: { d: { housing: { Street: housed } } }\n" },
    "harmonise.d.housing.Street",
    "«\u202fStreet\u202f» n’est pas une modalité de housing",
  ],
  // The fields the study names.
  [
    "an unknown field",
    { indicators: indicator("kind: mean, field: resource") },
    "indicators[0].field",
    "champ inconnu «\u202fresource\u202f» dans le jeu de données d",
  ],
  [
    "a value no category",
    { indicators: indicator("kind: proportion, when: { field: internet_use, equals: Never }") },
    "indicators[0].when",
    "«\u202fNever\u202f» n’est pas une modalité de internet_use",
  ],
  ["a domain no dataset has", { rest: "domains: [age]\n" }, "domains[0]", "aucun jeu de données n’a de champ «\u202fage\u202f»"],
  [
    "crossed fields no dataset has",
    { rest: "domains: [[housing, age]]\n" },
    "domains[0]",
    "aucun jeu de données n’a tous les champs croisés",
  ],
  [
    "a mean of text",
    { indicators: indicator("kind: mean, field: housing") },
    "indicators[0].field",
    "l’indicateur «\u202fi\u202f» (type mean) demande un champ numérique",
  ],
  [
    "a multi_select of one choice",
    { indicators: indicator("kind: multi_select, field: housing") },
    "indicators[0].field",
    "demande un champ à choix multiples",
  ],
  // An indicator's keys.
  [
    "a key of another kind",
    { indicators: indicator("kind: mean, field: resources, when: { field: housing, equals: street }") },
    "indicators[0].when",
    "«\u202fwhen\u202f» ne s’applique pas à l’indicateur «\u202fi\u202f» (type mean)\u202f; seuls les indicateurs proportion, count et regression le prennent",
  ],
  [
    "a mean without field",
    { indicators: indicator("kind: mean") },
    "indicators[0].field",
    `obligatoire pour le type «\u202fmean\u202f»${NB}: la variable à estimer`,
  ],
  ["a multi_select without field", { indicators: indicator("kind: multi_select") }, "indicators[0].field", "le champ à choix multiples"],
  [
    "a crosstab without rows",
    { indicators: indicator("kind: crosstab, columns: housing") },
    "indicators[0].rows",
    "dont les modalités sont les lignes du tableau",
  ],
  [
    "a crosstab without columns",
    { indicators: indicator("kind: crosstab, rows: housing") },
    "indicators[0].columns",
    "dont les modalités sont les colonnes du tableau",
  ],
  [
    "a ratio without numerator",
    { indicators: indicator("kind: ratio, denominator: w") },
    "indicators[0].numerator",
    "le champ sommé au numérateur",
  ],
  [
    "a ratio without denominator",
    { indicators: indicator("kind: ratio, numerator: w") },
    "indicators[0].denominator",
    "le champ sommé au dénominateur",
  ],
  [
    "a proportion without when",
    { indicators: indicator("kind: proportion") },
    "indicators[0].when",
    "la condition dont la part est estimée",
  ],
  [
    "a quantile without probs",
    { indicators: indicator("kind: quantile, field: resources") },
    "indicators[0].probs",
    "les probabilités, p.\u00a0ex. [0.5]",
  ],
  // A missing family says why, as the other required keys do (zod reports it as a value not in the list).
  [
    "a regression without family",
    { indicators: indicator("kind: regression, outcome: resources, predictors: [housing]") },
    "indicators[0].family",
    "obligatoire pour le type «\u202fregression\u202f»\u00a0: le modèle\u00a0: gaussian (linéaire) ou binomial (logistique)",
  ],
  [
    "a regression without predictors",
    { indicators: indicator("kind: regression, family: gaussian, outcome: resources") },
    "indicators[0].predictors",
    "les champs sur lesquels la variable expliquée est régressée",
  ],
  [
    "a count of both",
    { indicators: indicator("kind: count, field: housing, when: { field: housing, equals: street }") },
    "indicators[0].field",
    "«\u202fwhen\u202f» et «\u202ffield\u202f» sont donnés tous les deux",
  ],
  [
    "a count of neither",
    { indicators: indicator("kind: count") },
    "indicators[0]",
    "ni «\u202fwhen\u202f» ni «\u202ffield\u202f» n’est donné",
  ],
  [
    "a regression of two outcomes",
    {
      indicators: indicator(
        "kind: regression, family: binomial, outcome: resources, when: { field: housing, equals: street }, predictors: [housing]",
      ),
    },
    "indicators[0].outcome",
    "une régression prend exactement un de outcome",
  ],
  [
    "a linear model of a condition",
    { indicators: indicator("kind: regression, family: gaussian, when: { field: housing, equals: street }, predictors: [housing]") },
    "indicators[0].when",
    "demande family: binomial",
  ],
  [
    "a predictor twice",
    { indicators: indicator("kind: regression, family: gaussian, outcome: resources, predictors: [housing, housing]") },
    "indicators[0].predictors[1]",
    "la variable explicative «\u202fhousing\u202f» est listée deux fois",
  ],
  [
    "an interaction of no predictor",
    {
      indicators: indicator(
        "kind: regression, family: gaussian, outcome: resources, predictors: [housing, w], interactions: [[housing, id]]",
      ),
    },
    "indicators[0].interactions[0][1]",
    "le terme d’interaction «\u202fid\u202f» n’est pas l’une des variables explicatives",
  ],
  [
    "an interaction of one predictor",
    { indicators: indicator("kind: regression, family: gaussian, outcome: resources, predictors: [housing, w], interactions: [[w, w]]") },
    "indicators[0].interactions[0]",
    "pas deux fois «\u202fw\u202f»",
  ],
];

describe("a study file's content is refused in French under --lang fr", () => {
  for (const [name, parts, key, words] of cases) {
    it(name, async () => {
      const message = await refusal(parts, "fr");
      expectFrench(message, key, words);
      // The same study in English names the same place (its sentence pinned by the English tests).
      expect(await refusal(parts, "en")).toContain(`(${key}): `);
    });
  }

  it("in the study's own language when no --lang is given (lang: fr)", async () => {
    const message = await refusal({ top: "study: s\ntitle: T\nlang: fr\n", design: weighting("method: rake") }, undefined);
    expect(message).toContain("rake demande au moins une marge");
    expect(
      await refusal({ top: "study: s\ntitle: T\nlang: fr\n", indicators: indicator("kind: mean, field: housing") }, undefined),
    ).toContain("demande un champ numérique");
  });

  it("a key of the wrong type is named as such, not as missing", async () => {
    const wrong = "  - { id: m, label: M, dataset: d, kind: mean, field: resources, published: { value: abc, source: s } }\n";
    const absent = "  - { id: m, label: M, dataset: d, kind: mean, field: resources, published: { source: s } }\n";
    expect(await refusal({ indicators: wrong }, "en")).toBe("étude.yaml, line 9 (indicators[0].published.value): expected number.");
    expect(await refusal({ indicators: wrong }, "fr")).toBe(
      `étude.yaml, ligne 9 (indicators[0].published.value)${NB}: attendu${NB}: un nombre.`,
    );
    expect(await refusal({ indicators: absent }, "fr")).toContain(`(indicators[0].published.value)${NB}: absente`);
  });

  it("a study with no dataset", async () => {
    const message = await yamlText("study: s\ntitle: T\ndatasets: {}\n");
    expect(message).toBe(`étude.yaml, ligne 3 (datasets)${NB}: déclarez au moins un jeu de données.`);
  });
});

describe("a YAML syntax error is worded in French by the parser's code, with its line and column", () => {
  const yamlCases: [string, string, string][] = [
    ["BAD_INDENT", "study: s\ntitle:\n  en: T\n fr: U\n", "indentation incorrecte"],
    ["BAD_INDENT", "study: s\ntitle: [T, U\n", "indentation incorrecte"],
    ["MISSING_CHAR", "study: 's\ntitle: T\n", "un caractère manque"],
    ["DUPLICATE_KEY", "study: s\nstudy: t\n", "clé répétée dans le même dictionnaire"],
    ["BLOCK_AS_IMPLICIT_KEY", "study: s\ntitle: T\n  datasets: x\n", "un bloc ne peut pas servir de clé"],
    ["MULTIPLE_DOCS", "study: s\n---\ntitle: T\n", "plusieurs documents YAML"],
    ["BAD_DQ_ESCAPE", 'study: "\\q"\n', "séquence d’échappement non valide"],
    ["BAD_SCALAR_START", "study: @s\n", "ne peut pas commencer par ce caractère"],
    ["MULTIPLE_ANCHORS", "study: &a &b s\n", "qu’une ancre"],
    ["UNEXPECTED_TOKEN", "study: s\n]\n", "élément inattendu"],
    ["TAB_AS_INDENT", "study:\n\t- a\n", "une tabulation sert d’indentation"],
  ];
  for (const [code, text, words] of yamlCases) {
    it(code, async () => {
      const message = await yamlText(text);
      expect(message).toMatch(new RegExp(`^étude\\.yaml, ligne \\d+, colonne \\d+${NB}: ni YAML ni JSON valide \\(`));
      expect(message).toContain(words);
      expect(message).not.toContain("erreur de syntaxe");
      expect(englishLines(message), message).toEqual([]);
      // English keeps the parser's own sentence, naming the line.
      expect(await yamlText(text, "en")).toMatch(/^étude\.yaml, line \d+: not valid YAML or JSON \(/);
    });
  }

  it("in the language the file states when no --lang is given, even when it cannot be parsed", async () => {
    expect(await yamlText("study: s\nlang: fr\nstudy: t\n", null)).toMatch(/^étude\.yaml, ligne 3, colonne 1\u00a0: .+clé répétée/);
    expect(await yamlText("study: s\nlang: 'fr' # French\ntitle: [T\n", null)).toContain("indentation incorrecte");
    expect(await yamlText("study: s\nstudy: t\n", null)).toMatch(/^étude\.yaml, line 2: not valid YAML or JSON \(/);
    expect(await yamlText("extends: none.yaml\nlang: fr\nstudy: s\ntitle: T\n", null)).toBe(
      `étude.yaml, ligne 1 (extends)${NB}: none.yaml n’existe pas (cherché${NB}: none.yaml).`,
    );
  });

  it("a code the catalogue does not know gets a generic French sentence", () => {
    expect(fr.yamlSyntax("SOME_LATER_CODE", "An English sentence")).toBe("ni YAML ni JSON valide (erreur de syntaxe)");
  });

  it("an alias to no anchor, too many aliases and too deep a nesting", async () => {
    expect(await yamlText("study: *nowhere\n")).toMatch(/^étude\.yaml\u00a0: ni YAML ni JSON valide \(alias \(\*nom\) non valide\)\.$/);
    const aliases = `a: &a [1, 2]\nb: [${Array.from({ length: 150 }, () => "*a").join(", ")}]\n`;
    expect(await yamlText(aliases)).toContain("les alias YAML (*nom) se développent en plus de 100 copies");
    const deep = `study: ${"[".repeat(100)}${"]".repeat(100)}\n`;
    expect(await yamlText(deep)).toContain("dictionnaires et listes sont imbriqués sur plus de");
  });
});
