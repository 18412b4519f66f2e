// Public API of the design-based estimation engine (pure computation: no I/O, no printing).
export { DesignError } from "./errors.js";
export { buildDesign, LONELY_PSU_OPTIONS, type DesignInput, type LonelyPsu, type Stage, type SurveyDesign } from "./design.js";
export { designVariance, type Matrix, type VarianceResult } from "./variance.js";
export { mustEstimate, type Estimate, type EstimateResult, type Unavailable, type UnavailableReason } from "./result.js";
export {
  svyDistribution,
  svyDistributionShares,
  svyMean,
  svyMeanOfRatios,
  svyMeans,
  svyProportion,
  svyRatio,
  svyTotal,
  type Distribution,
  type MeanOfRatiosResult,
  type MeansWithCov,
} from "./estimators.js";
export {
  clopperPearson,
  proportionInterval,
  srsProportionInterval,
  tInterval,
  waldInterval,
  type Interval,
  type IntervalOptions,
  type ProportionMethod,
  type SrsProportionMethod,
} from "./intervals.js";
export { baselineTest, contrast, testAgainstBaseline, testContrast, type Contrast, type TTest } from "./compare.js";
export { groupLevels, levelMask, svyBy, svyByMeans, type DomainLevel, type DomainMeans, type GroupValue } from "./domains.js";
export { svyQuantile, type QuantileEstimate } from "./quantile.js";
