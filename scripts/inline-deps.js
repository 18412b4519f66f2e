// Build step after tsc (`npm run build`): inline the runtime dependencies into the compiled
// modules that import them. Loaded as installed, @stdlib's distribution functions alone are some
// 440 CommonJS files, zod 95 modules and yaml 70 files; resolving, reading and compiling them one
// by one was about a third of the bundled report's run. Every compiled module that imports one of INLINED
// is rebuilt in place with the package code inlined (shared between those modules, in
// dist/vendor/), while imports of our own modules stay as they are: the app is still one module
// per file, and each command still loads only the modules it uses.
//
// The code is the packages' own, not minified (only comments are dropped), so every number is the
// same. The packages are devDependencies; their licences are collected in dist/vendor/LICENSES.txt.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "rolldown";
import { licenceOf, packageDirOf } from "./licences.js";

// pure-rand stays a dependency: only `generate` uses it.
const INLINED = [/^@stdlib\//, /^zod$/, /^yaml$/, /^commander$/, /^chalk$/, /^cli-table3$/, /^iconv-lite$/];

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

/** Bare specifiers of the static imports in a compiled module (tsc output: one import per line). */
const importsOf = (source) => [...source.matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^".][^"]*)";/gm)].map((m) => m[1]);
const isInlined = (specifier) => INLINED.some((re) => re.test(specifier));

const files = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : [],
  );

const entries = Object.fromEntries(
  files(dist)
    .filter((f) => importsOf(readFileSync(f, "utf8")).some(isInlined))
    .map((f) => [relative(dist, f).slice(0, -".js".length).split(sep).join("/"), f]),
);
if (Object.keys(entries).length === 0) throw new Error("inline-deps: no compiled module imports an inlined package; run tsc first");

const packages = new Set();
const vendor = join(dist, "vendor");
const isInsideNodeModules = (file) => /[\\/]node_modules[\\/]/.test(file);

// Shared chunks are named after the modules they hold: drop those of an earlier build.
rmSync(vendor, { recursive: true, force: true });
await build({
  input: entries,
  platform: "node",
  plugins: [
    {
      // Inline only INLINED packages and whatever they import in turn; everything else stays an
      // import, written exactly as tsc wrote it (relative ids are kept unchanged when external).
      name: "keep-imports",
      resolveId(source, importer) {
        if (importer === undefined || isInsideNodeModules(importer) || isInlined(source)) return null;
        return { id: source, external: true };
      },
    },
    {
      name: "licences",
      load(id) {
        const dir = packageDirOf(id);
        if (dir) packages.add(dir);
        return null;
      },
    },
  ],
  output: { dir: dist, format: "esm", entryFileNames: "[name].js", chunkFileNames: "vendor/[name].js", comments: false },
  logLevel: "warn",
});

// The installed package has none of INLINED: fail the build if any import of one is left.
const leftover = files(dist).filter((f) =>
  [...readFileSync(f, "utf8").matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*)"([^"]+)"/g)].some((m) => isInlined(m[1])),
);
if (leftover.length > 0) throw new Error(`inline-deps: still importing an inlined package: ${leftover.map((f) => relative(root, f)).join(", ")}`);

// One copy of each licence text, after the packages that share it (@stdlib's are all Apache-2.0).
const byText = new Map();
for (const dir of packages) {
  const { id, text } = licenceOf(dir);
  byText.set(text, [...(byText.get(text) ?? []), id]);
}
const sections = [...byText].map(([text, ids]) => `${ids.sort().join("\n")}\n\n${text}\n`).sort();
mkdirSync(vendor, { recursive: true });
writeFileSync(
  join(vendor, "LICENSES.txt"),
  `Third-party code inlined into the modules of this dist/ folder (scripts/inline-deps.js).\n\n${sections.join(`\n${"=".repeat(72)}\n\n`)}`,
);
