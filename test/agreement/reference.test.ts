// Reproduces the published agreement examples in test/reference/agreement/ with the
// project's own code. Expected values are parsed from that folder's README at run time so that
// the reference, not this file, is the source of truth.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  cohenKappa,
  fleissKappaFromRatings,
  krippendorffAlpha,
  type AlphaMetric,
  type MaybeRating,
} from "../../src/qualitative/agreement.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, "../..");
const refDir = path.join(repoRoot, "test/reference/agreement");
const readme = readFileSync(path.join(refDir, "README.md"), "utf8");
/** A decimal number in the README, without a trailing sentence period. */
const NUM = "([0-9]+(?:\\.[0-9]+)?)";

/** A printed number and its precision: |computed − printed| must be within half a last digit. */
interface Printed {
  value: number;
  decimals: number;
}
function printed(text: string): Printed {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`not a number in reference README: ${text}`);
  return { value, decimals: text.split(".")[1]?.length ?? 0 };
}
function expectPrinted(actual: number | null | undefined, p: Printed): void {
  expect(actual).toBeTypeOf("number");
  // Small epsilon: the printed figure is itself a rounding of a binary value.
  expect(Math.abs((actual as number) - p.value)).toBeLessThanOrEqual(0.5 * 10 ** -p.decimals + 1e-12);
}
function match(re: RegExp, what: string): RegExpMatchArray {
  const m = readme.match(re);
  if (!m) throw new Error(`reference README: could not find ${what}`);
  return m;
}

describe("Krippendorff (2011) data C", () => {
  const csv = readFileSync(path.join(refDir, "krippendorff-2011-C.csv"), "utf8").trim().split(/\r?\n/);
  const matrix: MaybeRating[][] = csv.slice(1).map((line) =>
    line
      .split(",")
      .slice(1)
      .map((cell) => (cell.trim() === "." ? null : Number(cell))),
  );

  it("has 4 coders × 12 units", () => {
    expect(matrix).toHaveLength(4);
    for (const row of matrix) expect(row).toHaveLength(12);
  });

  for (const metric of ["nominal", "ordinal", "interval", "ratio"] as AlphaMetric[]) {
    it(`${metric} alpha matches the README`, () => {
      // Prefer the unrounded figure when the README gives one: "0.743 (0.743421 unrounded)".
      const m = match(new RegExp(`\\|\\s*${metric}\\s*\\|\\s*${NUM}(?:\\s*\\(${NUM}[^)]*\\))?\\s*\\|`), `${metric} alpha`);
      const expected = printed(m[2] ?? m[1] ?? "");
      const res = krippendorffAlpha(matrix, { metric });
      expect(res.reason).toBeNull();
      expectPrinted(res.value, expected);
      if (res.value !== null) expect(res.pairable).toBe(40); // Krippendorff 2011: n = 40 pairable values
    });
  }
});

describe("Cohen's kappa tables", () => {
  const m3 = match(
    new RegExp(
      "`(\\[\\[[0-9,\\s]+\\],\\s*\\[[0-9,\\s]+\\],\\s*\\[[0-9,\\s]+\\]\\])`\\s*→\\s*kappa\\s*[0-9.]+\\s*\\(" +
        NUM +
        "\\),\\s*asymptotic SE\\s*" +
        NUM +
        ",\\s*95\\s*%\\s*CI\\s*" +
        NUM +
        "[–-]" +
        NUM +
        "[\\s\\S]*?linear-weighted kappa\\s*" +
        NUM,
    ),
    "the 3×3 Cohen example",
  );
  const table3 = JSON.parse(m3[1] ?? "") as number[][];

  it("3×3 table: kappa, ASE and 95 % CI as SAS PROC FREQ", () => {
    const res = cohenKappa(table3);
    expect(res.reason).toBeNull();
    if (res.value === null) return;
    expectPrinted(res.value, printed(m3[2] ?? ""));
    expectPrinted(res.se, printed(m3[3] ?? ""));
    expectPrinted(res.ci[0], printed(m3[4] ?? ""));
    expectPrinted(res.ci[1], printed(m3[5] ?? ""));
    expect(res.n).toBe(19);
  });

  it("3×3 table: linear-weighted kappa", () => {
    const res = cohenKappa(table3, { weights: "linear" });
    expectPrinted(res.value, printed(m3[6] ?? ""));
  });

  it("2×2 table", () => {
    const m2 = match(new RegExp(`\`(\\[\\[[0-9,\\s]+\\],\\s*\\[[0-9,\\s]+\\]\\])\`\\s*→\\s*kappa\\s*${NUM}`), "the 2×2 Cohen example");
    const res = cohenKappa(JSON.parse(m2[1] ?? "") as number[][]);
    expectPrinted(res.value, printed(m2[2] ?? ""));
  });
});

describe("Fleiss (1971) diagnoses", () => {
  const lines = readFileSync(path.join(here, "fleiss-1971-diagnoses.csv"), "utf8").trim().split(/\r?\n/);
  const subjects = lines.slice(1).map((l) => l.split(",").slice(1).map(Number));
  const m = match(new RegExp(`kappa\\s*${NUM},\\s*z\\s*${NUM}`), "the Fleiss example");

  it("fixture is 30 subjects × 6 raters with category totals 26, 26, 30, 55, 43", () => {
    expect(subjects).toHaveLength(30);
    for (const s of subjects) expect(s).toHaveLength(6);
    const totals = [1, 2, 3, 4, 5].map((c) => subjects.flat().filter((x) => x === c).length);
    expect(totals).toEqual([26, 26, 30, 55, 43]);
  });

  it("kappa and z match irr::kappam.fleiss", () => {
    const res = fleissKappaFromRatings(subjects);
    expect(res.reason).toBeNull();
    if (res.value === null) return;
    expectPrinted(res.value, printed(m[1] ?? ""));
    expectPrinted(res.z, printed(m[2] ?? ""));
    expect(res.subjects).toBe(30);
    expect(res.raters).toBe(6);
  });
});
