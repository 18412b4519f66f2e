import { describe, expect, it } from "vitest";
import { generateStudy, questionnaireCsvChunks, questionnaireCsvLines } from "../../src/synth/index.js";

const FILES = ["questionnaire.csv", "youth.csv", "interviews.csv", "codings.csv"];

describe("generateStudy determinism", () => {
  it("gives the same bytes for the same seed", () => {
    expect(generateStudy({ seed: 42 })).toEqual(generateStudy({ seed: 42 }));
  });

  it("gives different data for a different seed, in every file", () => {
    const a = generateStudy({ seed: 1 }).files;
    const b = generateStudy({ seed: 2 }).files;
    expect(a.map((f) => f.name)).toEqual(FILES);
    for (const [i, f] of a.entries()) expect(f.content).not.toEqual(b[i]?.content);
  });

  it("streams the same questionnaire text it returns", () => {
    const whole = generateStudy({ seed: 5, rows: 300 }).files[0]?.content;
    expect([...questionnaireCsvLines({ seed: 5, rows: 300 })].join("")).toBe(whole);
    const chunks = [...questionnaireCsvChunks({ seed: 5, rows: 300 }, 100)];
    expect(chunks).toHaveLength(4); // header + 300 rows in chunks of 100 lines
    expect(chunks.join("")).toBe(whole);
  });

  it("writes 1,862 questionnaire rows by default and `rows` when asked", () => {
    const lines = (rows?: number) => [...questionnaireCsvLines(rows === undefined ? { seed: 3 } : { seed: 3, rows })].length - 1;
    expect(lines()).toBe(1862);
    expect(lines(5000)).toBe(5000);
  });

  it("rejects seeds and sizes it cannot honour", () => {
    expect(() => generateStudy({ seed: -1 })).toThrow(RangeError);
    expect(() => generateStudy({ seed: 1.5 })).toThrow(RangeError);
    expect(() => generateStudy({ seed: 2 ** 32 })).toThrow(RangeError);
    expect(() => generateStudy({ seed: 1, rows: 10 })).toThrow(RangeError);
  });
});
