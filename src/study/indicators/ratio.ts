import { z } from "zod";
import { baselineKey, indicatorBase, publishedKey } from "./common.js";
import { ratioFields } from "./ratio-fields.js";

/** The ratio of weighted totals, Σw·numerator / Σw·denominator. */
export const ratioSchema = indicatorBase
  .extend({
    kind: z.literal("ratio"),
    ...ratioFields,
    published: publishedKey,
    baseline: baselineKey,
  })
  .strict();
