// The variance of a categorical variable's shares or counts from each cluster's weight per
// category, kept sparse. The scores of category k all have one form, z_ik = w_i (I(cat_i = k) -
// m_k) / D (shares: m the shares, D the domain's weight; counts: m = 0, D = 1), so a cluster's
// total is t_ck = a_ck - m_k x_c, with a_ck its rows' weight in category k over D and x_c all its
// rows' weight over D. A cluster's rows fall in few categories, so the a_ck are held as a list per
// cluster: memory grows with rows and clusters, not categories x clusters (a 20 x 20 cross-table
// of a million rows in 428,000 clusters held 1.4 GB of cluster totals in the dense engine), and a
// covariance costs the pairs of categories met within a cluster, not categories^2 x clusters.
// Each stratum's sum is then the dense engine's (variance.ts), expanded (d_ck = a_ck - abar_k,
// xi_c = x_c - xbar, means over the stratum's n clusters):
//   sum_c (t_ck - mean t_k)(t_cl - mean t_l)
//     = sum_c d_ck d_cl - m_l sum_c d_ck xi_c - m_k sum_c d_cl xi_c + m_k m_l sum_c xi_c^2,
// and sum_c d_ck d_cl from the clusters holding the categories (K: k, L: l, B: both), each other
// cluster counting -abar for a category it lacks:
//     = sum_B d_ck d_cl - abar_l sum_(K-B) d_ck - abar_k sum_(L-B) d_cl + abar_k abar_l (n - |K| - |L| + |B|)
// (a lonely PSU left uncentred under "adjust" takes abar = xbar = 0), through the same recursion
// over strata and stages.
import type { EstimationContext } from "./context.js";
import { recurseStages, type ColumnVariances, type Matrix } from "./variance.js";

type CategoryIndex = ArrayLike<number>;

/** One stage's clusters: each one's x_c, and its (category, a_ck) pairs in `cat`/`weight` from `start[c]` to `start[c + 1]`. */
interface SparseTotals {
  x: Float64Array;
  start: Int32Array;
  cat: Int32Array;
  weight: Float64Array;
}

/**
 * Variances (or, `joint`, the covariance) of the k category scores w_i (I(cat_i = k) - m_k) / D
 * over `rows` (each with a category 0..k-1), for a design without weighting residuals or
 * replicate weights: the numbers the dense engine gives, up to rounding.
 */
