import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDesign, mustEstimate, RowIndex, svyMean, svyMeanByLevel } from "../../src/estimate/index.js";
import type { LevelCodes } from "../../src/pipeline/data-table.js";
import { combinations, domainLevelsOf, domainOf } from "../../src/pipeline/domain-levels.js";

/** A field's level codes from each row's level index (-1: missing) and its level names. */
function field(names: readonly string[], codes: readonly number[]): LevelCodes {
  return { levels: names.map((v) => ({ value: v, label: v.toUpperCase() })), codes: Int8Array.from(codes) };
}

describe("crossed subgroups' levels", () => {
  const fields: Record<string, LevelCodes> = {
    housing: field(["street", "shelter", "housed"], [0, 2, 2, -1, 0, 2, 0]),
    gender: field(["f", "m"], [1, 0, 1, 0, -1, 1, 1]),
  };
  const levels = domainLevelsOf((f) => fields[f] as LevelCodes);

  it("are the combinations that occur, in the fields' level order, the first field slowest", () => {
    const crossed = levels(domainOf(["housing", "gender"]));
    expect(crossed.levels).toEqual([
      { value: "street × m", label: "STREET × M" },
      { value: "housed × f", label: "HOUSED × F" },
      { value: "housed × m", label: "HOUSED × M" },
    ]);
    // A row missing either field is in no level.
    expect([...crossed.codes]).toEqual([0, 1, 2, -1, -1, 2, 0]);
    expect(crossed.parts?.[1]).toEqual([
      { field: "housing", level: "housed", label: "HOUSED" },
      { field: "gender", level: "f", label: "F" },
    ]);
    expect(domainOf(["housing", "gender"]).key).toBe("housing × gender");
  });

  it("are counted as every combination against the limit, occurring or not", () => {
    expect(combinations(domainOf(["housing", "gender"]), (f) => fields[f] as LevelCodes)).toBe(6);
  });

  it("of one field are the field's own, and are made once per grouping", () => {
    const single = levels(domainOf("housing"));
    expect(single.codes).toBe(fields.housing?.codes);
    expect(single.parts).toBeNull();
    expect(levels(domainOf(["housing", "gender"]))).toBe(levels(domainOf(["housing", "gender"])));
  });

  it("number each row as its pair of levels, and each level is a pair that occurs (property)", () => {
    const rows = fc.array(fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: -1, max: 2 }), fc.integer({ min: -1, max: 1 })), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(rows, (r) => {
        const f: Record<string, LevelCodes> = {
          a: field(
            ["a0", "a1", "a2", "a3"],
            r.map((x) => x[0]),
          ),
          b: field(
            ["b0", "b1", "b2"],
            r.map((x) => x[1]),
          ),
          c: field(
            ["c0", "c1"],
            r.map((x) => x[2]),
          ),
        };
        const crossed = domainLevelsOf((name) => f[name] as LevelCodes)(domainOf(["a", "b", "c"]));
        const occurring = [...new Set(r.filter((x) => x.every((k) => k >= 0)).map((x) => x.join(",")))].sort();
        expect(crossed.levels.length).toBe(occurring.length);
        r.forEach((x, i) => {
          const code = crossed.codes[i] as number;
          if (x.some((k) => k < 0)) expect(code).toBe(-1);
          else expect(crossed.parts?.[code]?.map((p) => p.level)).toEqual([`a${x[0]}`, `b${x[1]}`, `c${x[2]}`]);
        });
        // Lexicographic order, the first field slowest.
        const keys = (crossed.parts ?? []).map((p) => p.map((x) => x.level).join(","));
        expect(keys).toEqual([...keys].sort());
      }),
    );
  });

  it("give each crossed level the estimate of its domain estimated alone (no row dropped)", () => {
    const n = 40;
    const strata = Array.from({ length: n }, (_, i) => `s${i % 2}`);
    const ids = Array.from({ length: n }, (_, i) => `c${Math.floor(i / 4)}`);
    const design = buildDesign({ n, strata, ids: [ids], weights: Float64Array.from({ length: n }, (_, i) => 1 + (i % 5)), nest: true });
    const y = Float64Array.from({ length: n }, (_, i) => ((i * 37) % 11) + (i % 3));
    const f: Record<string, LevelCodes> = {
      a: field(
        ["x", "y"],
        Array.from({ length: n }, (_, i) => i % 2),
      ),
      b: field(
        ["p", "q", "r"],
        Array.from({ length: n }, (_, i) => (i % 7 === 0 ? -1 : i % 3)),
      ),
    };
    const crossed = domainLevelsOf((name) => f[name] as LevelCodes)(domainOf(["a", "b"]));
    const all = Int32Array.from({ length: n }, (_, i) => i);
    const byLevel = svyMeanByLevel(design, y, new RowIndex(all), { codes: crossed.codes, count: crossed.levels.length }).results;
    crossed.levels.forEach((_, k) => {
      const alone = mustEstimate(
        svyMean(
          design,
          y,
          Uint8Array.from(crossed.codes, (c) => (c === k ? 1 : 0)),
        ),
      );
      const got = mustEstimate(byLevel[k]!);
      expect([got.estimate, got.se]).toEqual([alone.estimate, alone.se]);
    });
  });
});
