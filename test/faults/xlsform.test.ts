// The XLSForm reader on damaged workbooks: a copy of the fixture form with random damage (an
// .xlsx is a zip, so most damage breaks it) and random bytes are read as a form or refused with
// one XlsFormError sentence naming the file, never another error.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readXlsForm, XlsFormError } from "../../src/xlsform/index.js";
import { repoRoot, tempDir } from "../cli/run.js";
import { damaged } from "./mutate.js";

const RUNS = Math.max(4, Math.ceil(Number(process.env.FAULT_RUNS ?? 120) / 10));

async function readOrRefuse(bytes: Uint8Array, dir: string): Promise<void> {
  const file = path.join(dir, "form.xlsx");
  await writeFile(file, bytes);
  try {
    await readXlsForm(file, "form.xlsx");
  } catch (err) {
    expect(err).toBeInstanceOf(XlsFormError);
    expect((err as Error).message.startsWith("form.xlsx")).toBe(true);
    expect((err as Error).message).not.toContain("\n");
  }
}

describe("XLSForm reader on damaged files", () => {
  it("reads or refuses in one sentence: damaged copies of the fixture form and random bytes", async () => {
    const valid = await readFile(path.join(repoRoot, "fixtures/kobo-connexions-2014/form.xlsx"));
    const dir = await tempDir();
    await fc.assert(
      fc.asyncProperty(damaged(valid, { nesting: false }), (bytes) => readOrRefuse(bytes, dir)),
      { numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2000 }), (bytes) => readOrRefuse(bytes, dir)),
      { numRuns: RUNS },
    );
  }, 60_000);
});
