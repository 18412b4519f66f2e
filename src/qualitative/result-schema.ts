import { z } from "zod";

/**
 * The qualitative part of the JSON result (snake_case, never an interview id): a zod schema so
 * that the result's JSON Schema describes it like every other part; the types are inferred.
 */

/** An interpretation band of an agreement coefficient, with the source it comes from. */
const bandSchema = z.object({ key: z.string(), source: z.string() });

/** A share of coded interviews: `n` of `of` (null share when `of` is 0). */
const shareCellSchema = z.object({ share: z.number().nullable(), n: z.number().int(), of: z.number().int() });
export type ShareCell = z.infer<typeof shareCellSchema>;

/**
 * An agreement statistic: null `value` with the `reason` (in the result's language) and its
 * `reason_code` when it cannot be computed.
 */
const statCellSchema = z.object({
  value: z.number().nullable(),
  units: z.number().int(),
  reason: z.string().nullable(),
  reason_code: z.string().nullable(),
});
export type StatCell = z.infer<typeof statCellSchema>;

const codeAgreementSchema = z.object({
  /** Interviews listed with two coders or more. */
  units: z.number().int(),
  percent: statCellSchema,
  cohen_kappa: statCellSchema.extend({
    se: z.number().nullable(),
    ci: z.tuple([z.number(), z.number()]).nullable(),
    level: z.number(),
  }),
  krippendorff_alpha: statCellSchema.extend({ metric: z.literal("nominal") }),
  fleiss_kappa: statCellSchema.extend({ z: z.number().nullable() }),
  band: z.object({
    cohen_kappa: bandSchema.nullable(),
    krippendorff_alpha: bandSchema.nullable(),
    fleiss_kappa: bandSchema.nullable(),
  }),
});
export type CodeAgreement = z.infer<typeof codeAgreementSchema>;

const byGroupSchema = z.record(z.string(), shareCellSchema);

const codeRowSchema = shareCellSchema.extend({
  code: z.string(),
  label: z.string(),
  parent: z.string().nullable(),
  by_group: byGroupSchema,
  agreement: codeAgreementSchema,
});

const parentRowSchema = shareCellSchema.extend({
  code: z.string(),
  label: z.string(),
  /** Codes counted for this parent: its descendants in the codebook, and itself if it is a code. */
  children: z.array(z.string()),
  by_group: byGroupSchema,
});

export const qualitativeResultSchema = z.object({
  units: z.object({
    /** Interviews listed. */
    interviews: z.number().int(),
    /** Interviews coded by the primary coder: the denominator of every share. */
    coded: z.number().int(),
    by_group: z.record(z.string(), z.number().int()),
    /** Interviews listed with two coders or more (agreement units). */
    double_coded: z.number().int(),
  }),
  /** Groups in output order, with their labels (JS objects list integer-like keys first, so use this for order). */
  groups: z.array(z.object({ group: z.string(), label: z.string().nullable() })),
  primary_coder: z.string(),
  codes: z.array(codeRowSchema),
  parents: z.array(parentRowSchema),
  cooccurrence: z.object({ codes: z.array(z.string()), counts: z.array(z.array(z.number().int())) }),
  crosstabs: z.record(
    z.string(),
    z.object({
      levels: z.array(z.string()),
      counts: z.record(z.string(), z.record(z.string(), z.number().int())),
      totals: z.record(z.string(), z.number().int()),
    }),
  ),
});
export type QualitativeResult = z.infer<typeof qualitativeResultSchema>;
