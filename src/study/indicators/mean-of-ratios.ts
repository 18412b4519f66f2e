import { z } from "zod";
import { baselineKey, indicatorBase, publishedKey } from "./common.js";
import { ratioFields } from "./ratio-fields.js";

/** The weighted mean of each row's numerator / denominator. */
export const meanOfRatiosSchema = indicatorBase
  .extend({
    kind: z.literal("mean_of_ratios"),
    ...ratioFields,
    published: publishedKey,
    baseline: baselineKey,
  })
  .strict();