export function categoryVariances(
  ctx: EstimationContext,
  rows: Int32Array,
  categoryIndex: CategoryIndex,
  k: number,
  m: ArrayLike<number>,
  divisor: number,
  joint: boolean,
): ColumnVariances {
  const { design } = ctx;
  if (design.calibration || design.replicates)
    throw new Error("internal error: category variances from sparse totals need a design without weighting residuals or replicates");
  // Every stage's lists in the context's working memory: numbers (x, then the weights), then
  // integers (start, the fill pointers, then the categories).
  const clusters = design.stages.reduce((sum, st) => sum + st.nClusters, 0);
  const stages = design.stages.length;
  const numbers = ctx.zeroedTotals(clusters + stages * rows.length);
  const integers = ctx.zeroedMarks(2 * clusters + stages * (rows.length + 1));
  let nAt = 0;
  let iAt = 0;
  const byStage = design.stages.map((st) => {
    const x = numbers.subarray(nAt, nAt + st.nClusters);
    const weight = numbers.subarray(nAt + st.nClusters, nAt + st.nClusters + rows.length);
    const start = integers.subarray(iAt, iAt + st.nClusters + 1);
    const fill = integers.subarray(iAt + st.nClusters + 1, iAt + 2 * st.nClusters + 1);
    const cat = integers.subarray(iAt + 2 * st.nClusters + 1, iAt + 2 * st.nClusters + 1 + rows.length);
    nAt += st.nClusters + rows.length;
    iAt += 2 * st.nClusters + 1 + rows.length;
    return sparseTotals({ x, start, cat, weight }, fill, st.clusterOfRow, rows, categoryIndex, k, design.weights, divisor);
  });
  // Per stratum: each category's mean abar over the clusters, and, over the clusters holding both
  // categories a and b, sum (a_ca - abar_a)(a_cb - abar_b), sum (a_ca - abar_a) and their count.
  // Deviations are taken before they are added up, and sum_(K-B) is sum_K less sum_B, the same
  // additions in the same order when K = B: a category whose clusters all weigh alike gets a
  // variance of 0 (as the dense engine), not the rounding of a difference of large sums.
  const size = joint ? k * k : k;
  const abar = new Float64Array(k);
  const dx = new Float64Array(k);
  const xiWith = new Float64Array(k);
  const products = new Float64Array(size);
  const deviations = new Float64Array(size);
  const together = new Int32Array(size);
  const { cov, warnings } = recurseStages(design, joint ? k : 1, k, (s, clusters, nPsu, scale, centred) => {
    const { x, start, cat, weight } = byStage[s]!;
    abar.fill(0);
    dx.fill(0);
    xiWith.fill(0);
    products.fill(0);
    deviations.fill(0);
    together.fill(0);
    let xbar = 0;
    if (centred) {
      for (let j = 0; j < clusters.length; j++) {
        const c = clusters[j]!;
        xbar += x[c]!;
        for (let e = start[c]!; e < start[c + 1]!; e++) abar[cat[e]!] = abar[cat[e]!]! + weight[e]!;
      }
      xbar /= nPsu;
      for (let a = 0; a < k; a++) abar[a] = abar[a]! / nPsu;
    }
    let sxx = 0;
    let sx = 0;
    for (let j = 0; j < clusters.length; j++) {
      const c = clusters[j]!;
      const xi = x[c]! - xbar;
      sxx += xi * xi;
      sx += xi;
      const end = start[c + 1]!;
      for (let e = start[c]!; e < end; e++) {
        const a = cat[e]!;
        const da = weight[e]! - abar[a]!;
        dx[a] = dx[a]! + da * xi;
        xiWith[a] = xiWith[a]! + xi;
        if (!joint) {
          products[a] = products[a]! + da * da;
          deviations[a] = deviations[a]! + da;
          together[a]!++;
          continue;
        }
        for (let f = start[c]!; f < end; f++) {
          const ab = a * k + cat[f]!;
          products[ab] = products[ab]! + da * (weight[f]! - abar[cat[f]!]!);
          deviations[ab] = deviations[ab]! + da;
          together[ab]!++;
        }
      }
    }
    // The header's expansions, from the clusters holding the categories: sum_c d_ca d_cb, then
    // sum_c d_ca xi_c (a cluster without a counting -abar_a xi_c; the xi sum to 0 but for rounding).
    const dxi = (a: number): number => dx[a]! - abar[a]! * (sx - xiWith[a]!);
    // A share of exactly 1 (every row of the domain in that category) has scores of 0: its
    // entries are 0, as the dense engine's, not the rounding of the expansion's terms.
    const entry = (a: number, b: number, ab: number, ba: number, aa: number, bb: number): number =>
      m[a] === 1 || m[b] === 1
        ? 0
        : scale *
          (products[ab]! -
            abar[b]! * (deviations[aa]! - deviations[ab]!) -
            abar[a]! * (deviations[bb]! - deviations[ba]!) +
            abar[a]! * abar[b]! * (nPsu - together[aa]! - together[bb]! + together[ab]!) -
            m[b]! * dxi(a) -
            m[a]! * dxi(b) +
            m[a]! * m[b]! * sxx);
    if (!joint) return [Array.from({ length: k }, (_, a) => entry(a, a, a, a, a, a))];
    const out: Matrix = Array.from({ length: k }, () => new Array<number>(k));
    for (let a = 0; a < k; a++) {
      for (let b = a; b < k; b++) {
        const v = entry(a, b, a * k + b, b * k + a, a * k + a, b * k + b);
        out[a]![b] = v;
        out[b]![a] = v;
      }
    }
    return out;
  });
  const variances = joint ? cov.map((row, a) => row[a]!) : cov[0]!;
  return { variances, cov: joint ? cov : null, warnings };
}

/**
 * One stage's sparse cluster totals of the rows, into zeroed arrays (`fill`: room for the
 * clusters' fill pointers): a counting sort by cluster, then each cluster's pairs merged by category.
 */
function sparseTotals(
  into: SparseTotals,
  fill: Int32Array,
  clusterOfRow: Int32Array,
  rows: Int32Array,
  categoryIndex: CategoryIndex,
  k: number,
  weights: Float64Array,
  divisor: number,
): SparseTotals {
  const { x, start, cat, weight } = into;
  const nClusters = x.length;
  for (let r = 0; r < rows.length; r++) start[clusterOfRow[rows[r]!]! + 1]!++;
  for (let c = 0; c < nClusters; c++) start[c + 1] = start[c + 1]! + start[c]!;
  fill.set(start.subarray(0, nClusters));
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const c = clusterOfRow[i]!;
    const u = weights[i]! / divisor;
    const at = fill[c]!++;
    cat[at] = categoryIndex[i]!;
    weight[at] = u;
    x[c] = x[c]! + u;
  }
  // Merge each cluster's pairs of the same category, in place (a cluster's merged list is never
  // longer than its own), in the order of the rows.
  const slot = new Int32Array(k).fill(-1);
  let write = 0;
  let read = 0;
  for (let c = 0; c < nClusters; c++) {
    const end = start[c + 1]!;
    const first = write;
    for (; read < end; read++) {
      const a = cat[read]!;
      const at = slot[a]!;
      if (at >= first) weight[at] = weight[at]! + weight[read]!;
      else {
        slot[a] = write;
        cat[write] = a;
        weight[write++] = weight[read]!;
      }
    }
    start[c + 1] = write;
  }
  return { x, start, cat: cat.subarray(0, write), weight: weight.subarray(0, write) };
}
