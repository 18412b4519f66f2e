import fc from "fast-check";
import iconv from "iconv-lite";
import { describe, expect, test } from "vitest";
import { ByteScanner } from "../../src/ingest/byte-scanner.js";
import { cellDecoder, makeDecoder } from "../../src/ingest/decode.js";
import { IngestError } from "../../src/ingest/index.js";
import { CsvParser, type CsvRecord } from "../../src/ingest/parser.js";
import { recordCells, toRecords } from "../../src/ingest/record-batch.js";
import type { Issue } from "../../src/vocabulary/index.js";

type Outcome = { records: CsvRecord[]; issues: Issue[] } | { error: string };
type Encoding = "utf-8" | "windows-1252";

// Hitting the size limit inside a quoted field adds a guess that depends on where the input
// was cut ("the quote ... is probably never closed"): outcomes are compared without it.
const withoutGuess = (message: string): string => message.replace(/; the quote opened on line \d+ is probably never closed/, "");

/** The reference: the full parser over the whole text at once. */
function parseWhole(text: string, delimiter: string, maxRecordBytes: number, encoding: Encoding): Outcome {
  const records: CsvRecord[] = [];
  const issues: Issue[] = [];
  const parser = new CsvParser({ file: "t.csv", delimiter, maxRecordBytes, singleByte: encoding === "windows-1252", issues });
  try {
    parser.push(text, records);
    parser.end(records);
    return { records, issues };
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { error: withoutGuess(err.message) };
  }
}

/** The subject: the byte scanner over the bytes, cut into chunks at `cuts`. */
function scanChunks(bytes: Buffer, cuts: number[], delimiter: string, maxRecordBytes: number, encoding: Encoding, bom: boolean): Outcome {
  const issues: Issue[] = [];
  const parser = new CsvParser({ file: "t.csv", delimiter, maxRecordBytes, singleByte: encoding === "windows-1252", issues });
  const scanner = new ByteScanner({
    delimiter,
    maxRecordBytes,
    skip: bom ? 3 : 0,
    parser,
    text: makeDecoder(encoding),
    decodeCell: cellDecoder(encoding, false),
  });
  const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces = [0, ...points].map((p, i) => bytes.subarray(p, [...points, bytes.length][i]));
  const records: CsvRecord[] = [];
  try {
    for (const piece of pieces) records.push(...toRecords(scanner.push(Buffer.from(piece))));
    records.push(...toRecords(scanner.end()));
    return { records, issues };
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { error: withoutGuess(err.message) };
  }
}

const plain = ["a", "b", "1", "é", "€", " ", '"', ",", ";", "\t", "\n", "\r", "\r\n", "\n\n"];
// Cells quoted whole, line breaks and doubled quotes included, come often, as in free-text answers.
const quoted = ['"x"', '"a;b,é"', '""', '"x\ny"', '"say ""é"""', '"\n"'];
const unit = fc.constantFrom(...plain, ...quoted);

describe("byte scanner", () => {
  test("gives the full parser's records, lines, warnings and errors, however the bytes are cut", () => {
    fc.assert(
      fc.property(
        fc.string({ unit, maxLength: 80 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        fc.constantFrom(",", ";", "\t"),
        fc.constantFrom(8, 30, 1 << 20),
        fc.constantFrom<Encoding>("utf-8", "windows-1252"),
        fc.boolean(),
        (text, cuts, delimiter, limit, encoding, bom) => {
          const body = encoding === "utf-8" ? Buffer.from(text, "utf8") : iconv.encode(text, "windows1252");
          const bytes = bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
          expect(scanChunks(bytes, cuts, delimiter, limit, encoding, bom)).toEqual(parseWhole(text, delimiter, limit, encoding));
        },
      ),
      { numRuns: 3000 },
    );
  });

  test("plain lines and cells quoted whole (line breaks and doubled quotes included) stay byte ranges; other quoted records go to the parser, then splitting resumes", () => {
    const issues: Issue[] = [];
    const parser = new CsvParser({ file: "t.csv", delimiter: ",", maxRecordBytes: 1 << 20, singleByte: false, issues });
    const scanner = new ByteScanner({
      delimiter: ",",
      maxRecordBytes: 1 << 20,
      skip: 0,
      parser,
      text: makeDecoder("utf-8"),
      decodeCell: cellDecoder("utf-8", false),
    });
    const first = scanner.push(Buffer.from('a,b\r\n1,"x\ny"\n2,é\n3,'));
    expect(toRecords(first)).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["1", "x\ny"] },
      { line: 4, cells: ["2", "é"] },
    ]);
    // A quoted cell over two lines is a byte range too; the next record starts two lines on.
    expect([0, 1, 2].map((r) => first.texts[r])).toEqual([undefined, undefined, undefined]);
    // "3," is an unfinished plain line: it waits for the next chunk.
    const second = scanner.push(Buffer.from("z\n4,é\n"));
    expect(toRecords(second)).toEqual([
      { line: 5, cells: ["3", "z"] },
      { line: 6, cells: ["4", "é"] },
    ]);
    expect(second.texts[0]).toBeUndefined();
    expect(second.texts[1]).toBeUndefined();
    expect(recordCells(second, 1)).toEqual(["4", "é"]);
    // Cells quoted whole, as exports that quote every cell write them, are byte ranges too, their
    // doubled quotes made single; text after the closing quote, a quote inside an unquoted cell
    // or a CR inside quotes sends the record to the parser.
    const third = scanner.push(
      Buffer.from('"5","a,b"\r\n"6",""\n"7","say ""hi""\n""ok"""\n"8","x"y\n9,a"b,"c\nd"\n"10","x\ry"\n"11",""""\n'),
    );
    expect(toRecords(third)).toEqual([
      { line: 7, cells: ["5", "a,b"] },
      { line: 8, cells: ["6", ""] },
      { line: 9, cells: ["7", 'say "hi"\n"ok"'] },
      { line: 11, cells: ["8", "xy"] },
      { line: 12, cells: ["9", 'a"b', "c\nd"] },
      { line: 14, cells: ["10", "x\ry"] },
      { line: 16, cells: ["11", '"'] },
    ]);
    expect([0, 1, 2, 3, 4, 5, 6].map((r) => third.texts[r] !== undefined)).toEqual([false, false, false, true, true, true, false]);
    // A quoted cell the chunk cuts waits for the next chunk, its quotes still doubled in the bytes.
    expect(toRecords(scanner.push(Buffer.from('"12","a ""b\n')))).toEqual([]);
    expect(toRecords(scanner.push(Buffer.from('"" c"\nlast')))).toEqual([{ line: 17, cells: ["12", 'a "b\n" c'] }]);
    expect(toRecords(scanner.end())).toEqual([{ line: 19, cells: ["last"] }]);
  });
});
