// Totals, means, ratios, proportions and category shares by Taylor linearisation (Binder 1983;
// Lumley 2010). Each statistic has one score builder: it sums its point estimate over the rows of
// each column (the whole domain is one column; the levels of a subgroup, or the categories of a
// distribution, are one column each), adds each row's weighted linearised score to its column's
// cluster totals, and leaves the variance to the engine (variance.ts; a distribution's categories
// keep their totals sparse, category-variance.ts, through the same recursion over strata) and the
// rest to `finish` (result.ts). The columns' sums run over their rows in ascending order, so a level's numbers are
// those of the level estimated alone, bit for bit; no closure runs per row.
import type { CodeArray } from "../table-schema/index.js";
import { contextOf, type Estimation, type EstimationContext } from "./context.js";
import { levelDfs, rowsDf } from "./df.js";
import { deffOf, finish, unavailable, type EstimateResult } from "./estimate.js";
import { domainRows, presentRows, srsVarianceFromSums, type Domain, type RowIndex } from "./rows.js";
import type { ReplicateEstimates } from "./replicate.js";
import { categoryVariances } from "./category-variance.js";
import { addScoreAt, scoreVariances, type Matrix } from "./variance.js";

/** The levels of a subgroup: `codes[i]` the level of row i (-1: none), `count` levels, their df when known. */
export interface Levels {
  codes: CodeArray;
  count: number;
  /** Each level's df (as a RowIndex's df); else counted from the rows each level uses. */
  dfs?: ArrayLike<number> | undefined;
}

export interface EngineOptions {
  /** The columns' joint covariance as well (the dense engine holds every column's totals at once). */
  joint?: boolean;
  /**
   * Columns whose cluster totals one pass of the dense engine holds (the numbers are the same;
   * default: a memory budget). A distribution's categories take it only on a design weighted to
   * population counts: otherwise their totals are sparse (./category-variance.ts).
   */
  columnsAtOnce?: number;
}

/** One estimate per column and, when asked for (`joint`), their covariance. */
export interface ColumnEstimates {
  results: EstimateResult[];
  cov: Matrix | null;
}

/** The rows a statistic reads and how they fall into columns. */
interface Columns {
  rows: Int32Array;
  codes: CodeArray;
  count: number;
  dfs: ArrayLike<number> | undefined;
  /** The whole domain as one column. */
  whole: boolean;
}

function wholeDomain(ctx: EstimationContext, domain: Domain | undefined, ...columns: ArrayLike<number>[]): Columns {
  const { rows, df } = domainRows(ctx, domain, ...columns);
  return { rows, codes: ctx.singleLevel(), count: 1, dfs: df === undefined ? undefined : [df], whole: true };
}

function byLevel(ctx: EstimationContext, domain: RowIndex, levels: Levels, ...columns: ArrayLike<number>[]): Columns {
  const { rows } = domainRows(ctx, domain, ...columns);
  if (levels.codes.length !== ctx.design.n)
    throw new RangeError(`grouping has ${levels.codes.length} values, design has ${ctx.design.n} rows`);
  return { rows, codes: levels.codes, count: levels.count, dfs: levels.dfs, whole: false };
}

/** The one df rule: the df the domain carries, else that of the rows each column uses (df.ts). */
function columnDfs(ctx: EstimationContext, g: Columns, ...variables: ArrayLike<number>[]): ArrayLike<number> {
  if (g.dfs) return g.dfs;
  const used = presentRows(g.rows, ...variables);
  return g.whole ? [rowsDf(ctx, used)] : levelDfs(ctx, used, g.codes, g.count);
}

/** EngineOptions as scoreVariances takes them, with the columns' estimates on any weights (a replicate design's). */
const opts = (o: EngineOptions, replicates: ReplicateEstimates): { joint?: boolean; step?: number; replicates: ReplicateEstimates } => ({
  ...(o.joint !== undefined ? { joint: o.joint } : {}),
  ...(o.columnsAtOnce !== undefined ? { step: o.columnsAtOnce } : {}),
  replicates,
});

/* ----- mean: scores w (y - mean) / W ----- */

