import { setFlagsFromString } from "node:v8";
import { processIo } from "./cli/io.js";
import { main } from "./cli/main.js";

// V8 doubles its young generation as a run allocates, up to 32 MB, all of it resident. Reading
// and estimating keep few young objects alive, so a young generation that keeps its first size
// (2 MB) costs them little: 8 to 14 % less peak memory on the benchmark's shapes for 0 to 5 %
// more CPU (docs/architecture.md). Set before the heap has grown; tests run `main` without it.
setFlagsFromString("--semi-space-growth-factor=1");

process.exitCode = await main(process.argv.slice(2), processIo());
