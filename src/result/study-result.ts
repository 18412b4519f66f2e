import { z } from "zod";
// The schema alone (a second entry of qualitative/): loading the result, as every command does
// through the study file, must not load the analysis.
import { qualitativeResultSchema } from "../qualitative/result-schema.js";
import { issueSchema } from "../vocabulary/index.js";
import { indicatorKinds } from "./kinds.js";
import { reportSections } from "./sections.js";

/**
 * The JSON result: the one contract every renderer and test reads (snake_case).
 * Every number in it is computed once, in src/estimate or src/qualitative.
 */

const interval = z.tuple([z.number(), z.number()]);

/** Weights' spread: min, max, Σw, CV (sd, divisor n − 1, over the mean) and Kish's n_eff = (Σw)²/Σw². */
const weightStatsSchema = z.object({
  min: z.number(),
  max: z.number(),
  sum: z.number(),
  cv: z.number(),
  n_eff: z.number(),
});

/**
 * The design's weighting to population counts (R postStratify, rake, calibrate), then trimming
 * (R trimWeights): the weights before and after, the raking sweeps or Newton steps with their
 * control, each margin's categories (target, Σw before and Σw reached), and what trimming did.
 */
const weightingSummarySchema = z.object({
  /** null: the weights were only trimmed. */
  method: z.enum(["post-stratify", "rake", "calibrate"]).nullable(),
  /** Calibration: the numeric variables' totals, target and reached. */
  totals: z.array(z.object({ field: z.string(), target: z.number(), before: z.number(), reached: z.number() })),
  iterations: z.number().int(),
  /** R's control: maxit and epsilon (raking: a cell count, or below 1 a share of Σw; calibration: relative misfit); null for post-stratification or trimming alone. */
  max_iterations: z.number().int().nullable(),
  tolerance: z.number().nullable(),
  converged: z.boolean(),
  before: weightStatsSchema,
  after: weightStatsSchema,
  margins: z.array(
    z.object({
      fields: z.array(z.string()),
      categories: z.array(z.object({ category: z.string(), target: z.number(), before: z.number(), reached: z.number() })),
    }),
  ),
  /** Trimming (R trimWeights): bounds (null: none), passes, rows set to each bound, and the weights before it. */
  trim: z
    .object({
      lower: z.number().nullable(),
      upper: z.number().nullable(),
      strict: z.boolean(),
      passes: z.number().int(),
      trimmed_lower: z.number().int(),
      trimmed_upper: z.number().int(),
      before: weightStatsSchema,
    })
    .optional(),
});
export type WeightingSummary = z.infer<typeof weightingSummarySchema>;

const designSummarySchema = z.object({
  declared: z.boolean(),
  /** Human description, e.g. "stratified by reception_point, clusters referral_structure, weights weight". */
  description: z.string(),
  ids: z.array(z.string()),
  strata: z.string().nullable(),
  weights: z.string().nullable(),
  fpc: z.array(z.string()),
  lonely_psu: z.string(),
  n_strata: z.number().int(),
  n_psu: z.number().int(),
  df: z.number(),
  sum_weights: z.number(),
  /** Present when the design declares a weighting; sum_weights is then Σ of the weights after it. */
  weighting: weightingSummarySchema.optional(),
  /** Present when the design's variances come from replicate weights (R svrepdesign); df is then their rank less 1. */
  replicates: z
    .object({
      type: z.enum(["JK1", "JKn", "BRR", "Fay", "bootstrap", "SDR", "other"]),
      columns: z.array(z.string()),
      count: z.number().int(),
      scale: z.number(),
      rscales: z.array(z.number()),
      mse: z.boolean(),
      rho: z.number().nullable(),
      combined_weights: z.boolean(),
    })
    .optional(),
});
export type DesignSummary = z.infer<typeof designSummarySchema>;

/** A number field's decimal mark and where it comes from (see docs/schemas.md, decimal marks). */
const decimalMarkSchema = z.object({
  field: z.string(),
  mark: z.enum([".", ","]),
  /** `schema` or `study`: declared; `detected`: judged from the values; `default`: the point, as nothing (or mixed marks) decided. */
  source: z.enum(["schema", "study", "detected", "default"]),
  /** Sampled values read only with a point, only with a comma, and ambiguous ones ("1,234"); 0 when declared. */
  dot: z.number().int(),
  comma: z.number().int(),
  ambiguous: z.number().int(),
});
export type DecimalMark = z.infer<typeof decimalMarkSchema>;

