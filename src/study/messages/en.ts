/**
 * English sentences of a study file that cannot be used (StudyFileError): the source of truth
 * for the keys. Each follows "file, line N (key):".
 */

/** "a", "a and b", "a, b and c". */
const listed = (items: readonly string[]): string =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
const quoted = (items: readonly string[]): string => items.map((k) => `"${k}"`).join(", ");
const numericUse = "use a number, integer or boolean field";
const readsAbove = "a derived variable reads schema fields and the derived variables above it";

export const en = {
  fileLine: (file: string, line: number) => `${file}, line ${line}`,
  /** A YAML syntax error's place: English names the line only (as it always has), French the column too. */
  fileLineColumn: (file: string, line: number, _column: number) => `${file}, line ${line}`,
  colon: ":",
  missingKey: "missing; add this key (see docs/study-file.md)",
  notYaml: (why: string) => `not valid YAML or JSON (${why})`,
  /** The YAML parser's error, by its code; English keeps the parser's own first sentence. */
  yamlSyntax: (_code: string, parserMessage: string) => `not valid YAML or JSON (${parserMessage})`,
  tooDeep: (limit: number) => `mappings and lists are nested more than ${limit} levels deep; flatten them (see docs/study-file.md)`,
  tooManyAliases: (limit: number) =>
    `YAML aliases (*name) expand to more than ${limit} copies, which could exhaust memory; write the values out instead`,
  emptyFile: "the file is empty; a study file needs at least study:, title: and datasets: (see docs/study-file.md)",
  notAStudy: "not a study file (expected keys such as study:, title:, datasets:)",
  extendsPath: "expected the path of another study file, relative to this one",
  extendsCycle: (cycle: string) => `extends cannot form a cycle (${cycle}); remove one of these extends`,
  extendsMissing: (ext: string, looked: string) => `${ext} does not exist (looked for ${looked})`,
  forbiddenKey: (key: string) => `"${key}" cannot be a key of a study file; remove it`,
  unknownKeys: (keys: string[]) =>
    `unknown key${keys.length > 1 ? "s" : ""} ${quoted(keys)}; check the spelling against docs/study-file.md`,
  oneOf: (values: string) => `expected one of ${values}`,
  expected: (what: string) => `expected ${what}`,
  atMost: (limit: string, inclusive: boolean) => `must be ${inclusive ? "at most" : "less than"} ${limit}`,
  atLeast: (limit: string, inclusive: boolean) => `must be ${inclusive ? "at least" : "greater than"} ${limit}`,
  notEmpty: "must not be empty",
  text: "must be text: a string, or { en: ..., fr: ... } for two languages",
  notCondition: "not a valid condition or value here; see docs/study-file.md for the accepted forms",
  invalid: "invalid study file",
  /** English keeps zod's sentence, as it always has; French says why the key is refused. */
  invalidKey: (_why: string) => "Invalid key in record",
  conditionOneTest: "a field condition needs exactly one test: equals, in, lt, le, gt, ge, missing, any_of or all_of",
  duplicateId: (id: string) => `indicator id "${id}" is used twice; ids must be unique`,
  unknownDataset: (name: string, declared: string) => `unknown dataset "${name}"; declared: ${declared}`,
  unknownBaseline: (name: string) => `unknown baseline "${name}"; declare it under baselines:`,

  // Keys zod checks beyond their type (./study-file.ts, ./text.ts, ./domains.ts).
  identifierChars: "use letters, digits, _ . or - and start with a letter",
  isoDate: "use an ISO date such as 2014-11-27",
  noDataset: "declare at least one dataset",
  sectionTwice: "name each section once",
  schemaOrForm: "give the dataset either a schema (a Table Schema file) or an xlsform (the survey's XLSForm), not both",
  domainEntry:
    "a domain is a field name, or a list of two or more different field names to cross (every combination of their levels), e.g. [housing, age_band]",
  replicateColumnsOrPattern: "name the replicate-weight columns either as a list (columns) or by a pattern, not both",
  badPattern: (pattern: string) => `"${pattern}" is not a valid regular expression`,
  fayNeedsRho: "type Fay needs rho, Fay's coefficient (between 0 and 1)",
  rhoOnlyFay: (type: string) => `rho is Fay's coefficient; type ${type} takes none`,
  scaleFixed: (type: string) => `type ${type} fixes the scale and rscales; remove them`,
  otherNeedsScale: "type other needs scale (and rscales unless every one is 1)",
  jknNeedsRscales: "type JKn with combined weights needs rscales, (n_h - 1)/n_h for each replicate's stratum",
  replicateNoIds: "a replicate-weight design takes no ids, strata or fpc: its replicate weights carry them",
  replicateNeedsWeights: "a replicate-weight design needs weights, the full-sample weight",
  replicateNoTrim:
    "a replicate-weight design cannot be trimmed: each replicate would need trimming as the full sample is, which R's trimWeights does not do on a replicate design; remove trim (or trim the weights before the replicate weights are made)",

  // The weighting's targets and bounds (./weighting.ts).
  trimNoBound: "give lower, upper or both: the bounds of the weights",
  trimOrder: (upper: string, lower: string) => `upper (${upper}) must be above lower (${lower})`,
  boundsOrder: "the lower bound must be below the upper bound",
  noMethod: "give a method (post-stratify, rake or calibrate), trim, or both",
  marginsNeedMethod: "margins need a method (post-stratify, rake or calibrate)",
  methodNeedsMargin: (method: string) => `${method} needs at least one margin`,
  postStratifyOneMargin:
    "post-stratification takes one margin (cross fields in it with fields: [a, b]); use method: rake for several margins",
  logitBounds: "logit calibration needs bounds: [lower, upper] with lower < 1 < upper",
  keyForMethods: (key: string, methods: readonly string[], method: string | undefined) =>
    `${key} applies to method ${methods.slice(0, -1).join(", ")}${methods.length > 1 ? " or " : ""}${methods.at(-1)}, not to ${method ?? "trimming alone"}`,
  marginTotal: (margin: number, fields: string, total: string, reference: string, population: boolean) =>
    `the counts of margin ${margin} (${fields}) add up to ${total}, not ${population ? `the population of ${reference}` : `the first margin's ${reference}`}; every margin must describe the same population`,

  // Derived variables (./derived.ts, ./derived-fields.ts) and harmonise.
  notRange: (range: string) =>
    `"${range}" is not a range; write it as [18, 35) (closed "[" "]" includes the bound, open "(" ")" excludes it; inf for no bound)`,
  infiniteOpen: (range: string) => `"${range}": an infinite end is open; write ( before -inf and ) after inf`,
  rangeOrder: (range: string) => `"${range}": the lower bound must be below the upper bound`,
  bandsOrder: (range: string) => `bands must be in ascending order and must not overlap; "${range}" starts before the band above it ends`,
  bandTwice: (value: string) => `the band value "${value}" is given twice`,
  recodedTwice: (value: string) => `"${value}" is recoded twice; list it once`,
  categoryTwice: (value: string) => `the category "${value}" is given twice`,
  oneOperation: "a derived variable needs exactly one of recode, bins, condition, sum, difference or ratio",
  derivedSchemaName: (field: string, dataset: string) =>
    `derived variable "${field}" has the name of a field of dataset ${dataset}'s schema; choose another name`,
  derivedReadsItself: (field: string) => `derived variable "${field}" reads itself; ${readsAbove}`,
  derivedCycle: (cycle: string) => `derived variables form a cycle (${cycle}); ${readsAbove}`,
  derivedReadsBelow: (field: string, input: string) =>
    `derived variable "${field}" reads "${input}", which is declared below it; move "${input}" above "${field}"`,
  derivedUnknown: (field: string, input: string, dataset: string, declared: string) =>
    `derived variable "${field}" reads unknown field "${input}" in dataset ${dataset}; its schema declares ${declared}`,
  recodeNotCategorical: (source: string) => `a recode needs a categorical field (one with categories), but "${source}" has none`,
  notRecoded: (category: string, source: string, field: string) =>
    `category "${category}" of ${source} is not recoded; list it in the from of one of ${field}'s categories`,
  derivedNotNumeric: (field: string, input: string, type: string) =>
    `derived variable "${field}" needs a numeric field, but "${input}" is a ${type} field; ${numericUse}`,
  harmoniseNoDataset: (dataset: string, declared: string) => `no dataset "${dataset}" in this study; its datasets are ${declared}`,
  harmoniseNoCategories: (field: string) =>
    `"${field}" has no categories to harmonise; harmonise maps the categories of a categorical field`,

  // The fields a study names, against the schemas (./fields.ts).
  unknownField: (field: string, dataset: string, declared: string) =>
    `unknown field "${field}" in dataset ${dataset}; its schema declares ${declared}`,
  notCategory: (value: string, field: string, categories: string) =>
    `"${value}" is not a category of ${field}; its categories are ${categories}`,
  noDatasetField: (field: string) => `no dataset has a field "${field}"`,
  noDatasetCrossed: (fields: readonly string[]) => `no dataset has all the crossed fields ${quoted(fields)}`,
  replicateNotNumeric: (field: string, type: string, dataset: string) =>
    `replicate weights must be numeric, but "${field}" is a ${type} field in dataset ${dataset}`,
  patternMatches: (pattern: string, matched: readonly string[], dataset: string) =>
    `the pattern "${pattern}" matches ${matched.length === 0 ? "no field" : `only ${matched[0]}`} of dataset ${dataset}; a replicate design needs at least two replicate-weight columns`,
  rscalesCount: (given: number, columns: number) =>
    `rscales has ${given} values but there are ${columns} replicate-weight columns; give one per column (or one for all)`,
  totalNotNumeric: (field: string, type: string, dataset: string) =>
    `a calibration total needs a numeric field, but "${field}" is a ${type} field in dataset ${dataset}; ${numericUse}`,
  notNumeric: (id: string, kind: string, field: string, type: string, dataset: string) =>
    `indicator "${id}" (kind ${kind}) needs a numeric field, but "${field}" is a ${type} field in dataset ${dataset}; ${numericUse}`,
  notMultiple: (id: string, field: string, dataset: string) =>
    `indicator "${id}" (kind multi_select) needs a multiple-choice field, but "${field}" has no "multiple": true in the schema of dataset ${dataset}`,

  // An indicator's keys (./indicators/).
  notForKind: (key: string, id: string | null, kind: string, takers: readonly string[]) =>
    `"${key}" does not apply to ${id === null ? `an indicator of kind ${kind}` : `indicator "${id}" (kind ${kind})`}; only ${listed(takers)} indicators take it`,
  requiredForKind: (kind: string, why: string) => `required for kind "${kind}": ${why}`,
  whyField: "the variable to estimate",
  whyMultipleField: "the multiple-choice field (a schema field with multiple: true)",
  whyRows: "the categorical field whose categories are the table's rows",
  whyColumns: "the categorical field whose categories are the table's columns",
  whyNumerator: "the field summed on top",
  whyDenominator: "the field summed below",
  whyWhen: "the condition whose share is estimated",
  whyProbs: "the probabilities, e.g. [0.5]",
  whyFamily: "the model: gaussian (linear) or binomial (logistic)",
  whyPredictors: "the fields the outcome is regressed on",
  countOneOf: (both: boolean) =>
    `${both ? `"when" and "field" are both given` : 'neither "when" nor "field" is given'}; a count takes exactly one: "when" for the number of people meeting a condition, "field" for the number in each category of a field`,
  regressionOneOutcome: "a regression takes exactly one of outcome (a field) and when (a condition)",
  whenNeedsBinomial: "an outcome given by a condition (when) needs family: binomial",
  predictorTwice: (field: string) => `predictor "${field}" is listed twice`,
  interactionNotPredictor: (field: string) => `interaction term "${field}" is not one of the predictors`,
  interactionSame: (field: string) => `an interaction needs two different predictors, not "${field}" twice`,
};

export type StudyMessages = typeof en;

/** The keys whose text says why a kind requires a key (its schema's description names one). */
export type RequiredReason = Extract<keyof StudyMessages, `why${string}`>;