/** The means' sums on weights w, one pass over the columns' rows (the full sample's, or a replicate's). */
function meanSums(w: Float64Array, y: Float64Array, g: Columns): { n: Int32Array; sw: Float64Array; swy: Float64Array } {
  const { rows, codes, count } = g;
  const n = new Int32Array(count);
  const sw = new Float64Array(count);
  const swy = new Float64Array(count);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    const yi = y[i]!;
    if (c < 0 || Number.isNaN(yi)) continue;
    const wi = w[i]!;
    n[c]!++;
    sw[c] = sw[c]! + wi;
    swy[c] = swy[c]! + wi * yi;
  }
  return { n, sw, swy };
}

/** Σwy / Σw per column; `none` where a column has no weight. */
const quotients = (num: Float64Array, den: Float64Array, none: number): Float64Array =>
  Float64Array.from(num, (x, c) => (den[c]! > 0 ? x / den[c]! : none));

function meanScores(ctx: EstimationContext, y: Float64Array, g: Columns, o: EngineOptions = {}): ColumnEstimates {
  const { design } = ctx;
  const w = design.weights;
  const { rows, codes, count } = g;
  const { n, sw, swy } = meanSums(w, y, g);
  const mean = quotients(swy, sw, 0);
  // The deff's SRS sum of squares about the same mean (the same sums in the same order).
  const ss = new Float64Array(count);
  // One stage and no weighting residuals: the score goes straight to its PSU's total.
  const single = design.stages.length === 1 && !design.calibration;
  const clusterOfRow = design.stages[0]!.clusterOfRow;
  const { variances, cov, warnings, logitVariances } = scoreVariances(
    ctx,
    count,
    (totals, lo, hi) => {
      const stage1 = totals.map((t) => t[0]!);
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        const c = codes[i]!;
        const yi = y[i]!;
        if (c < lo || c >= hi || Number.isNaN(yi) || !(sw[c]! > 0)) continue;
        const wi = w[i]!;
        const z = (wi * (yi - mean[c]!)) / sw[c]!;
        if (single) {
          if (z !== 0) {
            const t = stage1[c - lo]!;
            const cl = clusterOfRow[i]!;
            t[cl] = t[cl]! + z;
          }
        } else addScoreAt(design, totals[c - lo]!, i, z);
        ss[c] = ss[c]! + wi * (yi - mean[c]!) ** 2;
      }
    },
    opts(o, {
      full: mean,
      at: (wr) => {
        const r = meanSums(wr, y, g);
        return quotients(r.swy, r.sw, Number.NaN);
      },
    }),
  );
  const df = columnDfs(ctx, g, y);
  const results = Array.from({ length: count }, (_, c): EstimateResult => {
    if (!(sw[c]! > 0)) return unavailable("empty-domain", { code: "empty-domain" }, 0, 0, [...design.warnings, ...warnings]);
    const v = variances[c]!;
    const deff = deffOf(v, srsVarianceFromSums(n[c]!, sw[c]!, ss[c]!));
    const sums = { estimate: mean[c]!, variance: v, deff, n: n[c]!, sumWeights: sw[c]!, df: df[c]!, logitVariance: logitVariances?.[c] };
    return finish(design, sums, warnings);
  });
  return { results, cov };
}

/** Weighted mean of y over the domain (R svymean with na.rm = TRUE on a domain). */
export function svyMean(e: Estimation, y: Float64Array, domain?: Domain): EstimateResult {
  const ctx = contextOf(e);
  return meanScores(ctx, y, wholeDomain(ctx, domain, y)).results[0]!;
}

/**
 * svyMean on the domain of each level (R svyby(~y, ~level, svymean) over the full design), all
 * levels in a few passes over the domain's rows; `joint`: with their covariance (svyby(covmat = TRUE)).
 */
export function svyMeanByLevel(e: Estimation, y: Float64Array, domain: RowIndex, levels: Levels, o: EngineOptions = {}): ColumnEstimates {
  const ctx = contextOf(e);
  return meanScores(ctx, y, byLevel(ctx, domain, levels, y), o);
}

/** Proportion = mean of a 0/1 indicator (NaN = missing). */
export function svyProportion(e: Estimation, indicator: Float64Array, domain?: Domain): EstimateResult {
  const ctx = contextOf(e);
  const g = wholeDomain(ctx, domain, indicator);
  for (let k = 0; k < g.rows.length; k++) {
    const i = g.rows[k]!;
    const v = indicator[i]!;
    if (!Number.isNaN(v) && v !== 0 && v !== 1) throw new RangeError(`indicator must be 0, 1 or NaN; got ${v} at row ${i + 1}`);
  }
  return meanScores(ctx, indicator, g).results[0]!;
}

