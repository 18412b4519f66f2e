/**
 * English sentences of a study file that cannot be used (StudyFileError): the source of truth
 * for the keys. Each follows "file, line N (key):".
 */
export const en = {
  fileLine: (file: string, line: number) => `${file}, line ${line}`,
  colon: ":",
  missingKey: "missing; add this key (see docs/study-file.md)",
  missingKeyOf: (expected: string) => `missing; add this key (${expected})`,
  notYaml: (why: string) => `not valid YAML or JSON (${why})`,
  emptyFile: "the file is empty; a study file needs at least study:, title: and datasets: (see docs/study-file.md)",
  notAStudy: "not a study file (expected keys such as study:, title:, datasets:)",
  extendsPath: "expected the path of another study file, relative to this one",
  extendsCycle: (cycle: string) => `extends cannot form a cycle (${cycle}); remove one of these extends`,
  extendsMissing: (ext: string, looked: string) => `${ext} does not exist (looked for ${looked})`,
  forbiddenKey: (key: string) => `"${key}" cannot be a key of a study file; remove it`,
  unknownKeys: (keys: string[]) =>
    `unknown key${keys.length > 1 ? "s" : ""} ${keys.map((k) => `"${k}"`).join(", ")}; check the spelling against docs/study-file.md`,
  oneOf: (values: string) => `expected one of ${values}`,
  expected: (what: string) => `expected ${what}`,
  atMost: (limit: string, inclusive: boolean) => `must be ${inclusive ? "at most" : "less than"} ${limit}`,
  atLeast: (limit: string, inclusive: boolean) => `must be ${inclusive ? "at least" : "greater than"} ${limit}`,
  notEmpty: "must not be empty",
  text: "must be text: a string, or { en: ..., fr: ... } for two languages",
  notCondition: "not a valid condition or value here; see docs/study-file.md for the accepted forms",
  invalid: "invalid study file",
  duplicateId: (id: string) => `indicator id "${id}" is used twice; ids must be unique`,
  unknownDataset: (name: string, declared: string) => `unknown dataset "${name}"; declared: ${declared}`,
  unknownBaseline: (name: string) => `unknown baseline "${name}"; declare it under baselines:`,
};

export type StudyMessages = typeof en;
