import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkFiles, writeFilesAtomic } from "../../src/output/index.js";

const files = [
  { name: "study.md", content: "# Study\n" },
  { name: "study.charts/a.svg", content: "<svg/>\n" },
  { name: "study.charts/b.svg", content: "<svg></svg>\n" },
];

describe("writeFilesAtomic / checkFiles", () => {
  it("writes every file, creating folders, and leaves no temporary file", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "report-write-")), "out");
    await writeFilesAtomic(dir, files);
    expect(readFileSync(join(dir, "study.md"), "utf8")).toBe("# Study\n");
    expect(readdirSync(join(dir, "study.charts")).sort()).toEqual(["a.svg", "b.svg"]);
    expect(readdirSync(dir)).toEqual(expect.not.arrayContaining([expect.stringMatching(/\.tmp$/)]));
    expect(await checkFiles(dir, files)).toEqual({ stale: [], missing: [], unexpected: [] });
  });

  it("reports stale, missing and unexpected chart files", async () => {
    const dir = mkdtempSync(join(tmpdir(), "report-check-"));
    expect(await checkFiles(dir, files)).toEqual({
      stale: [],
      missing: ["study.md", "study.charts/a.svg", "study.charts/b.svg"],
      unexpected: [],
    });
    await writeFilesAtomic(dir, files);
    writeFileSync(join(dir, "study.md"), "# Study (edited)\n");
    writeFileSync(join(dir, "study.charts", "old.svg"), "<svg/>");
    writeFileSync(join(dir, "study.charts", "notes.txt"), "kept");
    expect(await checkFiles(dir, files)).toEqual({ stale: ["study.md", "study.charts/old.svg"], missing: [], unexpected: [] });
  });

  it("compares bytes, not text (a BOM or CRLF makes a file stale)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "report-bytes-"));
    await writeFilesAtomic(dir, files);
    writeFileSync(join(dir, "study.md"), "\ufeff# Study\n");
    writeFileSync(join(dir, "study.charts", "a.svg"), "<svg/>\r\n");
    expect((await checkFiles(dir, files)).stale).toEqual(["study.md", "study.charts/a.svg"]);
  });

  it("removes leftover charts when rewriting, so a fresh write passes the check", async () => {
    const dir = mkdtempSync(join(tmpdir(), "report-prune-"));
    mkdirSync(join(dir, "study.charts"));
    writeFileSync(join(dir, "study.charts", "old.svg"), "<svg/>");
    await writeFilesAtomic(dir, files);
    expect(readdirSync(join(dir, "study.charts")).sort()).toEqual(["a.svg", "b.svg"]);
    expect(await checkFiles(dir, files)).toEqual({ stale: [], missing: [], unexpected: [] });
  });
});
