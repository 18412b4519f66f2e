/** Public entry point of the qualitative module: agreement statistics and the codings analysis. */
export * from "./agreement.js";
export { analyseQualitative, type QualitativeInput } from "./analyse.js";
export type { CodeAgreement, QualitativeResult, ShareCell, StatCell } from "./result-schema.js";
