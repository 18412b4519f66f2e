// Build step after inline-deps.js (`npm run build`): the command line as one script,
// dist/cli.bundle.cjs, and a V8 code cache for it, dist/cli.bundle.cache, made by a training run
// (train-code-cache.js). dist/cli.js runs the script through node:vm with that cache
// (src/cli/bundle.ts): Node 20 caches no compiled ES module, and compiling some 120 modules and
// the inlined packages was a large part of a small report's time.
//
// The modules are bundled as they are: same code, same order of evaluation (each module still
// runs when first imported, dynamic imports included), not minified. The per-module files stay
// in dist/ for the reading thread, the tests and a build without this step.
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";
import { licenceOf, packageDirOf } from "./licences.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");
const bundle = join(dist, "cli.bundle.cjs");
const codeCache = join(dist, "cli.bundle.cache");

rmSync(codeCache, { force: true });
const packages = new Set();
const { output } = await build({
  input: join(dist, "cli", "entry.js"),
  platform: "node",
  write: false,
  external: [/^node:/],
  plugins: [
    {
      // A module's URL locates files beside it (package.json, the bundled study, the reading
      // thread's module): rebuild each one from dist/'s URL, which the loader passes in.
      name: "module-urls",
      transform(code, id) {
        if (!code.includes("import.meta.url")) return null;
        const url = `new URL(${JSON.stringify(relative(dist, id).split(sep).join("/"))}, __distUrl).href`;
        return { code: code.replace(/\bimport\.meta\.url\b/g, url), map: null };
      },
    },
    {
      // Packages not inlined by inline-deps.js (pure-rand, for `generate`) come in here.
      name: "licences",
      load(id) {
        const dir = packageDirOf(id);
        if (dir) packages.add(dir);
        return null;
      },
    },
  ],
  // "use strict": the modules were ES modules, always strict. ASCII (non-ASCII characters as
  // escapes): the source then reads without UTF-8 decoding work and V8 keeps it at one byte a
  // character.
  output: { format: "cjs", codeSplitting: false, strict: true, comments: false, charset: "ascii" },
  logLevel: "warn",
});
if (output.length !== 1) throw new Error(`bundle-cli: expected one script, got ${output.map((o) => o.fileName).join(", ")}`);
const code = output[0].code;
// Nothing the wrapper below does not provide: no dynamic import left to resolve, no module URL.
const unprovided = code.match(/\bimport\s*\(|\bimport\.meta\b/);
if (unprovided) throw new Error(`bundle-cli: the bundle still uses ${unprovided[0]}`);
writeFileSync(bundle, `(function (exports, require, module, __distUrl) {${code}\n})`);

const licences = join(dist, "vendor", "LICENSES.txt");
const listed = readFileSync(licences, "utf8");
for (const dir of packages) {
  const { id, text } = licenceOf(dir);
  if (!listed.includes(`${id}\n`)) appendFileSync(licences, `\n${"=".repeat(72)}\n\n${id} (in dist/cli.bundle.cjs only)\n\n${text}\n`);
}

const training = spawnSync(process.execPath, [join(root, "scripts", "train-code-cache.js")], { stdio: "inherit" });
if (training.status !== 0) throw new Error(`bundle-cli: the training run failed (${training.status ?? training.signal})`);
