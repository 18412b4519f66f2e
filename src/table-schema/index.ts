/**
 * Table Schema: the file format (zod schema and semantic checks), loading, localisation, the
 * compiled casters the validator runs, and the column store accepted rows go into.
 */
export type {
  FieldSpec,
  TableSchema,
  TableSchemaInput,
} from "./descriptor.js";
export { loadTableSchema, parseTableSchema, SchemaFileError } from "./descriptor-file.js";
export { localizeTableSchema } from "./localize.js";
export { NONE_CHOSEN } from "./parsers.js";
export { MAX_NESTING_DEPTH, tooDeepPath } from "./nesting.js";
export { MAX_TEXT_FILE_BYTES, readTextFile, TextFileError, textFileReason } from "./text-file.js";
export {
  CastFailure,
  compileSchema,
  isCastFailure,
  type CompiledField,
  type CompiledRowConstraint,
  type CompiledSchema,
} from "./compile.js";
export { codeArrayFor, Column, ColumnStore, ownString, type CodeArray } from "./columns.js";
