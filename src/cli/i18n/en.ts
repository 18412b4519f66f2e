/**
 * English lines the commands print themselves (stdout and stderr), apart from the tables of
 * `report/terminal`: the source of truth for the keys. commander's --help stays in English.
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
  rowsRejected: (rejected: number, read: number, tolerated: string) => `${rejected} of ${read} rows rejected (tolerated: ${tolerated})`,
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
  /** A file that cannot be read, by its file-system code (the one-sentence error, exit 2). */
  fileProblem: (file: string, code: string) =>
    code === "ENOENT"
      ? `${file}: no such file.`
      : code === "ENOTDIR"
        ? `${file}: no such file (a part of the path is not a directory).`
        : code === "EISDIR"
          ? `${file}: is a directory, not a file.`
          : code === "EACCES" || code === "EPERM"
            ? `${file}: permission denied; the file cannot be read.`
            : `${file}: the file cannot be read (${code}).`,
  outExists: (out: string, name: string) => `--out ${out}: ${name} exists there; pass --force to overwrite it.`,
  badTolerance: (value: string) =>
    `--max-rejected: expected a number of rows (such as 10) or a percentage from 0% to 100% (such as 2.5%), got "${value}"`,
  /** Errors the CLI words only in English (a message of a deeper layer) say so in French. */
  internalError: (message: string) => `internal error: ${message} (rerun with --debug for details, and please report it).`,
};

export type CliMessages = typeof en;
