import { CliError, EXIT_BAD_REQUEST, EXIT_NOT_ACCEPTABLE } from "./errors.js";
import type { CliMessages } from "./i18n/en.js";

/**
 * Map what the library layers throw to one sentence and a documented exit code. Loaded only
 * when something failed, so a successful run never pays for it.
 */
export async function toCliError(error: unknown, t: CliMessages): Promise<CliError> {
  const [
    { StudyFileError },
    { SchemaFileError },
    { IngestError },
    { DesignError },
    { UnknownFieldError },
    { QualitativeFieldError, LevelLimitError, NoRowsError },
    { ToleranceError, ForeignKeyConfigError },
    { XlsFormError },
  ] = await Promise.all([
    import("../study/index.js"),
    import("../table-schema/index.js"),
    import("../ingest/index.js"),
    import("../estimate/index.js"),
    import("../conditions/index.js"),
    import("../pipeline/index.js"),
    import("../validate/index.js"),
    import("../xlsform/index.js"),
  ]);
  if (error instanceof StudyFileError && error.fsCode !== undefined)
    return new CliError(t.fileProblem(error.file, error.fsCode, "study"), EXIT_BAD_REQUEST, error.file);
  // A study's XLSForm that cannot be read (init words its own the same way).
  if (error instanceof XlsFormError) return new CliError(t.formError(error.reason, error.message), EXIT_BAD_REQUEST, error.reason.file);
  if (error instanceof StudyFileError || error instanceof SchemaFileError) return new CliError(error.message, EXIT_BAD_REQUEST, error.file);
  if (error instanceof ToleranceError) return new CliError(t.badTolerance(error.value), EXIT_BAD_REQUEST);
  if (error instanceof IngestError && error.fsCode !== undefined)
    return new CliError(t.fileProblem(error.file, error.fsCode, "data"), EXIT_BAD_REQUEST, error.file);
  if (error instanceof ForeignKeyConfigError) return new CliError(t.schemaRefused(error.message), EXIT_BAD_REQUEST);
  if (error instanceof IngestError)
    return new CliError(error.message, error.kind === "request" ? EXIT_BAD_REQUEST : EXIT_NOT_ACCEPTABLE, error.file);
  // A declared design the accepted rows contradict (e.g. a stratum with one cluster): the data
  // cannot support the analysis asked for.
  if (error instanceof DesignError) return new CliError(t.design(error.reason, error.message), EXIT_NOT_ACCEPTABLE);
  // Every row of a dataset rejected, or none there: the message names the file and the likely cause.
  if (error instanceof NoRowsError) return new CliError(error.message, EXIT_NOT_ACCEPTABLE, error.file);
  // Too many levels for a subgroup or distribution: the data cannot support the analysis.
  if (error instanceof LevelLimitError) return new CliError(t.levelLimit(error.limit, error.message), EXIT_NOT_ACCEPTABLE);
  if (error instanceof UnknownFieldError) return new CliError(t.unknownField(t.fieldNotKnown(error.field)), EXIT_BAD_REQUEST);
  if (error instanceof QualitativeFieldError)
    return new CliError(t.unknownField(t.qualitativeField(error.field, error.dataset)), EXIT_BAD_REQUEST);
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(t.internalError(message), EXIT_BAD_REQUEST);
}
