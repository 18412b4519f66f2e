import { existsSync } from "node:fs";
import { readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, expectOneSentence, repoRoot, tempDir } from "./run.js";

const bundledStudy = path.join(repoRoot, "data-schemas/connexions-solidaires-2014/study.yaml");

/** A study that inherits the bundled one and declares its own `format`. */
async function studyWithFormat(dir: string, format: string): Promise<string> {
  const file = path.join(dir, "study.yaml");
  await writeFile(file, `extends: ${JSON.stringify(bundledStudy)}\nstudy: formats\ntitle: Formats\nformat: ${format}\n`);
  return file;
}

describe("report --format", () => {
  it("writes the formats asked for, the JSON always, and --check covers each of them", async () => {
    const out = await tempDir();
    const run = await cli(["report", "--format", "html", "--out", out]);
    expect(run.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["connexions-solidaires-2014.html", "connexions-solidaires-2014.json"]);
    const json = JSON.parse(await readFile(path.join(out, "connexions-solidaires-2014.json"), "utf8"));
    expect(json.command).toContain("--format html");

    expect((await cli(["report", "--format", "html", "--out", out, "--check"])).code).toBe(0);
    const withMd = await cli(["report", "--format", "md,html", "--out", out, "--check"]);
    expect(withMd.code).toBe(1);
    expect(withMd.stderr).toContain("connexions-solidaires-2014.md (missing)");

    await writeFile(path.join(out, "connexions-solidaires-2014.html"), "<!DOCTYPE html>\n");
    const stale = await cli(["report", "--format", "html", "--out", out, "--check"]);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain("connexions-solidaires-2014.html (differs)");
  });

  it("takes the study file's format when no --format is given, and --format overrides it", async () => {
    const dir = await tempDir();
    const study = await studyWithFormat(dir, "[html]");
    const out = path.join(dir, "out");
    expect((await cli(["report", study, "--out", out])).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["formats.html", "formats.json"]);
    const md = path.join(dir, "md");
    expect((await cli(["report", study, "--format", "md", "--out", md])).code).toBe(0);
    expect((await readdir(md)).sort()).toEqual(["formats.charts", "formats.json", "formats.md"]);
    // Markdown alone draws no PNG: its charts are the SVGs only.
    const charts = await readdir(path.join(md, "formats.charts"));
    expect(charts.length).toBeGreaterThan(5);
    expect(charts.filter((f) => !f.endsWith(".svg"))).toEqual([]);
  });

  it("writes the bundled study as Markdown with PNG copies, HTML and Word (its format key)", async () => {
    const out = await tempDir();
    expect((await cli(["report", "--out", out])).code).toBe(0);
    expect((await readdir(out)).sort()).toEqual([
      "connexions-solidaires-2014.charts",
      "connexions-solidaires-2014.docx",
      "connexions-solidaires-2014.html",
      "connexions-solidaires-2014.json",
      "connexions-solidaires-2014.md",
    ]);
  });

  it.each([
    ["md,pdf", '--format md,pdf: unknown format "pdf"; the formats are md, png, html, docx.'],
    ["", "--format : expected a comma-separated list of formats (md, png, html, docx), e.g. --format md,html."],
    ["md,,html", "--format md,,html: expected a comma-separated list of formats (md, png, html, docx), e.g. --format md,html."],
  ])("refuses --format %j in one sentence, exit 2, before writing anything", async (format, message) => {
    const out = path.join(await tempDir(), "out");
    const run = await cli(["report", "--format", format, "--out", out]);
    expect(run.code).toBe(2);
    expectOneSentence(run.stderr);
    expect(run.stderr).toBe(`exclusion-study: ${message}\n`);
    expect(existsSync(out)).toBe(false);
  });

  it("writes each format once, in a fixed order, whatever the order and repetitions given", async () => {
    const dir = await tempDir();
    const study = await studyWithFormat(dir, "[docx, md, docx]");
    const out = path.join(dir, "out");
    const run = await cli(["report", study, "--out", out]);
    expect(run.code, run.stderr).toBe(0);
    expect((await readdir(out)).sort()).toEqual(["formats.charts", "formats.docx", "formats.json", "formats.md"]);
    // The Word document embeds the PNG charts; only `png` writes them beside the SVGs.
    expect((await readdir(path.join(out, "formats.charts"))).filter((f) => f.endsWith(".png"))).toEqual([]);
    // The Markdown comes first (named by the run's last line), then the Word document.
    expect(run.stderr).toContain(`wrote ${path.join(out, "formats.md")} and `);
  });
});

describe("compare --format", () => {
  it("writes the comparison as HTML, and --check covers it", async () => {
    const out = await tempDir();
    const base = bundledStudy;
    const next = path.join(repoRoot, "data-schemas/connexions-solidaires-2015/study.yaml");
    expect((await cli(["compare", base, next, "--format", "html", "--out", out])).code).toBe(0);
    const stem = "connexions-solidaires-2014-vs-connexions-solidaires-2015";
    expect((await readdir(out)).sort()).toEqual([`${stem}.html`, `${stem}.json`]);
    const html = await readFile(path.join(out, `${stem}.html`), "utf8");
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain('<figure class="chart">');
    expect((await cli(["compare", base, next, "--format", "html", "--out", out, "--check"])).code).toBe(0);
  });
});
