// Parses crosstab-output.txt (test/reference/r-survey/crosstab.R): `table what key=value ...`
// lines, numbers printed with %.10g, NA as null.
import { readFileSync } from "node:fs";
import path from "node:path";
import { printed, REFERENCE_DIR, tolerance, type Printed } from "./reference.js";

export type Fields = Record<string, Printed | string | null>;

const lines = readFileSync(path.join(REFERENCE_DIR, "crosstab-output.txt"), "utf8").split("\n");

/** The line of `table` and `what` whose text fields (a=, b=) are those given. */
export function crosstabRef(table: string, what: string, keys: Record<string, string> = {}): Record<string, Printed | null> {
  for (const line of lines) {
    const parts = line.trim().split(" ");
    if (parts[0] !== table || parts[1] !== what) continue;
    const fields: Record<string, string> = Object.fromEntries(parts.slice(2).map((kv) => kv.split("=") as [string, string]));
    if (!Object.entries(keys).every(([k, v]) => fields[k] === v)) continue;
    return Object.fromEntries(
      Object.entries(fields)
        .filter(([k]) => !(k in keys))
        .map(([k, v]) => [k, v === "NA" ? null : printed(v, 10)]),
    );
  }
  throw new Error(`crosstab-output.txt has no line "${table} ${what}" with ${JSON.stringify(keys)}`);
}

/** The header line's numbers: `table rows=… used=… degf=…`. */
export function crosstabHeader(table: string): { rows: number; used: number; degf: number } {
  const line = lines.find((l) => l.startsWith(`${table} rows=`));
  if (!line) throw new Error(`crosstab-output.txt has no header for ${table}`);
  const get = (k: string): number => Number(new RegExp(`${k}=(\\S+)`).exec(line)?.[1]);
  return { rows: get("rows"), used: get("used"), degf: get("degf") };
}

/** |actual − R| within relative 1e-6 (or half the last printed digit). */
export function within(actual: number | null | undefined, expected: Printed | null | undefined): boolean {
  if (actual === null || actual === undefined || expected === null || expected === undefined) return false;
  return Math.abs(actual - expected.value) <= tolerance(expected);
}
