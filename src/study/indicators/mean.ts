import { z } from "zod";
import { baselineKey, contrastsKey, fieldKey, indicatorBase, publishedKey } from "./common.js";

/** The weighted mean of a numeric field. */
export const meanSchema = indicatorBase
  .extend({
    kind: z.literal("mean"),
    field: fieldKey,
    published: publishedKey,
    baseline: baselineKey,
    contrasts: contrastsKey,
  })
  .strict();
