import { spawnSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { StudyResult } from "../../../src/result/index.js";
import { formatValue } from "../../../src/report/format.js";
import { tableDecimals, unitOf } from "../../../src/report/context.js";

/**
 * The README's ways to other formats, run for real on the committed reports: LibreOffice opens the
 * Word report headless and prints it to PDF (pdftotext, where present, reads the text back), and
 * pandoc converts the Markdown with its links turned to the PNG copies. Each is skipped where the
 * program is not installed: neither is a dependency of the project.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const has = (cmd: string): boolean => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

describe.skipIf(!has("soffice"))("the committed Word report in LibreOffice", () => {
  it("converts to a PDF of many pages holding the title and the first estimate", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "docx-pdf-"));
    try {
      const stem = "connexions-solidaires-2014";
      await copyFile(path.join(root, "reports", `${stem}.docx`), path.join(dir, `${stem}.docx`));
      // A profile of its own: no user settings, and no clash with a LibreOffice already running.
      const run = spawnSync(
        "soffice",
        ["--headless", "--norestore", `-env:UserInstallation=file://${dir}/profile`, "--convert-to", "pdf", `${stem}.docx`],
        { cwd: dir, encoding: "utf8", timeout: 170_000 },
      );
      expect(run.status, `${run.stdout}${run.stderr}`).toBe(0);
      const pdf = await readFile(path.join(dir, `${stem}.pdf`));
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect((pdf.toString("latin1").match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThan(10);
      if (has("pdftotext")) {
        const text = spawnSync("pdftotext", ["-layout", `${stem}.pdf`, "-"], { cwd: dir, encoding: "utf8" }).stdout;
        const result = JSON.parse(await readFile(path.join(root, "reports", `${stem}.json`), "utf8")) as StudyResult;
        // The title may wrap; its first words do not.
        expect(text).toContain(result.title.split(" ").slice(0, 3).join(" "));
        const first = result.indicators[0]!;
        expect(text).toContain(formatValue(first.estimate!, unitOf(first.kind), "en", tableDecimals(first.kind)));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describe.skipIf(!has("pandoc"))("the committed Markdown report in pandoc", () => {
  it("keeps every chart when its links name the PNG copies", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "pandoc-"));
    try {
      const reports = path.join(root, "reports");
      const md = (await readFile(path.join(reports, "connexions-solidaires-2014.md"), "utf8")).replace(/\.svg\)/g, ".png)");
      const out = path.join(dir, "report.docx");
      const run = spawnSync("pandoc", ["-f", "markdown", "-o", out], { cwd: reports, input: md, encoding: "utf8", timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).not.toContain("Could not");
      const media = Object.keys(unzipSync(await readFile(out))).filter((n) => n.startsWith("word/media/"));
      const pngs = (await readdir(path.join(reports, "connexions-solidaires-2014.charts"))).filter((f) => f.endsWith(".png"));
      expect(media).toHaveLength(pngs.length);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 150_000);
});
