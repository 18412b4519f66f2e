import { access } from "node:fs/promises";
import path from "node:path";
import { sourceFormat } from "../ingest/index.js";
import { writeFilesAtomic } from "../output/index.js";
import { compileSchema, loadTableSchema, parseTableSchema, type TableSchema } from "../table-schema/index.js";
import type { DatasetDeclaration } from "../study/index.js";
import { type ColumnSample, matchColumns, summarise, type FieldInfo, type MatchResult } from "../study/scaffold/index.js";
import { sampleColumns } from "../study/scaffold/index.js";
import { nextStudyId, scaffoldYaml } from "../study/scaffold/index.js";
import { freshSchemaJson, freshStudyYaml, identifierFrom, inferFromData } from "../study/scaffold/index.js";
import { text } from "../study/index.js";
import { CliError, EXIT_BAD_REQUEST, EXIT_OK } from "./errors.js";
import type { CliMessages } from "./i18n/en.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import type { Io } from "./io.js";
import { withPlainFileErrors } from "./outputs.js";
import { parsePositiveInteger } from "./parse-options.js";
import { loadRequestedStudy } from "./study-request.js";

/** The options of `init`, one object so that a new option is one more key. */
interface InitOptions {
  dataset?: string;
  out?: string;
  force?: boolean;
  lang?: Lang;
  /** A workbook's sheet (a name, or digits: its position from 1) and header row. */
  sheet?: string;
  headerRow?: string;
}

/** `--sheet` and `--header-row` as the reader takes them: digits name a sheet by its position. */
function workbookOptions(opts: InitOptions): { sheet?: string | number; headerRow?: number } {
  return {
    ...(opts.sheet !== undefined ? { sheet: /^\d+$/.test(opts.sheet) ? parsePositiveInteger(opts.sheet, "--sheet") : opts.sheet } : {}),
    ...(opts.headerRow !== undefined ? { headerRow: parsePositiveInteger(opts.headerRow, "--header-row") } : {}),
  };
}

/**
 * `init BASE_STUDY DATA` scaffolds a new wave of an existing study; `init DATA --out DIR`
 * starts a study from the data file alone.
 */
export async function runInit(first: string, second: string | undefined, opts: InitOptions, io: Io): Promise<number> {
  return second === undefined ? runFreshInit(first, opts, io) : runWaveInit(first, second, opts, io);
}

/**
 * Infer a Table Schema and a study file from a data file, and write both into --out DIR. Says
 * on stderr what it inferred; the study file's comments say on what evidence.
 */
async function runFreshInit(data: string, opts: InitOptions, io: Io): Promise<number> {
  if (opts.out === undefined) throw new CliError((t) => t.initNeedsOut(data), EXIT_BAD_REQUEST);
  const dataAbsolute = path.resolve(io.cwd, data);
  const outDir = path.resolve(io.cwd, opts.out);
  const dataset = opts.dataset ?? identifierFrom(path.basename(data, path.extname(data)));
  if (!/^[A-Za-z][A-Za-z0-9_.-]*$/.test(dataset)) throw new CliError((t) => t.badDatasetName(dataset), EXIT_BAD_REQUEST);
  const schemaFile = `${dataset}.schema.json`;
  const names = ["study.yaml", schemaFile];
  if (!opts.force)
    for (const n of names)
      if (await exists(path.join(outDir, n))) throw new CliError((t) => t.outExists(opts.out ?? "", n), EXIT_BAD_REQUEST);

  const workbook = workbookOptions(opts);
  // What init says, the comments and the schema's words: in --lang's language, else English.
  const lang = opts.lang ?? "en";
  const inferred = await inferFromData(dataAbsolute, data, workbook, lang);
  const input = {
    dataset,
    dataPath: path.relative(outDir, dataAbsolute).split(path.sep).join("/"),
    schemaFile,
    dataDisplay: data,
    text: inferred.text,
    headerRow: inferred.headerRow,
    headerRowGiven: workbook.headerRow !== undefined,
    sheet: workbook.sheet ?? null,
    table: inferred.table,
    lang,
    langGiven: opts.lang !== undefined,
  };
  const files = [
    { name: "study.yaml", content: freshStudyYaml(input) },
    { name: schemaFile, content: freshSchemaJson(input) },
  ];
  await withPlainFileErrors(io, () => writeFilesAtomic(outDir, files));
  const t = inferred.table;
  const indicators = t.fields.filter((f) => f.suggestion !== null).length;
  const design = t.design.declaration ? Object.keys(t.design.declaration).join(", ") : null;
  const say = cliMessages(lang);
  if (t.ragged > 0) io.stderr(`${say.raggedRows(t.ragged, data, JSON.stringify(inferred.text?.delimiter ?? ""))}\n`);
  io.stderr(
    `${say.inferred(dataset, t.fields.length, t.rows, t.primaryKey?.field ?? null, design, indicators)}\n` +
      `${say.wroteFresh(path.join(opts.out, "study.yaml"), path.join(opts.out, schemaFile))}\n`,
  );
  return EXIT_OK;
}

