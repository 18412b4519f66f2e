import { distinctSorted, isRated, keyOf, normalCdf, unavailable, type MaybeRating, type Rating, type Unavailable } from "./ratings.js";

export interface FleissKappa {
  value: number;
  /** Standard error under H0: kappa = 0 (Fleiss, Nee & Landis 1979), as irr::kappam.fleiss. */
  se0: number;
  /** z = kappa / se0 and its two-sided p-value. */
  z: number;
  pValue: number;
  /** Subjects (units) and raters per subject. */
  subjects: number;
  raters: number;
  /** Mean observed pairwise agreement P̄ and chance agreement P̄_e. */
  observed: number;
  expected: number;
  reason: null;
}

/**
 * Fleiss' kappa (Fleiss 1971) from a subjects × categories table of counts, every row summing to
 * the same number of raters m ≥ 2.
 *
 * p_j = Σ_i n_ij / (N m); P_i = (Σ_j n_ij² − m) / (m (m − 1)); P̄ = mean P_i; P̄_e = Σ p_j²;
 * κ = (P̄ − P̄_e) / (1 − P̄_e); se0 = √2 / (Σ p_j q_j √(N m (m − 1))) · √((Σ p_j q_j)² − Σ p_j q_j (q_j − p_j)).
 */
export function fleissKappa(counts: readonly (readonly number[])[]): FleissKappa | Unavailable {
  const N = counts.length;
  if (N === 0) return unavailable({ code: "no-subjects" });
  for (const row of counts) {
    for (const x of row) if (!(Number.isInteger(x) && x >= 0)) throw new RangeError(`Fleiss' kappa needs integer counts ≥ 0, got ${x}`);
  }
  const sums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const m = sums[0] ?? 0;
  if (sums.some((s) => s !== m)) return unavailable({ code: "unequal-raters" });
  if (m < 2) return unavailable({ code: "too-few-raters" });
  const k = Math.max(0, ...counts.map((r) => r.length));
  const p = Array.from({ length: k }, (_, j) => counts.reduce((s, row) => s + (row[j] ?? 0), 0) / (N * m));
  const pBar = counts.reduce((s, row) => s + (row.reduce((a, x) => a + x * x, 0) - m) / (m * (m - 1)), 0) / N;
  const pe = p.reduce((s, pj) => s + pj * pj, 0);
  // P̄_e = 1 ⇔ every rating is in one category: no variation to agree beyond chance on.
  if (1 - pe <= 1e-12) return unavailable({ code: "no-variation" });
  const kappa = (pBar - pe) / (1 - pe);
  const pq = p.reduce((s, pj) => s + pj * (1 - pj), 0);
  const pqqp = p.reduce((s, pj) => s + pj * (1 - pj) * (1 - 2 * pj), 0);
  const se0 = (Math.SQRT2 / (pq * Math.sqrt(N * m * (m - 1)))) * Math.sqrt(Math.max(0, pq * pq - pqqp));
  const z = se0 > 0 ? kappa / se0 : 0;
  return {
    value: kappa,
    se0,
    z,
    pValue: 2 * (1 - normalCdf(Math.abs(z), 0, 1)),
    subjects: N,
    raters: m,
    observed: pBar,
    expected: pe,
    reason: null,
  };
}

/**
 * Fleiss' kappa from raw ratings: one array per subject holding its raters' values. Missing
 * values are dropped; if subjects then have different numbers of ratings the result is
 * unavailable (Fleiss' kappa assumes a constant number of raters; use Krippendorff's alpha).
 */
export function fleissKappaFromRatings(
  subjects: readonly (readonly MaybeRating[])[],
  categories?: readonly Rating[],
): (FleissKappa & { categories: Rating[] }) | Unavailable {
  const rated = subjects.map((s) => s.filter(isRated));
  const cats = categories ? [...categories] : distinctSorted(rated.flat());
  const index = new Map(cats.map((c, i) => [keyOf(c), i]));
  const counts = rated.map((s) => {
    const row = new Array<number>(cats.length).fill(0);
    for (const v of s) {
      const i = index.get(keyOf(v));
      if (i === undefined) throw new RangeError(`rating ${JSON.stringify(v)} is not among the given categories`);
      row[i] = (row[i] ?? 0) + 1;
    }
    return row;
  });
  const res = fleissKappa(counts);
  return res.value === null ? res : { ...res, categories: cats };
}