const datasetResultSchema = z.object({
  name: z.string(),
  /** Path as given in the study file (relative to it), never an absolute path of the machine. */
  path: z.string(),
  sha256: z.string(),
  encoding: z.string(),
  delimiter: z.string(),
  rows_read: z.number().int(),
  rows_accepted: z.number().int(),
  rows_rejected: z.number().int(),
  /** Lines whose every cell is empty (Excel's `;;;;` rows): skipped, neither read nor rejected. */
  blank_rows: z.number().int(),
  decimal_marks: z.array(decimalMarkSchema),
  issue_counts: z.record(z.string(), z.object({ errors: z.number().int(), warnings: z.number().int() })),
  issues: z.array(issueSchema),
  /** Issues left out of `issues` to keep the result readable; counted in issue_counts. */
  issues_omitted: z.number().int(),
  design: designSummarySchema.nullable(),
});
export type DatasetResult = z.infer<typeof datasetResultSchema>;

const suppressionSchema = z.enum(["primary", "secondary"]).nullable();

/**
 * How far an estimate can be trusted (null when no estimate is shown). `cv`: se / |estimate|
 * (null when the estimate is 0 or has no se). `flagged` when `reasons` is not empty: "cv", its CV
 * above the study's `reliability.max_cv` (for a share, the CV of the smaller of p and 1 − p);
 * "n", fewer respondents than `reliability.min_n`.
 */
const reliabilitySchema = z.object({
  cv: z.number().nullable(),
  flagged: z.boolean(),
  reasons: z.array(z.enum(["cv", "n"])),
});
export type Reliability = z.infer<typeof reliabilitySchema>;

const categoryResultSchema = z.object({
  value: z.string(),
  label: z.string(),
  estimate: z.number().nullable(),
  se: z.number().nullable(),
  ci: interval.nullable(),
  /** Respondents in the category; null when suppressed. */
  n: z.number().int().nullable(),
  reliability: reliabilitySchema.nullable(),
  suppressed: z.boolean(),
  /**
   * "primary": fewer than min_cell respondents; "secondary": shares sum to 100 %, so one more
   * category is hidden whenever exactly one is. Suppressed categories hide every number.
   */
  suppression: suppressionSchema,
});
export type CategoryResult = z.infer<typeof categoryResultSchema>;

const domainResultSchema = z.object({
  level: z.string(),
  label: z.string(),
  estimate: z.number().nullable(),
  se: z.number().nullable(),
  ci: interval.nullable(),
  /** Respondents in the subgroup; null when suppressed. */
  n: z.number().int().nullable(),
  deff: z.number().nullable(),
  reliability: reliabilitySchema.nullable(),
  suppressed: z.boolean(),
  /**
   * "primary": fewer than min_cell respondents: every number hidden. "secondary": the counts
   * of a field's subgroups add up to the indicator's n, so when exactly one count is hidden the
   * next smallest count is hidden too; its estimate stays (estimates add up to nothing).
   */
  suppression: suppressionSchema,
  /** A crossed subgroup (`domains: [[housing, age_band]]`): the level of each crossed field, in the study's order. */
  parts: z.array(z.object({ field: z.string(), level: z.string(), label: z.string() })).optional(),
  /**
   * A distribution's category shares within the subgroup (its estimate, se, ci and deff are null;
   * n counts its respondents with a category). Suppression as in a two-way table: see `categories[].suppression`.
   */
  categories: z.array(categoryResultSchema).optional(),
});
export type DomainResult = z.infer<typeof domainResultSchema>;

const publishedResultSchema = z.object({
  value: z.number(),
  source: z.string(),
  /** Decimal places of the published proportion or value (0.37 → 2). */
  precision: z.number().int(),
  reproduced: z.boolean(),
  in_ci: z.boolean(),
});

const baselineResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  value: z.number(),
  source: z.string().nullable(),
  difference: z.number(),
  se: z.number().nullable(),
  t: z.number().nullable(),
  df: z.number().nullable(),
  p_value: z.number().nullable(),
});

/** a − b between two subgroups (domains of the full design), with the covariance of the two. */
const contrastResultSchema = z.object({
  field: z.string(),
  a: z.string(),
  a_label: z.string(),
  b: z.string(),
  b_label: z.string(),
  estimate_a: z.number().nullable(),
  estimate_b: z.number().nullable(),
  difference: z.number().nullable(),
  se: z.number().nullable(),
  ci: interval.nullable(),
  df: z.number().nullable(),
  t: z.number().nullable(),
  p_value: z.number().nullable(),
  /** Why no difference is given (a suppressed or empty subgroup...). */
  not_available: z.string().nullable(),
});
export type ContrastResult = z.infer<typeof contrastResultSchema>;

/**
 * An estimate of a cross-table (a share or an estimated count) with its interval and reliability:
 * the one object every cell and margin number is.
 */
const tableEstimateSchema = z.object({
  estimate: z.number(),
  se: z.number(),
  ci: interval,
  /** Its CV and flag: a share is tested as other shares, on the cell's (or margin's) respondents. */
  reliability: reliabilitySchema.nullable(),
});
export type TableEstimate = z.infer<typeof tableEstimateSchema>;

