/**
 * Shared result shapes for the agreement statistics.
 *
 * A statistic that cannot be computed (no pairable values, no variation, ...) is reported as
 * `{ value: null, reason }` rather than NaN or Infinity, so that JSON output stays valid and the
 * report can say *why* a figure is missing.
 */
export interface Unavailable {
  value: null;
  reason: AgreementReason;
}

/**
 * Why a statistic is not available, as a code (and the numbers its sentence needs): the module
 * speaks no language; the result words it through the `reasons` its caller gives.
 */
export type AgreementReason =
  | { code: "no-pairs" }
  | { code: "no-paired-ratings" }
  | { code: "one-category" }
  | { code: "expected-agreement-one" }
  | { code: "no-subjects" }
  | { code: "unequal-raters"; min?: number; max?: number }
  | { code: "too-few-raters" }
  | { code: "no-variation" }
  | { code: "too-few-values" }
  | { code: "no-two-coders" };

export function unavailable(reason: AgreementReason): Unavailable {
  return { value: null, reason };
}

/** Rating value accepted by the agreement functions; `null`/`undefined` = not coded. */
export type Rating = string | number;
export type MaybeRating = Rating | null | undefined;

export function isRated(v: MaybeRating): v is Rating {
  // NaN is treated as "not coded" so that it can never leak into a statistic.
  return v !== null && v !== undefined && !(typeof v === "number" && Number.isNaN(v));
}

/**
 * Deterministic ordering of category values: numbers numerically, then strings by code point
 * (not locale, so that results do not depend on the machine's ICU data).
 */
export function compareRatings(a: Rating, b: Rating): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  if (typeof a === "number") return -1;
  if (typeof b === "number") return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Distinct values, in `compareRatings` order. */
export function distinctSorted(values: Iterable<Rating>): Rating[] {
  const seen = new Map<string, Rating>();
  for (const v of values) seen.set(keyOf(v), v);
  return [...seen.values()].sort(compareRatings);
}

/** Map key that keeps 1 and "1" apart. */
export function keyOf(v: Rating): string {
  return typeof v === "number" ? `n:${v}` : `s:${v}`;
}

/** Standard normal quantile and CDF (stdlib), for kappa intervals and p-values. */
export { default as normalQuantile } from "@stdlib/stats-base-dists-normal-quantile";
export { default as normalCdf } from "@stdlib/stats-base-dists-normal-cdf";

export function assertLevel(level: number): void {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
}
