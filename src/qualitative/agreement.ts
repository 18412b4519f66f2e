/**
 * Inter-coder agreement statistics (pure computation). One statistic per file; this module is
 * the public entry point.
 */
export { percentAgreement } from "./percent-agreement.js";
export {
  cohenKappa,
  cohenKappaFromRatings,
  contingencyTable,
} from "./cohen-kappa.js";
export {
  krippendorffAlpha,
  krippendorffAlphaUnits,
  type AlphaMetric,
} from "./krippendorff-alpha.js";
export { fleissKappa, fleissKappaFromRatings } from "./fleiss-kappa.js";
export {
  alphaBand,
  kappaBand,
  KRIPPENDORFF_SOURCE,
  LANDIS_KOCH_SOURCE,
} from "./bands.js";
export type { AgreementReason, MaybeRating } from "./ratings.js";
