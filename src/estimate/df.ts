// The one degrees-of-freedom rule (R `degf` of a domain): stage-1 PSUs with a row in the domain
// minus the strata of those PSUs. Rows outside the domain never count; a row with a missing value
// counts only when the caller gives the domain's rows before missing values leave it (as
// svyciprop uses the domain's degf). A replicate design's is R's degf.svyrep.design of the domain
// (R keeps only the domain's rows): the rank of the replicate weights over its rows, less 1.
import type { CodeArray } from "../table-schema/index.js";
import type { EstimationContext } from "./context.js";
import { replicateRank } from "./replicate.js";

/** Levels marked in one pass: a bit per level in one word per PSU and per stratum (compact, in cache). */
const LEVELS_PER_PASS = 31;

/** The df of each level's domain: `codes[i]` the level of row i (-1: none), over the given rows. */
export function levelDfs(ctx: EstimationContext, rows: Int32Array, codes: CodeArray, nLevels: number): Int32Array {
  return ctx.dfOfLevels(rows, codes, () => countLevelDfs(ctx, rows, codes, nLevels));
}

/** The df of a domain given by its rows (ascending, distinct). */
export function rowsDf(ctx: EstimationContext, rows: Int32Array): number {
  // Every row: every PSU and stratum has one, so it is the design's df.
  if (rows.length === ctx.design.n) return ctx.design.df;
  return ctx.dfOfRows(rows, () => countLevelDfs(ctx, rows, ctx.singleLevel(), 1)[0]!);
}

function countLevelDfs(ctx: EstimationContext, rows: Int32Array, codes: CodeArray, nLevels: number): Int32Array {
  const reps = ctx.design.replicates;
  if (reps) return replicateLevelDfs(reps.weights, rows, codes, nLevels);
  const st = ctx.design.stages[0]!;
  const df = new Int32Array(nLevels);
  const { clusterOfRow, stratumOfCluster } = st;
  const strataBase = st.nClusters;
  for (let lo = 0; lo < nLevels; lo += LEVELS_PER_PASS) {
    const hi = Math.min(nLevels, lo + LEVELS_PER_PASS);
    const seen = ctx.zeroedMarks(st.nClusters + st.nStrata);
    for (let k = 0; k < rows.length; k++) {
      const i = rows[k]!;
      const c = codes[i]!;
      if (c < lo || c >= hi) continue;
      const bit = 1 << (c - lo);
      const cl = clusterOfRow[i]!;
      const psu = seen[cl]!;
      if ((psu & bit) === 0) {
        seen[cl] = psu | bit;
        df[c]!++; // a new PSU
        const h = strataBase + stratumOfCluster[cl]!;
        const stratum = seen[h]!;
        if ((stratum & bit) === 0) {
          seen[h] = stratum | bit;
          df[c]!--; // a new stratum
        }
      }
    }
  }
  return df;
}

/** Each level's rank of the replicate weights over its rows, less 1 (-1 for a level without rows). */
function replicateLevelDfs(weights: readonly Float64Array[], rows: Int32Array, codes: CodeArray, nLevels: number): Int32Array {
  const size = new Int32Array(nLevels);
  for (let k = 0; k < rows.length; k++) {
    const c = codes[rows[k]!]!;
    if (c >= 0 && c < nLevels) size[c]!++;
  }
  const parts = Array.from(size, (m) => new Int32Array(m));
  const filled = new Int32Array(nLevels);
  for (let k = 0; k < rows.length; k++) {
    const i = rows[k]!;
    const c = codes[i]!;
    if (c >= 0 && c < nLevels) parts[c]![filled[c]!++] = i;
  }
  return Int32Array.from(parts, (part) => replicateRank(weights, part) - 1);
}
