import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { openCsv } from "../../src/ingest/index.js";
import { readAll, readError } from "./read-all.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "ingest-test-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function file(name: string, content: string | Buffer): Promise<{ path: string; displayName: string }> {
  const path = join(dir, name);
  await writeFile(path, content);
  return { path, displayName: name };
}

describe("requests that cannot be carried out", () => {
  test("a missing path", async () => {
    expect(await readError({ path: join(dir, "nope.csv"), displayName: "nope.csv" })).toEqual({
      kind: "request",
      file: "nope.csv",
      line: null,
      code: "source-error",
      message: "nope.csv: no such file.",
    });
  });

  test("a directory", async () => {
    expect(await readError({ path: dir, displayName: "data/" })).toEqual({
      kind: "request",
      file: "data/",
      line: null,
      code: "source-error",
      message: "data/: is a directory, not a CSV file.",
    });
  });

  // root reads anything, so the case only exists for other users.
  test.skipIf(process.getuid?.() === 0)("an unreadable file", async () => {
    const target = await file("locked.csv", "a,b\n1,2\n");
    await chmod(target.path, 0o000);
    expect(await readError(target)).toMatchObject({ kind: "request", message: "locked.csv: permission denied; the file cannot be read." });
  });

  test("the display name defaults to the path as given", async () => {
    const path = join(dir, "missing.csv");
    expect((await readError({ path })).message).toBe(`${path}: no such file.`);
  });

  test("an unusable delimiter or size limit", async () => {
    const target = await file("ok.csv", "a,b\n");
    expect((await readError({ ...target, delimiter: '"' })).message).toBe(
      'ok.csv: the delimiter "\\"" cannot be used; give one character other than a quote or a line break.',
    );
    expect((await readError({ ...target, maxRecordBytes: 0 })).kind).toBe("request");
  });
});

describe("record size limit", () => {
  test("a record over 1 MiB is an error naming its line, read without holding the file", async () => {
    const big = "x".repeat(1024 * 1024 + 1);
    const target = await file("big.csv", `id,comment\n1,ok\n2,${big}\n3,ok\n`);
    expect(await readError(target)).toEqual({
      kind: "data",
      file: "big.csv",
      line: 3,
      code: "record-too-large",
      message: "big.csv, line 3: the record starting here is larger than the 1 MiB limit.",
    });
  });

  test("an unclosed quote in a big file runs into the limit and says where the quote opened", async () => {
    const filler = "1,ok\n".repeat(300_000); // 1.5 MB after the open quote
    const target = await file("open.csv", `id,comment\n1,ok\n2,"never closed\n${filler}`);
    expect(await readError(target)).toMatchObject({
      line: 3,
      code: "record-too-large",
      message:
        "open.csv, line 3: the record starting here is larger than the 1 MiB limit; the quote opened on line 3 is probably never closed.",
    });
  });

  test("the limit counts bytes, and can be set", async () => {
    const target = await file("small-limit.csv", "id,c\n1,éééé\n2,ok\n");
    // "1,éééé\n" is 11 bytes in UTF-8 but 7 characters.
    expect(await readError({ ...target, maxRecordBytes: 10 })).toMatchObject({
      line: 2,
      message: "small-limit.csv, line 2: the record starting here is larger than the 10 bytes limit.",
    });
    expect((await readAll({ ...target, maxRecordBytes: 11 })).records).toHaveLength(2);
  });
});

describe("the opened source", () => {
  test("progress reaches the total; the hash waits for the end; records iterate once", async () => {
    const target = await file("p.csv", "a;b\r\n1;2\r\n");
    const progress: [number, number][] = [];
    const csv = await openCsv({ ...target, onProgress: (read, total) => progress.push([read, total]) });
    expect(csv.totalBytes).toBe(10);
    expect(() => csv.sha256()).toThrow(/available once all records/);
    const records = [];
    for await (const r of csv.records) records.push(r);
    expect(records).toEqual([{ line: 2, cells: ["1", "2"] }]);
    expect(progress.at(-1)).toEqual([10, 10]);
    expect(csv.sha256()).toMatch(/^[0-9a-f]{64}$/);
    expect(() => csv.records[Symbol.asyncIterator]()).toThrow(/only once/);
  });

  test("header names lose BOM and surrounding spaces; a trailing delimiter at the end of the file is an empty cell", async () => {
    const target = await file("h.csv", "\uFEFF id , age\t,x\n1,2,");
    const result = await readAll(target);
    expect(result.header).toEqual({ names: ["id", "age", "x"], line: 1 });
    expect(result.records).toEqual([{ line: 2, cells: ["1", "2", ""] }]);
  });

  test("a file holding only a BOM is empty", async () => {
    const target = await file("bom-only.csv", "\uFEFF");
    expect((await readError(target)).message).toBe("bom-only.csv, line 1: the file is empty; a header line was expected.");
  });

  test("a Windows-1252 file behind a UTF-8 BOM does not show the BOM as ï»¿", async () => {
    const target = await file("bom-cp1252.csv", Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0x3b, 0x62, 0x0a, 0x80, 0x3b, 0x9c, 0x0a]));
    const result = await readAll(target);
    expect(result).toMatchObject({ encoding: "windows-1252", header: { names: ["a", "b"] }, records: [{ line: 2, cells: ["€", "œ"] }] });
  });
});
