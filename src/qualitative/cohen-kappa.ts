import {
  assertLevel,
  distinctSorted,
  isRated,
  keyOf,
  normalCdf,
  normalQuantile,
  unavailable,
  type MaybeRating,
  type Rating,
  type Unavailable,
} from "./ratings.js";

type KappaWeights = "none" | "linear" | "quadratic";

export interface CohenKappaOptions {
  /** Confidence level of the interval (default 0.95). */
  level?: number;
  /** Agreement weights (default "none" = Cohen's simple kappa). */
  weights?: KappaWeights;
  /**
   * Category scores used by the weights, one per row/column; default 1, 2, …, k
   * (SAS PROC FREQ's default column scores).
   */
  scores?: readonly number[];
}

export interface CohenKappa {
  value: number;
  /** Asymptotic standard error (Fleiss, Cohen & Everitt 1969), as SAS PROC FREQ's "ASE". */
  se: number;
  /**
   * Wald interval value ± z·se at `level`, truncated to kappa's range [-1, 1]: SAS prints the
   * untruncated bounds, but a bound above 1 describes no possible agreement.
   */
  ci: [number, number];
  level: number;
  /** Standard error under H0: kappa = 0, and the test it gives. */
  se0: number;
  z: number;
  /** Two-sided p-value of z. */
  pValue: number;
  /** Observed and chance-expected (weighted) agreement. */
  observed: number;
  expected: number;
  /** Number of paired ratings (table total). */
  n: number;
  weights: KappaWeights;
  reason: null;
}

/**
 * Cohen's kappa (optionally weighted) from a k×k contingency table, rows = coder 1,
 * columns = coder 2, same categories in the same order on both margins.
 *
 * κ_w = (p_o − p_e) / (1 − p_e), with p_o = Σ w_ij p_ij and p_e = Σ w_ij p_i. p_.j; unweighted
 * kappa is the case w = identity. Linear weights w_ij = 1 − |s_i − s_j| / (s_k − s_1) and quadratic
 * weights w_ij = 1 − (s_i − s_j)² / (s_k − s_1)² are Cicchetti–Allison and Fleiss–Cohen weights as in
 * SAS PROC FREQ (AGREE). Variances: Fleiss, Cohen & Everitt (1969), the SAS "ASE" formulas.
 */
export function cohenKappa(table: readonly (readonly number[])[], options: CohenKappaOptions = {}): CohenKappa | Unavailable {
  const level = options.level ?? 0.95;
  assertLevel(level);
  const weightsKind = options.weights ?? "none";
  const k = table.length;
  for (const [i, row] of table.entries()) {
    if (row.length !== k) throw new RangeError(`contingency table must be square: row ${i + 1} has ${row.length} cells, expected ${k}`);
    for (const x of row) {
      if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`contingency table cells must be finite counts ≥ 0, got ${x}`);
    }
  }
  const n = table.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  if (n === 0) return unavailable({ code: "no-paired-ratings" });
  if (k < 2) return unavailable({ code: "one-category" });

  const w = weightMatrix(k, weightsKind, options.scores);
  const p = table.map((row) => row.map((x) => x / n));
  const rowM = p.map((row) => row.reduce((a, b) => a + b, 0));
  const colM = Array.from({ length: k }, (_, j) => p.reduce((s, row) => s + at(row, j), 0));

  let po = 0;
  let pe = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      po += at(w[i], j) * at(p[i], j);
      pe += at(w[i], j) * at(rowM, i) * at(colM, j);
    }
  }
  // Floating-point guard: p_e = 1 happens when both coders used one and the same category.
  if (1 - pe <= 1e-12) return unavailable({ code: "expected-agreement-one" });
  const kappa = (po - pe) / (1 - pe);

  // w̄_i. = Σ_j p_.j w_ij and w̄_.j = Σ_i p_i. w_ij (SAS notation).
  const wRow = Array.from({ length: k }, (_, i) => colM.reduce((s, pj, j) => s + pj * at(w[i], j), 0));
  const wCol = Array.from({ length: k }, (_, j) => rowM.reduce((s, pi, i) => s + pi * at(w[i], j), 0));
  let a = 0;
  let a0 = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const wb = at(wRow, i) + at(wCol, j);
      a += at(p[i], j) * (at(w[i], j) - wb * (1 - kappa)) ** 2;
      a0 += at(rowM, i) * at(colM, j) * (at(w[i], j) - wb) ** 2;
    }
  }
  const denom = (1 - pe) ** 2 * n;
  // Clamp: rounding can make a zero variance slightly negative.
  const variance = Math.max(0, (a - (kappa - pe * (1 - kappa)) ** 2) / denom);
  const variance0 = Math.max(0, (a0 - pe ** 2) / denom);
  const se = Math.sqrt(variance);
  const se0 = Math.sqrt(variance0);
  const zc = normalQuantile(1 - (1 - level) / 2, 0, 1);
  const z = se0 > 0 ? kappa / se0 : kappa === 0 ? 0 : Math.sign(kappa) * Infinity;
  return {
    value: kappa,
    se,
    ci: [Math.max(-1, kappa - zc * se), Math.min(1, kappa + zc * se)],
    level,
    se0,
    // JSON has no Infinity: a zero null-SE only occurs in degenerate tables, report z as null-safe 0.
    z: Number.isFinite(z) ? z : 0,
    pValue: Number.isFinite(z) ? 2 * (1 - normalCdf(Math.abs(z), 0, 1)) : 0,
    observed: po,
    expected: pe,
    n,
    weights: weightsKind,
    reason: null,
  };
}

