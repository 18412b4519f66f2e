// Loads the R survey reference data and parses the expected values printed by golden.R.
// The copies in test/reference/r-survey/ (provenance in test/reference/README.md).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "csv-parse/sync";
import { expect } from "vitest";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const REFERENCE_DIR = path.join(repoRoot, "test/reference/r-survey");
export const REFERENCE_README = path.resolve(REFERENCE_DIR, "../README.md");

export interface Table {
  nrow: number;
  /** Numeric column; NA and empty cells are NaN. */
  num(name: string): Float64Array;
  /** Text column; NA and empty cells are null. */
  str(name: string): (string | null)[];
}

export function loadCsv(file: string): Table {
  const rows = parse(readFileSync(path.join(REFERENCE_DIR, file), "utf8"), { columns: true }) as Record<string, string>[];
  const col = (name: string): string[] => {
    if (rows.length > 0 && !(name in rows[0]!)) throw new Error(`${file} has no column ${name}`);
    return rows.map((r) => r[name]!);
  };
  return {
    nrow: rows.length,
    num: (name) => Float64Array.from(col(name), (v) => (v === "NA" || v === "" ? NaN : Number(v))),
    str: (name) => col(name).map((v) => (v === "NA" || v === "" ? null : v)),
  };
}

/** A number as printed, with the half-unit of its last printed digit (its printing precision). */
export interface Printed {
  value: number;
  halfUnit: number;
}

/**
 * Parse a printed number. Its precision is the last printed digit, or, for %.Ng output (which
 * drops trailing zeros), N significant digits. A printed 0 means R found nothing to show
 * at any of its digits, so it is held to 1e-10 absolute.
 */
