/** Public entry point of the qualitative module: agreement statistics and the codings analysis. */
export * from "./agreement.js";
export {
  analyseQualitative,
  type CodeAgreement,
  type QualitativeInput,
  type QualitativeResult,
  type ShareCell,
  type StatCell,
} from "./analyse.js";
