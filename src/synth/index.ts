// The seeded synthetic generator behind `generate` and the bundled fixtures.
export * from "./generate.js";
export { writeStudy } from "./write.js";
