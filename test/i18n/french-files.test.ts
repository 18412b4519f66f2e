// The study and schema files' refusals, the CSV reader's option backstops, a damaged workbook and
// the terminal's workbook label, in French: each fails if its text falls back to English.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { toCliError } from "../../src/cli/error-mapping.js";
import { cliMessages } from "../../src/cli/i18n/index.js";
import { describeCondition, UnknownFieldError } from "../../src/conditions/index.js";
import { checkZip } from "../../src/ingest/zip-guard.js";
import { definitions } from "../../src/pipeline/definitions/index.js";
import { QualitativeFieldError } from "../../src/pipeline/index.js";
import { DEFAULT_ZIP_LIMITS } from "../../src/ingest/zip-guard.js";
import { issuesTable } from "../../src/report/terminal/index.js";
import { StudyFileError } from "../../src/study/errors.js";
import { loadStudy } from "../../src/study/load.js";
import { loadTableSchema, parseTableSchema, SchemaFileError } from "../../src/table-schema/index.js";
import { validateRecords } from "../../src/validate/validate.js";
import { readError } from "../ingest/read-all.js";
import { records } from "../validate/helpers.js";
import { issueTexts } from "../../src/vocabulary/index.js";
import { cli, repoRoot } from "../cli/run.js";
import { englishLines } from "./english-words.js";

let dir = "";
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "french-files-"));
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

async function failure<T extends Error>(p: Promise<unknown>, type: new (...a: never[]) => T): Promise<T> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  return error as T;
}

/** Files that are not text a study or schema can be read from. */
const unreadable = (): [string, string | Uint8Array, string][] => [
  [
    "big",
    "a".repeat(1024 * 1024 + 1),
    "dépasse 1\u00a0Mo (1\u202f048\u202f576 octets), la taille maximale d’un fichier d’étude ou de schéma",
  ],
  [
    "latin",
    Buffer.from("study: caf\xe9\n", "latin1"),
    "n’est pas un texte UTF-8 (octet 0xE9 à la position 10, ligne 1)\u202f; enregistrez-le en UTF-8",
  ],
  ["utf16", Buffer.from("\ufeffstudy: x\n", "utf16le"), "est un texte UTF-16\u202f; enregistrez-le en UTF-8"],
];

describe("a study or schema file that cannot be read as text", () => {
  it("is refused in French under --lang fr, the size in French units", async () => {
    for (const [name, content, reason] of unreadable()) {
      const file = await write(`${name}.yaml`, content);
      const fr = await failure(loadStudy(file, `${name}.yaml`, "fr"), StudyFileError);
      expect(fr.message).toBe(`${name}.yaml\u00a0: ${reason}.`);
      expect(englishLines(fr.message)).toEqual([]);
      // English keeps its sentence.
      const en = await failure(loadStudy(file, `${name}.yaml`), StudyFileError);
      expect(englishLines(en.message)).toHaveLength(1);
      const schema = await failure(loadTableSchema(file, `${name}.json`, "fr"), SchemaFileError);
      expect(schema.message).toBe(`Le fichier de schéma ${name}.json ${reason}.`);
    }
  });

  it("a schema file missing or not JSON", async () => {
    const missing = await failure(loadTableSchema(path.join(dir, "none.json"), "none.json", "fr"), SchemaFileError);
    expect(missing.message).toBe(
      "Le fichier de schéma none.json ne peut pas être lu (il n’existe pas)\u00a0: vérifiez son chemin dans le fichier d’étude.",
    );
    const file = await write("broken.json", '{"fields": [\n  {"name": "a"}\n  {"name": "b"}]}');
    const broken = await failure(loadTableSchema(file, "broken.json", "fr"), SchemaFileError);
    expect(broken.message).toMatch(/^Le fichier de schéma broken\.json n’est pas du JSON valide à la ligne 3, colonne \d+\u00a0: vérifiez/);
    for (const e of [missing, broken]) expect(englishLines(e.message)).toEqual([]);
  });
});

