/** Indicator kinds of the study file: one schema per kind, their union, and their errors. */
export {
  indicatorSchema,
  indicatorSchemas,
  kindsTaking,
  type IndicatorDeclaration,
} from "./union.js";
export { describeIndicatorIssue, issueToReport } from "./issues.js";
export { fieldsRead, conditionsOf } from "./reads.js";
