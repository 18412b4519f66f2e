/** The validate layer's public surface, for the CLI and the result builder. */
export { isBlank, validateRecords, type ValidatedTable } from "./validate.js";
export { applyForeignKeys, ForeignKeyConfigError } from "./foreign-keys.js";
export { rejectsCsv, rejectsDialect } from "./rejects.js";
export { rejectUnlistedCoders } from "./listed-coders.js";
export { parseMaxRejected, isTolerated, ToleranceError } from "./tolerance.js";
export { normaliseLabel } from "./header.js";
export { RejectedRows, REJECTED_CELLS_SAMPLE } from "./rejected-rows.js";
export { detectDecimalMarks } from "./decimal-marks.js";
