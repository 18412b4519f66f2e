import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { cli, expectOneSentence, repoRoot, tempDir } from "../cli/run.js";

/** The study file's `sections` key: names checked with the file, the line and the valid names. */
let dir = "";
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function withSections(line: string): Promise<string> {
  dir = await tempDir();
  cpSync(path.join(repoRoot, "docs/examples/codings"), dir, { recursive: true });
  const study = path.join(dir, "study.yaml");
  writeFileSync(study, `${readFileSync(study, "utf8")}${line}\n`);
  return study;
}

const lastLine = (file: string): number => readFileSync(file, "utf8").trimEnd().split("\n").length;

describe("sections in the study file", () => {
  it("refuses an unknown name with the valid ones, the file and the line (exit 2)", async () => {
    const study = await withSections("sections: [qualitative, charts]");
    const { code, stderr } = await cli(["report", study, "--out", path.join(dir, "out")]);
    expect(code).toBe(2);
    expectOneSentence(stderr);
    expect(stderr).toContain(
      `${study}, line ${lastLine(study)} (sections[1]): expected one of "key_findings", "method", "quality", "indicators", "baseline", "distributions", "cross_tables", "subgroups", "qualitative", "appendix".`,
    );
  });

  it("refuses a name given twice, and an empty list", async () => {
    const twice = await withSections("sections: [qualitative, qualitative]");
    const first = await cli(["report", twice, "--out", path.join(dir, "out")]);
    expect(first.code).toBe(2);
    expect(first.stderr).toContain(`line ${lastLine(twice)} (sections): name each section once.`);
    rmSync(dir, { recursive: true, force: true });
    const empty = await withSections("sections: []");
    const second = await cli(["report", empty, "--out", path.join(dir, "out")]);
    expect(second.code).toBe(2);
    expect(second.stderr).toContain(`line ${lastLine(empty)} (sections)`);
  });

  it("orders and omits sections, and the result records them", async () => {
    const study = await withSections("sections: [appendix, qualitative]");
    const { code, stdout } = await cli(["report", study, "--out", path.join(dir, "out"), "--json"]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { sections: string[] }).sections).toEqual(["appendix", "qualitative"]);
    const markdown = readFileSync(path.join(dir, "out", "example-codings.md"), "utf8");
    expect(markdown.split("\n").filter((l) => l.startsWith("## "))).toEqual(["## Appendix", "## Qualitative interviews"]);
  });
});
