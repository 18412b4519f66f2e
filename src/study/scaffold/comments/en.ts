/**
 * English comments of the study files `init` writes: a new wave's (`init BASE_STUDY DATA`), a
 * study inferred from a data file (`init DATA --out DIR`, with the evidence of each guess and the
 * schema's title and missing-value labels) and a study made from an XLSForm (`init --xlsform`).
 * The source of truth for the keys. Each is one comment line's text, without its "#".
 */
import type { UntranslatedReason } from "../../../xlsform/index.js";

const count = (n: number): string => n.toLocaleString("en-US");
const plural = (n: number, word: string): string => `${count(n)} ${word}${n === 1 ? "" : "s"}`;

/** The missing-value labels `init` gives the codes it recognises (evidence.ts). */
export type MissingLabel = "blank" | "dontKnow" | "refused" | "noAnswer" | "notAvailable" | "missing" | "code";
/** The design roles a column's name suggests (evidence.ts). */
type Role = "weights" | "strata" | "cluster";

export const en = {
  scaffolded: (base: string, data: string) => `New wave scaffolded by \`exclusion-study init\` from ${base} and ${data}.`,
  inherits: "It inherits everything from the base study and restates what the new export changes.",
  checkLines: "Check the lines marked CHECK, then run `exclusion-study validate` on this file. See docs/waves.md.",
  newId: "CHECK: the new wave's id",
  check: "CHECK",
  newAnswers: "CHECK: the export has answers the base schema does not list; copy the schema, add them, and set it here:",
  renameHeader: "export column: schema field",
  matchedBy: (why: string) => `matched by ${why}`,
  byRename: "the base study's rename",
  byName: "name (spelt differently)",
  bySimilarity: (score: string) => `similar name (${score}), CHECK`,
  byValues: (percent: number) => `values (${percent}% of sampled values fit its categories), CHECK`,
  byNumbers: (percent: number) => `numbers (whole or not as the base data, ranges overlapping ${percent}%), CHECK`,
  noColumn: (field: string) => `CHECK: no column for schema field ${field}; add a rename if the export calls it otherwise`,
  ambiguous: (column: string, fields: string) => `CHECK: column ${column} could be any of ${fields}; add the right rename`,
  unmatched: (column: string) => `column ${column} matches no schema field (validation will ignore it)`,
  cancelled: (format: "csv" | "xlsx" | "sav") =>
    `the base study's reading of its file; the new export is ${{ csv: "a CSV file", xlsx: "an Excel workbook", sav: "an SPSS file" }[format]}`,
  // init DATA --out DIR: the study file's comments, the schema's title, the evidence of each guess.
  /** A count, grouped the language's way. */
  count,
  /** Between the parts of one evidence line. */
  sep: "; ",
  schemaTitle: (data: string) => `${data}, as inferred by exclusion-study init`,
  missingLabel: (label: MissingLabel) =>
    ({
      blank: "blank",
      dontKnow: "don't know",
      refused: "refused",
      noAnswer: "no answer",
      notAvailable: "not available",
      missing: "missing",
      code: "code",
    })[label],
  freshHeader: (data: string, rows: number, schemaFile: string) => [
    `Study scaffolded by \`exclusion-study init\` from ${data} (${plural(rows, "row")}).`,
    "Every guess below says what was inferred and on what evidence: correct what is wrong (here and",
    `in ${schemaFile}), then run \`exclusion-study validate\` on this file. See docs/study-file.md.`,
  ],
  langComma: "numbers with a decimal comma: a French export; en or fr",
  langReport: "report language; en or fr",
  langGiven: "as --lang gave it; en or fr",
  sheetGiven: "as --sheet named it (a name, or a position from 1)",
  headerRowGiven: "as --header-row gave it: the rows above it are skipped",
  headerRowFound: "the rows above hold fewer cells (titles): the first row as full as the fullest of the first 10 is the header",
  detected: "detected",
  inferredFields: (rows: number, fields: number, schemaFile: string) =>
    `Inferred from all ${plural(rows, "row")}: ${fields} fields (types, categories, missing-value codes in ${schemaFile}).`,
  missingCodes: (codes: string) => `Missing-value codes for every field: ${codes}.`,
  missingCode: (value: string, label: string, cells: number, columns: number) =>
    `${value === "" ? "blank" : value} (${label}; ${plural(cells, "cell")} in ${plural(columns, "column")})`,
  recognisedTokens:
    "Recognised tokens only (NSP, NR, Ne sait pas, Don't know, N/A...); codes seen in one numeric column are that field's own.",
  primaryKey: (field: string, column: string, rows: number) =>
    `primary key: ${field} ("${column}") is unique and never missing in ${plural(rows, "row")}`,
  noPrimaryKey: "primary key: none (no integer or text column is unique and never missing).",
  unnamed: (positions: string, n: number) =>
    n === 1
      ? `Column ${positions} has no name: left out (validation ignores it).`
      : `Columns ${positions} have no name: left out (validation ignores them).`,
  renameComment: "Column headers (left) read as field names (right).",
  designComment: (evidence: string) => `Design: ${evidence}.`,
  indicatorsSuggested:
    "Suggested indicators: a proportion per yes/no question, a distribution per categorical question, a mean per numeric one. Delete or edit freely.",
  noIndicators: "No indicator suggested: no yes/no, categorical or numeric question.",
  why: (kind: "proportion" | "distribution" | "mean", column: string) =>
    `${{ proportion: "a proportion per yes/no question", distribution: "a distribution per categorical question", mean: "a mean per numeric question" }[kind]}: ${column}`,
  // The evidence of a field's guess (infer-fields.ts, labels.ts).
  typeName: (type: string) => type,
  dateType: (format: string | null) => `date (${format ?? "YYYY-MM-DD"})`,
  decimalComma: 'decimal comma ","',
  thousands: (mark: string) => `thousands grouped by ${mark}`,
  noIndicator: "no indicator",
  missingPart: (parts: string) => `missing: ${parts}`,
  blankCells: (n: number) => `${count(n)} blank`,
  textCode: (text: string, n: number, type: string) => `${text} ×${count(n)} (text in a ${type} column)`,
  sentinel: (value: number, n: number, max: number | null) =>
    `${value} ×${count(n)} (${max === null ? "negative, every other value is 0 or more" : `more than twice the largest other value, ${max}`})`,
  emptyText: (rows: number) => `text: no value in ${plural(rows, "row")}`,
  booleanField: (distinct: number, rows: number, values: string) =>
    `boolean: ${distinct} distinct values in ${plural(rows, "row")}: ${values}`,
  categoriesField: (distinct: number, rows: number, max: number, values: string) =>
    `categories: ${plural(distinct, "distinct value")} in ${plural(rows, "row")} (at most ${max} make a categorical field): ${values}`,
  more: (n: number) => `… (${n} more)`,
  manyText: (distinct: number | null, rows: number, max: number) =>
    `text: ${distinct === null ? `more than ${count(100)}` : count(distinct)} distinct values in ${plural(rows, "row")}, too many for categories (at most ${max})`,
  datesField: (type: string, min: string, max: string) => `${type}: every value read, ${min} to ${max}`,
  integerCategories: (levels: number, rows: number, max: number, codeMax: number, values: string) =>
    `integer with categories: ${plural(levels, "distinct value")} in ${plural(rows, "row")} (at most ${max} codes from 0 to ${codeMax} make coded answers): ${values}`,
  numbersField: (type: string, values: number, whole: boolean, min: number | null, max: number | null) =>
    `${type}: ${plural(values, "value")}${whole ? " (all whole)" : ""}${min === null ? "" : `, ${min} to ${max}`}`,
  platformMetadata: "the survey platform's metadata (KoboToolbox, ODK): no indicator",
  spss: (said: string) => `from the SPSS file (its labels win): ${said}`,
  spssLabel: (title: string) => `label "${title}"`,
  spssUserMissing: (codes: string) => `user-missing ${codes}`,
  spssTooMany: (n: number) => `${n} value labels not used as categories (more than 100 distinct values)`,
  spssCategories: (n: number, extra: number) =>
    `${n} value labels as categories${extra > 0 ? ` (and ${extra} unlabelled values seen)` : ""}`,
  // The evidence of the design (infer-table.ts).
  namedLike: (column: string, role: Role, problem: string) =>
    `"${column}" is named like ${role === "cluster" ? "a cluster" : role} but ${problem}: not used`,
  notNumeric: "is not numeric",
  missingSome: "is missing in some rows",
  notPositive: "has a value of 0 or less",
  otherRole: "has another role",
  singleCluster: "holds a single cluster",
  noDesign:
    "no column is named like a weight, stratum or cluster (poids, pondération, weight, wt; strate, stratum; cluster, psu, grappe): no design, every row counts once",
  designIds: (column: string) => `ids: "${column}" by name (a value in every row)`,
  designStrata: (column: string) => `strata: "${column}" by name (a value in every row)`,
  designWeights: (column: string) => `weights: "${column}" by name (a positive number in every row)`,
  nestUnchecked: "nest: true, as too many clusters to check that each lies in one stratum (harmless when they do)",
  nestReused: (column: string) =>
    `nest: true, as a cluster id of "${column}" appears in more than one stratum (ids are numbered within strata)`,
  nestNotNeeded: "each cluster lies in one stratum: no nest needed",
  lonelyUnchecked: "lonely_psu: adjust, as too many strata to check for a stratum with one sampling unit",
  lonely: (n: number) =>
    `lonely_psu: adjust, as ${count(n)} stratum${n === 1 ? "" : "s"} hold${n === 1 ? "s" : ""} a single sampling unit (R: options(survey.lonely.psu = "adjust"))`,
  // init DATA --xlsform FORM --out DIR: the study file's comments.
  formHeader: (form: string, data: string) => [
    `Study scaffolded by \`exclusion-study init --xlsform\` from ${form} and ${data}.`,
    "One indicator per question it can estimate; remove or add indicators, declare the sampling",
    "design if there is one (see docs/study-file.md), then run `exclusion-study report` on this file.",
  ],
  formRename: "export column (group/question): question",
  formAbsent: (field: string) => `CHECK: the export has no column for ${field} (exported with "XML values and headers"?)`,
  formUniverse: (fields: string) => `from relevant, on ${fields}`,
  formUntranslated: (reason: string, relevant: string) => `CHECK: relevant not translated (${reason}), so no universe: ${relevant}`,
  formNoQuestion: "the form has no question to estimate",
  /** Why a `relevant` could not be translated, by its code. */
  relevantReason: (r: UntranslatedReason): string => {
    switch (r.code) {
      case "unreadable":
        return `cannot read "${r.text}"`;
      case "expected":
        return `expected "${r.text}"${r.before === null ? " at the end" : ` before "${r.before}"`}`;
      case "not-reference":
        return r.text === null ? "a question reference is missing" : `"${r.text}" is not a question reference \${...}`;
      case "unknown-question":
        return `\${${r.name}} is not a question of the form`;
      case "not-constant":
        return r.text === null ? "a constant is missing" : `"${r.text}" is not a constant`;
      case "not-number":
        return `'${r.text}' is not a number`;
      case "no-equivalent":
        return `the function or name "${r.name}" has no equivalent`;
      case "not-comparison":
        return r.text === null ? "a comparison is missing" : `"${r.text}" is not a comparison`;
      case "numbers-only":
        return `"${r.op}" compares numbers but \${${r.name}} is not a number question`;
      case "trailing":
        return `"${r.text}" after a complete condition`;
    }
  },
};

export type ScaffoldComments = typeof en;