/**
 * One cell of a cross-table. A suppressed cell ("primary": fewer than min_cell respondents;
 * "secondary": hidden so that no suppressed cell follows from the published totals) hides every
 * number. An estimate is null as well when it cannot be computed (an empty row or column).
 */
const crossTabCellSchema = z.object({
  row: z.string(),
  column: z.string(),
  n: z.number().int().nullable(),
  /** Share of the table's total (svymean of the interaction). */
  share: tableEstimateSchema.nullable(),
  /** Share of the row's total (svyby(~column, ~row, svymean)). */
  row_share: tableEstimateSchema.nullable(),
  /** Share of the column's total. */
  column_share: tableEstimateSchema.nullable(),
  /** Estimated population count (svytotal of the cell's indicator). */
  count: tableEstimateSchema.nullable(),
  suppressed: z.boolean(),
  suppression: suppressionSchema,
});

/** A row or column of a cross-table: its total (a margin). */
const crossTabMarginSchema = z.object({
  value: z.string(),
  label: z.string(),
  n: z.number().int().nullable(),
  /** Share of the table's total. */
  share: tableEstimateSchema.nullable(),
  count: tableEstimateSchema.nullable(),
  suppressed: z.boolean(),
  suppression: suppressionSchema,
});
export type CrossTabMargin = z.infer<typeof crossTabMarginSchema>;

/** The Rao–Scott tests of independence (R svychisq, statistic "F" and "Chisq"). */
const crossTabTestSchema = z.object({
  /** Pearson's X² of the weighted table scaled to the universe's rows (what R prints for "Chisq"). */
  pearson: z.number().nullable(),
  /** Second order: F = X² / tr(Δ) on ndf = tr(Δ)² / tr(Δ²) and ddf = ndf × design df. */
  f: z.object({ statistic: z.number(), ndf: z.number(), ddf: z.number(), p_value: z.number() }).nullable(),
  /** First order: X² / mean(δ) on (rows − 1)(columns − 1) df. */
  chisq: z.object({ statistic: z.number(), df: z.number().int(), p_value: z.number() }).nullable(),
  /** Why there is no test (an empty row or column, no design df...), in English. */
  not_available: z.string().nullable(),
  /** The same reason as a code, for the report to word in its language. */
  not_available_code: z.enum(["empty-row", "empty-column", "too-few-categories", "no-df", "no-variance"]).nullable(),
  /** The category without respondents, for "empty-row" and "empty-column". */
  empty_category: z.object({ field: z.string(), value: z.string(), label: z.string() }).nullable(),
});

/** A two-way table (kind crosstab): cells row-major, margins, the total and the tests. */
const crossTabResultSchema = z.object({
  rows: z.object({ field: z.string(), categories: z.array(crossTabMarginSchema) }),
  columns: z.object({ field: z.string(), categories: z.array(crossTabMarginSchema) }),
  cells: z.array(crossTabCellSchema),
  total: z.object({ n: z.number().int(), count: tableEstimateSchema.nullable() }),
  /** The shares' interval method (the indicator's ci_method) and the counts' (a t interval). */
  share_ci_method: z.string(),
  count_ci_method: z.string(),
  test: crossTabTestSchema,
});
export type CrossTabResult = z.infer<typeof crossTabResultSchema>;

/**
 * One coefficient of a regression (kind regression): its term as R names it (`stypeH`,
 * `ell:stypeH`), the fields and levels it is made of, and the t test and interval on the model's df.
 */
const regressionCoefficientSchema = z.object({
  term: z.string(),
  /** Each factor of the term: a field, and the level of a categorical one (null: numeric). */
  parts: z.array(z.object({ field: z.string(), level: z.string().nullable(), label: z.string().nullable() })),
  estimate: z.number(),
  se: z.number(),
  t: z.number(),
  p_value: z.number(),
  ci: interval,
  /** exp(estimate) and exp of the interval, for a logistic model; else null. */
  odds_ratio: z.number().nullable(),
  odds_ratio_ci: interval.nullable(),
});
export type RegressionCoefficient = z.infer<typeof regressionCoefficientSchema>;

/** A design-based regression (kind regression, R svyglm). */
const regressionResultSchema = z.object({
  family: z.enum(["gaussian", "binomial"]),
  /** The model as an R formula, e.g. `api00 ~ ell + stype + ell:stype`. */
  formula: z.string(),
  outcome: z.string(),
  /** Each categorical predictor's reference level (value and label). */
  references: z.array(z.object({ field: z.string(), value: z.string(), label: z.string() })),
  /** Empty when the model is not available (the indicator's not_available says why). */
  coefficients: z.array(regressionCoefficientSchema),
  iterations: z.number().int().nullable(),
});
export type RegressionResult = z.infer<typeof regressionResultSchema>;

