import { spawnSync } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Comparison } from "../../src/waves/comparison-result.js";
import { renderComparison } from "../../src/report/comparison/render.js";
import { xmlProblems } from "../report/xml-check.js";
import { REPORT_DIR, root, run, STEM, STUDY_2014, STUDY_2015 } from "./helpers.js";

const CHECK = ["compare", STUDY_2014, STUDY_2015, "--out", REPORT_DIR, "--check"];

/** A copy of the repository's studies, fixtures and committed comparison, to spoil safely. */
async function sandbox(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "compare-check-"));
  for (const d of ["data-schemas", "fixtures"]) await symlink(path.join(root, d), path.join(dir, d));
  await mkdir(path.join(dir, "reports"));
  await cp(path.join(root, REPORT_DIR), path.join(dir, REPORT_DIR), { recursive: true });
  return dir;
}

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile())
      // PNG charts and Word documents compared byte for byte (as base64), text as text.
      out[path.relative(dir, path.join(e.parentPath, e.name))] = await readFile(
        path.join(e.parentPath, e.name),
        /\.(png|docx)$/.test(e.name) ? "base64" : "utf8",
      );
  return out;
}

function lint(file: string): string {
  const bin = path.join(root, "node_modules/markdownlint-cli2/markdownlint-cli2-bin.mjs");
  const r = spawnSync(process.execPath, [bin, "--no-globs", `:${file}`], { cwd: root, encoding: "utf8" });
  return `${r.stdout}${r.stderr}`;
}

describe("the committed comparison report", () => {
  it("is up to date (compare --check exits 0)", async () => {
    const r = await run(CHECK);
    // The Markdown and its chart (SVG and PNG), the HTML page and the Word document (the base
    // study's format: [md, html, docx]) and the JSON.
    expect(r.stderr).toBe(`${REPORT_DIR} is up to date (6 files).\n`);
    expect(r.code).toBe(0);
  });

  it("fails --check with exit 1 when a file differs or is missing, and names it", async () => {
    const dir = await sandbox();
    expect((await run(CHECK, dir)).code).toBe(0);
    const md = path.join(dir, REPORT_DIR, `${STEM}.md`);
    await writeFile(md, (await readFile(md, "utf8")).replace("−4.0 pts", "−4.1 pts"));
    await rm(path.join(dir, REPORT_DIR, `${STEM}.charts/estimates.svg`));
    const r = await run(CHECK, dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${STEM}.charts/estimates.svg (missing), ${STEM}.md (differs)`);
    expect(r.stderr).toContain(`Run \`exclusion-study compare ${STUDY_2014} ${STUDY_2015} --out ${REPORT_DIR}\``);
  });

  it("is markdownlint-clean, with a well-formed chart", async () => {
    expect(lint(path.join(root, REPORT_DIR, `${STEM}.md`))).toContain("Summary: 0 error(s)");
    const svg = await readFile(path.join(root, REPORT_DIR, `${STEM}.charts/estimates.svg`), "utf8");
    expect(xmlProblems(svg)).toEqual([]);
    expect(svg).toContain("37.0% → 33.0%");
  });
});

describe("comparison output", () => {
  it("is byte-identical from run to run, in English and French", async () => {
    for (const lang of ["en", "fr"]) {
      // Two working folders, the same arguments: the command line in the report is the same too.
      const args = ["compare", path.join(root, STUDY_2014), path.join(root, STUDY_2015), "--out", "out", "--lang", lang];
      const [a, b] = [await mkdtemp(path.join(tmpdir(), "det-")), await mkdtemp(path.join(tmpdir(), "det-"))];
      expect((await run(args, a)).code).toBe(0);
      expect((await run(args, b)).code).toBe(0);
      const [fa, fb] = [await files(path.join(a, "out")), await files(path.join(b, "out"))];
      expect(Object.keys(fa).sort()).toEqual([
        `${STEM}.charts/estimates.png`,
        `${STEM}.charts/estimates.svg`,
        `${STEM}.docx`,
        `${STEM}.html`,
        `${STEM}.json`,
        `${STEM}.md`,
      ]);
      expect(fa).toEqual(fb);
      if (lang === "fr") {
        expect(fa[`${STEM}.md`]).toContain("## Différences");
        expect(fa[`${STEM}.md`]).toContain("−4,0 pts");
        expect(lint(path.join(a, "out", `${STEM}.md`))).toContain("Summary: 0 error(s)");
      }
    }
  });

  it("escapes values that come from study files and data", async () => {
    const c = JSON.parse(await readFile(path.join(root, REPORT_DIR, `${STEM}.json`), "utf8")) as Comparison;
    const evil = "<script>alert(1)</script> | [x](http://e.vil) *";
    const hostile: Comparison = {
      ...c,
      base: { ...c.base, title: evil, study: "a|b" },
      indicators: c.indicators.map((i) => ({
        ...i,
        label: evil,
        flags: i.flags.map((f) => ({ ...f, field: "f|<b>" })),
        categories: i.categories?.map((x) => ({ ...x, label: `${evil}\n# heading` })),
      })),
      only_in_new: [{ id: "x`y", label: evil, kind: "proportion" }],
      harmonised: [{ dataset: "q|x", field: evil, from: evil, to: "a|b" }],
    };
    const { markdown, charts } = renderComparison(hostile, { chartDir: "charts" });
    expect(markdown).not.toContain("<script>");
    expect(markdown).not.toMatch(/[^\\]\|b/);
    expect(markdown).not.toMatch(/[^\\]\]\(http/);
    expect(markdown).toContain("\\[x\\](http\\://e.vil)");
    expect(markdown).not.toMatch(/^# heading/m);
    expect(xmlProblems(charts[0]?.svg ?? "")).toEqual([]);
    const dir = await mkdtemp(path.join(tmpdir(), "hostile-"));
    await writeFile(path.join(dir, "hostile.md"), markdown);
    expect(lint(path.join(dir, "hostile.md"))).toContain("Summary: 0 error(s)");
  });
});
