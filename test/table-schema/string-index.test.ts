import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { StringIndex } from "../../src/table-schema/string-index.js";

describe("string index", () => {
  test("answers as a Map of the same strings would, through growth and colliding ids", () => {
    const word = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.nat({ max: 5000 }).map((i) => `S${String(i).padStart(6, "0")}`),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 400 }), fc.nat({ max: 20 }), (words, preset) => {
        const strings: string[] = [];
        const reference = new Map<string, number>();
        for (const w of words.slice(0, preset)) if (!reference.has(w)) reference.set(w, strings.push(w) - 1);
        const index = new StringIndex(strings); // built from a dictionary that already holds some
        for (const w of words) {
          const expected = reference.get(w) ?? -1;
          expect(index.get(w)).toBe(expected);
          if (expected === -1) {
            const code = strings.push(w) - 1;
            reference.set(w, code);
            index.add(w, code);
          }
        }
        for (const [w, code] of reference) expect(index.get(w)).toBe(code);
        expect(index.get("\u0000absent")).toBe(-1);
      }),
      { numRuns: 300 },
    );
  });
});