describe("a schema's problems, its row constraints' included, are worded in French", () => {
  const field = (spec: Record<string, unknown>) => spec;
  const problemsOf = (raw: unknown, lang?: "fr"): string[] => {
    try {
      parseTableSchema(raw, "s.json", lang);
    } catch (e) {
      if (e instanceof SchemaFileError) return [e.message, ...e.problems.map((p) => p.problem)];
      throw e;
    }
    throw new Error("expected a SchemaFileError");
  };
  /** Every semantic check at once: zod accepts it, schemaProblems finds them all. */
  const contradictions = {
    fields: [
      field({ name: "a", type: "number", categories: [1], format: "x", trueValues: ["y"], constraints: { minimum: "x", pattern: "(" } }),
      field({
        name: "A",
        type: "string",
        categories: ["x", "x", "y z"],
        multiple: true,
        decimalChar: ",",
        groupChar: ",",
        constraints: { minimum: 1, pattern: "(" },
      }),
      field({ name: "d", type: "date", format: "%Q", constraints: { minimum: "nope" } }),
      field({ name: "i", type: "integer", categories: ["x"], constraints: { minimum: 5, maximum: 1, minLength: 1 } }),
      field({ name: "n", type: "number", multiple: true }),
      field({ name: "s", type: "string", categories: [1] }),
      field({ name: "b", type: "boolean", trueValues: ["y"], falseValues: ["y"] }),
      field({ name: "c", type: "string", categories: ["yes", "no"] }),
    ],
    primaryKey: ["zz"],
    foreignKeys: [{ fields: ["a"], reference: { resource: "", fields: ["a", "i"] } }],
    rowConstraints: [
      { name: "r", when: { field: "c", equals: "maybe" }, require: { field: "c", lt: { field: "b" } }, message: "m" },
      { name: "q", require: { field: "zz", equals: 1 }, message: "m" },
    ],
  };

  it("the semantic checks", () => {
    const fr = problemsOf(contradictions, "fr");
    const en = problemsOf(contradictions);
    expect(fr.length).toBeGreaterThan(20);
    expect(fr[0]).toMatch(
      /^Le fichier de schéma s\.json n’est pas valide à fields\[0\]\.categories\u00a0: .* \(et \d+ autres problèmes\)\.$/,
    );
    for (const p of fr) expect(englishLines(p), p).toEqual([]);
    // The same problems in English read as English: the check can fail.
    expect(en.filter((p) => englishLines(p).length > 0).length).toBeGreaterThan(15);
    expect(fr).toContain(
      "«\u202fzz\u202f» n’est pas une variable de ce schéma\u00a0: utilisez l’une de ses variables (a, A, d, i, n, s, b, c)",
    );
    expect(fr).toContain("«\u202flt\u202f» compare des nombres mais c est une variable string\u00a0: utilisez equals ou in");
  });

  it("what zod refuses", () => {
    const cases: unknown[] = [
      { fields: [{ name: "a", type: "nummber" }] },
      { fields: [{ name: "a", type: "number", constraint: {} }] },
      { fields: [] },
      { fields: [{ type: "number" }] },
      { fields: [{ name: "a", type: "number" }], rowConstraints: [{ name: "r", require: { field: "a" }, message: "m" }] },
      // The unions' own refusals, and zod's.
      { fields: [{ name: "a", type: "string" }], missingValues: [[1]] },
      { fields: [{ name: "a", type: "string", categories: [[1]] }] },
      { fields: [{ name: "a", type: "number", constraints: { minimum: [1] } }] },
      { fields: [{ name: "a", type: "number" }], primaryKey: 5 },
      { fields: [{ name: "a", type: "number" }], rowConstraints: [{ name: "r", require: 5, message: "m" }] },
    ];
    for (const raw of cases) {
      const [message] = problemsOf(raw, "fr");
      expect(message).toMatch(/^Le fichier de schéma s\.json n’est pas valide/);
      expect(englishLines(message as string), message).toEqual([]);
      expect(message).not.toMatch(/expected|invalid input/i);
    }
  });
});

describe("the readers' backstops and a damaged workbook", () => {
  it("a CSV delimiter or record-size limit that cannot be used", async () => {
    const file = await write("ok.csv", "a,b\n1,2\n");
    const delimiter = await readError({ path: file, displayName: "ok.csv", delimiter: '"', lang: "fr" });
    expect(delimiter.message).toBe(
      'ok.csv\u00a0: le séparateur "\\"" ne peut pas être utilisé\u202f; donnez un seul caractère, autre qu’un guillemet ou un saut de ligne.',
    );
    const limit = await readError({ path: file, displayName: "ok.csv", maxRecordBytes: 0, lang: "fr" });
    expect(limit.message).toBe("ok.csv\u00a0: la taille maximale d’un enregistrement, 0, n’est pas un nombre entier positif d’octets.");
  });

  it("a zip reader's English detail is not shown", async () => {
    const fake = await write("fake.xlsx", "a,b\n1,2\n");
    const fr = await failure(checkZip(fake, "fake.xlsx", DEFAULT_ZIP_LIMITS, "fr"), Error);
    expect(fr.message).toBe(
      "fake.xlsx\u00a0: ce n’est pas un classeur Excel lisible (.xlsx)\u00a0: ce n’est pas une archive zip valide (la fin de l’archive est introuvable, le fichier est peut-être tronqué).",
    );
    // English keeps the library's own words.
    const en = await failure(checkZip(fake, "fake.xlsx", DEFAULT_ZIP_LIMITS), Error);
    expect(en.message).toContain("(End of central directory record signature not found");
  });
});

