import { spawnSync } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en as cliEn } from "../../src/cli/i18n/en.js";
import { fr as cliFr } from "../../src/cli/i18n/fr.js";
import { en as definitionsEn } from "../../src/pipeline/definitions/en.js";
import { fr as definitionsFr } from "../../src/pipeline/definitions/fr.js";
import { comparisonMessages } from "../../src/report/comparison/messages.js";
import { en as reportEn } from "../../src/report/i18n/en.js";
import { fr as reportFr } from "../../src/report/i18n/fr.js";
import { en as studyEn } from "../../src/study/messages/en.js";
import { fr as studyFr } from "../../src/study/messages/fr.js";
import { en as scaffoldEn } from "../../src/study/scaffold/comments/en.js";
import { fr as scaffoldFr } from "../../src/study/scaffold/comments/fr.js";
import { en as issuesEn } from "../../src/vocabulary/issue-text/en.js";
import { fr as issuesFr } from "../../src/vocabulary/issue-text/fr.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { REFERENCE_DIR } from "../r-survey/reference.js";
import { englishLines, studySources } from "./english-words.js";

const HOLE = "\u0000";

/** The fixed words of an entry: its text around the arguments, one piece per stretch. */
function pieces(entry: unknown): string[] {
  if (typeof entry === "string") return [entry];
  if (Array.isArray(entry)) return entry.flatMap(pieces);
  if (entry !== null && typeof entry === "object") return Object.values(entry).flatMap(pieces);
  if (typeof entry !== "function") return [];
  for (const hole of [HOLE, 2]) {
    try {
      const out = (entry as (...a: unknown[]) => unknown)(...Array.from({ length: entry.length }, () => hole));
      return typeof out === "string" ? out.split(HOLE) : pieces(out);
    } catch {
      // try a number
    }
  }
  return [];
}

const words = (catalogue: Record<string, unknown>): string[] =>
  Object.values(catalogue)
    .flatMap(pieces)
    .map((p) => p.trim());
