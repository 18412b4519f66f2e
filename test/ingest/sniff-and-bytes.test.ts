import { isUtf8 } from "node:buffer";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { completeUtf8Length, countLineBreaks, firstInvalidUtf8 } from "../../src/ingest/bytes.js";
import { sniffDelimiter } from "../../src/ingest/sniff.js";

describe("sniffDelimiter", () => {
  test.each([
    ["semicolons beat decimal commas", "id;amount;note\n1;12,5;ok\n2;3,75;a,b,c\n", ";"],
    ["commas beat quoted semicolons", 'id,note\n1,"a;b;c"\n2,"d;e"\n', ","],
    ["tabs", "id\tage\n1\t2\n", "\t"],
    ["pipes", "id|age|x\n1|2|3\n", "|"],
    ["one column: comma", "id\n1\n2\n", ","],
    ["the header's count agreed by most rows wins over a ragged one", "a;b;c\n1;2;3\n4;5\n6;7;8\n", ";"],
    ["quoted newlines do not split records", 'a,b\n"x\ny;z;w",1\n"p\nq",2\n', ","],
    ["CR-only line endings", "a;b\r1;2\r3;4\r", ";"],
  ])("%s", (_, sample, expected) => {
    expect(sniffDelimiter(sample, true)).toBe(expected);
  });

  test("a cut last line of a partial sample is ignored", () => {
    expect(sniffDelimiter("a;b\n1;2\n3", false)).toBe(";");
  });
});

describe("byte helpers", () => {
  test("firstInvalidUtf8 agrees with buffer.isUtf8 and everything before it is valid", () => {
    const byte = fc.oneof(
      fc.integer({ min: 0, max: 255 }),
      fc.constantFrom(0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed, 0xa0),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 40 }), (bytes) => {
        const buf = Buffer.from(bytes);
        const at = firstInvalidUtf8(buf);
        expect(at === -1).toBe(isUtf8(buf));
        if (at !== -1) expect(isUtf8(buf.subarray(0, at))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("completeUtf8Length cuts only an unfinished last character", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 20 }), fc.nat(), (s, cut) => {
        const bytes = Buffer.from(s, "utf8");
        const head = bytes.subarray(0, cut % (bytes.length + 1));
        const keep = completeUtf8Length(head);
        expect(head.length - keep).toBeLessThan(4);
        expect(isUtf8(head.subarray(0, keep))).toBe(true);
      }),
    );
  });

  test("countLineBreaks gives the same count however the bytes are chunked", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "\r", "\n", "\r\n"), maxLength: 30 });
    fc.assert(
      fc.property(text, fc.nat(), (s, cut) => {
        const bytes = Buffer.from(s);
        const c = cut % (bytes.length + 1);
        const whole = countLineBreaks(bytes, bytes.length, { cr: false });
        const state = { cr: false };
        const parts = countLineBreaks(bytes.subarray(0, c), c, state) + countLineBreaks(bytes.subarray(c), bytes.length - c, state);
        expect(parts).toBe(whole);
        expect(whole).toBe((s.match(/\r\n|\r|\n/g) ?? []).length);
      }),
    );
  });
});
