/** The study's thresholds: an estimate is flagged when its CV exceeds maxCv or it rests on fewer than minN respondents. */
export interface ReliabilityRule {
  maxCv: number;
  minN: number;
}

/** The reliability flag of one estimate; the result's `reliability` field has this shape. */
export interface Reliability {
  cv: number | null;
  flagged: boolean;
  reasons: ("cv" | "n")[];
}

/**
 * How far an estimate can be trusted: its coefficient of variation se / |estimate| (R's `cv()`;
 * null when the estimate is 0 or the se is not available) and whether to flag it.
 * A share (`share`: a proportion, a category's share) is tested on the CV of the smaller of p and
 * 1 − p, se / min(p, 1 − p): a share and its complement have the same se, so "95% use it" and
 * "5% do not" are flagged alike. Null when no estimate is shown.
 */
export function reliabilityOf(
  estimate: number | null,
  se: number | null,
  n: number,
  rule: ReliabilityRule,
  share = false,
): Reliability | null {
  if (estimate === null) return null;
  const cv = coefficientOfVariation(se, Math.abs(estimate));
  const tested = share ? shareCv(se, Math.min(estimate, 1 - estimate)) : cv;
  const reasons: Reliability["reasons"] = [];
  if (tested !== null && tested > rule.maxCv) reasons.push("cv");
  if (n < rule.minN) reasons.push("n");
  return { cv, flagged: reasons.length > 0, reasons };
}

function coefficientOfVariation(se: number | null, size: number): number | null {
  return se === null || !(size > 0) ? null : se / size;
}

/** A share at 0 or 1 with a positive se has no bound on its smaller side's CV: it is flagged. */
function shareCv(se: number | null, smaller: number): number | null {
  return se !== null && se > 0 && !(smaller > 0) ? Number.POSITIVE_INFINITY : coefficientOfVariation(se, smaller);
}
