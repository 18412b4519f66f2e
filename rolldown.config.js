// The command line's bundle, made after tsc has type-checked and compiled src/ into dist/.
//
// Why a bundle: loading a few hundred small modules costs more than running the bundled report
// (the t quantile alone is 414 CommonJS files of @stdlib, zod about 95, our own sources about
// 130); one file per lazily loaded part of the command line reads much faster. The README gives
// the figures.
//
// Why from src/ rather than from dist/: the bundler compiles TypeScript itself, so its source
// maps point straight at src/*.ts without chaining tsc's maps. tsc remains the type-checker
// and the compiler of dist/ for everything else; the tests check the bundle writes the same
// reports as the sources.
import license from "rollup-plugin-license";
import { defineConfig } from "rolldown";

/**
 * One section per distinct licence text, naming the packages under it: the several hundred
 * @stdlib packages share one Apache-2.0 text, which would otherwise be repeated for each.
 */
function noticesByLicenceText(dependencies) {
  const sections = new Map();
  for (const dep of dependencies) {
    const text = [dep.licenseText, dep.noticeText].filter(Boolean).join("\n\n").trim() || `License: ${dep.license}`;
    sections.set(text, [...(sections.get(text) ?? []), `${dep.name}@${dep.version} (${dep.license})`]);
  }
  const blocks = [...sections].map(([text, packages]) => `${packages.join("\n")}\n\n${text}\n`);
  return `Third-party software inlined in this bundle, with its licence notices.\n\n${blocks.join("\n----------------------------------------\n\n")}`;
}

export default defineConfig({
  input: { cli: "src/cli.ts" },
  platform: "node",
  // resvg's WebAssembly file is read from its installed package at run time: its JavaScript glue
  // stays external too (a dependency, loaded from node_modules), so that the two always match.
  external: ["@resvg/resvg-wasm"],
  // The libraries stay in package.json's dependencies (so `npm ls --omit=dev` and `npm audit`
  // see them); the bundle inlines them, and this keeps their licence notices beside it.
  plugins: [
    license({
      thirdParty: {
        includePrivate: false,
        output: { file: "dist/bundle/THIRD-PARTY-NOTICES.txt", template: noticesByLicenceText },
      },
    }),
  ],
  output: {
    dir: "dist/bundle",
    format: "esm",
    // Every chunk sits two levels below the package root, like dist/cli/*.js, so that
    // `new URL("../../package.json", import.meta.url)` and the bundled study's path resolve alike.
    entryFileNames: "[name].js",
    chunkFileNames: "[name]-[hash].js",
    // Dynamic imports stay chunks of their own: --help loads commander and the command
    // definitions, not estimation or report rendering.
    sourcemap: true,
    keepNames: true,
    cleanDir: true,
  },
});