export type MeanOfRatiosResult = EstimateResult & { excludedZeroDenominator: number };

/**
 * Mean of individual ratios num/den (a separate kind from a ratio of totals). Rows with a zero
 * denominator are excluded from the domain, counted and reported, never turned into Infinity.
 */
export function svyMeanOfRatios(e: Estimation, num: Float64Array, den: Float64Array, domain?: Domain): MeanOfRatiosResult {
  const ctx = contextOf(e);
  const g = wholeDomain(ctx, domain, num, den);
  // Each row's ratio, NaN where there is none (a value missing, a zero denominator).
  const ratios = ctx.rowValues();
  let excluded = 0;
  for (let k = 0; k < g.rows.length; k++) {
    const i = g.rows[k]!;
    const d = den[i]!;
    const x = num[i]!;
    if (d === 0 && !Number.isNaN(x)) excluded++;
    ratios[i] = d === 0 || Number.isNaN(x) || Number.isNaN(d) ? Number.NaN : x / d;
  }
  const r = meanScores(ctx, ratios, g).results[0]!;
  if (excluded > 0) r.warnings.push({ code: "zero-denominator-excluded", rows: excluded });
  return { ...r, excludedZeroDenominator: excluded };
}

/* ----- total: scores w y ----- */

function totalScores(ctx: EstimationContext, y: Float64Array, g: Columns): ColumnEstimates {
  const { design } = ctx;
  const w = design.weights;
  const { rows, codes, count } = g;
  // A total is the means' Σwy (the same sums in the same order).
  const { n, sw, swy: total } = meanSums(w, y, g);
  const { variances, cov, warnings } = scoreVariances(
    ctx,
    count,
    (totals, lo, hi) => {
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        const c = codes[i]!;
        const yi = y[i]!;
        if (c < lo || c >= hi || Number.isNaN(yi)) continue;
        addScoreAt(design, totals[c - lo]!, i, w[i]! * yi);
      }
    },
    opts({}, { full: total, at: (wr) => meanSums(wr, y, g).swy }),
  );
  // The deff's SRS variance of y about its mean, the total over the weights.
  const m = Float64Array.from(total, (t, c) => t / sw[c]!);
  const ss = new Float64Array(count);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    const yi = y[i]!;
    if (c < 0 || Number.isNaN(yi)) continue;
    ss[c] = ss[c]! + w[i]! * (yi - m[c]!) ** 2;
  }
  const df = columnDfs(ctx, g, y);
  const results = Array.from({ length: count }, (_, c): EstimateResult => {
    if (n[c] === 0) return unavailable("empty-domain", { code: "empty-domain" }, 0, 0, [...design.warnings]);
    const v = variances[c]!;
    const deff = deffOf(v, srsVarianceFromSums(n[c]!, sw[c]!, ss[c]!), sw[c]!);
    return finish(design, { estimate: total[c]!, variance: v, deff, n: n[c]!, sumWeights: sw[c]!, df: df[c]! }, warnings);
  });
  return { results, cov };
}

/** Weighted total of y over the domain; missing (NaN) rows count as outside the domain. */
export function svyTotal(e: Estimation, y: Float64Array, domain?: Domain): EstimateResult {
  const ctx = contextOf(e);
  return totalScores(ctx, y, wholeDomain(ctx, domain, y)).results[0]!;
}

/**
 * svyTotal on the domain of each level (R svyby(~y, ~level, svytotal) over the full design): a
 * cross-table's cells and margins, with y = 1, are the levels' estimated population counts.
 */
export function svyTotalByLevel(e: Estimation, y: Float64Array, domain: RowIndex, levels: Levels): EstimateResult[] {
  const ctx = contextOf(e);
  return totalScores(ctx, y, byLevel(ctx, domain, levels, y)).results;
}

/* ----- ratio of totals: scores w (num - R den) / sum(w den) ----- */

