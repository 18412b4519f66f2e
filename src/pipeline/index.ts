// Running a study: read and validate its datasets, estimate, analyse the codings, and map it all
// to the JSON result. `read-datasets.ts` is a second entry: `validate` reads and validates
// without loading estimation.
export { analyseStudy, type Analysis } from "./analyse.js";
export { QualitativeFieldError } from "./qualitative-input.js";
export { LevelLimitError, MAX_LEVELS, type LevelLimit } from "./level-limit.js";
export { NoRowsError } from "./no-rows.js";
