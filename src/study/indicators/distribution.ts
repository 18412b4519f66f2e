import { z } from "zod";
import { ciMethodKey, fieldKey, indicatorBase } from "./common.js";

/**
 * The share of each category of a field. One estimate per category, so no published figure,
 * baseline or contrast: those compare one number.
 */
export const distributionSchema = indicatorBase
  .extend({
    kind: z.literal("distribution"),
    field: fieldKey,
    ci_method: ciMethodKey,
  })
  .strict();