/** The ratios' sums on weights w, one pass over the columns' rows (the full sample's, or a replicate's). */
function ratioSums(
  w: Float64Array,
  num: Float64Array,
  den: Float64Array,
  g: Columns,
): { n: Int32Array; sw: Float64Array; tn: Float64Array; td: Float64Array } {
  const { rows, codes, count } = g;
  const n = new Int32Array(count);
  const sw = new Float64Array(count);
  const tn = new Float64Array(count);
  const td = new Float64Array(count);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    const x = num[i]!;
    const d = den[i]!;
    if (c < 0 || Number.isNaN(x) || Number.isNaN(d)) continue;
    const wi = w[i]!;
    n[c]!++;
    tn[c] = tn[c]! + wi * x;
    td[c] = td[c]! + wi * d;
    sw[c] = sw[c]! + wi;
  }
  return { n, sw, tn, td };
}

function ratioScores(ctx: EstimationContext, num: Float64Array, den: Float64Array, g: Columns, o: EngineOptions = {}): ColumnEstimates {
  const { design } = ctx;
  const w = design.weights;
  const { rows, codes, count } = g;
  const { n, sw, tn, td } = ratioSums(w, num, den, g);
  const usable = (c: number): boolean => n[c]! > 0 && td[c] !== 0;
  const r = new Float64Array(count);
  for (let c = 0; c < count; c++) r[c] = usable(c) ? tn[c]! / td[c]! : 0;
  const ok = Uint8Array.from({ length: count }, (_, c) => (usable(c) ? 1 : 0));
  // Scores w u, u = (num - r den) / td the unweighted linearised values (R's r); their weighted
  // sum gives the deff's SRS mean of u, and a second pass (u again: the same numbers) its ss.
  // Columns without a ratio have zero totals: their variances are computed and not read.
  const swu = new Float64Array(count);
  const { variances, cov, warnings } = scoreVariances(
    ctx,
    count,
    (totals, lo, hi) => {
      for (let k = 0; k < rows.length; k++) {
        const i = rows[k]!;
        const c = codes[i]!;
        const x = num[i]!;
        const d = den[i]!;
        if (c < lo || c >= hi || Number.isNaN(x) || Number.isNaN(d) || ok[c] === 0) continue;
        const z = w[i]! * ((x - r[c]! * d) / td[c]!);
        addScoreAt(design, totals[c - lo]!, i, z);
        swu[c] = swu[c]! + z;
      }
    },
    opts(o, {
      full: r,
      at: (wr) => {
        const s = ratioSums(wr, num, den, g);
        return Float64Array.from(s.tn, (x, c) => (s.td[c] !== 0 ? x / s.td[c]! : Number.NaN));
      },
    }),
  );
  const m = Float64Array.from(swu, (s, c) => s / sw[c]!);
  const ss = new Float64Array(count);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    const x = num[i]!;
    const d = den[i]!;
    if (c < 0 || Number.isNaN(x) || Number.isNaN(d) || ok[c] === 0) continue;
    ss[c] = ss[c]! + w[i]! * ((x - r[c]! * d) / td[c]! - m[c]!) ** 2;
  }
  const df = columnDfs(ctx, g, num, den);
  const results = Array.from({ length: count }, (_, c): EstimateResult => {
    if (n[c] === 0) return unavailable("empty-domain", { code: "empty-domain" }, 0, 0, [...design.warnings]);
    if (td[c] === 0) {
      return unavailable("zero-denominator", { code: "zero-denominator" }, n[c]!, sw[c]!, [...design.warnings]);
    }
    const v = variances[c]!;
    // R: deff(svytotal(r, design, deff = TRUE)).
    const deff = deffOf(v, srsVarianceFromSums(n[c]!, sw[c]!, ss[c]!), sw[c]!);
    return finish(design, { estimate: r[c]!, variance: v, deff, n: n[c]!, sumWeights: sw[c]!, df: df[c]! }, warnings);
  });
  return { results, cov };
}

/**
 * Ratio of weighted totals sum(w num) / sum(w den) with scores w (num - R den) / sum(w den)
 * (R svyratio). A zero denominator total is reported as unavailable, never Infinity/NaN.
 */
export function svyRatio(e: Estimation, num: Float64Array, den: Float64Array, domain?: Domain): EstimateResult {
  const ctx = contextOf(e);
  return ratioScores(ctx, num, den, wholeDomain(ctx, domain, num, den)).results[0]!;
}

/** svyRatio on the domain of each level (see svyMeanByLevel). */
export function svyRatioByLevel(
  e: Estimation,
  num: Float64Array,
  den: Float64Array,
  domain: RowIndex,
  levels: Levels,
  o: EngineOptions = {},
): ColumnEstimates {
  const ctx = contextOf(e);
  return ratioScores(ctx, num, den, byLevel(ctx, domain, levels, num, den), o);
}

