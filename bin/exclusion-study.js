#!/usr/bin/env node
// The command-line entry point: everything lives in the compiled dist/.
// With --debug, stack traces name the TypeScript sources through dist/'s source maps. Only then:
// with source maps on, Node reads the map of every module it loads.
if (process.argv.includes("--debug")) process.setSourceMapsEnabled(true);
await import("../dist/cli.js");
