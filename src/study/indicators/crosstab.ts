import { z } from "zod";
import { because, ciMethodKey, indicatorBase } from "./common.js";

/**
 * A two-way table of two categorical fields (categories in schema order): cell, row and column
 * shares, estimated population counts, margins and the Rao–Scott tests of independence. Many
 * estimates, so no published figure, baseline or contrast; no subgroups (the columns are one).
 */
export const crosstabSchema = indicatorBase
  .omit({ domains: true })
  .extend({
    kind: z.literal("crosstab"),
    rows: because(z.string().min(1), "whyRows"),
    columns: because(z.string().min(1), "whyColumns"),
    ci_method: ciMethodKey,
  })
  .strict();
