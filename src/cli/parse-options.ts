import path from "node:path";
import { CliError, EXIT_BAD_REQUEST } from "./errors.js";

/** `--data NAME=PATH` pairs, resolved against the working directory. */
export function parseDataOverrides(pairs: readonly string[], cwd: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const eq = pair.indexOf("=");
    if (eq <= 0 || eq === pair.length - 1) throw new CliError((t) => t.dataPair(pair), EXIT_BAD_REQUEST);
    out[pair.slice(0, eq)] = path.resolve(cwd, pair.slice(eq + 1));
  }
  return out;
}

export function parsePositiveInteger(value: string, flag: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw new CliError((t) => t.positiveInteger(flag, value), EXIT_BAD_REQUEST);
  return Number(value);
}

export function parseSeed(value: string): number {
  if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(Number(value)))
    throw new CliError((t) => t.wholeNumber("--seed", value), EXIT_BAD_REQUEST);
  return Number(value);
}

/** The last second of a four-digit year (9999-12-31T23:59:59Z): the report's date stays `YYYY-MM-DD`. */
const MAX_SOURCE_DATE_EPOCH = 253_402_300_799;

/** SOURCE_DATE_EPOCH as the reproducible-builds convention defines it: whole seconds since 1970, or unset. */
export function parseSourceDateEpoch(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) > MAX_SOURCE_DATE_EPOCH)
    throw new CliError((t) => t.sourceDateEpoch(value, MAX_SOURCE_DATE_EPOCH), EXIT_BAD_REQUEST);
  return value;
}
