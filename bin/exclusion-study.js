#!/usr/bin/env node
// The command-line entry point runs the bundle that `npm run build` makes in dist/bundle/.
// With --debug, stack traces name the TypeScript sources through the bundle's source maps. Only
// then: with source maps on, Node reads the map of every chunk it loads.
import { existsSync } from "node:fs";

const bundle = new URL("../dist/bundle/cli.js", import.meta.url);
if (!existsSync(bundle)) {
  console.error("exclusion-study: the command line is not built; run `npm run build` first.");
  process.exit(2);
}
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
await import(bundle.href);
