// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${question}.
import { describe, expect, it } from "vitest";
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
  ])("%s is left untranslated, with the reason", (expr, reason) => {
    expect(translateRelevant(expr, known)).toEqual({ reason });
  });
});
