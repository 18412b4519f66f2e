// A dataset is opened twice (its first records, then all of it): the byte scan of the whole file
// is made once while the file is unchanged, and made again when it changed in between.
import { mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { openCsv, ScanMemo } from "../../src/ingest/index.js";
import { readAll } from "./read-all.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "scan-memo-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A memo that counts the scans it makes. */
function countingMemo(): { memo: ScanMemo; scans: () => number } {
  const memo = new ScanMemo();
  let made = 0;
  const get = memo.get.bind(memo);
  memo.get = (key, scan) =>
    get(key, () => {
      made++;
      return scan();
    });
  return { memo, scans: () => made };
}

describe("ScanMemo", () => {
  test("an unchanged file is scanned once for two openings", async () => {
    const file = path.join(dir, "a.csv");
    await writeFile(file, "id,name\n1,Zoé\n2,Léa\n");
    const { memo, scans } = countingMemo();
    const first = await openCsv({ path: file, scans: memo });
    await first.batches[Symbol.asyncIterator]().return?.(undefined);
    const second = await readAll({ path: file, scans: memo });
    expect(scans()).toBe(1);
    expect(second.encoding).toBe("utf-8");
    expect(second.records.map((r) => r.cells)).toEqual([
      ["1", "Zoé"],
      ["2", "Léa"],
    ]);
  });

  test("a file changed between the openings is scanned again: its new bytes decide the encoding", async () => {
    const file = path.join(dir, "a.csv");
    await writeFile(file, "id,name\n1,Zoe\n2,Lea\n");
    const { memo, scans } = countingMemo();
    expect((await openCsv({ path: file, scans: memo })).encoding).toBe("utf-8");
    // The same size, a Latin-1 byte instead of an ASCII one, an older modification time.
    await writeFile(file, Buffer.from("id,name\n1,Zo\xe9\n2,Lea\n", "latin1"));
    await utimes(file, new Date(2020, 0, 1), new Date(2020, 0, 1));
    const second = await openCsv({ path: file, scans: memo });
    expect(scans()).toBe(2);
    expect(second.encoding).toBe("windows-1252");
    expect(second.issues.map((i) => i.code)).toContain("encoding-fallback");
  });
});
