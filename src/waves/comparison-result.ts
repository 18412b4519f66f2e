import { z } from "zod";
import { indicatorKinds } from "../result/index.js";

/**
 * The comparison of two waves (`exclusion-study compare`): the JSON written beside the Markdown
 * and the only input of its renderer (snake_case, like the study result). Types are inferred.
 */

const interval = z.tuple([z.number(), z.number()]);

const waveSchema = z.object({ study: z.string(), title: z.string(), generated: z.string() });

/** One wave's estimate, as its own report gives it. */
const sideSchema = z.object({
  estimate: z.number().nullable(),
  se: z.number().nullable(),
  ci: interval.nullable(),
  /** Null for a suppressed category. */
  n: z.number().int().nullable(),
});
export type Side = z.infer<typeof sideSchema>;

const differenceSchema = z.object({
  /** new − base */
  estimate: z.number(),
  /** sqrt(se_base² + se_new²): independent samples */
  se: z.number(),
  ci: interval,
  /** Two-sided, against no change, on `reference` (t with `df`, or the standard normal). */
  p_value: z.number(),
  df: z.number().nullable(),
  reference: z.enum(["t", "normal"]),
});
export type Difference = z.infer<typeof differenceSchema>;

/** Why an indicator (or a category) is not compared: a definition changed, or no estimate. */
const flagCodes = [
  "kind",
  "dataset",
  "universe",
  "when",
  "field",
  "numerator",
  "denominator",
  "probs",
  "categories",
  "not_available",
] as const;
const flagSchema = z.object({
  code: z.enum(flagCodes),
  /** The field whose categories changed (code "categories"). */
  field: z.string().nullable(),
  /** What the base and the new study state (null: not stated, e.g. every row for a universe). */
  base: z.string().nullable(),
  new: z.string().nullable(),
  /** Categories added to or removed from `field` (code "categories"). */
  added: z.array(z.string()),
  removed: z.array(z.string()),
});
export type Flag = z.infer<typeof flagSchema>;

const categoryComparisonSchema = z.object({
  value: z.string(),
  label: z.string(),
  /** In both waves' schemas, or only in the new one (added) or the base one (removed). */
  status: z.enum(["both", "added", "removed"]),
  base: sideSchema.nullable(),
  new: sideSchema.nullable(),
  difference: differenceSchema.nullable(),
});
export type CategoryComparison = z.infer<typeof categoryComparisonSchema>;

const indicatorComparisonSchema = z.object({
  id: z.string(),
  label: z.string(),
  kind: z.enum(indicatorKinds),
  base: sideSchema,
  new: sideSchema,
  /** Null when not compared: see `flags`, and for distributions the per-category differences. */
  difference: differenceSchema.nullable(),
  /** True when the definition is the same in both waves (differences were computed). */
  compared: z.boolean(),
  flags: z.array(flagSchema),
  categories: z.array(categoryComparisonSchema).optional(),
});
export type IndicatorComparison = z.infer<typeof indicatorComparisonSchema>;

/** One answer of the new wave counted as one of the base wave's (the new study's `harmonise`). */
const harmonisedSchema = z.object({ dataset: z.string(), field: z.string(), from: z.string(), to: z.string() });

const onlyInSchema = z.object({ id: z.string(), label: z.string(), kind: z.enum(indicatorKinds) });

/**
 * The version of this contract, versioned like the study result's (docs/result.md): a new field
 * is a minor bump, a field removed or changed a major one. json-schema/comparison.schema.json is
 * generated from this file.
 */
export const COMPARISON_SCHEMA_VERSION = "1.1.0";

export const comparisonSchema = z.object({
  schema_version: z.literal(COMPARISON_SCHEMA_VERSION),
  base: waveSchema,
  new: waveSchema,
  lang: z.enum(["en", "fr"]),
  tool: z.object({ name: z.string(), version: z.string() }),
  /** The command line that rewrites this comparison. */
  command: z.string(),
  method: z.object({
    /** Confidence level of the differences' intervals: the base study's. */
    level: z.number(),
    se: z.literal("sqrt(se_base^2 + se_new^2)"),
    reference: z.literal("t with min(df_base, df_new); normal when a df is unknown"),
  }),
  /** Both waves passed validation (within their tolerated rejects). */
  acceptable: z.boolean(),
  synthetic: z.boolean(),
  /** The new wave's answers mapped onto the base wave's before its estimates were made. */
  harmonised: z.array(harmonisedSchema),
  indicators: z.array(indicatorComparisonSchema),
  only_in_base: z.array(onlyInSchema),
  only_in_new: z.array(onlyInSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;
