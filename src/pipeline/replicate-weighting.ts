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
import type { Definitions } from "./definitions/en.js";

/** Where the weighting is declared (the study file's line of a key under `path`), and the refusals' words. */
interface Place {
  where: (p: (string | number)[]) => string;
  path: (string | number)[];
  words: Definitions["weighting"];
  colon: string;
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
          `${place.where([...place.path, "margins", k])}${place.colon} ${place.words.replicateNoWeight(r + 1, category, k + 1)}`,
        );
      }
    }
    const out = weigh(w, full.iterations);
    if (!out.converged && decl.method === "calibrate") {
      throw new DesignError(
        "weighting",
        `${place.where([...place.path, "max_iterations"])}${place.colon} ${place.words.replicateNotConverged(r + 1, out.iterations)}`,
      );
    }
    return out.weights;
  });
}
