import { z } from "zod";
import { conditionSchema } from "../../conditions/index.js";
import { refusal } from "../refusal.js";
import { indicatorBase } from "./common.js";

/**
 * The estimated number of people (the weighted count of rows in the universe): those meeting
 * `when` (R svytotal(~I(when))), or those in each category of `field` (svytotal(~factor(field))).
 * Exactly one of the two; the refusal says which key does what.
 */
export const countSchema = indicatorBase
  .extend({
    kind: z.literal("count"),
    when: conditionSchema.optional(),
    field: z.string().min(1).optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if ((ind.when === undefined) !== (ind.field === undefined)) return;
    const both = ind.when !== undefined;
    ctx.addIssue({ code: "custom", path: both ? ["field"] : [], ...refusal((m) => m.countOneOf(both)) });
  });
