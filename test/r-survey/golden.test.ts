// Reproduces R survey 4.1-1 (golden.R -> golden-output.txt) on the API samples. Every expected
// number is parsed from the reference files at run time; none is typed here.
import { describe, expect, test } from "vitest";
import {
  contrast,
  mustEstimate,
  proportionInterval,
  srsProportionInterval,
  svyDistribution,
  svyMean,
  svyRatio,
  svyTotal,
  testContrast,
  waldInterval,
  type ProportionMethod,
} from "../../src/estimate/index.js";
import { svyBy, svyByMeans } from "../support/estimate.js";
import { indicator, loadDesigns, lonelyDesign } from "./designs.js";
import { loadFieldFormats, loadGolden, loadReadmeIntervals, printed, tableRows, tolerance, type Printed } from "./reference.js";

const golden = loadGolden();
const designs = loadDesigns();

function close(actual: number | null, expected: Printed | undefined, what: string): void {
  expect(expected, `${what}: expected value missing from golden output`).toBeDefined();
  expect(actual, what).not.toBeNull();
  const tol = tolerance(expected!);
  expect(Math.abs(actual! - expected!.value), `${what}: ${actual} vs ${expected!.value} (tol ${tol})`).toBeLessThanOrEqual(tol);
}

function line(name: string) {
  const l = golden.lines.get(name);
  if (!l) throw new Error(`golden output has no line "${name}"`);
  return l.fields;
}

function design(name: string) {
  const d = designs.get(name);
  if (!d) throw new Error(`no design ${name}`);
  return d;
}

function block(title: string): string[] {
  const b = golden.blocks.get(title);
  if (!b) throw new Error(`golden output has no block "${title}"`);
  return b;
}

test("parser found the expected material and skipped only out-of-scope lines", () => {
  expect(golden.lines.size).toBeGreaterThanOrEqual(44);
  expect(golden.skipped.length).toBe(6); // JK1, JKn, postStratify, rake: out of scope
  expect(golden.ciprop.size).toBe(13);
  const formats = loadFieldFormats();
  expect([formats.get("est"), formats.get("se"), formats.get("deff")]).toEqual([8, 8, 6]);
});

describe.each(["dsrs", "dsrsw", "dstrat", "dstratnofpc", "dwonly", "dclus1", "dclus1nofpc", "dclus2"])("%s", (name) => {
  const { design: d, data } = design(name);

  test("svymean api00", () => {
    const m = mustEstimate(svyMean(d, data.num("api00")));
    const g = line(`${name} svymean api00`);
    close(m.estimate, g.est, "est");
    close(m.se, g.se, "se");
  });

  test("svytotal enroll (na.rm)", () => {
    const t = mustEstimate(svyTotal(d, data.num("enroll")));
    const g = line(`${name} svytotal enroll (na.rm)`);
    close(t.estimate, g.est, "est");
    close(t.se, g.se, "se");
  });

  test("svyratio api.stu/enroll", () => {
    const r = mustEstimate(svyRatio(d, data.num("api.stu"), data.num("enroll")));
    const g = line(`${name} svyratio api.stu/enroll`);
    close(r.estimate, g.est, "est");
    close(r.se, g.se, "se");
  });

  test("deff api00", () => {
    const m = mustEstimate(svyMean(d, data.num("api00")));
    close(m.deff, line(`${name} deff api00`).deff, "deff");
  });

  test("prop sch.wide==No with se, deff, degf", () => {
    const p = mustEstimate(svyMean(d, indicator(data, "sch.wide", "No")));
    const g = line(`${name} prop sch.wide==No`);
    close(p.estimate, g.est, "est");
    close(p.se, g.se, "se");
    close(p.deff, g.deff, "deff");
    close(d.df, g.degf, "design degf");
    close(p.df, g.degf, "estimate df");
  });
});

test("svymean ~stype on dstrat: factor proportions with their se", () => {
  const { design: d, data } = design("dstrat");
  const levels = ["E", "H", "M"];
  const stype = data.str("stype");
  const dist = svyDistribution(
    d,
    Int32Array.from(stype, (s) => (s === null ? -1 : levels.indexOf(s))),
    levels.length,
  );
  const rows = tableRows(block("svymean ~stype dstrat (factor -> proportions)"));
  levels.forEach((l, j) => {
    const e = mustEstimate(dist.categories[j]!);
    const g = rows.get(`stype${l}`)!;
    close(e.estimate, g[0], `share ${l}`);
    close(e.se, g[1], `se ${l}`);
  });
});