/* ----- category shares and counts: the mean or the total of each category's 0/1 indicator ----- */

export interface Distribution {
  /** One share per category 0..k-1, each with its se; categories absent from the domain have estimate 0. */
  categories: EstimateResult[];
  /** k x k covariance of the shares (from the one engine), for contrasts and chi-square tests. */
  cov: Matrix;
}

type CategoryIndex = Int8Array | Int16Array | Int32Array | Float64Array | number[];

/**
 * The categories' score builder: their shares (svymean of a factor, scores w (I - p) / W) or their
 * counts (svytotal of a factor, scores w I). Every category's indicator is missing on the same
 * rows, so all share one set of rows; the k sums are those svyMean and svyTotal make of the 0/1
 * indicators, in the same order (adding w * 0 changes no sum), without a column per category.
 * Their variances come from sparse cluster totals (./category-variance.ts), equal to the dense
 * engine's up to rounding, except on a design weighted to population counts, whose residuals are
 * dense: there the dense engine takes the scores.
 */
function categoryScores(
  ctx: EstimationContext,
  categoryIndex: CategoryIndex,
  k: number,
  domain: Domain | undefined,
  o: EngineOptions,
  statistic: "share" | "total",
): ColumnEstimates {
  const { design } = ctx;
  if (categoryIndex.length !== design.n) throw new RangeError(`variable has ${categoryIndex.length} values, design has ${design.n} rows`);
  for (let i = 0; i < design.n; i++) {
    const c = categoryIndex[i]!;
    if (Number.isNaN(c) || c === -1) continue;
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`category index ${c} at row ${i + 1} is outside 0..${k - 1}`);
  }
  const { rows: inDomain, df: domainDf } = domainRows(ctx, domain);
  const rows = rowsWithCategory(inDomain, categoryIndex);
  const w = design.weights;
  const total = statistic === "total";
  // The categories' sums on weights w, one pass over the rows (the full sample's, or a replicate's).
  const sums = (weights: Float64Array): { sw: number; swy: Float64Array } => {
    let sw = 0;
    const swy = new Float64Array(k);
    for (let r = 0; r < rows.length; r++) {
      const i = rows[r]!;
      sw += weights[i]!;
      const c = categoryIndex[i]!;
      swy[c] = swy[c]! + weights[i]! * 1;
    }
    return { sw, swy };
  };
  const estimatesAt = (weights: Float64Array): Float64Array => {
    const { sw, swy } = sums(weights);
    return total ? swy : sw > 0 ? swy.map((s) => s / sw) : swy.fill(Number.NaN);
  };
  const { sw, swy } = sums(w);
  // Without weighting residuals or replicates, the categories' cluster totals are kept sparse
  // (./category-variance.ts): the dense engine would hold k columns of totals per pass.
  const sparse = !design.calibration && !design.replicates;
  if (!(sw > 0)) {
    // No rows: every share is unavailable; the engine still runs on zero scores (its warnings).
    const { cov, warnings } = sparse
      ? categoryVariances(ctx, rows, categoryIndex, k, swy, 1, o.joint === true)
      : scoreVariances(ctx, k, () => {}, opts(o, { full: swy, at: estimatesAt }));
    const results = Array.from({ length: k }, () =>
      unavailable("empty-domain", { code: "empty-domain" }, 0, 0, [...design.warnings, ...warnings]),
    );
    return { results, cov };
  }
  const mean = Float64Array.from(swy, (s) => s / sw);
  // The same k pairs of values for every row, computed once: a share's deviations from the mean
  // (its score w·dev / W, as svyMean's), a count's indicator itself (its score w·I; / 1 is exact).
  const devIn = Float64Array.from(mean, (m) => (total ? 1 : 1 - m));
  const devOut = Float64Array.from(mean, (m) => (total ? 0 : 0 - m));
  const divisor = total ? 1 : sw;
  // The deff's SRS sums of squares about the mean (a total scales the mean's by W, deffOf).
  const sqIn = Float64Array.from(mean, (m) => (1 - m) ** 2);
  const sqOut = Float64Array.from(mean, (m) => m ** 2);
  // The SRS sums of squares: a category's rows weigh swy[j], the others sw - swy[j].
  const ss = Float64Array.from(mean, (_, j) => swy[j]! * sqIn[j]! + (sw - swy[j]!) * sqOut[j]!);
  const { variances, cov, warnings, logitVariances } = sparse
    ? categoryVariances(ctx, rows, categoryIndex, k, total ? new Float64Array(k) : mean, divisor, o.joint === true)
    : scoreVariances(
        ctx,
        k,
        (totals, lo, hi) => {
          for (let r = 0; r < rows.length; r++) {
            const i = rows[r]!;
            const c = categoryIndex[i]!;
            const wi = w[i]!;
            for (let j = lo; j < hi; j++) {
              const z = (wi * (c === j ? devIn[j]! : devOut[j]!)) / divisor;
              if (z !== 0) addScoreAt(design, totals[j - lo]!, i, z);
            }
          }
        },
        opts(o, { full: total ? swy : mean, at: estimatesAt }),
      );
  const df = domainDf ?? rowsDf(ctx, rows);
  const results = variances.map((v, j) =>
    finish(
      design,
      {
        estimate: total ? swy[j]! : mean[j]!,
        variance: v,
        deff: deffOf(v, srsVarianceFromSums(rows.length, sw, ss[j]!), total ? sw : undefined),
        n: rows.length,
        sumWeights: sw,
        df,
        logitVariance: total ? undefined : logitVariances?.[j],
      },
      warnings,
    ),
  );
  return { results, cov };
}

