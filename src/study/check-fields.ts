import path from "node:path";
import { loadTableSchema, type TableSchema } from "../table-schema/index.js";
import { StudyFileError } from "./errors.js";
import { checkStudyFields, type DatasetFields } from "./fields.js";
import type { LoadedStudy } from "./load.js";

/**
 * Load each dataset's Table Schema once and check every field the study names against it,
 * before any data is read: a typo in a field or a category is a study-file error (exit 2)
 * with the file and line that state it. Returns the schemas, for the pipeline to reuse.
 */
export async function loadSchemasAndCheckFields(loaded: LoadedStudy): Promise<Map<string, TableSchema>> {
  const studyDir = path.dirname(loaded.file);
  const datasets = Object.entries(loaded.study.datasets);
  // Read the files at once (one round trip, not one per dataset); a failure is still reported
  // for the first dataset in the study's order.
  const results = await Promise.allSettled(
    datasets.map(([name, decl]) => {
      const file = (loaded.resolved[name] as { schema: string }).schema;
      return loadTableSchema(file, path.relative(studyDir, file) || decl.schema);
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
          { type: f.type, multiple: f.multiple === true, categories: f.categories ? f.categories.map((c) => String(typeof c === "object" ? c.value : c)) : null },
        ]),
      ),
    ]),
  );
  const problem = checkStudyFields(loaded.study, fields);
  if (problem) throw new StudyFileError(`${loaded.where(problem.path)}: ${problem.message}.`, loaded.displayName);
  return schemas;
}
