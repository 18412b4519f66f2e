import { z } from "zod";
import { conditionSchema } from "../../conditions/index.js";
import { refusal } from "../refusal.js";
import { because, indicatorBase } from "./common.js";

/** A predictor: a field; a categorical one may name its reference level (default: its first category). */
const predictorSchema = z.union([
  z.string().min(1),
  z
    .object({
      field: z.string().min(1),
      reference: z.union([z.string(), z.number()]).optional(),
    })
    .strict(),
]);
export type PredictorDeclaration = z.infer<typeof predictorSchema>;

export const predictorField = (p: PredictorDeclaration): string => (typeof p === "string" ? p : p.field);

/**
 * A design-based regression (R svyglm): a linear model (`gaussian`) or a logistic one
 * (`binomial`, R quasibinomial) of an outcome on numeric and categorical predictors, with
 * pairwise interactions. One model, so no subgroups, published figure or baseline.
 */
export const regressionSchema = indicatorBase
  .omit({ domains: true })
  .extend({
    kind: z.literal("regression"),
    family: because(z.enum(["gaussian", "binomial"]), "whyFamily"),
    outcome: z.string().min(1).optional(),
    when: conditionSchema.optional(),
    predictors: because(z.array(predictorSchema).min(1), "whyPredictors"),
    interactions: z.array(z.tuple([z.string().min(1), z.string().min(1)])).optional(),
  })
  .strict()
  .superRefine((ind, ctx) => {
    if ((ind.outcome === undefined) === (ind.when === undefined)) {
      ctx.addIssue({ code: "custom", path: ["outcome"], ...refusal((m) => m.regressionOneOutcome) });
    }
    if (ind.when !== undefined && ind.family !== "binomial") {
      ctx.addIssue({ code: "custom", path: ["when"], ...refusal((m) => m.whenNeedsBinomial) });
    }
    const fields = ind.predictors.map(predictorField);
    fields.forEach((f, j) => {
      if (fields.indexOf(f) !== j) ctx.addIssue({ code: "custom", path: ["predictors", j], ...refusal((m) => m.predictorTwice(f)) });
    });
    (ind.interactions ?? []).forEach(([a, b], j) => {
      for (const [k, f] of [a, b].entries()) {
        if (!fields.includes(f))
          ctx.addIssue({ code: "custom", path: ["interactions", j, k], ...refusal((m) => m.interactionNotPredictor(f)) });
      }
      if (a === b) ctx.addIssue({ code: "custom", path: ["interactions", j], ...refusal((m) => m.interactionSame(a)) });
    });
  });
