import path from "node:path";
import { loadTableSchema, parseTableSchema, type TableSchema } from "../table-schema/index.js";
import { StudyFileError } from "./errors.js";
import { checkHarmonise, derivedFields } from "./derived-fields.js";
import { checkStudyFields, type DatasetFields } from "./fields.js";
import type { LoadedStudy } from "./load.js";
import { studyMessages } from "./messages/index.js";

/**
 * Load each dataset's Table Schema once and check every field the study names against it,
 * before any data is read: a typo in a field or a category is a study-file error (exit 2)
 * with the file and line that state it, in the run's language. Returns the schemas, for the
 * pipeline to reuse.
 */
export async function loadSchemasAndCheckFields(loaded: LoadedStudy): Promise<Map<string, TableSchema>> {
  const formRenames = new Map<string, Record<string, string>>();
  const studyDir = path.dirname(loaded.file);
  const datasets = Object.entries(loaded.study.datasets);
  // Read the files at once (one round trip, not one per dataset); a failure is still reported
  // for the first dataset in the study's order.
  const results = await Promise.allSettled(
    datasets.map(async ([name, decl]) => {
      const { schema: file, xlsform } = loaded.resolved[name] as { schema: string; xlsform: boolean };
      const display = path.relative(studyDir, file) || (decl.schema ?? decl.xlsform ?? file);
      if (!xlsform) return loadTableSchema(file, display, loaded.lang);
      const form = await formSchema(file, display, loaded.lang);
      formRenames.set(name, form.rename);
      return form.schema;
    }),
  );
  const schemas = new Map<string, TableSchema>();
  for (const [i, r] of results.entries()) {
    if (r.status === "rejected") throw r.reason;
    schemas.set((datasets[i] as [string, unknown])[0], r.value);
  }
  const fields = new Map<string, DatasetFields>(
    [...schemas].map(([name, schema]) => [
      name,
      new Map(
        schema.fields.map((f) => [
          f.name,
          {
            type: f.type,
            multiple: f.multiple === true,
            categories: f.categories ? f.categories.map((c) => String(typeof c === "object" ? c.value : c)) : null,
          },
        ]),
      ),
    ]),
  );
  // Derived variables first: the study's other keys may name them as fields.
  const m = studyMessages(loaded.lang);
  const withDerived = derivedFields(loaded.study, fields, m);
  const problem =
    "path" in withDerived ? withDerived : (checkHarmonise(loaded.study, fields, m) ?? checkStudyFields(loaded.study, withDerived, m));
  if (problem) throw new StudyFileError(`${loaded.where(problem.path)}${m.colon} ${problem.message}.`, loaded.displayName);
  loaded.formRenames = formRenames;
  return schemas;
}

/**
 * The Table Schema an XLSForm makes (its questions, choices and labels), and the renames its
 * exports need. The form reader (and its workbook library) loads only for a study that has one.
 */
async function formSchema(
  file: string,
  display: string,
  lang: "en" | "fr",
): Promise<{ schema: TableSchema; rename: Record<string, string> }> {
  // A form that cannot be read is an XlsFormError, worded by the command line by its reason.
  const { formTable, readXlsForm } = await import("../xlsform/index.js");
  const table = formTable(await readXlsForm(file, display));
  return { schema: parseTableSchema(table.schema, display, lang), rename: table.rename };
}
