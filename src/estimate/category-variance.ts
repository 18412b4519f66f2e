// The variance of a categorical variable's shares or counts from each cluster's weight per
// category, kept sparse. The scores of category k all have one form, z_ik = w_i (I(cat_i = k) -
// m_k) / D (shares: m the shares, D the domain's weight; counts: m = 0, D = 1), so a cluster's
// total is t_ck = a_ck - m_k x_c, with a_ck its rows' weight in category k over D and x_c all its
// rows' weight over D. A cluster's rows fall in few categories, so its a_ck are merged from its
// rows (sorted by cluster once) when its stratum is walked, never held for every category: memory
// grows with the rows, not categories x clusters (a 20 x 20 cross-table of a million rows in
// 428,000 clusters held 1.4 GB of cluster totals in the dense engine), and a covariance costs the
// pairs of categories met within a cluster, not categories^2 x clusters.
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
  // Every stage's rows in the order of its clusters (a counting sort), in the context's working
  // memory: the rows, then each cluster's start among them, then room for the fill pointers.
  const clusters = design.stages.reduce((sum, st) => sum + st.nClusters, 0);
  const integers = ctx.zeroedMarks(2 * clusters + design.stages.length * (rows.length + 1));
  let at = 0;
  const byStage = design.stages.map((st) => {
    const order = integers.subarray(at, (at += rows.length));
    const start = integers.subarray(at, (at += st.nClusters + 1));
    const fill = integers.subarray(at, (at += st.nClusters));
    rowsByCluster(st.clusterOfRow, rows, order, start, fill);
    return { order, start };
  });
  const weights = design.weights;
  // A cluster's weight per category (over D), merged from its rows: `acc` by category, the
  // categories it holds in `held` (`seen` marks them with the cluster's stamp).
  const acc = new Float64Array(k);
  const seen = new Int32Array(k);
  const held = new Int32Array(k);
  let stamp = 0;
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
    const { order, start } = byStage[s]!;
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
        for (let e = start[c]!; e < start[c + 1]!; e++) {
          const i = order[e]!;
          const u = weights[i]! / divisor;
          xbar += u;
          abar[categoryIndex[i]!] = abar[categoryIndex[i]!]! + u;
        }
      }
      xbar /= nPsu;
      for (let a = 0; a < k; a++) abar[a] = abar[a]! / nPsu;
    }
    let sxx = 0;
    let sx = 0;
    for (let j = 0; j < clusters.length; j++) {
      const c = clusters[j]!;
      // The cluster's x_c and its (category, a_ca) pairs, in the order of its rows.
      stamp++;
      let x = 0;
      let count = 0;
      for (let e = start[c]!; e < start[c + 1]!; e++) {
        const i = order[e]!;
        const a = categoryIndex[i]!;
        const u = weights[i]! / divisor;
        x += u;
        if (seen[a] === stamp) acc[a] = acc[a]! + u;
        else {
          seen[a] = stamp;
          held[count++] = a;
          acc[a] = u;
        }
      }
      const xi = x - xbar;
      sxx += xi * xi;
      sx += xi;
      for (let q = 0; q < count; q++) {
        const a = held[q]!;
        const da = acc[a]! - abar[a]!;
        dx[a] = dx[a]! + da * xi;
        xiWith[a] = xiWith[a]! + xi;
        if (!joint) {
          products[a] = products[a]! + da * da;
          deviations[a] = deviations[a]! + da;
          together[a]!++;
          continue;
        }
        for (let r = 0; r < count; r++) {
          const b = held[r]!;
          const ab = a * k + b;
          products[ab] = products[ab]! + da * (acc[b]! - abar[b]!);
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
 * The rows in the order of their clusters (each cluster's in ascending order), by a counting
 * sort into zeroed `start` (each cluster's first place in `order`, then the end) and `fill`.
 */
function rowsByCluster(clusterOfRow: Int32Array, rows: Int32Array, order: Int32Array, start: Int32Array, fill: Int32Array): void {
  const nClusters = fill.length;
  for (let r = 0; r < rows.length; r++) start[clusterOfRow[rows[r]!]! + 1]!++;
  for (let c = 0; c < nClusters; c++) start[c + 1] = start[c + 1]! + start[c]!;
  fill.set(start.subarray(0, nClusters));
  for (let r = 0; r < rows.length; r++) order[fill[clusterOfRow[rows[r]!]!]!++] = rows[r]!;
}
