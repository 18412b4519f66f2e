// The JSON result: the contract every renderer, test and CI job reads.
export * from "./kinds.js";
export * from "./sections.js";
export * from "./study-result.js";
