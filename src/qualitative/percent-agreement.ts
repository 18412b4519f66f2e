import { isRated, keyOf, unavailable, type MaybeRating, type Unavailable } from "./ratings.js";

export interface PercentAgreement {
  /** Mean over units of the share of agreeing coder pairs, in [0, 1]. */
  value: number;
  /** Units with at least two values (the units that entered the mean). */
  units: number;
  /** Coder pairs compared, summed over units. */
  pairs: number;
  reason: null;
}

/**
 * Pairwise percent agreement.
 *
 * Definition: for each unit u with m_u ≥ 2 non-missing values, a_u = (agreeing unordered coder
 * pairs) / (m_u (m_u − 1) / 2); the statistic is the unweighted mean of a_u over those units.
 * Each unit counts once whatever its number of coders (with a constant number of coders this is
 * Fleiss' P̄; with two coders it is the plain share of units on which they agree). Units with fewer
 * than two values are skipped, as in Krippendorff's alpha.
 *
 * @param units one array per unit holding the values given by its coders (missing allowed).
 */
export function percentAgreement(units: readonly (readonly MaybeRating[])[]): PercentAgreement | Unavailable {
  let sum = 0;
  let n = 0;
  let pairs = 0;
  for (const unit of units) {
    const values = unit.filter(isRated);
    const m = values.length;
    if (m < 2) continue;
    const counts = new Map<string, number>();
    for (const v of values) counts.set(keyOf(v), (counts.get(keyOf(v)) ?? 0) + 1);
    let agreeing = 0;
    for (const c of counts.values()) agreeing += (c * (c - 1)) / 2;
    const total = (m * (m - 1)) / 2;
    sum += agreeing / total;
    pairs += total;
    n += 1;
  }
  if (n === 0) return unavailable({ code: "no-pairs" });
  return { value: sum / n, units: n, pairs, reason: null };
}