test("svyby api00 ~stype on dclus1 with DEff", () => {
  const { design: d, data } = design("dclus1");
  const by = svyBy(d, data.str("stype"), (des, dom) => mustEstimate(svyMean(des, data.num("api00"), dom)));
  const rows = tableRows(block("svyby api00 ~stype dclus1 deff"));
  expect(by.map((b) => b.level)).toEqual([...rows.keys()]);
  for (const { level, result } of by) {
    const g = rows.get(level)!;
    close(result.estimate, g[0], `${level} mean`);
    close(result.se, g[1], `${level} se`);
    close(result.deff, g[2], `${level} DEff`);
  }
});

test("svyby I(sch.wide=='Yes') ~stype on dstrat", () => {
  const { design: d, data } = design("dstrat");
  const yes = indicator(data, "sch.wide", "Yes");
  const no = indicator(data, "sch.wide", "No");
  const by = svyBy(d, data.str("stype"), (des, dom) => ({
    no: mustEstimate(svyMean(des, no, dom)),
    yes: mustEstimate(svyMean(des, yes, dom)),
  }));
  const lines = block("svyby I(sch.wide=='Yes') ~stype dstrat");
  // Two printed panels: estimates (label, stype, FALSE, TRUE), then se (label, FALSE, TRUE).
  const split = lines.findIndex((l) => l.trim().startsWith("se."));
  const est = tableRows(lines.slice(0, split));
  const se = tableRows(lines.slice(split + 1));
  for (const { level, result } of by) {
    close(result.no.estimate, est.get(level)![0], `${level} FALSE`);
    close(result.yes.estimate, est.get(level)![1], `${level} TRUE`);
    close(result.no.se, se.get(level)![0], `${level} se FALSE`);
    close(result.yes.se, se.get(level)![1], `${level} se TRUE`);
  }
});

test("subset dstrat comp.imp=='Yes': domain mean of enroll (all PSUs kept)", () => {
  const { design: d, data } = design("dstrat");
  const domain = Uint8Array.from(data.str("comp.imp"), (v) => (v === "Yes" ? 1 : 0));
  const m = mustEstimate(svyMean(d, data.num("enroll"), domain));
  const g = tableRows(block("subset dstrat comp.imp=='Yes' svymean enroll")).get("enroll")!;
  close(m.estimate, g[0], "mean");
  close(m.se, g[1], "se");
});

test("svymean acs.46 on dstrat with NAs (na.rm)", () => {
  const { design: d, data } = design("dstrat");
  const y = data.num("acs.46");
  const m = mustEstimate(svyMean(d, y));
  const g = tableRows(block("svymean acs.46 dstrat na.rm (has NAs)")).get("acs.46")!;
  close(m.estimate, g[0], "mean");
  close(m.se, g[1], "se");
  const nas = golden.numbers.get("NAs in apistrat$acs.46")![0]!;
  expect(data.nrow - m.n).toBe(nas.value);
});

describe("svyciprop", () => {
  const cases = [
    {
      variable: "I(ell==0)",
      design: "dclus1",
      y: (t: ReturnType<typeof design>["data"]) => Float64Array.from(t.num("ell"), (v) => (Number.isNaN(v) ? NaN : v === 0 ? 1 : 0)),
    },
    { variable: "I(sch.wide=='No')", design: "dstrat", y: (t: ReturnType<typeof design>["data"]) => indicator(t, "sch.wide", "No") },
  ];
  // likelihood (profile likelihood of a quasibinomial svyglm) is not implemented.
  const methods: ProportionMethod[] = ["logit", "asin", "beta", "mean", "xlogit"];
  for (const c of cases) {
    for (const method of methods) {
      test(`${c.variable} ${c.design} ${method}`, () => {
        const { design: d, data } = design(c.design);
        const e = mustEstimate(svyMean(d, c.y(data)));
        const g = golden.ciprop.get(`${c.variable} ${c.design} ${method}`)!;
        expect(g).toBeDefined();
        close(e.estimate, g.p!, "p");
        const ci = proportionInterval(e, method);
        close(ci.lower, g.lo, "lower");
        close(ci.upper, g.hi, "upper");
      });
    }
  }

  test("ell==0 dclus1 mean df=Inf", () => {
    const { design: d, data } = design("dclus1");
    const e = mustEstimate(svyMean(d, cases[0]!.y(data)));
    const g = golden.ciprop.get("ell==0 dclus1 mean df=Inf")!;
    const ci = proportionInterval(e, "mean", { df: Infinity });
    close(ci.lower, g.lo, "lower");
    close(ci.upper, g.hi, "upper");
  });

  test("Wilson with design df (README, survey 4.5)", () => {
    const stated = loadReadmeIntervals().designWilson;
    expect(stated.length).toBe(2);
    for (const s of stated) {
      const c = cases.find((k) => k.design === s.design)!;
      const { design: d, data } = design(c.design);
      const e = mustEstimate(svyMean(d, c.y(data)));
      expect(e.df).toBe(s.df);
      const ci = proportionInterval(e, "wilson");
      close(ci.lower, s.lo, `${s.variable} lower`);
      close(ci.upper, s.hi, `${s.variable} upper`);
    }
  });
});

test("svycontrast E - H on svyby dstrat (domain means with their covariance)", () => {
  const { design: d, data } = design("dstrat");
  const by = svyByMeans(d, data.num("api00"), data.str("stype"));
  expect(by.levels.map((l) => l.level)).toEqual(["E", "H", "M"]);
  const est = by.levels.map((l) => mustEstimate(l.result).estimate);
  const c = contrast(est, by.cov, [1, -1, 0]);
  const g = tableRows(block("svycontrast E - H on svyby dstrat")).get("contrast")!;
  close(c.estimate, g[0], "contrast");
  close(c.se, g[1], "SE");
});

test("svyttest api00 ~ sch.wide on dclus1: a domain difference with df = degf - 1", () => {
  const { design: d, data } = design("dclus1");
  const by = svyByMeans(d, data.num("api00"), data.str("sch.wide"));
  expect(by.levels.map((l) => l.level)).toEqual(["No", "Yes"]);
  const est = by.levels.map((l) => mustEstimate(l.result).estimate);
  const c = contrast(est, by.cov, [-1, 1]);
  const text = block("svyttest api00~sch.wide dclus1").join("\n");
  const m = /t = (\S+), df = (\d+), p-value = (\S+)/.exec(text)!;
  const diff = printed(/difference in mean\s*\n\s*(\S+)/.exec(text)![1]!);
  // svyttest fits a two-parameter svyglm, so its residual df is degf - 1 (R svyttest.default).
  const t = testContrast(c, d.df - 1);
  close(c.estimate, diff, "difference");
  close(t.t, printed(m[1]!), "t");
  expect(t.df).toBe(Number(m[2]));
  close(t.pValue, printed(m[3]!), "p-value");
  const ci = /confidence interval:\s*\n\s*(\S+) (\S+)/.exec(text)!;
  const w = waldInterval(c.estimate, c.se, t.df);
  close(w.lower, printed(ci[1]!), "CI lower");
  close(w.upper, printed(ci[2]!), "CI upper");
});

describe("lonely PSU (id=~1, weights=~pw, strata=~dnum on apiclus1)", () => {
  for (const policy of ["remove", "certainty", "adjust", "average"] as const) {
    test(policy, () => {
      const { design: d, data } = lonelyDesign(policy);
      const m = mustEstimate(svyMean(d, data.num("api00")));
      const g = line(`lonely.psu ${policy} api00`);
      close(m.estimate, g.est, "est");
      close(m.se, g.se, "se");
      expect(m.warnings.length).toBeGreaterThan(0);
    });
  }
  test("fail (the default) names the stratum and the options", () => {
    expect(() => lonelyDesign("fail")).toThrow(/Stratum "\w+".*remove, certainty, adjust or average/);
  });
});

test("simple random sample x of n: Wilson and Clopper–Pearson (binom.test / prop.test and README)", () => {
  const readme = loadReadmeIntervals().srs;
  const cp = golden.numbers.get("binom.test(7,50) CP")!;
  const wi = golden.numbers.get("prop.test(7,50,correct=FALSE) Wilson")!;
  const w = srsProportionInterval(readme.x, readme.n, "wilson");
  const c = srsProportionInterval(readme.x, readme.n, "clopper-pearson");
  close(w.lower, wi[0], "wilson lower");
  close(w.upper, wi[1], "wilson upper");
  close(c.lower, cp[0], "CP lower");
  close(c.upper, cp[1], "CP upper");
  close(w.lower, readme.wilson[0], "README wilson lower");
  close(w.upper, readme.wilson[1], "README wilson upper");
  close(c.lower, readme.clopperPearson[0], "README CP lower");
  close(c.upper, readme.clopperPearson[1], "README CP upper");
});

test("data sanity: row counts and sum of weights as printed", () => {
  const counts = golden.numbers.get("nrow srs/strat/clus1/clus2")!.map((p) => p.value);
  expect(["dsrs", "dstrat", "dclus1", "dclus2"].map((n) => design(n).data.nrow)).toEqual(counts);
  const first = golden.numbers.get("api00 first 5 apistrat")!;
  const { design: d, data } = design("dstrat");
  expect(Array.from(data.num("api00").slice(0, 5))).toEqual(first.slice(0, 5).map((p) => p.value));
  close(
    d.weights.reduce((a, b) => a + b, 0),
    first[5],
    "sum(pw)",
  );
});
