import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { csvCell, csvLine } from "../../src/synth/csv.js";
import { generateStudy } from "../../src/synth/index.js";
import { writeStudy } from "../../src/synth/write.js";

const root = mkdtempSync(join(tmpdir(), "synth-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("writeStudy", () => {
  it("creates the directory and writes the generated files byte for byte", async () => {
    const dir = join(root, "a", "b");
    const paths = await writeStudy(dir, { seed: 8, rows: 100 });
    const { files } = generateStudy({ seed: 8, rows: 100 });
    expect(paths).toEqual(files.map((f) => join(dir, f.name)));
    for (const f of files) expect(readFileSync(join(dir, f.name), "utf8")).toBe(f.content);
  });
});

describe("csv", () => {
  it("quotes only cells that need it", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell(12.5)).toBe("12.5");
    expect(csvCell("")).toBe("");
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell("é, à")).toBe('"é, à"');
    expect(csvLine(["x", 1, ""])).toBe("x,1,\n");
  });
});
