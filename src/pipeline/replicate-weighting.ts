// A replicate design weighted as its full sample is (R postStratify, rake and calibrate on a
// svyrep.design): each replicate weighted to the same counts, or a refusal naming the study
// file's line where a replicate cannot be (R fails there with NaN weights).
import {
  DesignError,
  marginSums,
  reweightedReplicates,
  type SurveyDesign,
  type WeightingMargin,
  type WeightingResult,
} from "../estimate/index.js";
import type { WeightingDeclaration } from "../study/index.js";

/** Where the weighting is declared: the study file's line of a key under `path`. */
interface Place {
  where: (p: (string | number)[]) => string;
  path: (string | number)[];
}

export function weightReplicates(
  design: SurveyDesign,
  full: WeightingResult,
  weigh: (weights: Float64Array, sweeps: number) => WeightingResult,
  margins: readonly WeightingMargin[],
  decl: WeightingDeclaration,
  place: Place,
): SurveyDesign {
  return reweightedReplicates(design, full.weights, (w, r) => {
    for (const [k, margin] of margins.entries()) {
      const sums = marginSums(w, margin);
      const j = sums.findIndex((s, c) => !(s > 0) && margin.targets[c]! > 0);
      if (j >= 0) {
        const category = Object.keys(decl.margins[k]!.counts)[j]!;
        throw new DesignError(
          "weighting",
          `${place.where([...place.path, "margins", k])}: replicate ${r + 1} (replicate-weight column ${r + 1}) gives no weight to category "${category}" of margin ${k + 1}, so it cannot be weighted to that count (all the category's rows are in the units the replicate leaves out); merge the category with another.`,
        );
      }
    }
    const out = weigh(w, full.iterations);
    if (!out.converged && decl.method === "calibrate") {
      throw new DesignError(
        "weighting",
        `${place.where([...place.path, "max_iterations"])}: the calibration of replicate ${r + 1} did not converge in ${out.iterations} iterations; raise max_iterations, widen the bounds or check that its targets can be met.`,
      );
    }
    return out.weights;
  });
}
