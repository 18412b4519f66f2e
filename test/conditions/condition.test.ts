import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Missing, type Row } from "../../src/vocabulary/index.js";
import {
  compileCondition,
  conditionFields,
  conditionSchema,
  describeCondition,
  UnknownFieldError,
  type Condition,
} from "../../src/conditions/condition.js";

const fields = new Map([
  ["internet_use", 0],
  ["access_place", 1],
  ["spend", 2],
  ["resources", 3],
]);
const NSP = new Missing("NSP", "Don't know");
const run = (c: Condition, row: Row) => compileCondition(conditionSchema.parse(c), fields)(row);

describe("conditions", () => {
  it("tests equality and membership, with missing cells unknown (their Missing kept)", () => {
    expect(run({ field: "internet_use", equals: "never" }, ["never", "none", 1, 2])).toBe(true);
    expect(run({ field: "internet_use", equals: "never" }, ["daily", "home", 1, 2])).toBe(false);
    expect(run({ field: "internet_use", equals: "never" }, [NSP, "home", 1, 2])).toBe(NSP);
    expect(run({ field: "access_place", in: ["none", "relative"] }, ["never", "relative", 1, 2])).toBe(true);
  });

  it("compares numbers with constants and with another field", () => {
    expect(run({ field: "spend", lt: 10 }, ["x", "y", 9, 2])).toBe(true);
    expect(run({ field: "spend", ge: 10 }, ["x", "y", 9, 2])).toBe(false);
    expect(run({ field: "spend", le: { field: "resources" } }, ["x", "y", 30, 20])).toBe(false);
    expect(run({ field: "spend", le: { field: "resources" } }, ["x", "y", 20, 20])).toBe(true);
    expect(run({ field: "spend", le: { field: "resources" } }, ["x", "y", 20, NSP])).toBe(NSP);
  });

  it("combines with Kleene logic: a known answer wins over an unknown one", () => {
    const never = { field: "internet_use", equals: "never" } as const;
    const relative = { field: "access_place", equals: "relative" } as const;
    expect(run({ any: [never, relative] }, ["never", NSP, 0, 0])).toBe(true);
    expect(run({ any: [never, relative] }, ["daily", NSP, 0, 0])).toBe(NSP);
    expect(run({ all: [never, relative] }, ["daily", NSP, 0, 0])).toBe(false);
    expect(run({ all: [never, relative] }, ["never", NSP, 0, 0])).toBe(NSP);
    expect(run({ not: never }, ["never", "none", 0, 0])).toBe(false);
    expect(run({ not: never }, [NSP, "none", 0, 0])).toBe(NSP);
  });

  it("asks about missingness itself", () => {
    expect(run({ field: "internet_use", missing: true }, [NSP, "x", 0, 0])).toBe(true);
    expect(run({ field: "internet_use", missing: false }, [NSP, "x", 0, 0])).toBe(false);
  });

  it("rejects a leaf with no test or two tests, and names unknown fields", () => {
    expect(conditionSchema.safeParse({ field: "a" }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: "a", equals: 1, lt: 2 }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: "a", equals: 1, extra: 2 }).success).toBe(false);
    expect(() => compileCondition({ field: "nope", equals: 1 }, fields)).toThrow(UnknownFieldError);
  });

  it("lists the fields it reads and reads back as text", () => {
    const c: Condition = {
      any: [
        { field: "internet_use", equals: "never" },
        { field: "spend", le: { field: "resources" } },
      ],
    };
    expect(conditionFields(c)).toEqual(["internet_use", "spend", "resources"]);
    expect(describeCondition(c)).toBe("(internet_use = never or spend ≤ resources)");
  });

  it("matches `in` as a value or its text, across types too (property)", () => {
    // The reference rule: v === w, or the same text ("50" matches 50, "true" matches true).
    const scalar = fc.oneof(
      fc.constantFrom("50", "5e1", "true", "NaN", "0", "-0", "never", ""),
      fc.constantFrom(50, 0, -0, Number.NaN, 1.5),
      fc.boolean(),
      fc.string(),
      fc.integer(),
    );
    fc.assert(
      fc.property(scalar, fc.array(scalar, { minLength: 1, maxLength: 4 }), (value, wanted) => {
        const expected = wanted.some((w) => value === w || String(value) === String(w));
        // Compiled directly: the schema would refuse a NaN constant, a row may still hold one.
        expect(compileCondition({ field: "internet_use", in: wanted }, fields)([value, "x", 0, 0])).toBe(expected);
      }),
    );
  });

  it("never turns a known false into true under double negation (property)", () => {
    fc.assert(
      fc.property(fc.constantFrom("never", "daily", "weekly"), fc.constantFrom("never", "daily"), (value, wanted) => {
        const leaf = { field: "internet_use", equals: wanted } as const;
        const row: Row = [value, "x", 0, 0];
        expect(run({ not: { not: leaf } }, row)).toBe(run(leaf, row));
      }),
    );
  });
});
