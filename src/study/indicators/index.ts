/** Indicator kinds of the study file: one schema per kind, their union, and their errors. */
export {
  indicatorSchema,
  indicatorSchemas,
  kindsTaking,
  type IndicatorDeclaration,
  type IndicatorKind,
  type ProportionIndicator,
  type DistributionIndicator,
  type MeanIndicator,
  type TotalIndicator,
  type RatioIndicator,
  type MeanOfRatiosIndicator,
  type QuantileIndicator,
} from "./union.js";
export { describeIndicatorIssue, issueToReport } from "./issues.js";
export { fieldsRead, conditionsOf } from "./reads.js";
