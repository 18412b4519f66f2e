// Public API of the design-based estimation engine (pure computation: no I/O, no printing).
export { DesignError } from "./errors.js";
export { buildDesign, type CodedIds, type LonelyPsu, type SurveyDesign } from "./design.js";
export { EstimationContext } from "./context.js";
export { replicateDesign, reweightedReplicates } from "./replicate.js";
export { levelDfs, rowsDf } from "./df.js";
export { RowIndex } from "./rows.js";
export { varianceOfTotals, type Matrix, type VarianceResult } from "./variance.js";
export { mustEstimate, type EstimateResult } from "./estimate.js";
export {
  svyCategoryTotals,
  svyDistribution,
  svyDistributionShares,
  svyMean,
  svyMeanByLevel,
  svyMeanOfRatios,
  svyProportion,
  svyRatio,
  svyRatioByLevel,
  svyTotal,
} from "./estimators.js";
export {
  clopperPearson,
  proportionInterval,
  srsProportionInterval,
  tInterval,
  waldInterval,
  type Interval,
  type ProportionMethod,
} from "./intervals.js";
export { contrast, testAgainstBaseline, testContrast } from "./contrast.js";
export { svyQuantile } from "./quantile.js";
export { svyGlm, type RegressionFamily } from "./regression.js";
export { svyCrossTab, type CrossTab, type TableAxis } from "./crosstab.js";
export type { RaoScottResult } from "./rao-scott.js";
export { suppressCells, suppressCrossTable, suppressTable, type Suppression } from "./disclosure.js";
export { defaultPrecision, roundsTo } from "./published.js";
export { waveDifference } from "./wave-difference.js";
export { reliabilityOf, type ReliabilityRule } from "./reliability.js";
export {
  calibrate,
  marginSums,
  postStratify,
  rake,
  weightedDesign,
  weightStats,
  type WeightingMargin,
  type WeightingResult,
  type WeightStats,
} from "./weighting.js";
export { trimWeights, type TrimResult } from "./weighting-trim.js";
