// The training run of bundle-cli.js, in a process of its own: compile the bundle with no cache,
// run `--help` and the bundled report (into a temporary folder, then deleted), and save the code
// V8 compiled for every function that ran. Only code is saved, never a result.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CODE_CACHE, loadBundle } from "../dist/cli/bundle.js";

const loaded = loadBundle(false);
if (loaded === undefined) throw new Error("train-code-cache: no dist/cli.bundle.cjs");
const { entry, script } = loaded;
const out = mkdtempSync(join(tmpdir(), "exclusion-study-train-"));
const io = { ...entry.processIo(), stdout: () => {}, stderr: () => {} };
try {
  for (const args of [["--help"], ["report", "--out", out]]) {
    const exitCode = await entry.main(args, io);
    if (exitCode !== 0) throw new Error(`train-code-cache: \`${args.join(" ")}\` exited with ${exitCode}`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
writeFileSync(CODE_CACHE, script.createCachedData());
