import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, tempDir } from "./run.js";

const stem = "connexions-solidaires-2014";

describe("exclusion-study report --format docx", () => {
  it("writes the Word document and the PNG charts, dated by the result, covered by --check", async () => {
    // Two working folders, the same arguments: the command line the report quotes is the same too.
    const [cwd, cwd2] = [await tempDir(), await tempDir()];
    const out = path.join(cwd, "out");
    const first = await cli(["report", "--format", "md,docx", "--out", "out"], { cwd });
    expect(first.code, first.stderr).toBe(0);
    const docx = await readFile(path.join(out, `${stem}.docx`));
    const charts = await readdir(path.join(out, `${stem}.charts`));
    const svgs = charts.filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThan(5);
    expect(charts.filter((f) => f.endsWith(".png")).sort()).toEqual(svgs.map((f) => f.replace(/\.svg$/, ".png")).sort());

    // Dated by the study (or SOURCE_DATE_EPOCH), never by the clock: a later run, the same bytes.
    const other = path.join(cwd2, "out");
    const again = await cli(["report", "--format", "md,docx", "--out", "out"], { cwd: cwd2 });
    expect(again.code, again.stderr).toBe(0);
    expect((await readFile(path.join(other, `${stem}.docx`))).equals(docx)).toBe(true);
    const dated = await cli(["report", "--format", "docx", "--out", "out"], { cwd: cwd2, env: { SOURCE_DATE_EPOCH: "1700000000" } });
    expect(dated.code, dated.stderr).toBe(0);
    const core = strFromU8(unzipSync(await readFile(path.join(other, `${stem}.docx`)))["docProps/core.xml"]!);
    expect(core).toContain(">2023-11-14T00:00:00Z</dcterms:modified>");

    expect((await cli(["report", "--format", "md,docx", "--out", "out", "--check"], { cwd })).code).toBe(0);
    const { value: html } = await mammoth.convertToHtml({ buffer: docx });
    expect((html.match(/<img /g) ?? []).length).toBe(svgs.length);
    expect(html).toContain("<h1>");
  });

  it("refuses an unknown or unavailable format with one sentence, exit 2, before reading anything", async () => {
    const out = await tempDir();
    const unknown = await cli(["report", "--format", "md,pdf", "--out", out]);
    expect(unknown.code).toBe(2);
    expectOneSentence(unknown.stderr);
    expect(unknown.stderr).toContain('--format md,pdf: unknown format "pdf"; the formats are md, docx.');
    const html = await cli(["report", "--format", "html", "--out", out]);
    expect(html.code).toBe(2);
    expect(html.stderr).toContain("the html format is not available in this version");
    expect(await readdir(out)).toEqual([]);
  });
});