const french = new Set(
  [reportFr, comparisonMessages("fr"), cliFr, issuesFr, definitionsFr, scaffoldFr, studyFr].flatMap((c) =>
    words(c as Record<string, unknown>),
  ),
);
/** English sentences of ours: three words or more, and not a piece French shares (names, codes). */
const englishSentences = [
  ...new Set(
    [reportEn, comparisonMessages("en"), cliEn, issuesEn, definitionsEn, scaffoldEn, studyEn]
      .flatMap((c) => words(c as Record<string, unknown>))
      .filter((p) => /[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/.test(p) && !french.has(p)),
  ),
];

const study2014 = path.join(repoRoot, "data-schemas/connexions-solidaires-2014/study.yaml");
const study2015 = path.join(repoRoot, "data-schemas/connexions-solidaires-2015/study.yaml");
const frenchExample = path.join(repoRoot, "docs/examples/french-excel/study.yaml");
/** The studies' plain texts (published sources), the same in every language. */
const plain = [...studySources(study2014), ...studySources(study2015), ...studySources(frenchExample)];

/**
 * English in a French output, two ways: a sentence of our catalogues, or a line that reads as
 * English (two English words), which also finds a string written in the code and never put in a
 * catalogue.
 */
function englishIn(text: string): string[] {
  return [...englishSentences.filter((s) => text.includes(s)), ...englishLines(text, plain)];
}

describe("the bundled study in French", () => {
  it("has English sentences to look for", () => {
    expect(englishSentences.length).toBeGreaterThan(100);
    // The scan finds ours in English text: a check that can fail.
    expect(englishIn(`${reportEn.syntheticNotice} ${cliEn.noPublished}`).length).toBeGreaterThan(1);
    // A sentence in no catalogue, and one in a JSON result, are found too; French is not.
    expect(englishLines("exclusion-study: the file has no rows of data.")).toHaveLength(1);
    expect(englishLines(JSON.stringify({ warnings: ["proportion is exactly 0: one-sided bound with n = 4"] }))).toHaveLength(1);
    expect(englishLines("le fichier n’a pas de colonne age ; ajoutez-la, ou faites-y correspondre la colonne de l’export")).toEqual([]);
  });

  it("report: the Markdown, the terminal summary and stderr hold no English sentence of ours", async () => {
    const out = await tempDir();
    const run = await cli(["report", "--lang", "fr", "--out", out]);
    expect(run.code).toBe(0);
    for (const file of ["connexions-solidaires-2014.md", "connexions-solidaires-2014.json"])
      expect(englishIn(await readFile(path.join(out, file), "utf8")), file).toEqual([]);
    expect(englishIn(run.stdout + run.stderr)).toEqual([]);
  }, 60_000);

  it("the French example (lang: fr, no --lang): its report, its JSON and validate hold no English", async () => {
    const out = await tempDir();
    const run = await cli(["report", frenchExample, "--out", out]);
    expect(run.code).toBe(0);
    for (const file of ["example-french-excel.md", "example-french-excel.json"])
      expect(englishIn(await readFile(path.join(out, file), "utf8")), file).toEqual([]);
    const validate = await cli(["validate", frenchExample]);
    expect(validate.stdout).toContain("lignes lues");
    for (const r of [run, validate]) expect(englishIn(r.stdout + r.stderr)).toEqual([]);
  }, 60_000);

  it("the errors that stop every command are in French", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "e.csv"), "a,b\n1,2\n");
    await writeFile(path.join(dir, "study.yaml"), "");
    await writeFile(path.join(dir, "typo.yaml"), "study: x\ntitel: y\n");
    await writeFile(path.join(dir, "header.csv"), "respondent_id\n");
    await writeFile(path.join(dir, "quote.csv"), 'a,b\n"1,2\n');
    await writeFile(path.join(dir, "binary.csv"), "\u0000\u0001binary");
    await writeFile(path.join(dir, "twice.yaml"), "study: x\nstudy: y\n");
    await writeFile(
      path.join(dir, "s.json"),
      JSON.stringify({
        fields: [
          { name: "w", type: "number" },
          { name: "note", type: "string" },
        ],
      }),
    );
    await writeFile(
      path.join(dir, "fields.yaml"),
      "study: x\ntitle: X\ndatasets:\n  d: { path: e.csv, schema: s.json, design: { weights: w } }\nindicators:\n  - { id: m, label: M, dataset: d, kind: mean, field: note }\n",
    );
    const runs = [
      await cli(["validate", path.join(dir, "typo.yaml"), "--lang", "fr"]),
      await cli(["validate", path.join(dir, "study.yaml"), "--lang", "fr"]),
      await cli(["report", "--format", "pdf", "--lang", "fr", "--out", path.join(dir, "o")]),
      await cli(["report", "--data", "nope=x.csv", "--lang", "fr", "--out", path.join(dir, "o")]),
      await cli(["reproduce", path.join(dir, "none.yaml"), "--lang", "fr"]),
      await cli(["compare", study2014, "--lang", "fr"]),
      await cli(["compare", study2014, path.join(dir, "none.yaml"), "--lang", "fr"]),
      await cli(["validate", "--bogus", "--lang", "fr"]),
      await cli(["report", "--data", `questionnaire=${path.join(dir, "header.csv")}`, "--lang", "fr", "--out", path.join(dir, "o")]),
      await cli(["validate", "--data", `questionnaire=${path.join(dir, "quote.csv")}`, "--lang", "fr"]),
      await cli(["validate", "--data", `questionnaire=${path.join(dir, "binary.csv")}`, "--lang", "fr"]),
      await cli(["validate", path.join(dir, "twice.yaml"), "--lang", "fr"]),
      await cli(["report", path.join(dir, "fields.yaml"), "--lang", "fr", "--out", path.join(dir, "o")]),
      await cli(["validate", "--data", `questionnaire=${dir}`, "--lang", "fr"]),
      await cli(["validate", path.join(dir, "none.yaml"), "--lang", "fr"]),
      await cli(["validate", study2014, "--data", `questionnaire=${path.join(dir, "none.csv")}`, "--lang", "fr"]),
      await cli(["validate", "--max-rejected", "many", "--lang", "fr"]),
      await cli(["init", path.join(dir, "none.csv"), "--out", path.join(dir, "x"), "--lang", "fr"]),
      await cli(["validate", path.join(dir, "e.csv"), "--lang", "fr"]),
      await cli(["init", "-", "--out", path.join(dir, "x"), "--lang", "fr"]),
      await cli(["init", path.join(dir, "e.csv"), "--xlsform", "form.xlsx", "--sheet", "2", "--out", path.join(dir, "x"), "--lang", "fr"]),
      await cli(["init", study2014, path.join(dir, "e.csv"), "--header-row", "2", "--lang", "fr"]),
      await cli(["init", path.join(dir, "e.csv"), "--out", dir, "--lang", "fr"]),
    ];
    for (const r of runs) {
      expect(r.code, r.stderr).toBeGreaterThan(0);
      expect(r.stderr).toMatch(/^(exclusion-study|erreur)\u00a0?: .+/);
      expect(englishIn(r.stderr), r.stderr).toEqual([]);
    }
    const said = runs.map((r) => r.stderr);
    expect(said[0]).toContain("ajoutez cette clé");
    expect(said[2]).toContain("format inconnu");
    expect(said[5]).toContain("argument obligatoire manquant");
    expect(said[8]).toContain("aucune ligne de données");
    expect(said[10]).toContain("fichier binaire");
    expect(said[11]).toContain("ligne 2, colonne 1\u00a0: ni YAML ni JSON valide (clé répétée");
    expect(said[12]).toContain("ligne 6 (indicators[0].field)\u00a0: l’indicateur «\u202fm\u202f» (type mean) demande un champ numérique");
    expect(said.at(-9)).toContain("fichier introuvable");
    expect(said.at(-5)).toContain("est un fichier de données, pas un fichier d’étude");
    expect(said.at(-4)).toContain("l’entrée standard (-)");
    expect(said.at(-3)).toContain("avec --xlsform");
    expect(said.at(-2)).toContain("une nouvelle vague lit la feuille");
    expect(said.at(-1)).toContain("ajoutez --force");
  }, 60_000);

  it("a design the data contradict and a weighting that cannot be carried out are refused in French", async () => {
    const dir = await tempDir();
    const study = path.join(dir, "study.yaml");
    await writeFile(
      study,
      `study: refused
title: { en: Refused weighting, fr: Pondération refusée }
lang: fr
datasets:
  api:
    path: ${JSON.stringify(path.join(REFERENCE_DIR, "apistrat.csv"))}
    schema: ${JSON.stringify(path.join(repoRoot, "test/r-survey/studies/api.schema.json"))}
    design:
      ids: [dnum]
      strata: stype
      weights: pw
      nest: true
      weighting:
        method: post-stratify
        margins:
          - fields: stype
            counts: { E: 4421, H: 755, M: 1018, X: 5 }
indicators:
  - { id: api00, label: API, dataset: api, kind: mean, field: api00 }
`,
    );
    const runs = [
      await cli(["report", path.join(repoRoot, "test/r-survey/studies/lonely.yaml"), "--lang", "fr", "--out", dir]),
      await cli(["report", study, "--out", path.join(dir, "out")]),
    ];
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(englishIn(r.stderr), r.stderr).toEqual([]);
    }
    expect(runs[0]?.stderr).toMatch(/^exclusion-study: plan de sondage\u00a0: la strate «\u202f\d+\u202f» n’a qu’une unité tirée/);
    expect(runs[1]?.stderr).toContain("ligne 17 (datasets.api.design.weighting.margins[0].counts.X)\u00a0: la modalité");
  }, 60_000);

  it("validate, reproduce and init speak French", async () => {
    const validate = await cli(["validate", "--lang", "fr"]);
    expect(validate.stdout).toContain("lignes lues");
    const reproduce = await cli(["reproduce", "--lang", "fr"]);
    expect(reproduce.stdout).toContain("chiffres publiés sur");
    const init = await cli(["init", study2014, "fixtures/connexions-solidaires-2015/questionnaire.csv", "--lang", "fr"]);
    expect(init.stderr).toContain("appariées");
    for (const run of [validate, reproduce, init]) expect(englishIn(run.stdout + run.stderr)).toEqual([]);
  }, 60_000);

  it.each(["the program", "validate", "report", "reproduce", "compare", "init", "generate"])(
    "--help of %s under --lang fr holds no English",
    async (name) => {
      const command = name === "the program" ? [] : [name];
      for (const args of [
        [...command, "--help", "--lang", "fr"],
        [...command, "--lang=fr", "-h"],
        ["help", ...command, "--lang", "fr"],
        // --lang before the command is the command's.
        ["--lang", "fr", ...command, "--help"],
      ]) {
        const run = await cli(args);
        expect(run.code, args.join(" ")).toBe(0);
        expect(run.stdout).toMatch(/^Utilisation\u00a0: exclusion-study/);
        expect(run.stdout).toMatch(/\nOptions\u00a0:\n/);
        expect(run.stdout).toMatch(command.length > 0 ? /\nArguments\u00a0:\n[\s\S]*\nExemples?\u00a0:\n/ : /\nCommandes\u00a0:\n/);
        expect(englishIn(run.stdout), args.join(" ")).toEqual([]);
      }
    },
  );

  it("--help and command-line refusals follow a French locale when no --lang is given; nothing else does", async () => {
    const french = { LANG: "fr_FR.UTF-8" };
    expect((await cli(["--help"], { env: french })).stdout).toMatch(/^Utilisation\u00a0:/);
    const refused = await cli(["report", "--bogus"], { env: french });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe("erreur\u00a0: option inconnue «\u202f--bogus\u202f»\n(lancez avec --help pour l’aide)\n");
    expect((await cli(["report", "--bogus"], { env: { ...french, LC_ALL: "C" } })).stderr).toMatch(/^error: unknown option '--bogus'/);
    expect((await cli(["init", "--help"], { env: { LC_MESSAGES: "fr_CA" } })).stdout).toMatch(/^Utilisation\u00a0:/);
    // LC_ALL wins over LANG, and --lang over both.
    expect((await cli(["--help"], { env: { ...french, LC_ALL: "C" } })).stdout).toMatch(/^Usage: /);
    expect((await cli(["--help", "--lang", "en"], { env: french })).stdout).toMatch(/^Usage: /);
    const reproduce = await cli(["reproduce"], { env: french });
    expect(reproduce.stdout).toContain("published figures");
    expect(reproduce.stdout).not.toContain("chiffres publiés");
  }, 60_000);

  it("--lang before the command is the command's --lang", async () => {
    const before = await cli(["--lang", "fr", "reproduce"]);
    expect(before.code, before.stderr).toBe(0);
    expect(before.stdout).toBe((await cli(["reproduce", "--lang", "fr"])).stdout);
    expect(before.stdout).toContain("chiffres publiés");
    const refused = await cli(["--lang", "fr", "reproduce", "--data", "nope=x.csv"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("l’étude n’a pas de jeu de données «\u202fnope\u202f»");
    // Given twice, the last --lang wins, for the output and for the error alike.
    const twice = await cli(["--lang", "en", "reproduce", "--lang=fr", "--data", "nope=x.csv"]);
    expect(twice.stderr).toContain("l’étude n’a pas de jeu de données");
    expect((await cli(["--lang=fr", "reproduce", "--lang", "en"])).stdout).toContain("published figures");
  }, 60_000);

  it("generate: its line and its refusals are in French", async () => {
    const dir = await tempDir();
    const runs = [
      await cli(["generate", dir, "--rows", "100", "--lang", "fr"]),
      await cli(["generate", dir, "--rows", "1", "--lang", "fr"]),
      await cli(["generate", dir, "--wave", "2013", "--lang", "fr"]),
    ];
    expect(runs.map((r) => r.code)).toEqual([0, 2, 2]);
    expect(runs[0]?.stderr).toContain("fichiers synthétiques écrits dans");
    expect(runs[1]?.stderr).toContain("attendu un nombre entier de");
    expect(runs[2]?.stderr).toContain("attendu l’une des vagues");
    for (const r of runs) expect(englishIn(r.stderr), r.stderr).toEqual([]);
  }, 60_000);

  it("init DATA and init --xlsform: the summary, the study file's comments and the schema's words are French; the study reports unedited", async () => {
    const out = await tempDir();
    const fresh = await cli(["init", "fixtures/connexions-solidaires-2014/questionnaire.csv", "--out", out, "--lang", "fr"]);
    expect(fresh.code, fresh.stderr).toBe(0);
    expect(fresh.stderr).toContain("variables déduites de 1\u202f862 lignes");
    const yaml = await readFile(path.join(out, "study.yaml"), "utf8");
    const schema = await readFile(path.join(out, "questionnaire.schema.json"), "utf8");
    expect(yaml).toContain("# Étude préparée par `exclusion-study init`");
    expect(yaml).toContain("lang: fr # comme l’a donnée --lang");
    expect(yaml).toContain("#   age: entier\u00a0: 1\u202f853 valeurs, de 16 à 85\u202f; manquants\u00a0: NR ×9");
    expect(schema).toContain('"label": "ne sait pas"');
    for (const [name, text] of [
      ["stderr", fresh.stderr],
      ["study.yaml", yaml],
      ["schema", schema],
    ])
      expect(englishIn(text ?? ""), name).toEqual([]);
    const reported = await cli(["report", path.join(out, "study.yaml"), "--out", path.join(out, "report")]);
    expect(reported.code, reported.stderr).toBe(0);
    expect(englishIn(reported.stdout + reported.stderr)).toEqual([]);

    // Made in English from a French export (lang: fr): its missing-value labels are French too.
    const english = await tempDir();
    expect((await cli(["init", "docs/examples/french-excel/questionnaire.csv", "--out", english])).code).toBe(0);
    const frenchReport = await cli(["report", path.join(english, "study.yaml"), "--out", path.join(english, "report")]);
    expect(frenchReport.code, frenchReport.stderr).toBe(0);
    const markdown = await readFile(path.join(english, "report", "questionnaire.md"), "utf8");
    expect(markdown).toContain("NSP = ne sait pas");
    expect(englishIn(markdown)).toEqual([]);

    const noForm = await cli(["init", "kobo-export.csv", "--xlsform", "none.xlsx", "--out", english, "--lang", "fr"], {
      cwd: path.join(repoRoot, "fixtures/kobo-connexions-2014"),
    });
    expect(noForm.code).toBe(2);
    expect(noForm.stderr).toBe("exclusion-study: none.xlsx\u00a0: fichier introuvable.\n");
    // A form that is no workbook: the reader's own (English) detail is left out in French.
    const notForm = await cli(["init", "kobo-export.csv", "--xlsform", "kobo-export.csv", "--out", english, "--lang", "fr"], {
      cwd: path.join(repoRoot, "fixtures/kobo-connexions-2014"),
    });
    expect(notForm.code).toBe(2);
    expect(notForm.stderr).toBe(
      "exclusion-study: kobo-export.csv\u00a0: ce n’est pas un classeur .xlsx lisible\u202f; un XLSForm s’enregistre en .xlsx.\n",
    );

    const fromForm = await tempDir();
    const kobo = path.join(repoRoot, "fixtures/kobo-connexions-2014");
    const form = await cli(["init", "kobo-export.csv", "--xlsform", "form.xlsx", "--out", fromForm, "--lang", "fr"], { cwd: kobo });
    expect(form.code, form.stderr).toBe(0);
    expect(form.stderr).toContain(
      "relevant de monthly_resources_eur non traduit (la fonction ou le nom «\u202fstring-length\u202f» n’a pas d’équivalent)",
    );
    const formYaml = await readFile(path.join(fromForm, "study.yaml"), "utf8");
    expect(formYaml).toContain("# Étude préparée par `exclusion-study init --xlsform`");
    expect(formYaml).toContain("lang: fr\n");
    expect(formYaml).toContain("# CHECK: relevant non traduit");
    for (const [name, text] of [
      ["stderr", form.stderr],
      // The form's own labels are the form's; the comments are ours.
      [
        "study.yaml",
        formYaml
          .split("\n")
          .flatMap((line) => (line.includes("#") ? [line.slice(line.indexOf("#"))] : []))
          .join("\n"),
      ],
    ])
      expect(englishIn(text ?? ""), name).toEqual([]);
    const formReport = await cli(["report", path.join(fromForm, "study.yaml"), "--out", path.join(fromForm, "report")]);
    expect(formReport.code, formReport.stderr).toBe(0);
    expect(englishIn(formReport.stdout + formReport.stderr)).toEqual([]);
  }, 120_000);

  it("compare: the Markdown, the lines and stderr hold no English sentence of ours", async () => {
    const out = await tempDir();
    const run = await cli(["compare", study2014, study2015, "--lang", "fr", "--out", out]);
    const markdown = await readFile(path.join(out, "connexions-solidaires-2014-vs-connexions-solidaires-2015.md"), "utf8");
    expect(englishIn(markdown)).toEqual([]);
    expect(englishIn(run.stdout + run.stderr)).toEqual([]);
  }, 120_000);

  it("a text with no French is shown in English and named: on stderr, in the JSON and in the report", async () => {
    const dir = await tempDir();
    const file = path.join(dir, "study.yaml");
    const base = path.relative(dir, study2014).split(path.sep).join("/");
    await writeFile(
      file,
      `extends: ${base}\nstudy: untranslated-check\ntitle: { en: A check, fr: Une vérification }\nnotes:\n  - { en: An English-only note }\n`,
    );
    const run = await cli(["report", file, "--lang", "fr", "--out", path.join(dir, "out")]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("pas de texte français pour notes.0");
    const result = JSON.parse(await readFile(path.join(dir, "out", "untranslated-check.json"), "utf8"));
    expect(result.untranslated).toEqual(["notes.0"]);
    const markdown = await readFile(path.join(dir, "out", "untranslated-check.md"), "utf8");
    expect(markdown).toContain("An English-only note");
    expect(markdown).toContain("n’ont pas de version française et sont affichés en anglais\u00a0: `notes.0`.");
  }, 60_000);
});

describe("the readers, the design and the outputs refuse in French", () => {
  const formats = (file: string): string => path.join(repoRoot, "fixtures/formats", file);
  const api = `    path: ${JSON.stringify(path.join(REFERENCE_DIR, "apistrat.csv"))}
    schema: ${JSON.stringify(path.join(repoRoot, "test/r-survey/studies/api.schema.json"))}`;

  /** A study in French (`lang: fr`, no --lang) of one dataset, and its mean of `field`. */
  async function studyWith(dir: string, name: string, dataset: string, field = "age"): Promise<string> {
    const file = path.join(dir, `${name}.yaml`);
    await writeFile(
      file,
      `study: s\ntitle: { en: T, fr: T }\nlang: fr\ndatasets:\n  q:\n${dataset}\nindicators:\n  - { id: m, label: { en: M, fr: M }, dataset: q, kind: mean, field: ${field} }\n`,
    );
    return file;
  }

  it("the Excel and SPSS readers' format checks", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "empty.sav"), "");
    await writeFile(path.join(dir, "zsav.sav"), Buffer.concat([Buffer.from("$FL3"), Buffer.alloc(300)]));
    const layout = Buffer.alloc(300);
    layout.write("$FL2", 0, "latin1");
    layout.writeInt32LE(7, 64);
    await writeFile(path.join(dir, "layout.sav"), layout);
    const xlsx = `    path: ${formats("questionnaire.xlsx")}\n    schema: ${formats("questionnaire.schema.json")}`;
    const sav = (file: string): string => `    path: ${file}\n    schema: ${formats("questionnaire-coded.schema.json")}`;
    const cases: [string, string][] = [
      [`${xlsx}\n    delimiter: ";"`, "q.delimiter ne s’applique pas à un classeur Excel (.xlsx)\u202f; retirez-le."],
      [`${sav(formats("questionnaire.sav"))}\n    header_row: 2`, "ne s’applique pas à un fichier de données SPSS (.sav)"],
      [`${xlsx}\n    sheet: Résultats`, 'le classeur n’a pas de feuille nommée "Résultats"\u202f; ses feuilles sont'],
      [`${xlsx}\n    sheet: 9`, 'le classeur a 2 feuilles ("Questionnaire", "Brouillon")\u202f; il n’y a pas de feuille 9.'],
      [`${xlsx}\n    header_row: 5000`, 'ligne 5000\u00a0: la feuille "Questionnaire" n’a pas de noms de colonnes à la ligne 5000'],
      [`    path: q.dta\n    schema: ${formats("questionnaire.schema.json")}`, "les fichiers Stata (.dta) ne sont pas lus"],
      [`    path: ${formats("encrypted.xlsx")}\n    schema: ${formats("questionnaire.schema.json")}`, "le classeur est chiffré"],
      [
        `    path: ${formats("zip-bomb.xlsx")}\n    schema: ${formats("questionnaire.schema.json")}`,
        "son élément xl/sharedStrings.xml, décompressé, dépasserait 256\u00a0Mo",
      ],
      [sav(path.join(dir, "empty.sav")), "le fichier est vide\u202f; un fichier de données SPSS (.sav) était attendu."],
      [sav(path.join(dir, "zsav.sav")), "ce n’est pas un fichier de données SPSS lisible (.sav)\u00a0: c’est un fichier ZSAV compressé"],
      [sav(path.join(dir, "layout.sav")), "son code de disposition n’est ni 2 ni 3."],
    ];
    for (const [i, [dataset, sentence]] of cases.entries()) {
      const run = await cli(["validate", await studyWith(dir, `s${i}`, dataset)]);
      expect(run.code, run.stderr).toBeGreaterThan(0);
      expect(run.stderr).toContain(sentence);
      expect(englishIn(run.stderr), run.stderr).toEqual([]);
    }
    // The zip reader's own words are English: a known one is said in French, any other left out.
    const fake = path.join(dir, "fake.xlsx");
    await writeFile(fake, "a,b\n1,2\n");
    const run = await cli([
      "validate",
      await studyWith(dir, "fake", `    path: ${fake}\n    schema: ${formats("questionnaire.schema.json")}`),
    ]);
    expect(run.stderr).toContain(
      "ce n’est pas un classeur Excel lisible (.xlsx)\u00a0: ce n’est pas une archive zip valide (la fin de l’archive est introuvable, le fichier est peut-être tronqué).",
    );
    expect(englishIn(run.stderr), run.stderr).toEqual([]);
    expect(run.stderr).not.toMatch(/central directory/i);
  }, 60_000);

  // A replicate-weight declaration the design cannot use is refused by the study's checks first;
  // the design's own sentences for it are checked by code in catalogues.test.ts.
  it("the design's rarer refusals", async () => {
    const dir = await tempDir();
    const cases: [string, string, string][] = [
      [
        `${api}\n    design: { ids: [dnum], strata: stype, fpc: [api00], nest: true }`,
        "api00",
        "la variable «\u202ffpc\u202f» varie dans la strate",
      ],
      [
        `${api}\n    design: { ids: [dnum], strata: stype, fpc: [growth], nest: true }`,
        "api00",
        "est manquante ou non positive à la ligne",
      ],
    ];
    for (const [i, [dataset, field, sentence]] of cases.entries()) {
      const run = await cli(["report", await studyWith(dir, `d${i}`, dataset, field), "--out", path.join(dir, `out${i}`)]);
      expect(run.code, run.stderr).toBeGreaterThan(0);
      expect(run.stderr).toMatch(/^exclusion-study: plan de sondage\u00a0: /);
      expect(run.stderr).toContain(sentence);
      expect(englishIn(run.stderr), run.stderr).toEqual([]);
    }
  }, 60_000);

  it("the errors of writing the outputs, in --lang's language or the study's", async () => {
    const cwd = await tempDir();
    await writeFile(path.join(cwd, "taken"), "a file\n");
    const taken = await cli(["report", frenchExample, "--out", "taken"], { cwd });
    expect(taken.stderr).toBe("exclusion-study: impossible de créer le dossier taken\u00a0: c’est un fichier, là où il faut un dossier.\n");
    // A file the set writes is a folder: refused once the study is read, in its language.
    await mkdir(path.join(cwd, "out", "example-french-excel.md"), { recursive: true });
    const folder = await cli(["report", frenchExample, "--out", "out"], { cwd });
    expect(folder.stderr).toContain("impossible d’écrire out/example-french-excel.md\u00a0: c’est un dossier, là où il faut un fichier.");
    // The folder's lock: held by a live run (this one), then by an ended one.
    const lock = path.join(cwd, "lock", ".exclusion-study.lock");
    await mkdir(path.dirname(lock));
    await writeFile(lock, `${process.pid}\n`);
    const busy = await cli(["report", "--lang", "fr", "--out", "lock"], { cwd });
    expect(busy.stderr).toBe(
      `exclusion-study: impossible d’écrire dans lock\u00a0: une autre exécution (processus ${process.pid}) y écrit\u202f; attendez qu’elle se termine, ou supprimez lock/.exclusion-study.lock si aucune n’est en cours.\n`,
    );
    const ended = spawnSync(process.execPath, ["-e", ""]).pid;
    await writeFile(lock, `${ended}\n`);
    const takenOver = await cli(["report", frenchExample, "--out", "lock"], { cwd });
    expect(takenOver.code).toBe(0);
    expect(takenOver.stderr).toContain(
      `avertissement\u00a0: lock était verrouillé par le processus ${ended}, qui s’est terminé\u202f; le verrou est repris.`,
    );
    for (const run of [taken, folder, busy, takenOver]) expect(englishIn(run.stderr), run.stderr).toEqual([]);
    for (const run of [taken, folder, busy]) expect(run.code).toBe(2);
  }, 60_000);
});
