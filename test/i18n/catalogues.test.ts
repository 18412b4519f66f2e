import { describe, expect, it } from "vitest";
import { en as cliEn } from "../../src/cli/i18n/en.js";
import type { DesignReason } from "../../src/estimate/index.js";
import type { LevelLimit } from "../../src/pipeline/index.js";
import type { FormReason } from "../../src/xlsform/index.js";
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

/**
 * Every user-facing string has English and French text. A key missing in French fails to
 * compile (each French catalogue is typed by its English one); this test catches the other
 * way to forget a translation: a French entry that is the English text copied over.
 */
const catalogues: [string, Record<string, unknown>, Record<string, unknown>][] = [
  ["report", reportEn, reportFr],
  ["comparison", comparisonMessages("en"), comparisonMessages("fr")],
  ["cli", cliEn, cliFr],
  ["issues", issuesEn, issuesFr],
  ["definitions", definitionsEn, definitionsFr],
  ["scaffold", scaffoldEn, scaffoldFr],
  ["study", studyEn, studyFr],
];

/**
 * Entries that are the same in both languages on purpose, each with its reason. Anything not
 * listed here must read differently in French.
 */
const sameInBothLanguages: Record<string, string> = {
  "report.none": "a dash stands for an empty cell in both languages",
  "report.chartDistributionTitle": "the title is the indicator's own label",
  "report.findingProportion": "only figures and the study's own predicate, no word of ours",
  "report.intervalMethodUse": "a method name (translated elsewhere) and a count in brackets",
  "report.sha256": "the name of the hash function",
  "report.subgroupGroupRow": "the grouping's own title in bold",
  "report.distributionSubgroupTable": "the grouping's title, the category labels and n",
  "report.codeHeader": "'Code' is the French word too",
  "report.crossTabCell": "an estimate and its interval: figures only",
  "report.shareWithCount": "a share and a count over a total: figures only",
  "report.total": "'Total' is the French word too",
  "report.totalRow": "'total' is the French word too",
  "report.quoteHeading": "the code's own label and its code",
  "report.variables": "'Variables' is the French word too",
  "report.valueLabel": "a value and its label from the schema",
  "report.provenance": "'Provenance' is the French word too",
  "comparison.points": "'pts' abbreviates both 'points' and 'points de pourcentage'",
  "cli.decimal": "English keeps the point; French differs only on numbers with a point (checked below)",
  "cli.datasetFailed": "a path and a reason: French differs by its no-break space before the colon (checked below)",
  "cli.commander": "a line of commander's, kept unless French knows its shape (checked below)",
  "scaffold.check": "the marker the comments tell the reader to look for",
  "scaffold.count": "a number, grouped the language's way (checked below)",
  "scaffold.missingLabel": "a label by its code; the sample arguments name none (checked below)",
  "scaffold.typeName": "a Table Schema type by its name; the sample arguments name none (checked below)",
  "scaffold.dateType": "the data's own date format; French differs by the default's letters (checked below)",
  "scaffold.relevantReason": "a reason by its code; the sample arguments name none (each is checked in test/xlsform/relevant.test.ts)",
  "cli.help.heading": "commander's heading by its English text; the sample arguments name none (checked below)",
  "cli.help.extras": "commander's own words after a description; the sample arguments hold none (checked below)",
  "cli.help.maxRejected.term": "the option and its placeholder, N and P%, the same in French",
  "cli.help.init.headerRow.term": "the option and its placeholder, N, the same in French",
  "cli.help.generate.seed.term": "the option and its placeholder, N, the same in French",
  "cli.help.generate.rows.term": "the option and its placeholder, N, the same in French",
  "definitions.quantile": "French differs by its decimal comma and 'de' (checked below)",
};

/** Sample arguments: a function is tried with strings, then numbers, then lists of strings. */
const tries = [
  (n: number) => Array.from({ length: n }, (_, i) => `a${i}.5`),
  (n: number) => Array.from({ length: n }, (_, i) => i + 2),
  (n: number) => Array.from({ length: n }, (_, i) => [`a${i}`, `b${i}`]),
];

function render(entry: unknown): string {
  if (entry !== null && typeof entry === "object" && !Array.isArray(entry))
    return JSON.stringify(Object.entries(entry).map(([k, v]) => [k, render(v)]));
  if (typeof entry !== "function") return JSON.stringify(entry);
  for (const args of tries) {
    try {
      return JSON.stringify((entry as (...a: unknown[]) => unknown)(...args(entry.length)));
    } catch {
      // the next kind of argument
    }
  }
  throw new Error("no sample arguments render this entry");
}

/**
 * A catalogue's entries by key. The cli catalogue's `help` groups its entries by command: each
 * entry of a group is compared alone (`help.report.description`).
 */
function entries(catalogue: Record<string, unknown>, prefix = ""): [string, unknown][] {
  return Object.entries(catalogue).flatMap(([k, v]): [string, unknown][] =>
    `${prefix}${k}`.startsWith("help") && v !== null && typeof v === "object" && !Array.isArray(v)
      ? entries(v as Record<string, unknown>, `${prefix}${k}.`)
      : [[`${prefix}${k}`, v]],
  );
}

