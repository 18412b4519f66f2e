import { z } from "zod";
import { conditionSchema } from "../../conditions/index.js";
import { domainList } from "../domains.js";
import type { RequiredReason } from "../messages/en.js";
import { identifier, localizedText } from "../text.js";

/**
 * What every indicator kind shares, and the optional keys several kinds take. Each kind's file
 * (./proportion.ts, ./mean.ts, ...) extends `indicatorBase` with exactly the keys it uses, as a
 * strict object: a key of another kind is refused, not ignored (./issues.ts words the refusal).
 *
 * A required key carries, as its zod description, why the kind needs it (`because`): the error
 * for a missing one says so ("required for kind "mean": the variable to estimate").
 */
export const indicatorBase = z.object({
  id: identifier,
  label: localizedText,
  dataset: z.string().min(1),
  /** The denominator: rows the indicator is about. Default: every row. */
  universe: conditionSchema.optional(),
  /** Subgroup fields (or crossed fields) for this indicator; default: the study's `domains` when the dataset has them. */
  domains: domainList.optional(),
  description: z.string().optional(),
});

/** A required key of a kind, with the catalogue key of the sentence that says why it is required. */
export const because = <T extends z.ZodType>(schema: T, why: RequiredReason): T => schema.describe(why);

/** A field the kind reads (a numeric one, except for a distribution: ../fields.ts checks). */
export const fieldKey = because(z.string().min(1), "whyField");

const proportionMethods = ["logit", "beta", "wilson", "mean", "clopper-pearson"] as const;

/** The interval method of shares (proportions and a distribution's categories). */
export const ciMethodKey = z.enum(proportionMethods).optional();

const publishedSchema = z
  .object({
    value: z.number(),
    source: z.string().min(1),
    /** Decimal places the figure was published with (0.37 → 2). */
    precision: z.number().int().min(0).max(10).optional(),
  })
  .strict();

/** A published figure to reproduce (every kind with one estimate). */
export const publishedKey = publishedSchema.optional();

/** The name of a baseline to test the estimate against (kinds whose estimate has a linearization). */
export const baselineKey = z.string().min(1).optional();

/** Differences between two subgroups of the full design, with a design-based t test. */
export const contrastsKey = z
  .array(z.object({ field: z.string().min(1), a: z.union([z.string(), z.number()]), b: z.union([z.string(), z.number()]) }).strict())
  .optional();
