/**
 * Inter-coder agreement statistics (pure computation). One statistic per file; this module is
 * the public entry point.
 */
export { percentAgreement, type PercentAgreement } from "./percent-agreement.js";
export {
  cohenKappa,
  cohenKappaFromRatings,
  contingencyTable,
  type CohenKappa,
  type CohenKappaOptions,
  type KappaWeights,
  type PairedTable,
} from "./cohen-kappa.js";
export {
  krippendorffAlpha,
  krippendorffAlphaUnits,
  type AlphaMetric,
  type KrippendorffAlpha,
  type KrippendorffAlphaOptions,
} from "./krippendorff-alpha.js";
export { fleissKappa, fleissKappaFromRatings, type FleissKappa } from "./fleiss-kappa.js";
export {
  alphaBand,
  kappaBand,
  KRIPPENDORFF_SOURCE,
  LANDIS_KOCH_SOURCE,
  type Band,
  type KrippendorffKey,
  type LandisKochKey,
} from "./bands.js";
export type { MaybeRating, Rating, Unavailable } from "./ratings.js";
