// Domain estimates for every level of a grouping column at once (R svyby over the full
// design), in a few passes over the rows instead of a few passes per level.
//
// Each level's sums are accumulated over that level's rows in ascending row order, exactly the
// sequence svyMean / svyRatio use on the level's domain, and each level's cluster totals go to
// the one variance engine (variancesInPasses: a few levels per pass over the rows, up to four in
// one walk of the strata, each as varianceOfTotals alone): the same numbers, bit for bit.
// by-level.test.ts checks that against the per-level estimators on random designs.
import type { CodeArray } from "../schema/index.js";
import type { SurveyDesign } from "./design.js";
import { unavailable, type Estimate, type EstimateResult } from "./result.js";
import { srsVarianceFromSums } from "./rows.js";
import { zeroedI32, zeroedU8 } from "./scratch.js";
import { addScoreAt, columnsPerPass, variancesInPasses } from "./variance.js";

/** Per level: counts, weight sums and the facts `finish` reports. */
interface LevelSums {
  n: Int32Array;
  sw: Float64Array;
}

function levelSums(nLevels: number): LevelSums {
  return { n: new Int32Array(nLevels), sw: new Float64Array(nLevels) };
}

/** R degf of each level's domain: stage-1 PSUs with one of the given rows of the level minus their strata. */
function levelDf(design: SurveyDesign, rows: Int32Array, codes: CodeArray, nLevels: number): Int32Array {
  const st = design.stages[0]!;
  const nPsu = new Int32Array(nLevels);
  const nStrata = new Int32Array(nLevels);
  const clusterOfRow = st.clusterOfRow;
  const stratumOfCluster = st.stratumOfCluster;
  if (nLevels <= 31) {
    // A bit per level in one word per PSU and per stratum: compact, so the marks stay in cache.
    const psu = zeroedI32(st.nClusters + st.nStrata);
    const strataBase = st.nClusters;
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const c = codes[i]!;
      if (c < 0) continue;
      const bit = 1 << c;
      const cl = clusterOfRow[i]!;
      const seen = psu[cl]!;
      if ((seen & bit) === 0) {
        psu[cl] = seen | bit;
        nPsu[c]!++;
        const h = strataBase + stratumOfCluster[cl]!;
        const seenH = psu[h]!;
        if ((seenH & bit) === 0) {
          psu[h] = seenH | bit;
          nStrata[c]!++;
        }
      }
    }
  } else {
    // One mark per (level, PSU) and per (level, stratum).
    const marks = zeroedU8(nLevels * (st.nClusters + st.nStrata));
    const psu = marks.subarray(0, nLevels * st.nClusters);
    const strata = marks.subarray(nLevels * st.nClusters);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const c = codes[i]!;
      if (c < 0) continue;
      const cl = clusterOfRow[i]!;
      const pm = c * st.nClusters + cl;
      if (psu[pm] === 0) {
        psu[pm] = 1;
        nPsu[c]!++;
        const hm = c * st.nStrata + stratumOfCluster[cl]!;
        if (strata[hm] === 0) {
          strata[hm] = 1;
          nStrata[c]!++;
        }
      }
    }
  }
  const df = new Int32Array(nLevels);
  for (let c = 0; c < nLevels; c++) df[c] = nPsu[c]! - nStrata[c]!;
  return df;
}

/** Per (rows, codes): the design and each level's df, so indicators over one universe count them once. */
const levelDfCache = new WeakMap<Int32Array, WeakMap<CodeArray, { design: SurveyDesign; dfs: Int32Array }>>();

/**
 * R degf of each level's domain within `rows` (ascending), cached per design, rows and codes:
 * it depends on nothing else, and a universe's subgroups are the same for every indicator over
 * it. The array is shared: read only.
 */
export function levelDfs(design: SurveyDesign, rows: Int32Array, codes: CodeArray, nLevels: number): Int32Array {
  let byCodes = levelDfCache.get(rows);
  if (!byCodes) levelDfCache.set(rows, (byCodes = new WeakMap()));
  const hit = byCodes.get(codes);
  if (hit && hit.design === design && hit.dfs.length === nLevels) return hit.dfs;
  const dfs = levelDf(design, rows, codes, nLevels);
  byCodes.set(codes, { design, dfs });
  return dfs;
}

/** The rows where every given column is present (not NaN). */
function presentRows(rows: Int32Array, ...columns: Float64Array[]): Int32Array {
  const out = new Int32Array(rows.length);
  let n = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    let present = true;
    for (let c = 0; c < columns.length; c++) if (Number.isNaN(columns[c]![i]!)) present = false;
    if (present) out[n++] = i;
  }
  return out.subarray(0, n);
}

function finishLevel(
  design: SurveyDesign,
  estimate: number,
  variance: number,
  deff: number | null,
  warnings: string[],
  n: number,
  sumWeights: number,
  df: number,
): Estimate {
  const v = Math.max(variance, 0);
  return { available: true, estimate, variance: v, se: Math.sqrt(v), df, deff, n, sumWeights, warnings: [...design.warnings, ...warnings] };
}

/**
 * svyMean(design, y, domain of level c) for every level c: `rows` are the ascending rows of the
 * outer domain, `codes[i]` the level of row i (-1: none); rows where y is NaN are left out.
 * `dfs`, when given, are the levels' df (as a RowIndex's df); else those of the rows used.
 * `levelsAtOnce`: levels whose cluster totals are held in one pass (the numbers are the same).
 */
