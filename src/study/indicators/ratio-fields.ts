import { z } from "zod";

/** The two numeric fields of a ratio and of a mean of ratios. */
export const ratioFields = {
  numerator: z.string().min(1).describe("the field summed on top"),
  denominator: z.string().min(1).describe("the field summed below"),
};
