import { z } from "zod";
import { baselineKey, fieldKey, indicatorBase, publishedKey } from "./common.js";

/** The weighted total of a numeric field. */
export const totalSchema = indicatorBase
  .extend({
    kind: z.literal("total"),
    field: fieldKey,
    published: publishedKey,
    baseline: baselineKey,
  })
  .strict();
