// What the command line needs to run: the entry point of the single-script build (bundle.ts).
export { main } from "./main.js";
export { processIo } from "./io.js";
