import { z } from "zod";
import { conditionSchema } from "../../conditions/index.js";
import { baselineKey, because, ciMethodKey, contrastsKey, indicatorBase, publishedKey } from "./common.js";

/** The weighted share of rows (in the universe) where `when` holds. */
export const proportionSchema = indicatorBase
  .extend({
    kind: z.literal("proportion"),
    when: because(conditionSchema, "whyWhen"),
    ci_method: ciMethodKey,
    published: publishedKey,
    baseline: baselineKey,
    contrasts: contrastsKey,
  })
  .strict();