describe("message catalogues", () => {
  for (const [name, en, fr] of catalogues) {
    const english = new Map(name === "cli" ? entries(en) : Object.entries(en));
    const french = new Map(name === "cli" ? entries(fr) : Object.entries(fr));
    it(`${name}: French has the same keys as English`, () => {
      expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    });
    it(`${name}: every entry reads differently in French, or is allowed to with a reason`, () => {
      const same = [...english.keys()].filter(
        (k) => render(english.get(k)) === render(french.get(k)) && !(`${name}.${k}` in sameInBothLanguages),
      );
      expect(same).toEqual([]);
    });
  }

  it("the allow-list names only existing entries", () => {
    const names = new Set(
      catalogues.flatMap(([name, en]) => (name === "cli" ? entries(en) : Object.entries(en)).map(([k]) => `${name}.${k}`)),
    );
    expect(Object.keys(sameInBothLanguages).filter((k) => !names.has(k))).toEqual([]);
  });

  it("French words commander's headings and its choices and defaults, the scaffold's counts, labels and types", () => {
    for (const heading of ["Usage:", "Options:", "Arguments:", "Commands:"]) expect(cliFr.help.heading(heading)).not.toBe(heading);
    expect(cliFr.help.extras(' (choices: "en", "fr")')).toBe(' (valeurs admises\u00a0: "en", "fr")');
    expect(cliFr.help.extras(' (default: "0")')).toBe(' (par défaut\u00a0: "0")');
    expect(scaffoldFr.count(1234)).toBe("1\u202f234");
    expect(scaffoldEn.count(1234)).toBe("1,234");
    for (const label of ["blank", "dontKnow", "refused", "noAnswer", "notAvailable", "missing", "code"] as const)
      expect(scaffoldFr.missingLabel(label)).not.toBe(scaffoldEn.missingLabel(label));
    for (const type of ["integer", "number", "string", "boolean"]) expect(scaffoldFr.typeName(type)).not.toBe(scaffoldEn.typeName(type));
    expect(scaffoldFr.dateType(null)).not.toBe(scaffoldEn.dateType(null));
  });

  it("French numbers take a decimal comma", () => {
    expect(cliFr.decimal("0.25")).toBe("0,25");
    expect(cliFr.datasetFailed("a.csv", "x")).toBe("a.csv\u00a0: x.");
    expect(definitionsFr.quantile("0.5", "age")).toBe("quantile 0,5 de age");
  });

  it("French words every design refusal by its code, and the English sentence is the design's own", () => {
    // One of each code: a new code does not compile until it has a case here.
    const each: { [C in DesignReason["code"]]: Extract<DesignReason, { code: C }> } = {
      "missing-design-value": { code: "missing-design-value", field: "psu", row: "ligne 4" },
      "one-psu": { code: "one-psu" },
      "lonely-psu": { code: "lonely-psu", unit: "A", stage: 1 },
      "not-nested": { code: "not-nested", cluster: "7", first: "A", second: "B" },
      "bad-weight": { code: "bad-weight", field: "w", value: -1.5, row: "ligne 9" },
      "tiny-weight": { code: "tiny-weight", field: "w", value: 1e-310, row: "ligne 9" },
      "weights-overflow": { code: "weights-overflow", field: "w" },
      "weights-needed": { code: "weights-needed" },
      "infinite-fpc": { code: "infinite-fpc" },
      "fpc-not-positive": { code: "fpc-not-positive", stage: 1, row: "ligne 3" },
      "fpc-mixed": { code: "fpc-mixed" },
      "fpc-stages": { code: "fpc-stages", given: 3, stages: 2 },
      "fpc-varies": { code: "fpc-varies", stratum: "E", stage: 1, first: 4421, second: 0.5 },
      "fpc-too-small": { code: "fpc-too-small", stratum: "E", stage: 1, population: 1, sampled: 3 },
      "no-rows": { code: "no-rows", n: 0 },
      "unknown-lonely-psu": { code: "unknown-lonely-psu", value: "drop", options: ["fail", "remove"] },
      length: { code: "length", field: "w", values: 1, rows: 2 },
      "too-few-replicates": { code: "too-few-replicates", found: 1 },
      "rscales-length": { code: "rscales-length", given: 3, columns: 16 },
      "scale-fixed": { code: "scale-fixed", type: "BRR", scale: "1/R" },
      "fay-needs-rho": { code: "fay-needs-rho" },
      "jkn-needs-rscales": { code: "jkn-needs-rscales" },
      "other-needs-scale": { code: "other-needs-scale" },
    };
    const reasons: DesignReason[] = [...Object.values(each), { code: "lonely-psu", unit: "A", stage: 2 }];
    for (const reason of reasons) {
      const sentence = cliFr.design(reason, "The English sentence.");
      expect(sentence).toMatch(/^plan de sondage\u00a0: \S/);
      expect(sentence).not.toContain("English");
      expect(sentence, reason.code).not.toMatch(/\d\.\d/);
    }
    expect(cliFr.design(each["fpc-varies"], "")).toContain("(4421 et 0,5)");
    expect(cliFr.design(each["fpc-too-small"], "")).toContain("1 unité de population");
    expect(cliFr.design(each["too-few-replicates"], "")).toContain("une seule a été trouvée");
    expect(cliEn.design(reasons[1] ?? null, "The English sentence.")).toBe("design: The English sentence.");
  });

  it("French words every failed output step by its code, and the folder's lock", () => {
    const codes = ["EACCES", "EPERM", "EROFS", "ENOSPC", "EDQUOT", "EISDIR", "ENOTDIR", "not-a-folder", "EEXIST"];
    const more = ["ENAMETOOLONG", "ELOOP", "EMFILE", "ENFILE", "EIO", "ENOENT", "EBUSY", "cut-short", "EWHATEVER"];
    const actions = ["create the folder", "write", "remove", "read"] as const;
    for (const code of [...codes, ...more])
      for (const action of actions) {
        const english = cliEn.outputFailed(action, "out/a.md", code);
        const french = cliFr.outputFailed(action, "out/a.md", code);
        expect(english).toMatch(/^cannot [a-z ]+ out\/a\.md: [a-z]/);
        expect(french).toMatch(/^impossible (de |d’)[a-zé ]+ out\/a\.md\u00a0: \S/);
        expect(french.slice(french.indexOf(":"))).not.toBe(english.slice(english.indexOf(":")));
      }
    expect(cliEn.outputFailed("write", "x", "ENOSPC")).toBe("cannot write x: no space left on the device.");
    expect(cliFr.outputFailed("write", "x", "EWHATEVER")).toBe("impossible d’écrire x\u00a0: le système a refusé (EWHATEVER).");
    expect(cliFr.lockTakenOver("out", 12)).toMatch(/^avertissement\u00a0: out était verrouillé par le processus 12/);
  });

  it("French words every level limit by its code, after the study file's line, its counts grouped the French way", () => {
    const where = "étude.yaml, ligne 12 (indicators[0].field)";
    const limits: LevelLimit[] = [
      { code: "levels", where, indicator: "i", field: "id", levels: 5000, limit: 1000, use: "subgroup" },
      { code: "levels", where, indicator: "i", field: "id", levels: 5000, limit: 1000, use: "distribution" },
      { code: "levels", where, indicator: "i", field: "age", levels: 5000, limit: 1000, use: "numeric" },
      { code: "combinations", where, indicator: "i", fields: ["a", "b"], combinations: 2000, limit: 1000 },
      { code: "cells", where, indicator: "i", rows: "a", columns: "b", nRows: 30, nCols: 30, limit: 400 },
    ];
    for (const limit of limits) {
      const sentence = cliFr.levelLimit(limit, "The English sentence");
      expect(sentence).toMatch(/^étude\.yaml, ligne 12 \(indicators\[0\]\.field\)\u00a0: indicateur «\u202fi\u202f»\u00a0: .+admis/);
      expect(sentence).not.toContain("English");
    }
    expect(cliFr.levelLimit(limits[0] as LevelLimit, "")).toContain("5\u202f000 valeurs distinctes, plus que les 1\u202f000 sous-groupes");
    expect(cliFr.levelLimit(limits[2] as LevelLimit, "")).toContain("quantiles (kind: quantile)");
  });

  it("French words every form init --xlsform cannot read by its code, and the English sentence is the error's own", () => {
    const file = "form.xlsx";
    const reasons: FormReason[] = [
      { file, code: "not-file" },
      { file, code: "too-large", bytes: 30_000_000 },
      { file, code: "no-file" },
      { file, code: "unreadable", detail: "zip" },
      { file, code: "no-survey" },
      { file, code: "no-column", column: "type" },
      { file, code: "choice-unnamed", row: 3 },
      { file, code: "choice-twice", row: 3, value: "yes", list: "yn" },
      { file, code: "question-unnamed", row: 4, type: "integer" },
      { file, code: "unknown-list", row: 4, name: "q", list: "yn" },
      { file, code: "name-twice", row: 5, name: "q" },
    ];
    for (const reason of reasons) {
      const sentence = cliFr.formError(reason, "The English sentence.");
      expect(sentence).toMatch(/^form\.xlsx(, feuille \w+(, ligne \d+)?)?\u00a0: \S/);
      expect(sentence).not.toContain("English");
    }
    expect(cliEn.formError(reasons[0] as FormReason, "The English sentence.")).toBe("The English sentence.");
  });

  it("French rewords commander's refusals", () => {
    for (const line of [
      "error: missing required argument 'NEW_STUDY'",
      "error: unknown option '--bogus'",
      "(Did you mean --lang?)",
      "error: unknown command 'valdate'",
      "error: option '--out <DIR>' argument missing",
      "error: option '--lang <LANG>' argument 'de' is invalid. Allowed choices are en, fr.",
      "error: too many arguments for 'validate'. Expected 1 argument but got 2.",
      "(run with --help for usage)",
    ])
      expect(cliFr.commander(line), line).not.toBe(line);
  });
});