export function printed(text: string, significant?: number): Printed {
  const m = /^(-?)(\d*)(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(text.trim());
  if (!m) throw new Error(`not a printed number: ${text}`);
  const value = Number(text);
  if (value === 0) return { value, halfUnit: 1e-10 };
  if (significant !== undefined) {
    return { value, halfUnit: 0.5 * 10 ** (Math.floor(Math.log10(Math.abs(value))) - significant + 1) };
  }
  const decimals = m[3]?.length ?? 0;
  const exp = m[4] ? Number(m[4]) : 0;
  return { value, halfUnit: 0.5 * 10 ** (exp - decimals) };
}

/** Significant digits of each `name=%.Ng` field, read from golden.R's sprintf formats. */
export function loadFieldFormats(): Map<string, number> {
  const script = readFileSync(path.join(REFERENCE_DIR, "golden.R"), "utf8");
  const out = new Map<string, number>();
  for (const m of script.matchAll(/(\w+)=%\.(\d+)g/g)) {
    const prev = out.get(m[1]!);
    const sig = Number(m[2]);
    out.set(m[1]!, prev === undefined ? sig : Math.min(prev, sig));
  }
  return out;
}

/** That R printed a value and the tool's `actual` is within its tolerance. */
export function closeToR(actual: number | null | undefined, expected: Printed | null | undefined, what: string): void {
  expect(expected, `${what}: R printed no value`).toBeTruthy();
  expect(actual, what).not.toBeNull();
  expect(actual, what).toBeDefined();
  const e = expected as Printed;
  expect(Math.abs((actual as number) - e.value), `${what}: ${actual} vs R ${e.value}`).toBeLessThanOrEqual(tolerance(e));
}

/** Tolerance: relative 1e-6 or half a unit in the last printed digit, whichever is larger. */
export function tolerance(p: Printed): number {
  return Math.max(1e-6 * Math.abs(p.value), p.halfUnit);
}

export interface GoldenLine {
  name: string;
  fields: Record<string, Printed>;
}

export interface Golden {
  /** `name est=... se=... deff=... degf=...` lines, by name. */
  lines: Map<string, GoldenLine>;
  /** `## title` blocks: the printed lines until the next block or keyed line. */
  blocks: Map<string, string[]>;
  /** svyciprop lines: key `${variable} ${design} ${method}` -> p and CI. */
  ciprop: Map<string, { p: Printed | null; lo: Printed; hi: Printed }>;
  /** Free-form `label: numbers` lines (binom.test, prop.test). */
  numbers: Map<string, Printed[]>;
  /** Lines deliberately not reproduced (replicate designs, calibration). */
  skipped: string[];
}

// Replicate-weight designs and calibration are out of scope for this engine.
const OUT_OF_SCOPE = /\((JK1|JKn)\)|JKn|postStratify|rake\(/;

export function loadGolden(): Golden {
  const text = readFileSync(path.join(REFERENCE_DIR, "golden-output.txt"), "utf8");
  const formats = loadFieldFormats();
  const g: Golden = { lines: new Map(), blocks: new Map(), ciprop: new Map(), numbers: new Map(), skipped: [] };
  let block: string[] | null = null;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    const keyed = /^(.*?)\s+((?:[a-z]+=\S+\s*)+)$/.exec(line);
    const cip = /^svyciprop (.+?) (\w+)\s+(?:(\w+)\s+p=(\S+)\s+|(mean df=Inf) )CI=\[(\S+), (\S+)\]$/.exec(line);
    if (line.startsWith("## ")) {
      block = [];
      g.blocks.set(line.slice(3).trim(), block);
    } else if (cip) {
      block = null;
      const [, variable, design, method, p, meanInf, lo, hi] = cip;
      g.ciprop.set(`${variable} ${design} ${method ?? meanInf}`, { p: p ? printed(p) : null, lo: printed(lo!), hi: printed(hi!) });
    } else if (keyed && !line.includes(":")) {
      block = null;
      const name = keyed[1]!.trim();
      if (OUT_OF_SCOPE.test(name)) {
        g.skipped.push(name);
        continue;
      }
      const fields: Record<string, Printed> = {};
      for (const kv of keyed[2]!.trim().split(/\s+/)) {
        const [k, v] = kv.split("=");
        // degf is printed with %d (exact); the others with %.Ng.
        fields[k!] = printed(v!, k === "degf" ? undefined : formats.get(k!));
      }
      g.lines.set(name, { name, fields });
    } else if (/^[A-Za-z][^:]*:\s+-?[\d.]/.test(line) && !line.startsWith("t = ")) {
      block = null;
      const idx = line.lastIndexOf(":");
      g.numbers.set(
        line.slice(0, idx).trim(),
        line
          .slice(idx + 1)
          .trim()
          .split(/\s+/)
          .filter((t) => /^-?[\d.]+(e[+-]?\d+)?$/i.test(t))
          .map(printed),
      );
    } else if (block) {
      block.push(line);
    }
  }
  return g;
}

/** Rows of a printed R table: label followed by numbers. */
export function tableRows(lines: string[]): Map<string, Printed[]> {
  const out = new Map<string, Printed[]>();
  for (const line of lines) {
    const toks = line.trim().split(/\s+/);
    if (toks.length < 2) continue;
    const nums = toks.slice(1).filter((t) => /^-?\d*\.?\d+(e[+-]?\d+)?$/i.test(t));
    if (nums.length === 0) continue;
    out.set(toks[0]!, nums.map(printed));
  }
  return out;
}

export interface ReadmeIntervals {
  /** Wilson with design df: variable expression, design name, df, interval. */
  designWilson: { variable: string; design: string; df: number; lo: Printed; hi: Printed }[];
  srs: { x: number; n: number; wilson: [Printed, Printed]; clopperPearson: [Printed, Printed] };
}

/** The intervals stated in the reference README (Wilson with design df; SRS x of n). */
export function loadReadmeIntervals(): ReadmeIntervals {
  const text = readFileSync(REFERENCE_README, "utf8").replace(/\s+/g, " ");
  const designWilson = [...text.matchAll(/`(I\([^`]+\))` on (\w+) \(df (\d+)\): \[(-?[\d.]+), (-?[\d.]+)\]/g)].map((m) => ({
    variable: m[1]!,
    design: m[2]!,
    df: Number(m[3]),
    lo: printed(m[4]!),
    hi: printed(m[5]!),
  }));
  const xn = /(\d+) successes in (\d+)/.exec(text);
  const w = /Wilson \(score[^)]*\) \[([\d.]+), ([\d.]+)\]/.exec(text);
  const cp = /Clopper–Pearson \[([\d.]+), ([\d.]+)\]/.exec(text);
  if (!xn || !w || !cp || designWilson.length === 0) throw new Error("reference README: intervals not found");
  return {
    designWilson,
    srs: {
      x: Number(xn[1]),
      n: Number(xn[2]),
      wilson: [printed(w[1]!), printed(w[2]!)],
      clopperPearson: [printed(cp[1]!), printed(cp[2]!)],
    },
  };
}
