import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { openCsv } from "../../src/ingest/index.js";
import { readAll } from "./read-all.js";

// Free-text answers written by R (fixtures/formats/make-free-text.R): line breaks, doubled quotes,
// delimiters and accents inside quoted cells. free-text.expected.tsv is R's own view of each value.
const dir = join(import.meta.dirname, "../../fixtures/formats");
const at = (name: string) => ({ path: join(dir, name), displayName: name });

/** encodeString's escapes undone (a backslash before n, r, t or itself). */
const fromEncodeString = (s: string): string => s.replace(/\\(.)/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
const expected = readFileSync(join(dir, "free-text.expected.tsv"), "utf8")
  .trimEnd()
  .split("\n")
  .map((line) => {
    const [id, comment, spend] = line.split("\t") as [string, string, string];
    return { id, comment: fromEncodeString(comment), spend: Number(spend) };
  });
/** Each record's first line: the header is line 1, and a line break inside a cell adds one. */
const lines: number[] = [2];
for (let k = 1; k < expected.length; k++) lines.push(lines[k - 1]! + 1 + (expected[k - 1]!.comment.match(/\n/g)?.length ?? 0));

// Windows-1252 is told from UTF-8 by its first accented byte, which says so in a warning.
const files = [
  ["free-text.csv", "utf-8", ",", ".", []],
  ["free-text-fr.csv", "windows-1252", ";", ",", ["encoding-fallback"]],
] as const;

describe("free text as R writes it", () => {
  test.each(files)("%s: every value and line as R has them", async (name, encoding, delimiter, mark, issues) => {
    const read = await readAll(at(name));
    expect([read.encoding, read.delimiter, read.issues.map((i) => i.code)]).toEqual([encoding, delimiter, issues]);
    expect(read.records.map((r) => r.cells[0])).toEqual(expected.map((e) => e.id));
    expect(read.records.map((r) => r.cells[1])).toEqual(expected.map((e) => e.comment));
    expect(read.records.map((r) => Number(r.cells[2]!.replace(mark, ".")))).toEqual(expected.map((e) => e.spend));
    expect(read.records.map((r) => r.line)).toEqual(lines);
  });

  test.each(files)("%s: only the record with a CR inside a cell goes to the full parser", async (name) => {
    const csv = await openCsv(at(name));
    const parsed: string[] = [];
    for await (const batch of csv.byteBatches)
      for (let r = 0; r < batch.count; r++) if (batch.texts[r] !== undefined) parsed.push(batch.texts[r]![0]!);
    expect(parsed).toEqual(["90"]);
  });
});
