import { access } from "node:fs/promises";
import path from "node:path";
import { writeFilesAtomic } from "../output/index.js";
import { loadTableSchema } from "../table-schema/index.js";
import { matchColumns, type FieldInfo, type MatchResult } from "../study/scaffold/index.js";
import { sampleColumns } from "../study/scaffold/index.js";
import { nextStudyId, scaffoldYaml } from "../study/scaffold/index.js";
import { text } from "../study/index.js";
import { CliError, EXIT_BAD_REQUEST, EXIT_OK } from "./errors.js";
import type { CliMessages } from "./i18n/en.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import type { Io } from "./io.js";
import { withPlainFileErrors } from "./outputs.js";
import { loadRequestedStudy } from "./study-request.js";

interface InitOptions {
  dataset?: string;
  out?: string;
  force?: boolean;
  lang?: Lang;
}

/**
 * Scaffold a new wave's study file: extends BASE_STUDY, reads the chosen dataset from CSV, and
 * renames the export's columns that match schema fields by similarity or values. Says on stderr
 * what matched how and what did not.
 */
export async function runInit(baseStudy: string, csv: string, opts: InitOptions, io: Io): Promise<number> {
  const loaded = await loadRequestedStudy(baseStudy, io);
  const lang = opts.lang ?? loaded.study.lang;
  const t = cliMessages(lang);
  const names = Object.keys(loaded.study.datasets);
  const dataset = opts.dataset ?? names.find((n) => loaded.study.datasets[n]?.design) ?? names[0] ?? "";
  const resolved = loaded.resolved[dataset];
  if (!resolved)
    throw new CliError(`--dataset ${dataset}: the study has no dataset "${dataset}"; it declares ${names.join(", ")}.`, EXIT_BAD_REQUEST);

  const schema = await loadTableSchema(resolved.schema, path.relative(io.cwd, resolved.schema));
  const tableMissing = schema.missingValues.map((m) => (typeof m === "string" ? m : m.value));
  const fields: FieldInfo[] = schema.fields.map((f) => ({
    name: f.name,
    type: f.type,
    categories: f.categories ? f.categories.map((c) => String(typeof c === "object" ? c.value : c)) : null,
    missing: [...tableMissing, ...(f.missingValues ?? []).map((m) => (typeof m === "string" ? m : m.value))],
  }));
  const csvAbsolute = path.resolve(io.cwd, csv);
  const { columns } = await sampleColumns(csvAbsolute, csv);
  const match = matchColumns(fields, columns);
  io.stderr(describe(dataset, match, fields.length, t));

  // Paths in the scaffold are relative to the file it is written to (stdout: the working folder).
  const outAbsolute = opts.out === undefined ? null : path.resolve(io.cwd, opts.out);
  const from = outAbsolute === null ? io.cwd : path.dirname(outAbsolute);
  const rel = (p: string): string => path.relative(from, p).split(path.sep).join("/") || ".";
  const yaml = scaffoldYaml({
    extendsPath: rel(loaded.file),
    study: nextStudyId(loaded.study.study),
    title: t.newWave(text(loaded.study.title, lang)),
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
  if (!opts.force && (await exists(outAbsolute)))
    throw new CliError(`--out ${opts.out}: the file exists; pass --force to overwrite it.`, EXIT_BAD_REQUEST);
  // Atomic, like every file the tool writes: a crash never leaves half a study file.
  await withPlainFileErrors(io, () => writeFilesAtomic(path.dirname(outAbsolute), [{ name: path.basename(outAbsolute), content: yaml }]));
  io.stderr(`${t.wrote(opts.out ?? "")}\n`);
  return EXIT_OK;
}

/** The plain account of the matching, for stderr. */
function describe(dataset: string, m: MatchResult, fieldCount: number, t: CliMessages): string {
  const byName = m.matches.filter((x) => x.how === "name").length;
  const lines = [t.matched(dataset, m.matches.length, fieldCount)];
  if (byName > 0) lines.push(t.byName(byName));
  for (const x of m.matches.filter((y) => y.how === "similarity"))
    lines.push(t.bySimilarity(x.column, x.field, t.decimal(x.score.toFixed(2))));
  for (const x of m.matches.filter((y) => y.how === "values"))
    lines.push(t.byValues(x.column, x.field, t.percent(Math.round(x.score * 100))));
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
