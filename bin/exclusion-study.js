#!/usr/bin/env node
// The command-line entry point: everything lives in the compiled dist/.
import "../dist/cli.js";
