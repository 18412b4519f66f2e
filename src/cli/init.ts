import { access } from "node:fs/promises";
import path from "node:path";
import { writeFilesAtomic } from "../output/index.js";
import { loadTableSchema } from "../table-schema/index.js";
import { matchColumns, type FieldInfo, type MatchResult } from "../study/scaffold/index.js";
import { sampleColumns } from "../study/scaffold/index.js";
import { nextStudyId, scaffoldYaml } from "../study/scaffold/index.js";
import { text } from "../study/index.js";
import { CliError, EXIT_BAD_REQUEST, EXIT_OK } from "./errors.js";
import type { Io } from "./io.js";
import { withPlainFileErrors } from "./outputs.js";
import { loadRequestedStudy } from "./study-request.js";

interface InitOptions {
  dataset?: string;
  out?: string;
  force?: boolean;
}

/**
 * Scaffold a new wave's study file: extends BASE_STUDY, reads the chosen dataset from CSV, and
 * renames the export's columns that match schema fields by similarity or values. Says on stderr
 * what matched how and what did not.
 */
export async function runInit(baseStudy: string, csv: string, opts: InitOptions, io: Io): Promise<number> {
  const loaded = await loadRequestedStudy(baseStudy, io);
  const names = Object.keys(loaded.study.datasets);
  const dataset = opts.dataset ?? names.find((n) => loaded.study.datasets[n]?.design) ?? names[0] ?? "";
  const resolved = loaded.resolved[dataset];
  if (!resolved)
    throw new CliError(`--dataset ${dataset}: the study has no dataset "${dataset}"; it declares ${names.join(", ")}.`, EXIT_BAD_REQUEST);

  // Loaded with the study's checks (a dataset's XLSForm included); read again only if not.
  const schema = loaded.schemas?.get(dataset) ?? (await loadTableSchema(resolved.schema, path.relative(io.cwd, resolved.schema)));
  const tableMissing = schema.missingValues.map((m) => (typeof m === "string" ? m : m.value));
  const fields: FieldInfo[] = schema.fields.map((f) => ({
    name: f.name,
    type: f.type,
    // A multiple-choice answer is several categories: its values are not compared as one.
    categories: f.categories && f.multiple !== true ? f.categories.map((c) => String(typeof c === "object" ? c.value : c)) : null,
    missing: [...tableMissing, ...(f.missingValues ?? []).map((m) => (typeof m === "string" ? m : m.value))],
  }));
  const csvAbsolute = path.resolve(io.cwd, csv);
  const { columns } = await sampleColumns(csvAbsolute, csv);
  const match = matchColumns(fields, columns);
  io.stderr(describe(dataset, match, fields.length));

  // Paths in the scaffold are relative to the file it is written to (stdout: the working folder).
  const outAbsolute = opts.out === undefined ? null : path.resolve(io.cwd, opts.out);
  const from = outAbsolute === null ? io.cwd : path.dirname(outAbsolute);
  const rel = (p: string): string => path.relative(from, p).split(path.sep).join("/") || ".";
  const yaml = scaffoldYaml({
    extendsPath: rel(loaded.file),
    study: nextStudyId(loaded.study.study),
    title: `${text(loaded.study.title, loaded.study.lang)} (new wave)`,
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
  io.stderr(`wrote ${opts.out}\n`);
  return EXIT_OK;
}

/** The plain account of the matching, for stderr. */
function describe(dataset: string, m: MatchResult, fieldCount: number): string {
  const byName = m.matches.filter((x) => x.how === "name").length;
  const lines = [`${dataset}: matched ${m.matches.length} of ${fieldCount} schema fields.`];
  if (byName > 0) lines.push(`  ${byName} by name (the same after ignoring case, spaces, hyphens and accents).`);
  for (const x of m.matches.filter((y) => y.how === "similarity"))
    lines.push(`  column "${x.column}" -> field ${x.field}: by name similarity (${x.score.toFixed(2)}); rename added.`);
  for (const x of m.matches.filter((y) => y.how === "values"))
    lines.push(
      `  column "${x.column}" -> field ${x.field}: by values (${Math.round(x.score * 100)}% of sampled values are its categories); rename added.`,
    );
  for (const f of m.unmatchedFields) lines.push(`  not matched: schema field ${f} has no column.`);
  for (const a of m.ambiguous) lines.push(`  not matched: column "${a.column}" fits ${a.fields.join(", ")} equally well.`);
  for (const c of m.unmatchedColumns.filter((c) => !m.ambiguous.some((a) => a.column === c)))
    lines.push(`  not matched: column "${c}" fits no schema field.`);
  for (const n of m.newValues)
    lines.push(
      `  new answers: ${n.field} has ${n.values.map((v) => `"${v}"`).join(", ")}, not among the base schema's categories; give the new wave a schema that lists them.`,
    );
  return `${lines.join("\n")}\n`;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );
