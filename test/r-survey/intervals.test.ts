// Interval edge cases against R survey 4.1-1 (test/reference/r-survey/intervals.R printed
// intervals-output.txt), end to end through the CLI on studies/intervals.yaml: the Korn–Graubard
// interval of a proportion with missing values, and Woodruff quantile bounds R gives as NA.
import { readFile, readFileSync } from "node:fs";
import { promisify } from "node:util";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mustEstimate, proportionInterval, svyMean, svyQuantile } from "../../src/estimate/index.js";
import { messages } from "../../src/report/i18n/index.js";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { loadDesigns } from "./designs.js";
import { printed, REFERENCE_DIR, closeToR as close, tolerance, type Printed } from "./reference.js";
import { en } from "../../src/pipeline/definitions/en.js";
import { wordNote } from "../../src/pipeline/notes.js";

/** `name key=value ...` lines, numbers printed with %.10g; NA (R's NA or NaN) is null. */
function loadR(): Map<string, Record<string, Printed | null>> {
  const out = new Map<string, Record<string, Printed | null>>();
  for (const line of readFileSync(path.join(REFERENCE_DIR, "intervals-output.txt"), "utf8").split("\n")) {
    // The name may hold "stype=E": the fields start at the estimate (p= or q=).
    const m = /^(.+?) ((?:p|q)=.*)$/.exec(line.trim());
    if (!m || !/^(beta|quantile) /.test(m[1] as string)) continue;
    const fields: Record<string, Printed | null> = {};
    for (const kv of (m[2] as string).trim().split(" ")) {
      const [k, v] = kv.split("=") as [string, string];
      fields[k] = v === "NA" ? null : printed(v, 10);
    }
    out.set(m[1] as string, fields);
  }
  return out;
}

const r = loadR();

function ref(name: string): Record<string, Printed | null> {
  const l = r.get(name);
  if (!l) throw new Error(`intervals-output.txt has no line "${name}"`);
  return l;
}

interface Shown {
  estimate: number | null;
  se: number | null;
  ci: [number, number] | null;
}
interface Indicator extends Shown {
  id: string;
  label: string;
  n: number;
  n_missing: number;
  df: number;
  warnings: string[];
  domains?: Record<string, (Shown & { level: string; label: string })[]>;
}

async function run(lang: "en" | "fr"): Promise<{ byId: Map<string, Indicator>; markdown: string }> {
  const out = await tempDir();
  const study = path.join(repoRoot, "test/r-survey/studies/intervals.yaml");
  const { code, stdout, stderr } = await cli(["report", study, "--out", out, "--json", "--lang", lang]);
  expect(code, stderr).toBe(0);
  const result = JSON.parse(stdout) as { indicators: Indicator[] };
  const markdown = await promisify(readFile)(path.join(out, "intervals.md"), "utf8");
  return { byId: new Map(result.indicators.map((i) => [i.id, i])), markdown };
}

