/** Public entry point of the qualitative module: agreement statistics and the codings analysis. */
export * from "./agreement.js";
export {
  analyseQualitative,
  MISSING_KEY,
  type CodeAgreement,
  type CodeRow,
  type ParentRow,
  type QualitativeInput,
  type QualitativeOptions,
  type QualitativeResult,
  type ShareCell,
  type StatCell,
} from "./analyse.js";
