import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";
import type * as EntryModule from "./entry.js";

/**
 * The whole command line as one script (scripts/bundle-cli.js), compiled with the V8 code cache
 * the build saved after running the bundled report once. Node 20 caches no compiled ES module,
 * and compiling our modules and the inlined packages, at start and then function by function as
 * they first run, was a large part of a small report's time.
 */
export type Entry = typeof EntryModule;

const dist = new URL("../", import.meta.url);
export const BUNDLE = new URL("cli.bundle.cjs", dist);
export const CODE_CACHE = new URL("cli.bundle.cache", dist);

/** The bundle's wrapper: each module's `import.meta.url` is rebuilt from `distUrl`. */
type BundleFunction = (exports: object, require: NodeJS.Require, module: { exports: object }, distUrl: string) => void;

const readIfAny = (url: URL): Buffer | undefined => {
  try {
    return readFileSync(url);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
};

/**
 * Runs the bundle, with its code cache unless the build is making that cache. Undefined when
 * there is no bundle, or one older than this module: `tsc` alone rewrites every module, so such
 * a bundle may hold code changed since. V8 rejects a cache made by another Node or under other
 * V8 flags and then compiles the source as usual: same code, only slower to start.
 */
export function loadBundle(useCodeCache: boolean): { entry: Entry; script: Script } | undefined {
  const built = statSync(BUNDLE, { throwIfNoEntry: false });
  if (built === undefined || built.mtimeMs < statSync(new URL(import.meta.url)).mtimeMs) return undefined;
  const source = readFileSync(BUNDLE);
  const cachedData = useCodeCache ? readIfAny(CODE_CACHE) : undefined;
  const script = new Script(source.toString("utf8"), { filename: fileURLToPath(BUNDLE), ...(cachedData && { cachedData }) });
  const module = { exports: {} };
  (script.runInThisContext() as BundleFunction)(module.exports, createRequire(BUNDLE), module, dist.href);
  return { entry: module.exports as Entry, script };
}
