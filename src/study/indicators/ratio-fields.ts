import { z } from "zod";
import { because } from "./common.js";

/** The two numeric fields of a ratio and of a mean of ratios. */
export const ratioFields = {
  numerator: because(z.string().min(1), "whyNumerator"),
  denominator: because(z.string().min(1), "whyDenominator"),
};
