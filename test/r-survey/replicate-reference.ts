// The lines test/reference/r-survey/replicates.R printed (replicates-output.txt):
// `design statistic variable [field=level] key=value ...`, keyed by the words before the values.
import { readFileSync } from "node:fs";
import path from "node:path";
import { closeToR, printed, REFERENCE_DIR, type Printed } from "./reference.js";
import { expect } from "vitest";

const lines = readFileSync(path.join(REFERENCE_DIR, "replicates-output.txt"), "utf8").split("\n");

function parse(): Map<string, Record<string, Printed>> {
  const out = new Map<string, Record<string, Printed>>();
  for (const line of lines) {
    // "cell=interaction(stype, awards)E.No": the cell's name holds a space.
    const words = line.trim().replace(/, /g, ",").split(" ");
    const isValue = (w: string): boolean => /^(est|se|lower|upper|df|degf|scale|replicates|sum_rscales|F|ndf|ddf|p|stat)=/.test(w);
    if (!words.some(isValue)) continue;
    const fields: Record<string, Printed> = {};
    for (const w of words.filter(isValue)) {
      const [k, v] = w.split("=") as [string, string];
      // R's NA (an interval it cannot give) leaves the field out.
      if (v !== "NA") fields[k] = printed(v, 10);
    }
    out.set(words.filter((w) => !isValue(w)).join(" "), fields);
  }
  return out;
}
const R = parse();

/** R's values on one line, by its key words ("jk1 mean api00 stype=E"). */
export function rLine(key: string): Record<string, Printed> {
  const f = R.get(key);
  if (!f) throw new Error(`replicates-output.txt has no "${key}" line`);
  return f;
}

/** The keys of R's lines that start with `prefix`. */
export function rKeys(prefix: string): string[] {
  return [...R.keys()].filter((k) => k.startsWith(prefix));
}

/** The JKn design's rscales, as R printed them in full. */
export function jknRscales(): number[] {
  const line = lines.find((l) => l.startsWith("jkn rscales "))!;
  return line.trim().split(" ")[2]!.split(",").map(Number);
}

/**
 * A value as R printed it; a standard error R makes zero up to rounding (a share of a
 * post-stratification margin: 1e-16) is held below 1e-12 of the estimate instead.
 */
export function matchR(actual: number | null | undefined, expected: Printed | undefined, what: string, estimate?: Printed): void {
  if (expected && estimate && Math.abs(expected.value) < 1e-12 * Math.abs(estimate.value)) {
    expect(Math.abs(actual as number), `${what}: zero up to rounding, as R`).toBeLessThan(1e-12 * Math.abs(estimate.value));
    return;
  }
  closeToR(actual, expected, what);
}
