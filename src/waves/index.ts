// Comparing two waves of a study, indicator by indicator.
export { compareWaves } from "./compare-waves.js";
export * from "./comparison-result.js";
