import { z } from "zod";
import { indicatorKinds } from "../../result/index.js";
import { en, type RequiredReason } from "../messages/en.js";
import { countSchema } from "./count.js";
import { crosstabSchema } from "./crosstab.js";
import { distributionSchema } from "./distribution.js";
import { meanOfRatiosSchema } from "./mean-of-ratios.js";
import { meanSchema } from "./mean.js";
import { multiSelectSchema } from "./multi-select.js";
import { proportionSchema } from "./proportion.js";
import { quantileSchema } from "./quantile.js";
import { ratioSchema } from "./ratio.js";
import { regressionSchema } from "./regression.js";
import { totalSchema } from "./total.js";

export type IndicatorKind = (typeof indicatorKinds)[number];

/**
 * One schema per kind, keyed by the kinds of result/kinds.ts (the one list of kind names):
 * `satisfies` makes a kind without a schema, or a schema for no kind, a compile error.
 * To add a kind: its name there, its file here, its entry below, its estimator.
 */
export const indicatorSchemas = {
  proportion: proportionSchema,
  distribution: distributionSchema,
  mean: meanSchema,
  total: totalSchema,
  ratio: ratioSchema,
  mean_of_ratios: meanOfRatiosSchema,
  quantile: quantileSchema,
  count: countSchema,
  crosstab: crosstabSchema,
  multi_select: multiSelectSchema,
  regression: regressionSchema,
} satisfies Record<IndicatorKind, z.ZodType>;

/** An indicator of the study file: `kind` says which keys it has (and which it must not). */
export const indicatorSchema = z.discriminatedUnion("kind", [
  indicatorSchemas.proportion,
  indicatorSchemas.distribution,
  indicatorSchemas.mean,
  indicatorSchemas.total,
  indicatorSchemas.ratio,
  indicatorSchemas.mean_of_ratios,
  indicatorSchemas.quantile,
  indicatorSchemas.count,
  indicatorSchemas.crosstab,
  indicatorSchemas.multi_select,
  indicatorSchemas.regression,
]);
export type IndicatorDeclaration = z.infer<typeof indicatorSchema>;

/** The kinds that accept `key` (none: it is no indicator key at all). */
export function kindsTaking(key: string): IndicatorKind[] {
  return indicatorKinds.filter((kind) => Object.hasOwn(indicatorSchemas[kind].shape, key));
}

/** Why a kind requires `key` (the catalogue key its schema gives as description: `because`), if it does. */
export function requiredBecause(kind: IndicatorKind, key: string): RequiredReason | undefined {
  const why = Object.entries(indicatorSchemas[kind].shape).find(([k]) => k === key)?.[1].description;
  return why?.startsWith("why") && Object.hasOwn(en, why) ? (why as RequiredReason) : undefined;
}

export const isIndicatorKind = (value: unknown): value is IndicatorKind => indicatorKinds.some((k) => k === value);
