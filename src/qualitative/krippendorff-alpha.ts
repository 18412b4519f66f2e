import { compareRatings, distinctSorted, isRated, keyOf, unavailable, type MaybeRating, type Rating, type Unavailable } from "./ratings.js";

export type AlphaMetric = "nominal" | "ordinal" | "interval" | "ratio";

export interface KrippendorffAlphaOptions {
  metric?: AlphaMetric;
  /**
   * Rank order of the values for the ordinal metric. Default: numbers ascending, then strings by
   * code point. Values absent from `order` are an error.
   */
  order?: readonly Rating[];
}

export interface KrippendorffAlpha {
  value: number;
  metric: AlphaMetric;
  /** Units with ≥ 2 values (the pairable units). */
  units: number;
  /** n: number of pairable values (Σ m_u over pairable units). */
  pairable: number;
  /** D_o and D_e (per pairable value), α = 1 − D_o / D_e. */
  observedDisagreement: number;
  expectedDisagreement: number;
  reason: null;
}

/**
 * Krippendorff's alpha from a reliability data matrix: one row per coder, one column per unit,
 * `null`/`undefined` = not coded. See `krippendorffAlphaUnits`.
 */
export function krippendorffAlpha(
  matrix: readonly (readonly MaybeRating[])[],
  options: KrippendorffAlphaOptions = {},
): KrippendorffAlpha | Unavailable {
  const width = Math.max(0, ...matrix.map((r) => r.length));
  const units = Array.from({ length: width }, (_, u) => matrix.map((row) => row[u]));
  return krippendorffAlphaUnits(units, options);
}

/**
 * Krippendorff's alpha, coincidence-matrix formulation (Krippendorff 2011, "Computing
 * Krippendorff's Alpha-Reliability"), for any number of coders and missing values.
 *
 * o_ck = Σ_u (number of c–k pairs of values in u) / (m_u − 1) over units with m_u ≥ 2 values;
 * n_c = Σ_k o_ck; n = Σ_c n_c;
 * α = 1 − (n − 1) Σ_c Σ_k o_ck δ²_ck / Σ_c Σ_k n_c n_k δ²_ck, with
 *   nominal  δ² = [c ≠ k];
 *   ordinal  δ² = (Σ_{g from c to k} n_g − (n_c + n_k)/2)²;
 *   interval δ² = (c − k)²;
 *   ratio    δ² = ((c − k)/(c + k))².
 *
 * @param units one array per unit with the values its coders gave (missing allowed).
 */
export function krippendorffAlphaUnits(
  units: readonly (readonly MaybeRating[])[],
  options: KrippendorffAlphaOptions = {},
): KrippendorffAlpha | Unavailable {
  const metric = options.metric ?? "nominal";
  const pairableUnits = units.map((u) => u.filter(isRated)).filter((u) => u.length >= 2);
  const all = pairableUnits.flat();
  if (all.length < 2) return unavailable({ code: "too-few-values" });

  const values = orderValues(all, metric, options.order);
  const index = new Map(values.map((v, i) => [keyOf(v), i]));
  const k = values.length;
  const o = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const unit of pairableUnits) {
    const counts = new Array<number>(k).fill(0);
    for (const v of unit) {
      const i = index.get(keyOf(v)) ?? -1;
      counts[i] = (counts[i] ?? 0) + 1;
    }
    const m = unit.length;
    for (let c = 0; c < k; c++) {
      const nc = counts[c] ?? 0;
      if (nc === 0) continue;
      const row = o[c] ?? [];
      for (let d = 0; d < k; d++) {
        const nd = counts[d] ?? 0;
        row[d] = (row[d] ?? 0) + (nc * (c === d ? nd - 1 : nd)) / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((a, b) => a + b, 0));
  const n = nc.reduce((a, b) => a + b, 0);
  const delta = distanceFunction(metric, values, nc);

  let dObs = 0;
  let dExp = 0;
  for (let c = 0; c < k; c++) {
    for (let d = 0; d < k; d++) {
      const d2 = delta(c, d);
      dObs += (o[c]?.[d] ?? 0) * d2;
      dExp += (nc[c] ?? 0) * (nc[d] ?? 0) * d2;
    }
  }
  dExp /= n - 1;
  if (dExp <= 0) {
    return unavailable({ code: "no-variation" });
  }
  return {
    value: 1 - dObs / dExp,
    metric,
    units: pairableUnits.length,
    pairable: n,
    observedDisagreement: dObs / n,
    expectedDisagreement: dExp / n,
    reason: null,
  };
}

function orderValues(all: readonly Rating[], metric: AlphaMetric, order?: readonly Rating[]): Rating[] {
  if (metric === "interval" || metric === "ratio") {
    const bad = all.find((v) => typeof v !== "number");
    if (bad !== undefined) throw new TypeError(`the ${metric} metric needs numeric values, got ${JSON.stringify(bad)}`);
    if (metric === "ratio") {
      const neg = all.find((v) => (v as number) < 0);
      if (neg !== undefined) throw new RangeError(`the ratio metric needs values ≥ 0, got ${neg}`);
    }
  }
  const distinct = distinctSorted(all);
  if (metric !== "ordinal" || !order) return distinct;
  const rank = new Map(order.map((v, i) => [keyOf(v), i]));
  const missing = distinct.find((v) => !rank.has(keyOf(v)));
  if (missing !== undefined) throw new RangeError(`value ${JSON.stringify(missing)} is not in the ordinal order`);
  return [...distinct].sort((a, b) => (rank.get(keyOf(a)) ?? 0) - (rank.get(keyOf(b)) ?? 0) || compareRatings(a, b));
}

function distanceFunction(metric: AlphaMetric, values: readonly Rating[], nc: readonly number[]): (c: number, k: number) => number {
  switch (metric) {
    case "nominal":
      return (c, k) => (c === k ? 0 : 1);
    case "ordinal": {
      // Cumulative sums make Σ_{g=c..k} n_g O(1).
      const cum = [0];
      for (const x of nc) cum.push((cum[cum.length - 1] ?? 0) + x);
      return (c, k) => {
        if (c === k) return 0;
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const between = (cum[hi + 1] ?? 0) - (cum[lo] ?? 0);
        return (between - ((nc[c] ?? 0) + (nc[k] ?? 0)) / 2) ** 2;
      };
    }
    case "interval":
      return (c, k) => ((values[c] as number) - (values[k] as number)) ** 2;
    case "ratio":
      return (c, k) => {
        const a = values[c] as number;
        const b = values[k] as number;
        // Both zero: identical values, no disagreement (avoids 0/0).
        return a + b === 0 ? 0 : ((a - b) / (a + b)) ** 2;
      };
  }
}