describe("validate's line names a workbook's sheet in the run's language", () => {
  const dataset = {
    name: "q",
    path: "q.xlsx",
    rows_read: 2,
    rows_accepted: 2,
    rows_rejected: 0,
    blank_rows: 0,
    issue_counts: {},
    decimal_marks: [],
    encoding: 'xlsx, sheet "Résultats"',
    delimiter: "",
    issues: [],
  } as unknown as Parameters<typeof issuesTable>[0][number];
  it("feuille in French, sheet in English", () => {
    expect(issuesTable([dataset], { color: false, lang: "fr" })).toContain('[xlsx, feuille "Résultats"]');
    expect(issuesTable([dataset], { color: false, lang: "en" })).toContain('[xlsx, sheet "Résultats"]');
  });
  it("and the report's data-quality table too", async () => {
    const out = path.join(dir, "xlsx-report");
    const run = await cli([
      "report",
      path.join(repoRoot, "fixtures/formats/questionnaire-xlsx.study.yaml"),
      "--lang",
      "fr",
      "--format",
      "md",
      "--out",
      out,
    ]);
    expect(run.code, run.stderr).toBe(0);
    const markdown = await readFile(path.join(out, "formats-xlsx.md"), "utf8");
    expect(markdown).toContain('xlsx, feuille "Questionnaire"');
    expect(markdown).not.toContain('sheet "Questionnaire"');
  }, 60_000);

  it("its counts agree in number and are grouped the French way", () => {
    const one = { ...dataset, rows_read: 1, rows_accepted: 1, issue_counts: { "type-error": { errors: 1883, warnings: 1 } } };
    expect(issuesTable([one], { color: false, lang: "fr" })).toContain(
      "1 ligne lue = 1 retenue + 0 rejetée\u202f; 1\u202f883 erreurs, 1 avertissement",
    );
  });
});

describe("a data row's issues use French notation", () => {
  it("a row constraint's values and a date's expected pattern", async () => {
    const schema = parseTableSchema(
      {
        fields: [
          { name: "a", type: "number" },
          { name: "b", type: "number" },
          { name: "d", type: "date", format: "%d/%m/%Y" },
        ],
        rowConstraints: [{ name: "pos", require: { field: "a", gt: { field: "b" } }, message: "x", messages: { fr: "a doit dépasser b" } }],
      },
      "s.json",
    );
    const messages = async (lang?: "fr") => {
      const table = await validateRecords({
        dataset: "t",
        displayName: "t.csv",
        schema,
        header: { names: ["a", "b", "d"], line: 1 },
        records: records([["1", "2", "32/01/2014"]]),
        ...(lang ? { lang } : {}),
      });
      return table.issues.map((i) => i.message);
    };
    const fr = await messages("fr");
    expect(fr).toContain("ligne 2, variable d\u00a0: «\u202f32/01/2014\u202f» n’est pas une date (attendu\u00a0: JJ/MM/AAAA)");
    expect(fr.some((m) => m.endsWith("(pos\u00a0: a=1\u202f; b=2)"))).toBe(true);
    // English keeps its notation; the issue's value is the same in both.
    expect(await messages()).toContain('line 2, field d: "32/01/2014" is not a date (expected DD/MM/YYYY)');
  });
});

describe("a study's XLSForm that cannot be read is refused in the study's language", () => {
  it("a missing form and a workbook that is not a form", async () => {
    await write("f.csv", "a,b\n1,2\n");
    const study = (form: string) =>
      write(
        `form-${path.basename(form)}.yaml`,
        `study: x\ntitle: X\nlang: fr\ndatasets:\n  d: { path: f.csv, xlsform: ${form}, design: { weights: a } }\nindicators:\n  - { id: m, label: M, dataset: d, kind: mean, field: a }\n`,
      );
    const missing = await cli(["validate", await study("none.xlsx")]);
    expect(missing.stderr).toBe("exclusion-study: none.xlsx\u00a0: fichier introuvable.\n");
    const noSurvey = await cli(["validate", await study(path.join(repoRoot, "fixtures/formats/questionnaire.xlsx"))]);
    expect(noSurvey.stderr).toContain("pas de feuille «\u202fsurvey\u202f»");
    for (const run of [missing, noSurvey]) {
      expect(run.code).toBe(2);
      expect(englishLines(run.stderr), run.stderr).toEqual([]);
    }
  }, 30_000);
});

