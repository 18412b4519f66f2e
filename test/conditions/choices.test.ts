// `any_of` / `all_of` on a multiple-choice answer (choices one space apart): the same truth as
// testing each choice on its own, `selected(q, c)`, combined with or / and; unknown when missing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCondition, conditionSchema, describeCondition } from "../../src/conditions/condition.js";
import { Missing } from "../../src/vocabulary/index.js";

const fields = new Map([["q", 0]]);
const choice = fc.constantFrom("bus", "car", "bike", "walk", "10");

describe("any_of and all_of", () => {
  it("equal or / and over the single-choice tests (property)", () => {
    fc.assert(
      fc.property(fc.uniqueArray(choice, { maxLength: 5 }), fc.array(choice, { minLength: 1, maxLength: 4 }), (chosen, wanted) => {
        const row = [chosen.join(" ")];
        const one = (c: string) => compileCondition({ field: "q", any_of: [c] }, fields)(row);
        expect(compileCondition({ field: "q", any_of: wanted }, fields)(row)).toBe(wanted.some((w) => chosen.includes(w)));
        expect(compileCondition({ field: "q", all_of: wanted }, fields)(row)).toBe(wanted.every((w) => chosen.includes(w)));
        expect(wanted.map(one)).toEqual(wanted.map((w) => chosen.includes(w)));
      }),
    );
  });

  it("are unknown on a missing answer, match numbers by their text, and read as words", () => {
    const nr = new Missing("NR", null);
    expect(compileCondition({ field: "q", any_of: ["bus"] }, fields)([nr])).toBe(nr);
    expect(compileCondition({ field: "q", all_of: [10] }, fields)(["10 bus"])).toBe(true);
    expect(compileCondition({ field: "q", any_of: ["bus"] }, fields)([""])).toBe(false);
    expect(describeCondition({ field: "q", any_of: ["bus", "car"] })).toBe("q includes any of {bus, car}");
    expect(describeCondition({ field: "q", all_of: ["bus", "car"] })).toBe("q includes all of {bus, car}");
    expect(conditionSchema.safeParse({ field: "q", any_of: ["bus"], equals: "car" }).success).toBe(false);
    expect(conditionSchema.safeParse({ field: "q", all_of: [] }).success).toBe(false);
  });
});
