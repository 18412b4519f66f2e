import { describe, expect, test } from "vitest";
import { buildDesign, DesignError } from "../../src/estimate/index.js";

const fails = (f: () => unknown, re: RegExp) => {
  expect(f).toThrow(DesignError);
  expect(f).toThrow(re);
};

describe("buildDesign", () => {
  test("no design is a simple random sample with df = n - 1", () => {
    const d = buildDesign({ n: 5 });
    expect(d.isSrs).toBe(true);
    expect(d.nPsu).toBe(5);
    expect(d.nStrata).toBe(1);
    expect(d.df).toBe(4);
    expect(Array.from(d.weights)).toEqual([1, 1, 1, 1, 1]);
  });

  test("weights are derived from fpc as N/n per stage", () => {
    const d = buildDesign({
      n: 4,
      ids: [
        ["a", "a", "b", "b"],
        [1, 2, 1, 2],
      ],
      fpc: [
        [10, 10, 10, 10],
        [4, 4, 6, 6],
      ],
    });
    expect(d.isSrs).toBe(false);
    expect(Array.from(d.weights)).toEqual([10, 10, 15, 15]); // (10/2)·(4/2), (10/2)·(6/2)
    expect(d.df).toBe(1);
  });

  test("sampling fractions are accepted as fpc", () => {
    const d = buildDesign({ n: 4, strata: [1, 1, 2, 2], fpc: [[0.5, 0.5, 0.1, 0.1]] });
    expect(Array.from(d.weights)).toEqual([2, 2, 10, 10]);
    expect(d.stages[0]!.popSize && Array.from(d.stages[0]!.popSize)).toEqual([4, 20]);
  });

  test("clusters not nested in strata fail unless nest is set", () => {
    const spec = { n: 4, ids: [[1, 2, 1, 2]], strata: ["A", "A", "B", "B"] };
    fails(() => buildDesign(spec), /Cluster "1" appears in strata "A" and "B".*nest/);
    const d = buildDesign({ ...spec, nest: true });
    expect(d.nPsu).toBe(4);
    expect(d.df).toBe(2);
  });

  test("fpc varying within a stratum fails, naming the stratum", () => {
    fails(() => buildDesign({ n: 4, strata: ["A", "A", "B", "B"], fpc: [[10, 11, 5, 5]] }), /varies within stratum "A"/);
  });

  test("fpc smaller than the sampled PSUs fails", () => {
    fails(() => buildDesign({ n: 4, strata: ["A", "A", "A", "B"], fpc: [[2, 2, 2, 5]] }), /stratum "A".*fewer than the 3 sampled/);
  });

  test("mixed fpc forms fail", () => {
    fails(() => buildDesign({ n: 3, fpc: [[0.5, 10, 10]] }), /mixes population sizes/);
  });

  test("a lonely stratum fails by default, naming it and the options", () => {
    fails(
      () => buildDesign({ n: 3, strata: ["A", "A", "B"] }),
      /Stratum "B" has only one sampled unit.*remove, certainty, adjust or average/,
    );
    const d = buildDesign({ n: 3, strata: ["A", "A", "B"], lonelyPsu: "remove" });
    expect(d.warnings[0]).toEqual({ code: "lonely-psu", unit: "B", stage: 1, policy: "remove" });
  });

  test("a certainty stratum (N = n = 1) is not lonely", () => {
    expect(() => buildDesign({ n: 3, strata: ["A", "A", "B"], fpc: [[10, 10, 1]] })).not.toThrow();
  });

  test("non-positive or non-finite weights fail, naming the row", () => {
    fails(() => buildDesign({ n: 3, weights: [1, 0, 2] }), /positive.*row 2/);
    fails(() => buildDesign({ n: 3, weights: [1, NaN, 2] }), /row 2/);
  });

  test("subnormal weights and weights whose sum overflows fail, naming the weights' column", () => {
    fails(
      () => buildDesign({ n: 3, weights: [1, 1e-320, 2], weightsName: "w" }),
      /Field "w" must be at least 2\.2e-308.*got 1e-320 at row 2/,
    );
    expect(() => buildDesign({ n: 3, weights: [1, 2.2250738585072014e-308, 2] })).not.toThrow();
    fails(() => buildDesign({ n: 3, weights: [1e308, 1e308, 1], weightsName: "w" }), /Field "w" has weights whose sum exceeds/);
    expect(() => buildDesign({ n: 3, weights: [1e307, 1e307, 1] })).not.toThrow();
  });

  test("messages name a row as the caller says (the pipeline: the file's line)", () => {
    const rowName = (i: number) => `line ${[5, 9, 12][i]}`;
    fails(() => buildDesign({ n: 3, weights: [1, -3, 2], rowName }), /got -3 at line 9\./);
    fails(() => buildDesign({ n: 3, ids: [["a", "", "b"]], rowName }), /"ids\[0\]" is missing at line 9;/);
    fails(() => buildDesign({ n: 3, fpc: [[10, 0, 10]], rowName }), /not positive at line 9\./);
  });

  test("lengths must match n and design variables may not be missing", () => {
    fails(() => buildDesign({ n: 3, weights: [1, 2] }), /"weights" has 2 values but the data have 3 rows/);
    fails(() => buildDesign({ n: 3, ids: [["a", "", "b"]] }), /"ids\[0\]" is missing at row 2/);
  });

  test("a single PSU cannot give a variance", () => {
    fails(() => buildDesign({ n: 3, ids: [[1, 1, 1]] }), /only one primary sampling unit/);
  });
});
