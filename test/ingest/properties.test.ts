import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { isUtf8 } from "node:buffer";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stringify } from "csv-stringify/sync";
import fc from "fast-check";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { IngestError } from "../../src/ingest/index.js";
import { CsvParser, type CsvRecord } from "../../src/ingest/parser.js";
import type { Issue } from "../../src/vocabulary/index.js";
import { readAll } from "./read-all.js";

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ingest-prop-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
async function tempFile(bytes: Uint8Array): Promise<string> {
  const path = join(dir, `f${n++}.csv`);
  await writeFile(path, bytes);
  return path;
}

/** Characters every cell may hold: CSV syntax, all line breaks, accents and the CP1252-only ones. */
const cellUnit = fc.constantFrom("a", "b", "Z", "0", " ", '"', ",", ";", "\t", "|", "\n", "\r", "\r\n", "é", "à", "€", "œ", "’", "Œ", "—");
const cell = fc.string({ unit: cellUnit, maxLength: 8 });

/** Physical line breaks in a cell: LF, CRLF and lone CR each count once. */
const breaks = (text: string) => (text.match(/\r\n|\r|\n/g) ?? []).length;

const table = fc.integer({ min: 2, max: 5 }).chain((columns) =>
  fc.record({
    header: fc.uniqueArray(fc.stringMatching(/^[a-z][a-z_]{0,6}$/), { minLength: columns, maxLength: columns }),
    rows: fc.array(fc.array(cell, { minLength: columns, maxLength: columns }), { maxLength: 12 }),
    delimiter: fc.constantFrom(",", ";"),
    eol: fc.constantFrom("\n", "\r\n"),
    encoding: fc.constantFrom("utf-8", "utf-8-bom", "windows-1252"),
    fixDelimiter: fc.boolean(),
    fixEncoding: fc.boolean(),
  }),
);

describe("properties", () => {
  test("tables written by csv-stringify, in UTF-8 or CP1252, with , or ;, read back identically", async () => {
    await fc.assert(
      fc.asyncProperty(table, async (t) => {
        // csv-stringify only quotes the record delimiter itself; quoted_match makes it quote any
        // CR or LF, as RFC 4180 (and Excel) do, or no reader could tell "x\ny" from two lines.
        const text = stringify([t.header, ...t.rows], { delimiter: t.delimiter, record_delimiter: t.eol, quoted_match: /[\r\n]/ });
        const bytes =
          t.encoding === "windows-1252"
            ? iconv.encode(text, "windows1252")
            : Buffer.from(t.encoding === "utf-8-bom" ? `\uFEFF${text}` : text, "utf8");
        // biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range starts at NUL
        const ascii = /^[\x00-\x7f]*$/.test(text);
        // CP1252 bytes that happen to form valid UTF-8 (e.g. "éœ’") are read as UTF-8, by design.
        if (t.encoding === "windows-1252" && !t.fixEncoding) fc.pre(ascii || !isUtf8(bytes));

        const result = await readAll({
          path: await tempFile(bytes),
          ...(t.fixDelimiter ? { delimiter: t.delimiter } : {}),
          ...(t.fixEncoding ? { encoding: t.encoding === "windows-1252" ? "windows-1252" : "utf-8" } : {}),
        });

        let line = 2;
        const expected: CsvRecord[] = t.rows.map((cells) => {
          const record = { line, cells };
          line += 1 + cells.reduce((sum, c) => sum + breaks(c), 0);
          return record;
        });
        const detectedEncoding = t.encoding === "windows-1252" && ascii && !t.fixEncoding ? "utf-8" : t.encoding;
        expect(result.header).toEqual({ names: t.header, line: 1 });
        expect(result.records).toEqual(expected);
        expect(result.delimiter).toBe(t.delimiter);
        expect(result.encoding).toBe(detectedEncoding);
        expect(result.issues.filter((i) => i.code !== "encoding-fallback")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test("the parser gives the same records or error however the text is cut into chunks", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "é", '"', ",", ";", "\n", "\r", "\r\n", " "), maxLength: 60 });
    const run = (pieces: string[], maxRecordBytes: number) => {
      const out: CsvRecord[] = [];
      const issues: Issue[] = [];
      const parser = new CsvParser({ file: "t.csv", delimiter: ",", maxRecordBytes, singleByte: false, issues });
      try {
        for (const piece of pieces) parser.push(piece, out);
        parser.end(out);
        return { out, issues };
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        // Hitting the size limit inside a quoted field adds a guess ("the quote ... is probably
        // never closed") that depends on where the chunk ended: compare without it.
        return { error: err.message.replace(/; the quote opened on line \d+ is probably never closed/, "") };
      }
    };
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 6 }), fc.constantFrom(10, 25, 1000), (s, cuts, limit) => {
        const points = [...new Set(cuts.map((c) => c % (s.length + 1)))].sort((a, b) => a - b);
        const pieces = [0, ...points].map((p, i) => s.slice(p, [...points, s.length][i]));
        const whole = run([s], limit);
        const cut = run(pieces, limit);
        expect(cut).toEqual(whole);
      }),
      { numRuns: 2000 },
    );
  });

  test("random bytes never crash the reader: records or an IngestError", async () => {
    const byte = fc.oneof(
      {
        weight: 6,
        arbitrary: fc.constantFrom(
          0x22,
          0x2c,
          0x3b,
          0x09,
          0x7c,
          0x0a,
          0x0d,
          0x61,
          0x20,
          0xe9,
          0x80,
          0x9c,
          0xc3,
          0xa9,
          0xef,
          0xbb,
          0xbf,
          0x81,
        ),
      },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 255 }) },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(byte, { maxLength: 200 }), fc.option(fc.integer({ min: 1, max: 64 })), async (bytes, limit) => {
        const path = await tempFile(Uint8Array.from(bytes));
        try {
          const result = await readAll({ path, ...(limit === null ? {} : { maxRecordBytes: limit }) });
          const lines = result.records.map((r) => r.line);
          expect(lines.every((l, i) => l > (i === 0 ? result.header.line : lines[i - 1]!))).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(IngestError);
          const e = err as IngestError;
          expect(e.kind).toBe("data");
          expect(e.message.startsWith(path)).toBe(true);
          expect(e.message).not.toMatch(/\n|\bat .*\.ts:/);
        }
      }),
      { numRuns: 500 },
    );
  });
});
