/** The validate layer's public surface, for the CLI and the result builder. */
export { validateRecords, type RejectedRow, type ValidateOptions, type ValidatedTable } from "./validate.js";
export { applyForeignKeys, ForeignKeyConfigError } from "./foreign-keys.js";
export { rejectsCsv, neutralise } from "./rejects.js";
export { rejectAcceptedRows } from "./reject-rows.js";
export { rejectUnlistedCoders, type ListedCodersSpec } from "./listed-coders.js";
export { parseMaxRejected, parseTolerance, isTolerated, describeTolerance, ToleranceError, type Tolerance } from "./tolerance.js";
export { DEFAULT_MAX_ISSUES, errorCount, type IssueLog } from "./issue-log.js";
export { normaliseLabel } from "./header.js";
