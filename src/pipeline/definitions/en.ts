import type { ReplicateType } from "../../estimate/index.js";

/**
 * English words of the codebook: what each indicator and derived variable is, as the result's
 * `definition`, `universe` and `derived` say it. The source of truth for the keys.
 */
export const en = {
  share: (condition: string) => `share of rows where ${condition}`,
  count: (condition: string) => `number of rows where ${condition}`,
  distribution: (field: string) => `distribution of ${field}`,
  categoryCounts: (field: string) => `number of rows in each category of ${field}`,
  mean: (field: string) => `mean of ${field}`,
  total: (field: string) => `total of ${field}`,
  quantile: (p: string, field: string) => `quantile ${p} of ${field}`,
  ratio: (numerator: string, denominator: string) => `ratio of totals: sum of ${numerator} / sum of ${denominator}`,
  meanOfRatios: (numerator: string, denominator: string) => `mean over rows of ${numerator} / ${denominator}`,
  recoded: (field: string, mapping: string) => `${field} recoded: ${mapping}`,
  banded: (field: string, bands: string) => `${field} in bands: ${bands}; other values missing (outside_bands)`,
  flag: (condition: string) => `true where ${condition}`,
  quotient: (numerator: string, denominator: string) =>
    `${numerator} / ${denominator}; missing where ${denominator} is 0 (zero_denominator)`,
  crossTabTooFewCategories: (field: string, n: number) => `a cross-table needs at least two categories in each field; "${field}" has ${n}`,
  crossTabNoRows: "no rows with both fields in the universe",
  testEmptyLevel: (field: string, label: string) => `no respondent in ${field} = "${label}": drop or merge the category to test`,
  testTooFewCategories: "the test needs at least two categories in each field",
  testNoDf: "the design has no degrees of freedom for the test",
  testNoVariance: "the cell shares have no design variance to test with",
  multiSelect: (field: string) => `options chosen in ${field}: share choosing each, mean number chosen`,
  crossTable: (rows: string, columns: string) => `cross-table of ${rows} by ${columns}`,
  /** The design in one sentence (the result's `design.description`). */
  designSrs: "simple random sample (no design declared)",
  designStrata: (field: string) => `stratified by ${field}`,
  designClusters: (fields: string[]) => `clusters ${fields.join(" then ")}`,
  designUnits: "individual units",
  designWeights: (field: string) => `weights ${field}`,
  designFpc: (fields: string[]) => `finite population correction ${fields.join(", ")}`,
  designWeighting: {
    "post-stratify": "post-stratified to population counts",
    rake: "raked to population counts",
    calibrate: "calibrated to population counts",
  },
  designTrimmed: "weights trimmed",
  designReplicates: (type: ReplicateType, mse: boolean) =>
    `${{ JK1: "JK1 jackknife", JKn: "JKn jackknife", BRR: "BRR", Fay: "Fay's BRR", bootstrap: "bootstrap", SDR: "successive-difference", other: "custom" }[type]} replicate weights${mse ? " (mse)" : ""}`,
  /** A subgroup's note, as the indicator's warning. */
  inSubgroup: (field: string, label: string, note: string) => `${field} = ${label}: ${note}`,
  subgroupNoRows: "the subgroup has no rows",
  subgroupTooSmall: (min: number) => `a subgroup has fewer than ${min} respondents`,
  subgroupNoEstimate: "a subgroup has no estimate",
  differenceOverflow: "overflow: the difference or its variance is too large to represent; check the data for an extreme value",
  noLevelInModel: (field: string) => `"${field}" has no value in the model's rows`,
  referenceNotInModel: (reference: string, field: string) => `reference "${reference}" of "${field}" has no row in the model`,
  outcomeNotBinary: (field: string) => `a logistic model needs an outcome of 0 or 1; "${field}" has other values`,
  /** What the estimation says (src/estimate/notes.ts), by code. */
  notes: {
    "lonely-psu": (unit: string, stage: number, policy: string) =>
      `${stage === 1 ? `Stratum "${unit}"` : `Cluster "${unit}" (stage ${stage - 1})`} has only one sampled unit at stage ${stage}; handled by lonely_psu = ${policy}.`,
    "no-stratum-to-average": (stage: number) => `No stratum at stage ${stage} has two or more PSUs to average over; its contribution is 0.`,
    "zero-denominator-excluded": (rows: number) => `${rows} row(s) with a zero denominator were excluded from the mean of ratios.`,
    "no-df": "no design degrees of freedom (df <= 0): the interval is unbounded",
    "exact-bound": (proportion: number, n: number) =>
      `proportion is exactly ${proportion}: one-sided exact (Clopper–Pearson) bound with n = ${n}`,
    "zero-variance": "zero design variance: the proportion is fixed by the design",
    "quantile-bound-both": (low: string, high: string) =>
      `lower and upper bounds not available: F(q) − t·se = ${low} is below 0 and F(q) + t·se = ${high} is above 1; the standard error, derived from the interval's width, is not available either`,
    "quantile-bound-lower": (low: string, upper: string) =>
      `lower bound not available: F(q) − t·se = ${low} is below 0 (upper bound ${upper}); the standard error, derived from the interval's width, is not available either`,
    "quantile-bound-upper": (high: string, lower: string) =>
      `upper bound not available: F(q) + t·se = ${high} is above 1 (lower bound ${lower}); the standard error, derived from the interval's width, is not available either`,
    "empty-domain": "no rows in the domain",
    "zero-denominator": "zero denominator: the weighted total of the denominator is 0",
    overflow: (variance: boolean) =>
      `overflow: ${variance ? "its variance" : "the estimate"} is too large to represent; check the data for an extreme value`,
    "no-quantile-df": "no design degrees of freedom for a quantile interval",
    "no-model-rows": "no row has every model variable",
    collinear: "the predictors are collinear in the model's rows (a column is a combination of others)",
    "not-converged": (iterations: number) => `the fit did not converge in ${iterations} iterations`,
    separation: "fitted probabilities of 0 or 1 occur: the predictors separate the outcome",
    "no-model-df": (df: number, coefficients: number) => `the design has ${df} degrees of freedom for ${coefficients} coefficients`,
    "replicates-dropped": (count: number) =>
      `${count} replicate(s) gave no estimate (no row of the domain in them) and were left out of the variance.`,
  },
  /** Why an agreement statistic is not available (src/qualitative/ratings.ts), by code. */
  agreement: {
    "no-pairs": "no unit has values from two coders or more",
    "no-paired-ratings": "no paired ratings",
    "one-category": "only one category: expected agreement is 1",
    "expected-agreement-one": "expected agreement is 1 (both coders used a single, identical category): kappa is undefined",
    "no-subjects": "no subjects",
    "unequal-raters": "subjects do not all have the same number of raters",
    "unequal-coders": (min: number, max: number) =>
      `interviews have different numbers of coders (${min} to ${max}): Fleiss' kappa needs a constant number`,
    "too-few-raters": "fewer than two raters per subject",
    "no-variation": "no variation: every value is in the same category, so expected disagreement is 0 and the coefficient is undefined",
    "too-few-values": "fewer than two pairable values (no unit coded by two coders or more)",
    "no-two-coders": "no interview is listed with two coders or more",
  },
  /** A number printed with a point, in the language's decimal mark. */
  decimal: (plain: string) => plain,
  listSeparator: "; ",
  and: " and ",
  or: " or ",
  not: (condition: string) => `not (${condition})`,
  isMissing: (field: string) => `${field} is missing`,
  isNotMissing: (field: string) => `${field} is not missing`,
  includesAny: (field: string, values: string) => `${field} includes any of ${values}`,
  includesAll: (field: string, values: string) => `${field} includes all of ${values}`,
  /** An accepted row named by its line in the data file. */
  row: (line: number) => `line ${line}`,
  colon: ":",
  /** Why a declared weighting cannot be carried out (pipeline/weighting-input.ts), after "where: ". */
  weighting: {
    missingMarginField: (field: string, row: string) =>
      `field "${field}" is missing at ${row} of the data, and a weighting margin's fields may not be missing.`,
    noCount: (category: string, fields: string, row: string) =>
      `category "${category}" of ${fields} (${row} of the data) has no population count; add it to counts.`,
    noRespondent: (category: string, fields: string) =>
      `category "${category}" of ${fields} has a population count but no respondent, so no weight can reach it; merge it with another category.`,
    missingTotalField: (field: string, row: string) =>
      `field "${field}" is missing at ${row} of the data, and a calibration variable may not be missing.`,
    notConverged: (raking: boolean, iterations: number, bounds: string | null) =>
      `${raking ? "raking" : "calibration"} did not converge in ${iterations} iterations${
        bounds !== null
          ? `, so the targets cannot be met with every weight ratio within the bounds ${bounds}; widen the bounds, raise max_iterations or check that the targets can be met together.`
          : "; raise max_iterations, or check that the targets can be met together."
      }`,
    trimMean: (mean: string, bounds: string, sum: string) =>
      `the weights average ${mean}, outside the bounds ${bounds}, so no trimming that keeps their sum (${sum}) can bring them within; widen the bounds.`,
    trimNoneInside: (bounds: string) =>
      `every weight is outside the bounds ${bounds}, so none is left to take up the excess; widen the bounds.`,
    trimPasses: (bounds: string, passes: number) =>
      `strict trimming still leaves weights outside the bounds ${bounds} after ${passes} passes; widen the bounds.`,
    // A replicate of a replicate-weight design that cannot be weighted as its full sample is.
    replicateNoWeight: (replicate: number, category: string, margin: number) =>
      `replicate ${replicate} (replicate-weight column ${replicate}) gives no weight to category "${category}" of margin ${margin}, so it cannot be weighted to that count (all the category's rows are in the units the replicate leaves out); merge the category with another.`,
    replicateNotConverged: (replicate: number, iterations: number) =>
      `the calibration of replicate ${replicate} did not converge in ${iterations} iterations; raise max_iterations, widen the bounds or check that its targets can be met.`,
  },
  /** The codebook's label of a blank missing-value code the schema does not label. */
  blankCode: "blank",
};

export type Definitions = typeof en;
