import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { en } from "../../src/cli/i18n/en.js";
import { progressLine } from "../../src/cli/progress.js";
import { cli, messy, tempDir } from "./run.js";

const ESC = "\u001b";

/** Whether text holds a C0 or C1 control character other than tab and newline. */
const hasControl = (text: string): boolean =>
  [...text].some((c) => {
    const code = c.charCodeAt(0);
    return (code < 0x20 && c !== "\t" && c !== "\n") || (code >= 0x7f && code <= 0x9f);
  });

/** A copy of the messy survey study, edited, beside its data and schema. */
async function studyWith(edit: (yaml: string) => string): Promise<string> {
  const dir = await tempDir();
  for (const f of ["survey-utf8.csv", "survey.schema.json"]) await writeFile(path.join(dir, f), await readFile(messy(f)));
  const file = path.join(dir, "study.yaml");
  await writeFile(file, edit(await readFile(messy("survey.study.yaml"), "utf8")));
  return file;
}

describe("control characters in what the CLI prints on stderr", () => {
  it("a study key holding an escape sequence is shown escaped", async () => {
    const study = await studyWith((y) => y.replace("title: Messy", '"ti\\e[31mtle": x\ntitle: Messy'));
    const { code, stderr } = await cli(["validate", study]);
    expect(code).toBe(2);
    expect(stderr).not.toContain(ESC);
    expect(stderr).toContain('unknown key "ti\\x1b[31mtle"');
  });

  it("an equals: value holding an escape sequence is shown escaped", async () => {
    const study = await studyWith((y) => y.replace("equals: never", 'equals: "nev\\e[2Jer\\u009b"'));
    const { stderr } = await cli(["report", study, "--out", await tempDir()]);
    expect(hasControl(stderr)).toBe(false);
    expect(stderr).toContain('"nev\\x1b[2Jer\\x9b" is not a category of internet_use');
  });

  it("init's column names are shown escaped, and tabs and line breaks lay out the message as before", async () => {
    const dir = await tempDir();
    const csv = path.join(dir, "export.csv");
    const original = await readFile(messy("survey-utf8.csv"), "utf8");
    const [header = "", ...rest] = original.split("\n");
    await writeFile(csv, [`${header},"bad${ESC}]0;owned\u0007\rcol"`, ...rest.map((l) => (l === "" ? l : `${l},x`))].join("\n"));
    const { code, stderr } = await cli(["init", messy("survey.study.yaml"), csv]);
    expect(code).toBe(0);
    expect(hasControl(stderr)).toBe(false);
    expect(stderr).toContain('column "bad\\x1b]0;owned\\x07\\x0dcol" fits no schema field');
    expect(stderr.split("\n").length).toBeGreaterThan(2);
  });

  it("the progress bar keeps its own cursor controls but shows a dataset name's escaped", () => {
    expect(progressLine(`q${ESC}[2J`, 1, 2, 10, 1, en)).toMatch(/^q\\x1b\[2J \[/);
  });
});