/** The rows with a category (not -1 or NaN): `rows` itself when every row has one. */
function rowsWithCategory(rows: Int32Array, categoryIndex: CategoryIndex): Int32Array {
  let count = 0;
  for (let k = 0; k < rows.length; k++) {
    const c = categoryIndex[rows[k]!]!;
    if (!(Number.isNaN(c) || c === -1)) count++;
  }
  if (count === rows.length) return rows;
  const out = new Int32Array(count);
  for (let k = 0, j = 0; k < rows.length; k++) {
    const c = categoryIndex[rows[k]!]!;
    if (!(Number.isNaN(c) || c === -1)) out[j++] = rows[k]!;
  }
  return out;
}

/**
 * Shares of the k categories of a categorical variable (R svymean of a factor) and their
 * covariance. categoryIndex holds 0..k-1, with -1 or NaN for missing.
 */
export function svyDistribution(e: Estimation, categoryIndex: CategoryIndex, k: number, domain?: Domain): Distribution {
  const { results, cov } = categoryScores(contextOf(e), categoryIndex, k, domain, { joint: true }, "share");
  return { categories: results, cov: cov! };
}

/**
 * The shares without their covariance, so the categories' cluster totals need not be held all at
 * once: a few categories per pass over the rows (`columnsAtOnce`; the numbers are the same).
 */
export function svyDistributionShares(
  e: Estimation,
  categoryIndex: CategoryIndex,
  k: number,
  domain?: Domain,
  o: EngineOptions = {},
): EstimateResult[] {
  return categoryScores(contextOf(e), categoryIndex, k, domain, { ...o, joint: false }, "share").results;
}

/**
 * The estimated number of rows of each of the k categories over the domain (R svytotal of a
 * factor, na.rm = TRUE: rows without a category leave the domain), as svyDistributionShares
 * gives their shares: a few categories per pass, no covariance.
 */
export function svyCategoryTotals(
  e: Estimation,
  categoryIndex: CategoryIndex,
  k: number,
  domain?: Domain,
  o: EngineOptions = {},
): EstimateResult[] {
  return categoryScores(contextOf(e), categoryIndex, k, domain, { ...o, joint: false }, "total").results;
}

/**
 * The quantile's score builder: the share of the domain's rows at or below q (the CDF at q, a
 * mean of I(y <= q)), on the rows where y is present, with the domain's df when it carries one.
 */
export function cdfAt(ctx: EstimationContext, y: Float64Array, q: number, domain: Domain | undefined): EstimateResult {
  const g = wholeDomain(ctx, domain, y);
  const below = ctx.rowValues();
  for (let k = 0; k < g.rows.length; k++) {
    const i = g.rows[k]!;
    const yi = y[i]!;
    below[i] = Number.isNaN(yi) ? Number.NaN : yi <= q ? 1 : 0;
  }
  return meanScores(ctx, below, g).results[0]!;
}
