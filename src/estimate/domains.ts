// svyby: one estimator per level of a grouping column, over the FULL design (domain masks),
// never a subset that drops rows.
import type { SurveyDesign } from "./design.js";
import { svyMeans } from "./estimators.js";
import type { EstimateResult } from "./result.js";
import type { Matrix } from "./variance.js";

export type GroupValue = string | number | null | undefined;

export interface DomainLevel<R> {
  level: string;
  result: R;
}

/** Levels in R's factor order: numbers numerically, text by code point; missing values are no level. */
export function groupLevels(groups: readonly GroupValue[]): string[] {
  const present = groups.filter((g): g is string | number => g !== null && g !== undefined && g !== "" && !(typeof g === "number" && Number.isNaN(g)));
  const numeric = present.every((g) => typeof g === "number");
  const uniq = [...new Set(present.map(String))];
  return numeric ? uniq.sort((a, b) => Number(a) - Number(b)) : uniq.sort();
}

/** Domain mask of one level, intersected with an outer domain if given. */
export function levelMask(groups: readonly GroupValue[], level: string, domain?: Uint8Array): Uint8Array {
  const m = new Uint8Array(groups.length);
  groups.forEach((g, i) => {
    if (g !== null && g !== undefined && String(g) === level && (!domain || domain[i] === 1)) m[i] = 1;
  });
  return m;
}

/** Run `estimator` per level (R svyby(..., FUN)): the estimator is an argument. */
export function svyBy<R>(
  design: SurveyDesign,
  groups: readonly GroupValue[],
  estimator: (design: SurveyDesign, domain: Uint8Array) => R,
  domain?: Uint8Array,
): DomainLevel<R>[] {
  if (groups.length !== design.n) throw new RangeError(`grouping column has ${groups.length} values, design has ${design.n} rows`);
  return groupLevels(groups).map((level) => ({ level, result: estimator(design, levelMask(groups, level, domain)) }));
}

export interface DomainMeans {
  levels: DomainLevel<EstimateResult>[];
  /** Covariance of the domain means (R svyby(covmat = TRUE)), for contrasts between domains. */
  cov: Matrix;
}

/** Means of y per level with their joint covariance from one call of the engine. */
export function svyByMeans(design: SurveyDesign, y: Float64Array, groups: readonly GroupValue[], domain?: Uint8Array): DomainMeans {
  if (groups.length !== design.n) throw new RangeError(`grouping column has ${groups.length} values, design has ${design.n} rows`);
  const levels = groupLevels(groups);
  const { results, cov } = svyMeans(
    design,
    levels.map((l) => ({ y, domain: levelMask(groups, l, domain) })),
  );
  return { levels: levels.map((level, j) => ({ level, result: results[j]! })), cov };
}
