// Licences of the packages the build inlines (inline-deps.js, bundle-cli.js).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The package a file inside node_modules belongs to, or null for any other file. */
export const packageDirOf = (file) => {
  const at = file.search(/[\\/]node_modules[\\/](?!.*[\\/]node_modules[\\/])/);
  if (at < 0) return null;
  const base = file.slice(0, at + "/node_modules/".length);
  const parts = file.slice(base.length).split(/[\\/]/);
  return join(base, ...(parts[0]?.startsWith("@") ? parts.slice(0, 2) : parts.slice(0, 1)));
};

/** `name@version` and licence text of the package in `dir`. */
export const licenceOf = (dir) => {
  const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const licenceFile = readdirSync(dir).find((n) => /^(licen[cs]e|copying)/i.test(n));
  const text = licenceFile ? readFileSync(join(dir, licenceFile), "utf8").trim() : `License: ${pkg.license}`;
  return { id: `${pkg.name}@${pkg.version}`, text };
};
