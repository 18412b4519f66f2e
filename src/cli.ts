import { loadBundle } from "./cli/bundle.js";

// The single-script build when the build made one (cli/bundle.ts), else the compiled modules.
const { main, processIo } = loadBundle(true)?.entry ?? (await import("./cli/entry.js"));
process.exitCode = await main(process.argv.slice(2), processIo());
