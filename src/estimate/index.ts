// Public API of the design-based estimation engine (pure computation: no I/O, no printing).
export { DesignError } from "./errors.js";
export { buildDesign, LONELY_PSU_OPTIONS, type CodedIds, type DesignInput, type LonelyPsu, type Stage, type SurveyDesign } from "./design.js";
export { EstimationContext, type Estimation } from "./context.js";
export { levelDfs, rowsDf } from "./df.js";
export { RowIndex, type Domain } from "./rows.js";
export { varianceOfTotals, type ColumnTotals, type Matrix, type VarianceResult } from "./variance.js";
export { mustEstimate, type Estimate, type EstimateResult, type Unavailable, type UnavailableReason } from "./estimate.js";
export {
  svyDistribution,
  svyDistributionShares,
  svyMean,
  svyMeanByLevel,
  svyMeanOfRatios,
  svyProportion,
  svyRatio,
  svyRatioByLevel,
  svyTotal,
  type ColumnEstimates,
  type Distribution,
  type EngineOptions,
  type Levels,
  type MeanOfRatiosResult,
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
export { contrast, testAgainstBaseline, testContrast, type Contrast, type TTest } from "./contrast.js";
export { svyQuantile, type QuantileEstimate } from "./quantile.js";
export { suppressCells, type Suppression } from "./disclosure.js";
export { defaultPrecision, roundsTo } from "./published.js";
export { differenceDf, waveDifference, type WaveDifference, type WaveEstimate } from "./wave-difference.js";
