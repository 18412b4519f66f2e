import { z } from "zod";
import { because, fieldKey, indicatorBase, publishedKey } from "./common.js";

/**
 * A weighted quantile of a numeric field. No baseline: its interval comes from the distribution
 * function (Woodruff), not from a linearization a baseline test could use.
 */
export const quantileSchema = indicatorBase
  .extend({
    kind: z.literal("quantile"),
    field: fieldKey,
    /** The probability in (0, 1), as a one-element list (one indicator per quantile). */
    probs: because(z.array(z.number().gt(0).lt(1)).min(1).max(1), "whyProbs"),
    published: publishedKey,
  })
  .strict();
