import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openCsv, IngestError, type CsvSourceOptions } from "../../src/ingest/index.js";

// Files of many chunks: quotes, ragged rows and a late bad byte or error far from the start.
async function drain(options: CsvSourceOptions) {
  try {
    const progress: number[] = [];
    const csv = await openCsv({ ...options, onProgress: (read) => progress.push(read) });
    const records = [];
    for await (const record of csv.records) records.push(record);
    return { encoding: csv.encoding, issues: csv.issues, records, totalBytes: csv.totalBytes, lastProgress: progress.at(-1) };
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { error: { kind: err.kind, line: err.line, code: err.code, message: err.message } };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "big-files-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("big files", () => {
  test("a file of many chunks, with quotes, a late bad byte and ragged rows, reads every record", async () => {
    const lines = ["id;note;amount"];
    for (let i = 1; i <= 60_000; i++)
      lines.push(i % 997 === 0 ? `${i};"two\nlines; quoted";${i}.5` : i % 1201 === 0 ? `${i};ragged` : `${i};plain é;${i}`);
    const body = Buffer.concat([Buffer.from(lines.join("\r\n")), Buffer.from([0x0d, 0x0a, 0x39, 0x3b, 0xe9, 0x3b, 0x31])]);
    const path = join(dir, "many.csv");
    await writeFile(path, body);
    const read = await drain({ path });
    expect(read.records?.length).toBe(60_001);
    expect(read.lastProgress).toBe(body.length);
    expect(read.encoding).toBe("windows-1252");
  });

  test("an unclosed quote in the middle of a big file is an error at the line it opened", async () => {
    const path = join(dir, "unclosed.csv");
    await writeFile(path, `a,b\n${"1,2\n".repeat(200_000)}3,"never closed\n${"4,5\n".repeat(300_000)}`);
    expect(await drain({ path, displayName: "unclosed.csv" })).toMatchObject({ error: { code: "record-too-large", line: 200_002 } });
  });
});
