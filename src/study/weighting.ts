import { z } from "zod";
import { refusal } from "./refusal.js";
import { fieldList } from "./text.js";

/** One weighting margin: a field, or fields crossed, and each category's population count ("E|Yes" when crossed). */
const marginSchema = z
  .object({
    fields: fieldList,
    counts: z.record(z.string(), z.number().nonnegative()),
  })
  .strict();

/** R trimWeights(design, lower, upper, strict): bounds on the weights themselves (not on g). */
const trimSchema = z
  .object({
    lower: z.number().optional(),
    upper: z.number().optional(),
    strict: z.boolean().default(false),
  })
  .strict()
  .superRefine((t, ctx) => {
    if (t.lower === undefined && t.upper === undefined) ctx.addIssue({ code: "custom", path: [], ...refusal((m) => m.trimNoBound) });
    else if (t.lower !== undefined && t.upper !== undefined && !(t.lower < t.upper)) {
      const [lower, upper] = [String(t.lower), String(t.upper)];
      ctx.addIssue({ code: "custom", path: ["upper"], ...refusal((m) => m.trimOrder(upper, lower)) });
    }
  });

/** Keys that only some methods take: a key a method does not use is refused, not ignored. */
const METHOD_KEYS = {
  totals: ["calibrate"],
  calfun: ["calibrate"],
  bounds: ["calibrate"],
  max_iterations: ["rake", "calibrate"],
  tolerance: ["rake", "calibrate"],
  population: ["post-stratify", "rake", "calibrate"],
} as const;

/**
 * Weighting to population counts (R postStratify, rake, calibrate), then optionally trimming
 * (R trimWeights), or trimming alone: see docs/methods.md, weighting.
 */
export const weightingSchema = z
  .object({
    method: z.enum(["post-stratify", "rake", "calibrate"]).optional(),
    margins: z.array(marginSchema).default([]),
    /** Calibration: each numeric field's population total (R calibrate's numeric auxiliary variables). */
    totals: z.record(z.string(), z.number()).default({}),
    /** Calibration: R calibrate's calfun (linear when absent) and the bounds [lower, upper] of the g-weights (required by logit). */
    calfun: z.enum(["linear", "raking", "logit"]).optional(),
    bounds: z
      .tuple([z.number(), z.number()])
      .refine(
        ([lower, upper]) => lower < upper,
        refusal((m) => m.boundsOrder),
      )
      .optional(),
    /** The population size the counts of every margin must add up to, when stated. */
    population: z.number().positive().optional(),
    /** R's control = list(maxit, epsilon): raking sweeps (10) and the cell change that ends them (1); calibration Newton steps (50) and the relative misfit (1e-7). */
    max_iterations: z.number().int().min(1).optional(),
    tolerance: z.number().positive().optional(),
    trim: trimSchema.optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.method === undefined) {
      if (w.trim === undefined) ctx.addIssue({ code: "custom", path: [], ...refusal((m) => m.noMethod) });
      else if (w.margins.length > 0) ctx.addIssue({ code: "custom", path: ["margins"], ...refusal((m) => m.marginsNeedMethod) });
    } else if (w.margins.length === 0) {
      const method = w.method;
      ctx.addIssue({ code: "custom", path: ["margins"], ...refusal((m) => m.methodNeedsMargin(method)) });
    }
    if (w.method === "post-stratify" && w.margins.length > 1)
      ctx.addIssue({ code: "custom", path: ["margins"], ...refusal((m) => m.postStratifyOneMargin) });
    if (w.method === "calibrate" && w.calfun === "logit" && !(w.bounds && w.bounds[0] < 1 && w.bounds[1] > 1))
      ctx.addIssue({ code: "custom", path: ["calfun"], ...refusal((m) => m.logitBounds) });
    sameTotals(w, ctx);
    for (const [key, methods] of Object.entries(METHOD_KEYS)) {
      const given = key === "totals" ? Object.keys(w.totals).length > 0 : w[key as keyof typeof METHOD_KEYS] !== undefined;
      if (given && !(methods as readonly string[]).includes(w.method ?? ""))
        ctx.addIssue({ code: "custom", path: [key], ...refusal((m) => m.keyForMethods(key, methods, w.method)) });
    }
  });
export type WeightingDeclaration = z.infer<typeof weightingSchema>;

const RELATIVE_TOLERANCE = 1e-9;

/** Each margin's counts add up to the same population (and to `population` when stated). */
function sameTotals(
  w: { margins: { fields: string[]; counts: Record<string, number> }[]; population?: number | undefined },
  ctx: z.RefinementCtx,
): void {
  const totals = w.margins.map((m) => Object.values(m.counts).reduce((a, b) => a + b, 0));
  const reference = w.population ?? totals[0];
  if (reference === undefined) return;
  for (const [k, t] of totals.entries()) {
    if (Math.abs(t - reference) <= RELATIVE_TOLERANCE * reference) continue;
    const fields = w.margins[k]!.fields.join(" × ");
    const population = w.population !== undefined;
    ctx.addIssue({
      code: "custom",
      path: ["margins", k, "counts"],
      ...refusal((m) => m.marginTotal(k + 1, fields, String(t), String(reference), population)),
    });
    return;
  }
}