describe("interval edge cases on dclus1, as R survey", async () => {
  const { byId, markdown } = await run("en");

  it("beta: n and df of the design the proportion is estimated in, rows with a missing value included", () => {
    const ind = byId.get("acs46_over_30_beta") as Indicator;
    const whole = ref("beta acs.46>30 dclus1");
    const nas = Number(/NAs in apiclus1\$acs\.46: (\d+)/.exec(readFileSync(path.join(REFERENCE_DIR, "intervals-output.txt"), "utf8"))?.[1]);
    expect(ind.n_missing).toBe(nas);
    expect(ind.n + ind.n_missing).toBe(whole.nrow?.value);
    expect(ind.df).toBe(whole.degf?.value);
    close(ind.estimate, whole.p, "p");
    close(ind.ci?.[0], whole.lo, "lower");
    close(ind.ci?.[1], whole.hi, "upper");
    for (const level of ["E", "M"]) {
      const g = ref(`beta acs.46>30 dclus1 stype=${level}`);
      const d = ind.domains?.stype?.find((x) => x.level === level);
      close(d?.estimate, g.p, `${level} p`);
      close(d?.ci?.[0], g.lo, `${level} lower`);
      close(d?.ci?.[1], g.hi, `${level} upper`);
    }
  });

  const quantiles: [string, string, string?][] = [
    ["api00_p01", "quantile api00 0.01 dclus1"],
    ["api00_p50", "quantile api00 0.5 dclus1"],
    ["api00_p95", "quantile api00 0.95 dclus1"],
    ["api00_p99", "quantile api00 0.99 dclus1"],
    ["api00_p10_by_stype", "quantile api00 0.1 dclus1 stype=H", "H"],
    ["api00_p90_by_stype", "quantile api00 0.9 dclus1 stype=H", "H"],
  ];
  it.each(quantiles)("%s: a bound R gives as NA (F ± t·se outside [0, 1]) is not available, and so is the se", (id, name, level) => {
    const ind = byId.get(id) as Indicator;
    const domain = level ? ind.domains?.stype?.find((x) => x.level === level) : undefined;
    const shown: Shown | undefined = level ? domain : ind;
    const g = ref(name);
    close(shown?.estimate, g.q, "quantile");
    if (g.lo === null || g.hi === null) {
      expect(shown?.ci, "interval").toBeNull();
      expect(shown?.se, "se").toBeNull();
      // The bound R does give, and why the other is not, are in the indicator's warnings.
      const prefix = level ? `stype = ${domain?.label}: ` : "";
      const warning = ind.warnings.find((w) => w.startsWith(prefix) && /bound not available/.test(w));
      expect(warning, ind.warnings.join("\n")).toBeDefined();
      expect(warning).toContain(g.lo === null ? "lower bound not available" : "upper bound not available");
      expect(warning).toContain(`bound ${(g.lo ?? g.hi)?.value}`);
    } else {
      close(shown?.ci?.[0], g.lo, "lower");
      close(shown?.ci?.[1], g.hi, "upper");
      close(shown?.se, g.se, "se");
    }
  });

  it.each(["en", "fr"] as const)("the %s report says the interval is not available, and why", async (lang) => {
    const md = lang === "en" ? markdown : (await run("fr")).markdown;
    const t = messages(lang);
    const cell = t.notAvailableWithReason(t.quantileIntervalNotAvailable);
    const rowOf = (label: string) => md.split("\n").find((l) => l.startsWith(`| ${label} |`)) ?? "";
    expect(rowOf("API 2000, 1st percentile")).toContain(cell);
    expect(rowOf("API 2000, 99th percentile")).toContain(cell);
    expect(rowOf("API 2000, median")).not.toContain(cell);
    expect(md.split("\n").filter((l) => l.includes(cell)).length).toBeGreaterThanOrEqual(4);
    // The key finding states the estimate, and why it has no interval, not "no estimate".
    const finding = md.split("\n").find((l) => l.startsWith("- API 2000, 1st percentile")) ?? "";
    expect(finding).toContain(t.quantileIntervalNotAvailable);
    expect(finding).toContain(lang === "en" ? "436.00" : "436,00");
  });
});

describe("the estimate module on dclus1, as R survey", () => {
  const { design: d, data } = loadDesigns().get("dclus1")!;
  const stype = data.str("stype");

  it("beta takes the design's rows as n when told them (designRows), the rows used otherwise", () => {
    const acs = data.num("acs.46");
    const y = Float64Array.from(acs, (v) => (Number.isNaN(v) ? NaN : v > 30 ? 1 : 0));
    const whole = ref("beta acs.46>30 dclus1");
    const e = mustEstimate(svyMean(d, y));
    const ci = proportionInterval(e, "beta", { designRows: whole.nrow!.value, df: whole.degf!.value });
    close(ci.lower, whole.lo, "lower");
    close(ci.upper, whole.hi, "upper");
    const used = proportionInterval(e, "beta", { df: whole.degf!.value });
    expect(Math.abs(used.lower - whole.lo!.value)).toBeGreaterThan(tolerance(whole.lo!));
  });

  it("Woodruff: a bound whose share leaves [0, 1] is null, so is the se, and the note says why", () => {
    const api00 = data.num("api00");
    const low = svyQuantile(d, api00, 0.01);
    const high = svyQuantile(d, api00, 0.99);
    if (!low.available || !high.available) throw new Error("quantile not available");
    const [g1, g99] = [ref("quantile api00 0.01 dclus1"), ref("quantile api00 0.99 dclus1")];
    expect([low.estimate, low.lower, low.upper, low.se]).toEqual([g1.q!.value, null, g1.hi!.value, null]);
    // Worded as the result words it in English.
    expect(wordNote(en, low.boundNote!)).toMatch(/^lower bound not available: F\(q\) − t·se = -0\.\d+ is below 0 \(upper bound 465\)/);
    expect([high.estimate, high.lower, high.upper, high.se]).toEqual([g99.q!.value, g99.lo!.value, null, null]);
    expect(wordNote(en, high.boundNote!)).toMatch(/^upper bound not available: F\(q\) \+ t·se = 1\.\d+ is above 1/);
    const median = svyQuantile(d, api00, 0.5);
    if (!median.available) throw new Error("median not available");
    expect(median.boundNote).toBeNull();
    const h = svyQuantile(
      d,
      api00,
      0.1,
      Uint8Array.from(stype, (v) => (v === "H" ? 1 : 0)),
    );
    if (!h.available) throw new Error("quantile not available");
    expect([h.lower, h.upper, h.se]).toEqual([null, ref("quantile api00 0.1 dclus1 stype=H").hi!.value, null]);
  });
});
