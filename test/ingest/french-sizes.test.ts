import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { IngestError } from "../../src/ingest/errors.js";
import { formatSize } from "../../src/vocabulary/index.js";
import { checkZip } from "../../src/ingest/zip-guard.js";
import { readError } from "./read-all.js";

const NB = "\u00a0";
const FN = "\u202f";
const formats = (file: string): string => path.join(import.meta.dirname, "../../fixtures/formats", file);

describe("a size shown to the user", () => {
  it("keeps its English units, and takes French ones in French: Mo, Ko, octets, a no-break space, digits grouped", () => {
    expect([1024 * 1024, 4 * 1024 ** 3, 2048, 1500].map((n) => formatSize(n))).toEqual(["1 MiB", "4096 MiB", "2 KiB", "1,500 bytes"]);
    expect([1024 * 1024, 4 * 1024 ** 3, 2048, 1500, 1].map((n) => formatSize(n, "fr"))).toEqual([
      `1${NB}Mo`,
      `4${FN}096${NB}Mo`,
      `2${NB}Ko`,
      `1${FN}500${NB}octets`,
      `1${NB}octet`,
    ]);
  });

  it("a record over the limit, in French", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "french-sizes-"));
    const file = path.join(dir, "big.csv");
    await writeFile(file, `id,comment\n1,${"x".repeat(3000)}\n`);
    const error = await readError({ path: file, displayName: "big.csv", maxRecordBytes: 2048, lang: "fr" });
    expect(error.message).toBe(`big.csv, ligne 2${NB}: l’enregistrement qui commence ici dépasse la limite de 2${NB}Ko.`);
  });

  it("a workbook over the zip limits, in French", async () => {
    const refusal = (limits: Parameters<typeof checkZip>[2]) =>
      checkZip(formats("questionnaire.xlsx"), "q.xlsx", limits, "fr").then(
        () => "",
        (e: unknown) => (e instanceof IngestError ? e.message : String(e)),
      );
    expect(await refusal({ entryBytes: 1024, totalBytes: 2 ** 40, sharedStringsBytes: 2 ** 40 })).toMatch(
      new RegExp(`^q\\.xlsx${NB}: son élément \\S+, décompressé, dépasserait 1${NB}Ko${FN}; le classeur est refusé`),
    );
    expect(await refusal({ entryBytes: 2 ** 40, totalBytes: 100 * 1024 + 5, sharedStringsBytes: 2 ** 40 })).toMatch(
      new RegExp(`^q\\.xlsx${NB}: ses éléments, décompressés, dépasseraient ensemble 102${FN}405${NB}octets${FN}; `),
    );
  });
});
