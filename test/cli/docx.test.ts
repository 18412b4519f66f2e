import { cp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

const stem = "connexions-solidaires-2014";
const ARGS = ["report", "--format", "md,png,docx", "--out", "out"];

/** Every file under `dir`, by relative path, as bytes. */
async function tree(dir: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out.set(path.relative(dir, path.join(e.parentPath, e.name)), await readFile(path.join(e.parentPath, e.name)));
  return out;
}

const coreXml = async (file: string): Promise<string> => strFromU8(unzipSync(await readFile(file))["docProps/core.xml"]!);

describe("exclusion-study report --format md,png,docx", () => {
  // The bundled study written twice, from two working folders with the same arguments (so the
  // command line the report quotes is the same too), once for the tests that read them: each run
  // draws some forty PNG charts.
  let a: string;
  let b: string;
  beforeAll(async () => {
    [a, b] = [await tempDir(), await tempDir()];
    for (const cwd of [a, b]) {
      const run = await cli(ARGS, { cwd });
      expect(run.code, run.stderr).toBe(0);
    }
  }, 120_000);

  it("writes the Word document and a PNG beside every SVG, the same bytes from two folders", async () => {
    const [ta, tb] = [await tree(path.join(a, "out")), await tree(path.join(b, "out"))];
    const names = [...ta.keys()];
    const svgs = names.filter((f) => f.endsWith(".svg"));
    expect(svgs.length).toBeGreaterThan(5);
    expect(names.filter((f) => f.endsWith(".png")).sort()).toEqual(svgs.map((f) => f.replace(/\.svg$/, ".png")).sort());
    expect(names).toContain(`${stem}.docx`);
    expect([...tb.keys()].sort()).toEqual(names.sort());
    for (const [name, bytes] of ta) expect(bytes.equals(tb.get(name)!), name).toBe(true);
    // Dated by the study, never by the clock.
    expect(await coreXml(path.join(a, "out", `${stem}.docx`))).toContain(">2014-11-27T00:00:00Z</dcterms:modified>");
  });

  it("dates the document by SOURCE_DATE_EPOCH, even one before the zip format's first year", async () => {
    const cwd = await tempDir();
    // A study of four charts: the dates do not depend on the study.
    const study = path.join(repoRoot, "docs/examples/weighted/study.yaml");
    for (const [epoch, day] of [
      ["1700000000", "2023-11-14"],
      ["0", "1970-01-01"],
    ] as const) {
      const run = await cli(["report", study, "--format", "docx", "--out", "out"], { cwd, env: { SOURCE_DATE_EPOCH: epoch } });
      expect(run.code, run.stderr).toBe(0);
      const core = await coreXml(path.join(cwd, "out", "example-weighted.docx"));
      expect(core).toContain(`<dcterms:created xsi:type="dcterms:W3CDTF">${day}T00:00:00Z</dcterms:created>`);
      expect(core).toContain(`<dcterms:modified xsi:type="dcterms:W3CDTF">${day}T00:00:00Z</dcterms:modified>`);
    }
  });

  it("--check fails with exit 1 on a stale PNG or a missing Word document, naming them and the command", async () => {
    // A copy of the first run's folder.
    const cwd = await tempDir();
    await cp(path.join(a, "out"), path.join(cwd, "out"), { recursive: true });
    expect((await cli([...ARGS, "--check"], { cwd })).code).toBe(0);
    const png = path.join(cwd, "out", `${stem}.charts/proportions.png`);
    const bytes = await readFile(png);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 1;
    await writeFile(png, bytes);
    await rm(path.join(cwd, "out", `${stem}.docx`));
    const check = await cli([...ARGS, "--check"], { cwd });
    expect(check.code).toBe(1);
    expect(check.stderr).toBe(
      `out is stale: ${stem}.docx (missing), ${stem}.charts/proportions.png (differs). Run \`exclusion-study report --out out --format md,png,docx\` and commit the result.\n`,
    );
  });
});