export function svyMeanByLevel(
  design: SurveyDesign,
  y: Float64Array,
  rows: Int32Array,
  codes: CodeArray,
  nLevels: number,
  dfs?: ArrayLike<number>,
  levelsAtOnce = columnsPerPass(design),
): EstimateResult[] {
  const w = design.weights;
  const { n, sw } = levelSums(nLevels);
  const swy = new Float64Array(nLevels);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    const yi = y[i]!;
    if (c < 0 || yi !== yi) continue; // yi !== yi: NaN
    const wi = w[i]!;
    n[c]!++;
    sw[c] = sw[c]! + wi;
    swy[c] = swy[c]! + wi * yi;
  }
  const mean = new Float64Array(nLevels);
  for (let c = 0; c < nLevels; c++) mean[c] = sw[c]! > 0 ? swy[c]! / sw[c]! : 0;
  // Scores z = w (y - mean) / W into each level's cluster totals; the SRS sum of squares
  // (srsMeanVariance's mean, (sum w y) / N, is the level mean: same sums, same order).
  const ss = new Float64Array(nLevels);
  const single = design.stages.length === 1;
  const clusterOfRow = design.stages[0]!.clusterOfRow;
  const { variances, warnings } = variancesInPasses(design, nLevels, levelsAtOnce, (totals, lo, hi) => {
    const stage1 = totals.map((t) => t[0]!);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const c = codes[i]!;
      const yi = y[i]!;
      if (c < lo || c >= hi || yi !== yi || !(sw[c]! > 0)) continue; // yi !== yi: NaN
      const wi = w[i]!;
      const z = (wi * (yi - mean[c]!)) / sw[c]!;
      if (single) {
        if (z !== 0) {
          const t = stage1[c - lo]!;
          const cl = clusterOfRow[i]!;
          t[cl] = t[cl]! + z;
        }
      } else addScoreAt(design, totals[c - lo]!, 1, 0, i, z);
      ss[c] = ss[c]! + wi * (yi - mean[c]!) ** 2;
    }
  });
  const df = dfs ?? levelDf(design, presentRows(rows, y), codes, nLevels);
  return Array.from({ length: nLevels }, (_, c): EstimateResult => {
    if (!(sw[c]! > 0)) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings, ...warnings]);
    const v = variances[c]!;
    const vsrs = srsVarianceFromSums(n[c]!, sw[c]!, ss[c]!);
    return finishLevel(design, mean[c]!, v, vsrs === null ? null : v / vsrs, warnings, n[c]!, sw[c]!, df[c]!);
  });
}

/** svyRatio(design, num, den, domain of level c) for every level c (see svyMeanByLevel). */
export function svyRatioByLevel(
  design: SurveyDesign,
  num: Float64Array,
  den: Float64Array,
  rows: Int32Array,
  codes: CodeArray,
  nLevels: number,
  dfs?: ArrayLike<number>,
  levelsAtOnce = columnsPerPass(design),
): EstimateResult[] {
  const w = design.weights;
  const { n, sw } = levelSums(nLevels);
  const tn = new Float64Array(nLevels);
  const td = new Float64Array(nLevels);
  const present = (i: number): boolean => !Number.isNaN(num[i]!) && !Number.isNaN(den[i]!);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    if (c < 0 || !present(i)) continue;
    const wi = w[i]!;
    n[c]!++;
    sw[c] = sw[c]! + wi;
    tn[c] = tn[c]! + wi * num[i]!;
    td[c] = td[c]! + wi * den[i]!;
  }
  const usable = (c: number): boolean => n[c]! > 0 && td[c] !== 0;
  const r = new Float64Array(nLevels);
  for (let c = 0; c < nLevels; c++) r[c] = usable(c) ? tn[c]! / td[c]! : 0;
  const swu = new Float64Array(nLevels); // for the SRS mean of u: (sum w u) / N
  // Levels without a ratio have zero totals: their variances are computed and not read.
  const { variances, warnings } = variancesInPasses(design, nLevels, levelsAtOnce, (totals, lo, hi) => {
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const c = codes[i]!;
      if (c < lo || c >= hi || !present(i) || !usable(c)) continue;
      const u = (num[i]! - r[c]! * den[i]!) / td[c]!;
      const wi = w[i]!;
      addScoreAt(design, totals[c - lo]!, 1, 0, i, wi * u);
      swu[c] = swu[c]! + wi * u;
    }
  });
  const m = new Float64Array(nLevels);
  for (let c = 0; c < nLevels; c++) m[c] = swu[c]! / sw[c]!;
  const ss = new Float64Array(nLevels);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    if (c < 0 || !present(i) || !usable(c)) continue;
    const u = (num[i]! - r[c]! * den[i]!) / td[c]!;
    ss[c] = ss[c]! + w[i]! * (u - m[c]!) ** 2;
  }
  const df = dfs ?? levelDf(design, presentRows(rows, num, den), codes, nLevels);
  return Array.from({ length: nLevels }, (_, c): EstimateResult => {
    if (n[c] === 0) return unavailable("empty-domain", "no rows in the domain", 0, 0, [...design.warnings]);
    if (td[c] === 0) {
      return unavailable("zero-denominator", "zero denominator: the weighted total of the denominator is 0", n[c]!, sw[c]!, [...design.warnings]);
    }
    const v = variances[c]!;
    const N = sw[c]!;
    const vsrs = srsVarianceFromSums(n[c]!, N, ss[c]!);
    return finishLevel(design, r[c]!, v, vsrs === null ? null : v / (vsrs * N * N), warnings, n[c]!, N, df[c]!);
  });
}
