import type { DesignReason } from "../../estimate/index.js";
import type { LevelLimit } from "../../pipeline/index.js";
import type { OutputError } from "../../output/index.js";
import type { FormReason } from "../../xlsform/index.js";

/** Why an output step failed, in plain words, by its code (`OutputError`'s). */
const OUTPUT_REASONS: Record<string, string> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "the disk quota is exceeded",
  EISDIR: "it is a folder, where a file is needed",
  ENOTDIR: "a part of the path is a file, where a folder is needed",
  "not-a-folder": "it is a file, where a folder is needed",
  EEXIST: "something else is already there",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EMFILE: "too many files are open",
  ENFILE: "too many files are open",
  EIO: "the device reported an input/output error",
  ENOENT: "a folder on the way does not exist",
  EBUSY: "it is busy",
  "cut-short": "it is cut short; remove that folder and rerun",
};

/**
 * English lines the commands print themselves (stdout and stderr), apart from the tables of
 * `report/terminal`: the source of truth for the keys.
 */
export const en = {
  missing: (file: string) => `${file} (missing)`,
  differs: (file: string) => `${file} (differs)`,
  obsoleteRejects: (file: string) => `${file} (no rejected rows now; remove it)`,
  leftover: (file: string) => `${file} (left by an interrupted write)`,
  stale: (out: string, problems: string, command: string) => `${out} is stale: ${problems}. Run \`${command}\` and commit the result.`,
  upToDate: (out: string, files: number) => `${out} is up to date (${files} files).`,
  wroteSet: (file: string, others: number) => `wrote ${file} and ${others} other file${others === 1 ? "" : "s"}`,
  wrote: (file: string) => `wrote ${file}`,
  schemaMismatch: (codes: string) => `does not match its schema (${codes})`,
  rowsRejected: (rejected: number, read: number, tolerated: string) =>
    `${rejected.toLocaleString("en-US")} of ${read.toLocaleString("en-US")} rows rejected (tolerated: ${tolerated})`,
  datasetFailed: (path: string, why: string) => `${path}: ${why}.`,
  reportMarked: (path: string, why: string, rejects: string | null) =>
    `${path}: ${why}; the report is written and marked. See its data-quality section${rejects === null ? "" : ` and ${rejects}`}.`,
  noPublished: "The study states no published figure to reproduce.",
  notReproduced: (id: string, published: string, computed: string) =>
    `${id}: published ${published}, computed ${computed}: not reproduced.`,
  notAvailable: "not available",
  /** A number printed with a point, in the language's decimal mark. */
  decimal: (plain: string) => plain,
  percent: (n: number) => `${n}%`,
  comparisonMarked: "at least one wave did not pass validation; the comparison is written and marked. See each wave's report.",
  notCompared: (id: string, flags: string) => `${id}: not compared (${flags})`,
  comparedByCategory: (id: string) => `${id}: compared by category`,
  noDifference: (id: string) => `${id}: no difference available`,
  difference: (id: string, base: string, next: string, difference: string, se: string, p: string) =>
    `${id}: ${base} -> ${next}, difference ${difference} (se ${se}, p ${p})`,
  onlyIn: (id: string, study: string) => `${id}: only in ${study}`,
  newWave: (title: string) => `${title} (new wave)`,
  matched: (dataset: string, matched: number, fields: number) => `${dataset}: matched ${matched} of ${fields} schema fields.`,
  byName: (n: number) => `  ${n} by name (the same after ignoring case, spaces, hyphens and accents).`,
  bySimilarity: (column: string, field: string, score: string) =>
    `  column "${column}" -> field ${field}: by name similarity (${score}); rename added.`,
  byValues: (column: string, field: string, percent: string) =>
    `  column "${column}" -> field ${field}: by values (${percent} of sampled values are its categories); rename added.`,
  byRename: (n: number) => `  ${n} by the base study's rename (kept).`,
  byNumbers: (column: string, field: string, percent: string) =>
    `  column "${column}" -> field ${field}: by its numbers (whole or not as the base data, ranges overlapping ${percent}); rename added.`,
  raggedRows: (rows: number, data: string, delimiter: string) =>
    `warning: ${rows.toLocaleString("en-US")} rows of ${data} have more or fewer cells than its header (delimiter read as ${delimiter}): validate will reject them; check the delimiter.`,
  inferred: (dataset: string, fields: number, rows: number, key: string | null, design: string | null, indicators: number) =>
    `${dataset}: inferred ${fields} fields from ${rows.toLocaleString("en-US")} rows; primary key: ${key ?? "none"}; design: ${design ?? "none"}; ${indicators} suggested indicators.`,
  wroteFresh: (study: string, schema: string) =>
    `wrote ${study} and ${schema}: read their comments, then run \`exclusion-study validate ${study}\`.`,
  fieldWithoutColumn: (field: string) => `  not matched: schema field ${field} has no column.`,
  ambiguousColumn: (column: string, fields: string) => `  not matched: column "${column}" fits ${fields} equally well.`,
  columnWithoutField: (column: string) => `  not matched: column "${column}" fits no schema field.`,
  newAnswers: (field: string, values: string) =>
    `  new answers: ${field} has ${values}, not among the base schema's categories; give the new wave a schema that lists them.`,
  untranslated: (lang: string, where: string) =>
    `warning: no ${lang} text for ${where}; the English text is shown (give these labels a "${lang}" translation in the study file).`,
  /** A data or study file that cannot be read, by its file-system code (the one-sentence error, exit 2). */
  fileProblem: (file: string, code: string, what: "data" | "study") =>
    code === "ENOENT"
      ? `${file}: no such file.`
      : code === "ENOTDIR"
        ? `${file}: no such file (a part of the path is not a directory).`
        : code === "EISDIR"
          ? `${file}: is a directory, not ${what === "data" ? "a CSV" : "a study"} file.`
          : code === "EACCES" || code === "EPERM"
            ? `${file}: permission denied; the file cannot be read.`
            : `${file}: the file cannot be read (${code}).`,
  outExists: (out: string, name: string) => `--out ${out}: ${name} exists there; pass --force to overwrite it.`,
  badTolerance: (value: string) =>
    `--max-rejected: expected a number of rows (such as 10) or a percentage from 0% to 100% (such as 2.5%), got "${value}"`,
  usingLocal: (file: string) => `using ${file} in the working directory`,
  bundledStudy: (file: string) => `the bundled study (${file})`,
  // The errors of a command line that cannot be carried out (exit 2), worded by the CLI.
  dataPair: (pair: string) => `--data ${pair}: expected NAME=PATH, e.g. --data questionnaire=wave2015.csv.`,
  positiveInteger: (flag: string, value: string) => `${flag} ${value}: expected a positive whole number.`,
  wholeNumber: (flag: string, value: string) => `${flag} ${value}: expected a whole number.`,
  sourceDateEpoch: (value: string, max: number) =>
    `SOURCE_DATE_EPOCH=${value}: expected whole seconds since 1970, from 0 to ${max} (9999-12-31); unset it to use the study's date.`,
  unknownDataset: (option: string, name: string, declared: string) =>
    `${option}: the study has no dataset "${name}"; it declares ${declared}.`,
  oneStdin: (pairs: string) => `--data ${pairs}: only one dataset can be read from standard input.`,
  noStdin: (name: string) => `--data ${name}=-: there is no standard input to read.`,
  stdinFailed: (name: string, why: string) => `--data ${name}=-: standard input could not be read (${why}).`,
  formatList: (where: string, formats: string) =>
    `${where}: expected a comma-separated list of formats (${formats}), e.g. --format md,html.`,
  unknownFormat: (where: string, name: string, formats: string) => `${where}: unknown format "${name}"; the formats are ${formats}.`,
  initNeedsOut: (data: string) => `init ${data}: without a base study, give --out DIR, the folder to write the study and its schema to.`,
  xlsformNeedsOut: "init --xlsform: give --out DIR, the folder to write schema.json and study.yaml to.",
  initBoth: "init: give DATA --xlsform FORM --out DIR (a new study from a form), or BASE_STUDY DATA (a new wave), not both.",
  initStdin:
    "init: standard input (-) cannot be a study's data or form, which the study file reads again by path; save it to a file and give its path.",
  sheetWithForm:
    "init: --sheet and --header-row apply to DATA --out DIR; with --xlsform, set sheet and header_row in the study file it writes.",
  sheetOnWave: (command: string) =>
    `${command}: --sheet and --header-row start a study from a workbook alone; a new wave reads the base study's sheet and header_row.`,
  dataFileAsStudy: (file: string) =>
    `${file} is a data file, not a study file (YAML or JSON): start a study from it with \`exclusion-study init ${file} --out DIR\`, then give DIR/study.yaml.`,
  badDatasetName: (dataset: string) => `--dataset ${dataset}: use letters, digits, _ . or - and start with a letter.`,
  outFileExists: (out: string) => `--out ${out}: the file exists; pass --force to overwrite it.`,
  /** A design the accepted rows contradict (exit 1): the English sentence is the design's own. */
  design: (_reason: DesignReason | null, message: string) => `design: ${message}`,
  /** A field with too many levels for its use (exit 1): the English sentence is the limit's own. */
  levelLimit: (_limit: LevelLimit, message: string) => `${message}.`,
  /** A field the study names that its dataset does not have (exit 2). */
  unknownField: (message: string) => `study file: ${message}; check the field names against the dataset's schema.`,
  /** commander's own refusals (a missing argument, an unknown option), each line as commander words it. */
  commander: (line: string) => line,
  /** Errors the CLI words only in English (a message of a deeper layer) say so in French. */
  internalError: (message: string) => `internal error: ${message} (rerun with --debug for details, and please report it).`,
  // Writing the outputs (cli/outputs.ts): a step the file system refused, by its code; the
  // folder's lock held by a live run, or taken over from an ended one.
  outputFailed: (action: OutputError["action"], file: string, code: string) =>
    `cannot ${action} ${file}: ${OUTPUT_REASONS[code] ?? `the system refused (${code})`}.`,
  outputBusy: (dir: string, pid: number, lock: string) =>
    `cannot write to ${dir}: another run (process ${pid}) is writing there; wait for it to end, or remove ${lock} if no run is.`,
  lockTakenOver: (dir: string, pid: number) => `warning: ${dir} was locked by process ${pid}, which has ended; the lock is taken over.`,
  // The progress bar's figures (cli/progress.ts): sizes in megabytes (10^6 bytes).
  progressShare: (percent: number) => `${String(percent).padStart(3)}%`,
  progressBytes: (read: number, total: number) => `${(read / 1e6).toFixed(1)}/${(total / 1e6).toFixed(1)} MB`,
  progressRows: (perSecond: number) => `${perSecond.toLocaleString("en-US")} rows/s`,
  progressSpeed: (bytesPerSecond: number) => `${(bytesPerSecond / 1e6).toFixed(1)} MB/s`,
  // generate: its line and its refusals.
  generated: (files: number, dir: string, wave: number, seed: number, rows: number) =>
    `wrote ${files} synthetic files to ${dir} (wave ${wave}, seed ${seed}, ${rows.toLocaleString("en-US")} questionnaire rows)`,
  unknownWave: (value: string, waves: string) => `--wave ${value}: expected one of ${waves}.`,
  rowsRange: (value: string, min: number, max: number) =>
    `--rows ${value}: expected a whole number from ${min} to ${max.toLocaleString("en-US")}.`,
  // init DATA --xlsform FORM: its summary.
  formRead: (form: string, fields: number, indicators: number, renamed: number) =>
    `${form}: ${fields} fields (${indicators} indicators, ${renamed} group paths renamed).`,
  formRepeat: (name: string, row: number) =>
    `  repeat ${name} (row ${row}): its answers are exported as another table; its questions are left out.`,
  formUntranslated: (field: string, reason: string, relevant: string) =>
    `  relevant of ${field} not translated (${reason}): kept as a comment, no universe: ${relevant}`,
  formNoColumn: (field: string) => `  the export has no column for ${field}.`,
  wroteBoth: (first: string, second: string) => `wrote ${first} and ${second}`,
  /** A form init --xlsform cannot read or use (exit 2): the English sentence is the error's own. */
  formError: (_reason: FormReason, message: string) => message,
  // --help: commander's usage text, built in the help's language (main.ts). Flags keep their
  // names; the placeholders after them (<DIR>) and the arguments' names are words of the language.
  help: {
    /** commander's headings ("Usage:", "Options:", "Arguments:", "Commands:"), by their English text. */
    heading: (heading: string) => heading,
    /** What commander adds after a description: "(choices: ..., default: ...)". */
    extras: (extras: string) => extras,
    usage: "[options] [command]",
    helpCommand: "help [command]",
    helpOption: "display help for command",
    version: "output the version number",
    program: "Turn questionnaire and interview-coding CSVs into validated, design-based, reproducible reports.",
    debug: "add a stack trace to error messages",
    programLang: { term: "--lang <LANG>", text: "before a command, the same as that command's --lang (and the language of help)" },
    programAfter: `
Exit codes: 0 success; 1 the data or result is not acceptable (validation errors, a figure
not reproduced, a stale report under --check); 2 the request cannot be carried out.

Without a study file, commands use study.yaml in the working directory, else the bundled 2014 study.`,
    study: { term: "[study]", text: "study file (YAML or JSON); default: study.yaml here, else the bundled 2014 study" },
    data: {
      term: "--data <NAME=PATH>",
      text: "read dataset NAME from PATH instead of the study file's path (repeatable; PATH - reads standard input)",
    },
    format: (fallback: string) => ({
      term: "--format <LIST>",
      text: `report formats, a comma list of md, png (the charts' PNG copies), html and docx; the JSON is always written (default: ${fallback})`,
    }),
    json: "print the machine-readable result on stdout",
    lang: (what: string) => ({ term: "--lang <LANG>", text: `language of ${what} (default: the study's lang, else en)` }),
    maxRejected: { term: "--max-rejected <N|P%>", text: "tolerate up to N rejected rows (or P% of rows read) per dataset" },
    check: "write nothing; exit 1 if the files on disk differ from what would be written",
    out: "--out <DIR>",
    validate: {
      description: "check every dataset of a study against its schema; list issues",
      rejects: { term: "--rejects <DIR>", text: "write <dataset>.rejects.csv files with the rejected rows to DIR" },
      lang: "the issues and the summary",
      after: "\nExample:\n  $ exclusion-study validate my-study.yaml --rejects out/ --json",
    },
    report: {
      description: "compute every indicator and write the report (Markdown with its charts, HTML) and the JSON result",
      out: "folder for the report files",
      lang: "the report and the summary",
      format: "the study's format, else md",
      after:
        "\nExamples:\n  $ exclusion-study report --out reports\n  $ exclusion-study report my-study.yaml --lang fr --out out/\n  $ exclusion-study report --format md,html   # also one self-contained HTML page\n  $ exclusion-study report --format md,docx   # also a Word document\n  $ exclusion-study report --format md,png    # PNG copies of the charts, for pandoc\n  $ exclusion-study report --check   # in CI: fail when reports/ is stale",
    },
    reproduce: {
      description: "compare each published figure with the computed estimate; exit 1 if one is not reproduced",
      lang: "the table and the messages",
      after: "\nExample:\n  $ exclusion-study reproduce --json",
    },
    compare: {
      description: "compare two waves of a study: differences of every shared indicator, with standard errors and p values",
      base: { term: "<BASE_STUDY>", text: "study file of the earlier wave" },
      next: { term: "<NEW_STUDY>", text: "study file of the new wave (often `extends:` the base)" },
      out: "folder for <base>-vs-<new>.json and the report files",
      lang: { term: "--lang <LANG>", text: "report language (default: the base study's lang)" },
      format: "the base study's format, else md",
      after:
        "\nExamples:\n  $ exclusion-study compare data-schemas/connexions-solidaires-2014/study.yaml data-schemas/connexions-solidaires-2015/study.yaml --out reports/connexions-solidaires-2014-vs-2015\n  $ exclusion-study compare 2014.yaml 2015.yaml --lang fr --out reports/ --check   # in CI: exit 1 when stale\n\nSee docs/waves.md.",
    },
    init: {
      description:
        "start a study file: from a data file alone (schema inferred), from a data file and its XLSForm (--xlsform), or as a new wave of an existing study",
      first: {
        term: "<BASE_STUDY|DATA>",
        text: "the previous wave's study file, or (alone, or with --xlsform) the data file to start a study from",
      },
      second: { term: "[DATA]", text: "the new wave's export, when a base study is given" },
      dataset: {
        term: "--dataset <NAME>",
        text: "dataset the data replaces (default: the first dataset with a design, else the first); alone: its name",
      },
      xlsform: {
        term: "--xlsform <FORM>",
        text: "the survey's XLSForm (KoboToolbox, ODK): the schema comes from the form, not from inference",
      },
      sheet: { term: "--sheet <NAME|INDEX>", text: "a workbook's sheet: its name, or its position from 1 (default: the first)" },
      headerRow: { term: "--header-row <N>", text: "the workbook row holding the column names (default: found below any title rows)" },
      out: {
        term: "--out <FILE|DIR>",
        text: "with a base study: write the study file here instead of stdout; alone or with --xlsform: the folder for study.yaml and the schema",
      },
      force: "overwrite what --out would replace",
      lang: "what it says and the new title",
      after:
        "\nExamples:\n  $ exclusion-study init survey.csv --out my-study\n  $ exclusion-study init export.xlsx --sheet Données --header-row 3 --out my-study\n  $ exclusion-study init kobo-export.csv --xlsform form.xlsx --out my-study\n  $ exclusion-study init data-schemas/connexions-solidaires-2014/study.yaml export-2015.csv --out study-2015.yaml\n\nSee docs/from-your-platform.md.",
    },
    generate: {
      description: "write seeded synthetic data in the bundled study's shape",
      dir: { term: "<DIR>", text: "folder to write questionnaire.csv, youth.csv, interviews.csv and codings.csv to" },
      seed: { term: "--seed <N>", text: "random seed (default: the wave's year, as the bundled fixtures)" },
      rows: { term: "--rows <N>", text: "questionnaire rows" },
      wave: { term: "--wave <YEAR>", text: "yearly wave: 2014 (the published study) or 2015 (renamed column, new category)" },
      lang: { term: "--lang <LANG>", text: "language of the line it prints (default: en)" },
      after:
        "\nExamples:\n  $ exclusion-study generate /tmp/wave --seed 7 --rows 100000\n  $ exclusion-study generate fixtures/connexions-solidaires-2015 --wave 2015",
    },
  },
  // The layers' errors worded here by their values (error-mapping.ts), inside `unknownField` and
  // before a schema's foreign-key refusal (the refusal itself is an issue-text sentence).
  fieldNotKnown: (field: string) => `unknown field "${field}"`,
  qualitativeField: (field: string, dataset: string) =>
    `the qualitative block names field "${field}", which dataset "${dataset}" does not have`,
  schemaRefused: (message: string) => `schema: ${message}`,
};

export type CliMessages = typeof en;