export { indicatorKinds };

const indicatorResultSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(indicatorKinds),
  dataset: z.string(),
  /** Plain description of what is counted and over whom, for method notes. */
  definition: z.string(),
  universe: z.string().nullable(),
  estimate: z.number().nullable(),
  se: z.number().nullable(),
  ci: interval.nullable(),
  ci_method: z.string(),
  level: z.number(),
  df: z.number().nullable(),
  deff: z.number().nullable(),
  n: z.number().int(),
  n_missing: z.number().int(),
  missing: z.record(z.string(), z.number().int()),
  reliability: reliabilitySchema.nullable(),
  /** Set when no estimate can be given (zero denominator, empty universe...). */
  not_available: z.string().nullable(),
  /** Notes on the estimate in the result's language; `warning_codes` gives each one's code. */
  warnings: z.array(z.string()),
  warning_codes: z.array(z.string()),
  published: publishedResultSchema.optional(),
  baseline: baselineResultSchema.optional(),
  categories: z.array(categoryResultSchema).optional(),
  domains: z.record(z.string(), z.array(domainResultSchema)).optional(),
  contrasts: z.array(contrastResultSchema).optional(),
  crosstab: crossTabResultSchema.optional(),
  regression: regressionResultSchema.optional(),
});
export type IndicatorResult = z.infer<typeof indicatorResultSchema>;

/** One variable of a dataset as its schema declares it: the report's codebook and labels. */
const codebookEntrySchema = z.object({
  dataset: z.string(),
  field: z.string(),
  title: z.string(),
  type: z.string(),
  categories: z.array(z.object({ value: z.string(), label: z.string() })),
  missing_values: z.array(z.object({ value: z.string(), label: z.string() })),
  /** A derived variable's definition in words (datasets.NAME.derive); absent for schema fields. */
  derived: z.string().optional(),
});
export type CodebookEntry = z.infer<typeof codebookEntrySchema>;

/** Codes for the method notes; the report words them in its language. */
const missingPolicies = ["exclude-as-domain"] as const;

/** A publishable excerpt, shown only when the study asks for quotes; never with its interview id. */
const quoteSchema = z.object({ code: z.string(), excerpt: z.string() });
export type Quote = z.infer<typeof quoteSchema>;

/**
 * The version of this contract (semantic versioning, docs/result.md): a new field or a new value
 * of an enumeration is a minor bump; a field removed, renamed or changed in type or meaning is a
 * major one. The shipped JSON Schema (json-schema/result.schema.json) is generated from this file.
 */
export const RESULT_SCHEMA_VERSION = "1.1.0";

export const resultSchema = z.object({
  schema_version: z.literal(RESULT_SCHEMA_VERSION),
  study: z.string(),
  title: z.string(),
  lang: z.enum(["en", "fr"]),
  tool: z.object({ name: z.string(), version: z.string() }),
  /** ISO date from the study file or SOURCE_DATE_EPOCH: never the wall clock. */
  generated: z.string(),
  synthetic: z.boolean(),
  notes: z.array(z.string()),
  /**
   * The study's texts with no version in `lang` (paths such as `indicators.ID.label`), shown in
   * English instead; absent when there is none.
   */
  untranslated: z.array(z.string()).optional(),
  command: z.string(),
  /**
   * The report's sections in order: the study's `sections`, or every section in the default
   * order. A section with nothing to show for this result is left out when rendering.
   */
  sections: z.array(z.enum(reportSections)),
  method: z.object({
    level: z.number(),
    /** "exclude-as-domain": missing values leave the estimate's domain; every PSU stays (R na.rm = TRUE). */
    missing_policy: z.enum(missingPolicies),
    disclosure: z.object({ min_cell: z.number().int() }),
    /** The study's thresholds for flagging an estimate (see `Reliability`). */
    reliability: z.object({ max_cv: z.number(), min_n: z.number().int() }),
  }),
  /** Whether every dataset passed validation within the tolerated rejects (`--max-rejected`). */
  acceptance: z.object({
    acceptable: z.boolean(),
    max_rejected: z.string(),
    /** Datasets that did not pass. */
    failed: z.array(z.string()),
    /** Per failed dataset, the file-level error codes (a schema column absent...), if any. */
    file_errors: z.record(z.string(), z.array(z.string())),
  }),
  datasets: z.array(datasetResultSchema),
  codebook: z.array(codebookEntrySchema),
  indicators: z.array(indicatorResultSchema),
  /** Code shares, co-occurrence, crosstabs and agreement (src/qualitative); never interview ids. */
  qualitative: qualitativeResultSchema.extend({ quotes: z.array(quoteSchema).optional() }).optional(),
});
export type StudyResult = z.infer<typeof resultSchema>;
