import { readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openCsv, openCsvThreaded, IngestError, type CsvSourceOptions } from "../../src/ingest/index.js";

// The reading thread runs compiled code (a worker cannot load TypeScript): `npm test` builds
// dist/ first.
const reader = new URL("../../dist/ingest/read-worker.js", import.meta.url);
const threadedOpen = (options: CsvSourceOptions) => openCsvThreaded(options, reader);
type Opener = typeof openCsv;

async function drain(open: Opener, options: CsvSourceOptions) {
  try {
    const progress: number[] = [];
    const csv = await open({ ...options, onProgress: (read) => progress.push(read) });
    const records = [];
    for await (const record of csv.records) records.push(record);
    return { encoding: csv.encoding, delimiter: csv.delimiter, header: csv.header, records, issues: csv.issues, sha256: csv.sha256(), totalBytes: csv.totalBytes, lastProgress: progress.at(-1) };
  } catch (err) {
    if (!(err instanceof IngestError)) throw err;
    return { error: { kind: err.kind, line: err.line, code: err.code, message: err.message } };
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "threaded-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("reading on a second thread", () => {
  const messy = readdirSync("fixtures/messy").filter((f) => /\.(csv|tsv)$/.test(f));
  test.each(messy)("%s: the same records, issues, hash or error as in-process", async (name) => {
    const options = { path: join("fixtures/messy", name), displayName: name };
    expect(await drain(threadedOpen, options)).toEqual(await drain(openCsv, options));
  });

  test("a file of many chunks, with quotes, a late bad byte and ragged rows, reads the same", async () => {
    const lines = ["id;note;amount"];
    for (let i = 1; i <= 60_000; i++) lines.push(i % 997 === 0 ? `${i};"two\nlines; quoted";${i}.5` : i % 1201 === 0 ? `${i};ragged` : `${i};plain é;${i}`);
    const body = Buffer.concat([Buffer.from(lines.join("\r\n")), Buffer.from([0x0d, 0x0a, 0x39, 0x3b, 0xe9, 0x3b, 0x31])]);
    const path = join(dir, "many.csv");
    await writeFile(path, body);
    const threaded = await drain(threadedOpen, { path });
    expect(threaded).toEqual(await drain(openCsv, { path }));
    expect(threaded.records?.length).toBe(60_001);
  });

  test("an error in the middle of a big file comes back as the same IngestError", async () => {
    const path = join(dir, "unclosed.csv");
    await writeFile(path, `a,b\n${"1,2\n".repeat(200_000)}3,"never closed\n${"4,5\n".repeat(300_000)}`);
    const threaded = await drain(threadedOpen, { path, displayName: "unclosed.csv" });
    expect(threaded).toEqual(await drain(openCsv, { path, displayName: "unclosed.csv" }));
    expect(threaded).toMatchObject({ error: { code: "record-too-large", line: 200_002 } });
  });

  test("a missing file is the same request error", async () => {
    const options = { path: join(dir, "absent.csv"), displayName: "absent.csv" };
    expect(await drain(threadedOpen, options)).toEqual(await drain(openCsv, options));
  });
});