/**
 * Scaffold a new wave's study file: extends BASE_STUDY, reads the chosen dataset from CSV, and
 * renames the export's columns that match schema fields by similarity or values. Says on stderr
 * what matched how and what did not.
 */
async function runWaveInit(baseStudy: string, csv: string, opts: InitOptions, io: Io): Promise<number> {
  if (opts.sheet !== undefined || opts.headerRow !== undefined)
    throw new CliError((t) => t.sheetOnWave(`init ${baseStudy} ${csv}`), EXIT_BAD_REQUEST);
  const loaded = await loadRequestedStudy(baseStudy, io, opts.lang);
  const lang = opts.lang ?? loaded.study.lang;
  const t = cliMessages(lang);
  const names = Object.keys(loaded.study.datasets);
  const dataset = opts.dataset ?? names.find((n) => loaded.study.datasets[n]?.design) ?? names[0] ?? "";
  const resolved = loaded.resolved[dataset];
  if (!resolved) throw new CliError((t) => t.unknownDataset(`--dataset ${dataset}`, dataset, names.join(", ")), EXIT_BAD_REQUEST);

  // Loaded with the study's checks (a dataset's XLSForm included); read again only if not.
  const schema = loaded.schemas?.get(dataset) ?? (await loadTableSchema(resolved.schema, path.relative(io.cwd, resolved.schema), lang));
  const decl = loaded.study.datasets[dataset];
  const fixed = { encoding: decl?.encoding, delimiter: decl?.delimiter };
  const fields = baseFields(schema, decl);
  await summariseBaseNumbers(fields, resolved.data, path.relative(io.cwd, resolved.data), fixed, decl?.rename ?? {});
  const csvAbsolute = path.resolve(io.cwd, csv);
  const { columns } = await sampleColumns(csvAbsolute, csv, fixed);
  const match = matchColumns(fields, columns, decl?.rename ?? {});
  io.stderr(describe(dataset, match, fields.length, t));

  // Paths in the scaffold are relative to the file it is written to (stdout: the working folder).
  const outAbsolute = opts.out === undefined ? null : path.resolve(io.cwd, opts.out);
  const from = outAbsolute === null ? io.cwd : path.dirname(outAbsolute);
  const rel = (p: string): string => path.relative(from, p).split(path.sep).join("/") || ".";
  const yaml = scaffoldYaml({
    cancelled: await cancelledReading(decl, csvAbsolute, csv),
    extendsPath: rel(loaded.file),
    study: nextStudyId(loaded.study.study),
    title: t.newWave(text(loaded.study.title, lang)),
    lang,
    dataset,
    csvPath: rel(csvAbsolute),
    baseStudyDisplay: baseStudy,
    csvDisplay: csv,
    match,
  });
  if (outAbsolute === null) {
    io.stdout(yaml);
    return EXIT_OK;
  }
  if (!opts.force && (await exists(outAbsolute))) throw new CliError((t) => t.outFileExists(opts.out ?? ""), EXIT_BAD_REQUEST);
  // Atomic, like every file the tool writes: a crash never leaves half a study file.
  await withPlainFileErrors(io, () => writeFilesAtomic(path.dirname(outAbsolute), [{ name: path.basename(outAbsolute), content: yaml }]));
  io.stderr(`${t.wrote(opts.out ?? "")}\n`);
  return EXIT_OK;
}

/**
 * The base dataset's reading options that the new export's format has no use for: a CSV's
 * encoding and delimiter for a workbook or an SPSS file, a workbook's sheet and header row for
 * anything else. The new wave states them as null, so that `extends` does not pass them on.
 */
