import { z } from "zod";
import { because, ciMethodKey, indicatorBase } from "./common.js";

/**
 * A multiple-choice question (a field with `multiple: true`): the share of respondents choosing
 * each option (shares that need not add up to 100 %) and, as the indicator's estimate, the mean
 * number of options chosen. Several estimates, so no published figure, baseline or contrast.
 */
export const multiSelectSchema = indicatorBase
  .extend({
    kind: z.literal("multi_select"),
    field: because(z.string().min(1), "whyMultipleField"),
    ci_method: ciMethodKey,
  })
  .strict();