describe("the run's refusals of a field or a foreign key", () => {
  it("a field the study names that its dataset lacks", async () => {
    const fr = cliMessages("fr");
    const unknown = await toCliError(new UnknownFieldError("ag"), fr);
    expect(unknown.message).toBe(
      "fichier d’étude\u00a0: variable inconnue «\u202fag\u202f»\u202f; vérifiez les noms des variables dans le schéma du jeu de données.",
    );
    const qualitative = await toCliError(new QualitativeFieldError("codings", "extrait"), fr);
    expect(qualitative.message).toContain("le bloc qualitative nomme la variable «\u202fextrait\u202f»");
    for (const e of [unknown, qualitative]) expect(englishLines(e.message), e.message).toEqual([]);
    // English keeps its sentence.
    expect((await toCliError(new UnknownFieldError("ag"), cliMessages("en"))).message).toBe(
      'study file: unknown field "ag"; check the field names against the dataset\'s schema.',
    );
  });

  it("a foreign key to a dataset the study lacks, or to a field its dataset lacks", async () => {
    await write("d.csv", "a,b\n1,2\n");
    await write("plain.schema.json", JSON.stringify({ fields: [{ name: "a", type: "number" }] }));
    const runs = [];
    for (const [i, resource] of ["nope", "e"].entries()) {
      await write(
        `fk${i}.schema.json`,
        JSON.stringify({
          fields: [
            { name: "a", type: "number" },
            { name: "b", type: "number" },
          ],
          foreignKeys: [{ fields: ["b"], reference: { resource, fields: ["x"] } }],
        }),
      );
      const study = await write(
        `fk${i}.yaml`,
        `study: x\ntitle: X\nlang: fr\ndatasets:\n  d: { path: d.csv, schema: fk${i}.schema.json }\n  e: { path: d.csv, schema: plain.schema.json }\nindicators:\n  - { id: m, label: M, dataset: d, kind: mean, field: a }\n`,
      );
      runs.push(await cli(["validate", study]));
    }
    expect(runs[0]?.stderr).toBe(
      "exclusion-study: schéma\u00a0: Le jeu de données d a une clé étrangère vers le jeu de données «\u202fnope\u202f», que l’étude ne déclare pas.\n",
    );
    expect(runs[1]?.stderr).toBe(
      "exclusion-study: schéma\u00a0: La clé étrangère du jeu de données d nomme la variable x, que le jeu de données e n’a pas.\n",
    );
  }, 30_000);
});

describe("a dataset with no accepted row, in French typography", () => {
  it("lists its rows and hints with a narrow space before each semicolon, and a one-column header in the singular", () => {
    const fr = issueTexts("fr");
    expect(fr.allRejected("f.csv", 2, ["ligne 2, a", "ligne 3, b"], ["h1", "h2"])).toBe(
      "f.csv\u00a0: ses 2 lignes ont toutes été rejetées (ligne 2, a\u202f; ligne 3, b). Piste\u00a0: h1\u202f; h2.",
    );
    expect(fr.extraCells(2, 1, "x")).toBe("2 cellules de plus que l’unique colonne de l’en-tête (à partir de «\u202fx\u202f»)");
    expect(issueTexts().allRejected("f.csv", 2, ["line 2, a", "line 3, b"], null)).toBe(
      "f.csv: every one of its 2 rows was rejected (line 2, a; line 3, b).",
    );
  });
});

describe("the codebook names an unlabelled blank missing-value code in the report's language", () => {
  it("vide in French, blank in English", async () => {
    await write("blank.csv", "a,w\n1,1\n2,1\n,1\n4,2\n");
    await write(
      "blank.schema.json",
      JSON.stringify({
        fields: [
          { name: "a", type: "number" },
          { name: "w", type: "number" },
        ],
      }),
    );
    const study = await write(
      "blank.yaml",
      "study: blank\ntitle: B\ndatasets:\n  d: { path: blank.csv, schema: blank.schema.json, design: { weights: w } }\nindicators:\n  - { id: m, label: M, dataset: d, kind: mean, field: a }\n",
    );
    const labels = async (lang: "en" | "fr") => {
      const out = path.join(dir, `blank-${lang}`);
      const run = await cli(["report", study, "--lang", lang, "--format", "md", "--out", out]);
      expect(run.code, run.stderr).toBe(0);
      const result = JSON.parse(await readFile(path.join(out, "blank.json"), "utf8"));
      return result.codebook.flatMap((e: { missing_values: { value: string; label: string }[] }) => e.missing_values.map((m) => m.label));
    };
    expect(await labels("fr")).toEqual(["vide", "vide"]);
    expect(await labels("en")).toEqual(["blank", "blank"]);
  }, 60_000);
});

describe("a multiple-choice condition is read in the report's language", () => {
  it("any_of and all_of", () => {
    const c = {
      all: [
        { field: "transport", any_of: ["bus", "car"] },
        { field: "transport", all_of: ["bike"] },
      ],
    };
    expect(describeCondition(c, definitions("fr"))).toBe(
      "transport contient au moins l’un de {bus, car} et transport contient chacun de {bike}",
    );
    expect(describeCondition(c, definitions("en"))).toBe("transport includes any of {bus, car} and transport includes all of {bike}");
  });
});