export interface PairedTable {
  table: number[][];
  categories: Rating[];
  /** Pairs where both coders gave a value. */
  n: number;
  /** Pairs dropped because one or both values were missing. */
  dropped: number;
}

/**
 * Cross-tabulate two coders' ratings of the same units (index i = unit i). Units where either
 * value is missing are dropped (and counted). Categories default to the distinct values seen,
 * numbers ascending then strings by code point; pass `categories` to fix the order (needed for
 * weighted kappa on string categories) or to include unused categories.
 */
export function contingencyTable(a: readonly MaybeRating[], b: readonly MaybeRating[], categories?: readonly Rating[]): PairedTable {
  if (a.length !== b.length) throw new RangeError(`paired ratings must have the same length (${a.length} vs ${b.length})`);
  const pairs: [Rating, Rating][] = [];
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (isRated(x) && isRated(y)) pairs.push([x, y]);
  }
  const cats = categories ? [...categories] : distinctSorted(pairs.flat());
  const index = new Map(cats.map((c, i) => [keyOf(c), i]));
  if (index.size !== cats.length) throw new RangeError("categories must be distinct");
  const table = cats.map(() => cats.map(() => 0));
  for (const [x, y] of pairs) {
    const i = index.get(keyOf(x));
    const j = index.get(keyOf(y));
    if (i === undefined || j === undefined)
      throw new RangeError(`rating ${String(i === undefined ? x : y)} is not among the given categories`);
    const row = table[i];
    if (row) row[j] = at(row, j) + 1;
  }
  return { table, categories: cats, n: pairs.length, dropped: a.length - pairs.length };
}

/** Cohen's kappa from paired ratings (see `contingencyTable` and `cohenKappa`). */
export function cohenKappaFromRatings(
  a: readonly MaybeRating[],
  b: readonly MaybeRating[],
  options: CohenKappaOptions & { categories?: readonly Rating[] } = {},
): (CohenKappa & { categories: Rating[] }) | Unavailable {
  const t = contingencyTable(a, b, options.categories);
  const res = cohenKappa(t.table, options);
  return res.value === null ? res : { ...res, categories: t.categories };
}

function weightMatrix(k: number, kind: KappaWeights, scores?: readonly number[]): number[][] {
  if (kind === "none") return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 1 : 0)));
  const s = scores ? [...scores] : Array.from({ length: k }, (_, i) => i + 1);
  if (s.length !== k || !s.every(Number.isFinite)) throw new RangeError(`weights need ${k} finite category scores`);
  const range = Math.max(...s) - Math.min(...s);
  if (range === 0) throw new RangeError("category scores must not all be equal");
  return s.map((si) => s.map((sj) => (kind === "linear" ? 1 - Math.abs(si - sj) / range : 1 - ((si - sj) / range) ** 2)));
}

/** Indexed read for arrays whose bounds the loops already guarantee (noUncheckedIndexedAccess). */
function at(arr: readonly number[] | undefined, i: number): number {
  return arr?.[i] ?? 0;
}
