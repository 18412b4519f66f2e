// The study file: loaded, validated against its zod schema, its fields checked against the
// datasets' Table Schemas. `scaffold/index.ts` (the `init` command's first study) is a second
// entry, so that other commands do not load it.
export { loadSchemasAndCheckFields } from "./check-fields.js";
export { StudyFileError } from "./errors.js";
export { bundledStudyPath, loadStudy, type LoadedStudy } from "./load.js";
export * from "./study-file.js";
export { untranslatedTexts } from "./untranslated.js";
