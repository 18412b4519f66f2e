import { access } from "node:fs/promises";
import path from "node:path";
import { writeFilesAtomic } from "../output/index.js";
import { formStudyYaml, sampleColumns, scaffoldComments } from "../study/scaffold/index.js";
import { parseTableSchema, SchemaFileError } from "../table-schema/index.js";
import { normaliseLabel } from "../validate/index.js";
import { formTable, readXlsForm, withExportMetadata, XlsFormError } from "../xlsform/index.js";
import { CliError, EXIT_BAD_REQUEST, EXIT_OK } from "./errors.js";
import { cliMessages, type Lang } from "./i18n/index.js";
import type { Io } from "./io.js";
import { withPlainFileErrors } from "./outputs.js";

interface InitFormOptions {
  out?: string;
  force?: boolean;
  lang?: Lang;
}

/**
 * `init DATA --xlsform FORM --out DIR`: the form's Table Schema (schema.json) and a first study
 * file (study.yaml) for its export, written together. Says on stderr what it made, which
 * `relevant` it could not translate and which questions the export has no column for.
 */
export async function runInitFromForm(data: string, form: string, opts: InitFormOptions, io: Io): Promise<number> {
  if (opts.out === undefined) throw new CliError((t) => t.xlsformNeedsOut, EXIT_BAD_REQUEST);
  const dir = path.resolve(io.cwd, opts.out);
  let table: ReturnType<typeof formTable>;
  let title: string | null;
  let id: string | null;
  let lang: "en" | "fr";
  let notes: { repeat: string; row: number }[];
  try {
    const parsed = await readXlsForm(path.resolve(io.cwd, form), form);
    table = formTable(parsed);
    ({ title, id, notes } = parsed);
    lang = parsed.defaultLang ?? "en";
  } catch (err) {
    if (err instanceof XlsFormError) throw new CliError((t) => t.formError(err.reason, err.message), EXIT_BAD_REQUEST, form);
    throw err;
  }
  const dataAbsolute = path.resolve(io.cwd, data);
  const { columns } = await sampleColumns(dataAbsolute, data, {}, 1);
  const header = columns.map((c) => c.name);
  let schema: ReturnType<typeof parseTableSchema>;
  try {
    schema = withExportMetadata(parseTableSchema(table.schema, form, opts.lang ?? lang), header, table.rename);
  } catch (err) {
    if (err instanceof SchemaFileError) throw new CliError(err.message, EXIT_BAD_REQUEST);
    throw err;
  }
  // Only the renames this export needs: a header with group names, or without.
  const inHeader = new Set(header.map(normaliseLabel));
  const rename = Object.fromEntries(Object.entries(table.rename).filter(([from]) => inHeader.has(normaliseLabel(from))));
  const fed = new Set([...inHeader, ...Object.values(rename).map(normaliseLabel)]);
  const absent = schema.fields
    .filter((f) => !fed.has(normaliseLabel(f.name)))
    .filter(
      (f) =>
        !(
          f.multiple === true &&
          [...inHeader].some((h) => h.startsWith(`${normaliseLabel(f.name)}/`) || h.includes(`/${normaliseLabel(f.name)}/`))
        ),
    )
    .map((f) => f.name);

  const names = { schema: "schema.json", study: "study.yaml" };
  for (const name of Object.values(names))
    if (!opts.force && (await exists(path.join(dir, name)))) throw new CliError((t) => t.outExists(opts.out ?? "", name), EXIT_BAD_REQUEST);
  // --lang sets the study's lang, else the form's default language; what init says is in it too.
  const studyLang = opts.lang ?? lang;
  const rel = (p: string): string => path.relative(dir, p).split(path.sep).join("/") || ".";
  const study = formStudyYaml({
    study: studyId(id ?? path.basename(data, path.extname(data))),
    title: title ?? path.basename(form),
    lang: studyLang,
    dataPath: rel(dataAbsolute),
    schemaPath: names.schema,
    rename,
    formDisplay: form,
    dataDisplay: data,
    uses: table.uses,
    absent,
  });
  await withPlainFileErrors(io, () =>
    writeFilesAtomic(dir, [
      { name: names.schema, content: `${JSON.stringify(schema, null, 2)}\n` },
      { name: names.study, content: study },
    ]),
  );
  const t = cliMessages(studyLang);
  const lines = [
    t.formRead(form, schema.fields.length, table.uses.length, Object.keys(rename).length),
    ...notes.map((n) => t.formRepeat(n.repeat, n.row)),
    ...table.uses.flatMap((u) =>
      u.untranslated === null
        ? []
        : [t.formUntranslated(u.field, scaffoldComments(studyLang).relevantReason(u.untranslated.reason), u.untranslated.relevant)],
    ),
    ...absent.map((f) => t.formNoColumn(f)),
    t.wroteBoth(path.join(opts.out, names.schema), path.join(opts.out, names.study)),
  ];
  io.stderr(`${lines.join("\n")}\n`);
  return EXIT_OK;
}

/** A study id from the form's id: letters, digits, _ . - and a letter first. */
function studyId(raw: string): string {
  const id = raw.replace(/[^A-Za-z0-9_.-]+/g, "-").replace(/^[^A-Za-z]+/, "");
  return id === "" ? "survey" : id;
}

const exists = (file: string): Promise<boolean> =>
  access(file).then(
    () => true,
    () => false,
  );