async function cancelledReading(
  decl: DatasetDeclaration | undefined,
  file: string,
  display: string,
): Promise<{ keys: string[]; format: "csv" | "xlsx" | "sav" }> {
  const format = await sourceFormat(file, display);
  const keys = [
    ...(format === "csv" ? [] : (["encoding", "delimiter"] as const)),
    ...(format === "xlsx" ? [] : (["sheet", "header_row"] as const)),
  ].filter((k) => decl?.[k] !== undefined);
  return { keys, format };
}

/** The base schema's fields as matching sees them; numeric ones read as the base dataset reads them. */
function baseFields(schema: TableSchema, decl: DatasetDeclaration | undefined): FieldInfo[] {
  const tableMissing = schema.missingValues.map((m) => (typeof m === "string" ? m : m.value));
  return schema.fields.map((f) => {
    const info: FieldInfo = {
      name: f.name,
      type: f.type,
      // A multiple-choice answer is several categories: its values are not compared as one.
      categories: f.categories && f.multiple !== true ? f.categories.map((c) => String(typeof c === "object" ? c.value : c)) : null,
      missing: [...tableMissing, ...(f.missingValues ?? []).map((m) => (typeof m === "string" ? m : m.value))],
    };
    if ((f.type === "number" || f.type === "integer") && !f.categories) {
      const spec = { ...f, constraints: {}, missingValues: [] };
      if (spec.decimalChar === undefined && decl?.decimal_char) spec.decimalChar = decl.decimal_char;
      if (spec.groupChar === undefined && decl?.group_char) spec.groupChar = decl.group_char;
      const cast = compileSchema(parseTableSchema({ fields: [spec], missingValues: [] }, "base")).fields[0]?.cast;
      if (cast)
        info.toNumber = (text) => {
          const v = cast(text);
          return typeof v === "number" ? v : null;
        };
    }
    return info;
  });
}

/**
 * The range of each numeric field in the base wave's own data (a sample, as for the new export),
 * for matching a renamed numeric column by its numbers. A base whose data cannot be read only
 * loses this pass.
 */
async function summariseBaseNumbers(
  fields: FieldInfo[],
  file: string,
  display: string,
  fixed: Parameters<typeof sampleColumns>[2],
  rename: Record<string, string>,
): Promise<void> {
  let columns: ColumnSample[];
  try {
    columns = (await sampleColumns(file, display, fixed)).columns;
  } catch {
    return;
  }
  const base = matchColumns(fields, columns, rename);
  for (const m of base.matches.filter((x) => x.how === "rename" || x.how === "name")) {
    const f = fields.find((x) => x.name === m.field);
    const values = columns.find((c) => c.name === m.column)?.values ?? [];
    if (!f?.toNumber) continue;
    const read = f.toNumber;
    f.numbers = summarise(
      values
        .map((v) => v.trim())
        .filter((v) => v !== "" && !f.missing.includes(v))
        .map((v) => read(v)),
    );
  }
}

/** The plain account of the matching, for stderr. */
function describe(dataset: string, m: MatchResult, fieldCount: number, t: CliMessages): string {
  const byName = m.matches.filter((x) => x.how === "name").length;
  const byRename = m.matches.filter((x) => x.how === "rename").length;
  const lines = [t.matched(dataset, m.matches.length, fieldCount)];
  if (byRename > 0) lines.push(t.byRename(byRename));
  if (byName > 0) lines.push(t.byName(byName));
  for (const x of m.matches.filter((y) => y.how === "similarity"))
    lines.push(t.bySimilarity(x.column, x.field, t.decimal(x.score.toFixed(2))));
  for (const x of m.matches.filter((y) => y.how === "values"))
    lines.push(t.byValues(x.column, x.field, t.percent(Math.round(x.score * 100))));
  for (const x of m.matches.filter((y) => y.how === "distribution"))
    lines.push(t.byNumbers(x.column, x.field, t.percent(Math.round(x.score * 100))));
  for (const f of m.unmatchedFields) lines.push(t.fieldWithoutColumn(f));
  for (const a of m.ambiguous) lines.push(t.ambiguousColumn(a.column, a.fields.join(", ")));
  for (const c of m.unmatchedColumns.filter((c) => !m.ambiguous.some((a) => a.column === c))) lines.push(t.columnWithoutField(c));
  for (const n of m.newValues) lines.push(t.newAnswers(n.field, n.values.map((v) => `"${v}"`).join(", ")));
  return `${lines.join("\n")}\n`;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );
