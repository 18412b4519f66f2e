// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${question}.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { en } from "../../src/study/scaffold/comments/en.js";
import { fr } from "../../src/study/scaffold/comments/fr.js";
import { translateRelevant } from "../../src/xlsform/relevant.js";

const types: Record<string, "number" | "text"> = { age: "number", internet_use: "text", uses: "text", has_phone: "text" };
const known = (q: string): "number" | "text" | null => types[q] ?? null;

describe("XLSForm relevant into the condition language", () => {
  it.each([
    ["${internet_use} = 'never'", { field: "internet_use", equals: "never" }],
    ['${internet_use} != "never"', { not: { field: "internet_use", equals: "never" } }],
    ["${age} >= 18", { field: "age", ge: 18 }],
    ["${age} < '65'", { field: "age", lt: 65 }],
    ["${age} = 30", { field: "age", equals: 30 }],
    ["selected(${uses}, 'email')", { field: "uses", any_of: ["email"] }],
    ["${has_phone} = ''", { field: "has_phone", missing: true }],
    [
      "${has_phone} = 'yes' and (selected(${uses}, 'phone') or not(${age} > 60))",
      {
        all: [{ field: "has_phone", equals: "yes" }, { any: [{ field: "uses", any_of: ["phone"] }, { not: { field: "age", gt: 60 } }] }],
      },
    ],
  ])("%s", (expr, condition) => {
    expect(translateRelevant(expr, known)).toEqual({ condition });
  });

  it.each([
    ["string-length(${internet_use}) > 0", 'the function or name "string-length" has no equivalent'],
    ["${age} > ${has_phone}", '"${has_phone}" is not a constant'],
    ["${unknown} = 'x'", "${unknown} is not a question of the form"],
    ["${internet_use} > 'a'", '">" compares numbers but ${internet_use} is not a number question'],
    [". > 3", 'cannot read ". > 3"'],
    ["${age} + 1 > 3", 'cannot read "+ 1 > 3"'],
    ["${age} = 3 xor", '"xor" after a complete condition'],
    ["${age} = 3 and (${age} > 2", 'expected ")" at the end'],
    ["selected(${uses} 'a')", 'expected "," before "a"'],
    ["${age} >", "a constant is missing"],
    ["${age}", "a comparison is missing"],
    ["${age} = 'x'", "'x' is not a number"],
    ["not()", '")" is not a question reference ${...}'],
  ])("%s is left untranslated, with the reason (worded in English and French)", (expr, reason) => {
    const translated = translateRelevant(expr, known);
    if (!("reason" in translated)) throw new Error(`${expr} was translated`);
    expect(en.relevantReason(translated.reason)).toBe(reason);
    expect(fr.relevantReason(translated.reason)).not.toBe(reason);
  });
});

describe("XLSForm relevant: round trip (property)", () => {
  // A condition the translator can produce, written back as XLSForm: translating it gives it back.
  type C =
    | { field: string; equals: string | number }
    | { field: string; any_of: string[] }
    | { field: string; gt: number }
    | { not: C }
    | { all: C[] }
    | { any: C[] };
  const leaf: fc.Arbitrary<C> = fc.oneof(
    fc.record({ field: fc.constantFrom("internet_use", "has_phone"), equals: fc.constantFrom("never", "yes", "a b") }),
    fc.record({ field: fc.constant("age"), equals: fc.integer({ min: -5, max: 120 }) }),
    fc.record({ field: fc.constant("uses"), any_of: fc.tuple(fc.constantFrom("phone", "email")) }),
    fc.record({ field: fc.constant("age"), gt: fc.integer({ min: 0, max: 99 }) }),
  );
  const condition: fc.Arbitrary<C> = fc.letrec<{ c: C }>((tie) => ({
    c: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.record({ not: tie("c") }),
      fc.record({ all: fc.array(tie("c"), { minLength: 2, maxLength: 3 }) }),
      fc.record({ any: fc.array(tie("c"), { minLength: 2, maxLength: 3 }) }),
    ),
  })).c;
  const write = (c: C): string => {
    if ("not" in c) return `not(${write(c.not)})`;
    if ("all" in c) return c.all.map((x) => `(${write(x)})`).join(" and ");
    if ("any" in c) return c.any.map((x) => `(${write(x)})`).join(" or ");
    if ("any_of" in c) return `selected(\${${c.field}}, '${c.any_of[0]}')`;
    if ("gt" in c) return `\${${c.field}} > ${c.gt}`;
    return `\${${c.field}} = ${typeof c.equals === "number" ? c.equals : `'${c.equals}'`}`;
  };

  it("translates an XLSForm rendering of a condition back to that condition", () => {
    fc.assert(
      fc.property(condition, (c) => {
        expect(translateRelevant(write(c), known)).toEqual({ condition: c });
      }),
    );
  });
});
