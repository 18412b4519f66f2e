import { readFileSync } from "node:fs";

/** The version in package.json: shown by --version and recorded in every result. */
export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };
  return pkg.version;
}
