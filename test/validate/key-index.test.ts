import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { KeyIndex } from "../../src/validate/checks/key-index.js";
import { textKeyHash } from "../../src/validate/checks/text-keys.js";

/** The index's contract, kept the plain way: a Map of typed keys to their first line. */
function firstLines(keys: (string | number | boolean)[]): (number | undefined)[] {
  const seen = new Map<string | number | boolean, number>();
  return keys.map((key, i) => {
    const first = seen.get(key);
    if (first === undefined) seen.set(key, i + 2);
    return first;
  });
}

const keyArb = fc.oneof(
  // Text: one-byte characters (the byte table), wider ones (the Map), ids that look like numbers.
  fc.string({ unit: fc.constantFrom("a", "b", "7", "-", "é", "ÿ", "€", "ő", "\u0000"), maxLength: 6 }),
  fc.uuid(),
  fc.integer({ min: 0, max: 3000 }),
  fc.integer({ min: 0, max: 2 ** 31 + 10 }),
  fc.integer({ min: -50, max: -1 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
);

describe("KeyIndex", () => {
  it("answers each key's first line, as a Map would, whatever the keys and their order", () => {
    fc.assert(
      fc.property(fc.array(keyArb, { maxLength: 3000 }), (keys) => {
        // Repeat a sample so that duplicates are common, not only among the short strings.
        const all = [...keys, ...keys.filter((_, i) => i % 3 === 0)];
        const index = new KeyIndex();
        const got = all.map((key, i) => index.firstLine(key, i + 2, true));
        expect(got).toEqual(firstLines(all));
      }),
      { numRuns: 60 },
    );
  });

  it("keeps 400,000 distinct text ids apart over several chunks and finds each again", () => {
    const index = new KeyIndex();
    const id = (i: number): string => `R-${i.toString(36).padStart(8, "0")}`;
    const n = 400_000; // 12 bytes each: five chunks of 1 MiB, nine doublings of the table
    let stored = 0;
    for (let i = 0; i < n; i++) if (index.firstLine(id(i), i + 2, true) === undefined) stored++;
    expect(stored).toBe(n);
    const found: number[] = [];
    for (let i = 0; i < n; i += 997) found.push(index.firstLine(id(i), 0, true) ?? -1);
    expect(found).toEqual(Array.from({ length: Math.ceil(n / 997) }, (_, k) => k * 997 + 2));
    expect(index.firstLine("R-", 1, true)).toBeUndefined();
  });

  it("tells a text key from the number it spells, and keeps one-byte text apart from wider text", () => {
    const index = new KeyIndex();
    expect(index.firstLine("12", 2, true)).toBeUndefined();
    expect(index.firstLine(12, 3, true)).toBeUndefined();
    expect(index.firstLine("12", 4, true)).toBe(2);
    expect(index.firstLine(12, 5, true)).toBe(3);
    expect(index.firstLine("café", 6, true)).toBeUndefined();
    expect(index.firstLine("caf€", 7, true)).toBeUndefined();
    expect(index.firstLine("caf€", 8, true)).toBe(7);
    expect(index.firstLine("café", 9, true)).toBe(6);
    // Lines past 31 bits, as a file of more than 2^31 lines would have.
    const far = 2 ** 31 + 5;
    expect(index.firstLine("R-far", far, true)).toBeUndefined();
    expect(index.firstLine("R-far", far + 1, true)).toBe(far);
    expect(index.firstLine(77, far, true)).toBeUndefined();
    expect(index.firstLine(77, far + 1, true)).toBe(far);
    // Lengths past one byte: 300 characters are not 44 (300 − 256).
    expect(index.firstLine("a".repeat(300), 10, true)).toBeUndefined();
    expect(index.firstLine("a".repeat(44), 11, true)).toBeUndefined();
    expect(index.firstLine("a".repeat(300), 12, true)).toBe(10);
  });
});

describe("textKeyHash", () => {
  it("refuses a key with a character wider than a byte or longer than its length prefix", () => {
    expect(textKeyHash("abc")).toBeGreaterThanOrEqual(0);
    expect(textKeyHash("ÿ")).toBeGreaterThanOrEqual(0);
    expect(textKeyHash("€")).toBe(-1);
    expect(textKeyHash("a".repeat(0xffff))).toBeGreaterThanOrEqual(0);
    expect(textKeyHash("a".repeat(0x10000))).toBe(-1);
  });
});
