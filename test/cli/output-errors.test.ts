// Every file-system error while writing outputs is one sentence naming the path and the cause in
// plain words, exit 2: never "internal error", never a misleading code.
import { execFileSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli, expectOneSentence, messy, repoRoot, tempDir } from "./run.js";

const survey = path.join(repoRoot, "fixtures/messy/survey.study.yaml");

/** The messy survey with one row whose age is not a number: validate --rejects has a file to write. */
async function dataWithReject(dir: string): Promise<string> {
  const file = path.join(dir, "bad.csv");
  await writeFile(file, `${await readFile(messy("survey-utf8.csv"), "utf8")}99,abc,never,10,x\n`);
  return file;
}

async function expectRefused(args: string[], cwd: string, sentence: string): Promise<void> {
  const { code, stderr } = await cli(args, { cwd });
  expect(stderr).toContain(`exclusion-study: ${sentence}`);
  expectOneSentence(stderr);
  expect(stderr).not.toContain("internal error");
  expect(code).toBe(2);
}

describe("a file where a folder should go (ENOTDIR, EEXIST)", () => {
  it("report --out names the file in the way", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "taken"), "a file\n");
    const sentence = "cannot create the folder taken: it is a file, where a folder is needed.";
    await expectRefused(["report", survey, "--out", "taken"], dir, sentence);
    await expectRefused(["report", survey, "--out", "taken/below"], dir, sentence);
  });

  it("validate --rejects and init --out name the file in the way", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "taken"), "a file\n");
    const data = await dataWithReject(dir);
    const sentence = "cannot create the folder taken: it is a file, where a folder is needed.";
    await expectRefused(["validate", survey, "--data", `survey=${data}`, "--rejects", "taken/rejects"], dir, sentence);
    // init says how the columns matched before it writes: the refusal is its last line.
    const init = await cli(["init", survey, messy("survey-utf8.csv"), "--out", "taken/study.yaml"], { cwd: dir });
    expect(init.stderr.trimEnd().split("\n").at(-1)).toBe(`exclusion-study: ${sentence}`);
    expect(init.stderr).not.toContain("internal error");
    expect(init.code).toBe(2);
  });

  it("compare --out names the file in the way", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "taken"), "a file\n");
    const [base, next] = ["2014", "2015"].map((y) => path.join(repoRoot, `data-schemas/connexions-solidaires-${y}/study.yaml`));
    await expectRefused(
      ["compare", base as string, next as string, "--out", "taken"],
      dir,
      "cannot create the folder taken: it is a file, where a folder is needed.",
    );
  });
});

describe("a folder where a file should go (EISDIR)", () => {
  it("report names the output file, when writing and under --check", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "out", "messy-survey.md"), { recursive: true });
    await expectRefused(
      ["report", survey, "--out", "out"],
      dir,
      "cannot write out/messy-survey.md: it is a folder, where a file is needed.",
    );
    await expectRefused(
      ["report", survey, "--out", "out", "--check"],
      dir,
      "cannot read out/messy-survey.md: it is a folder, where a file is needed.",
    );
  });

  it("validate --rejects names the rejects file", async () => {
    const dir = await tempDir();
    const data = await dataWithReject(dir);
    await mkdir(path.join(dir, "rj", "survey.rejects.csv"), { recursive: true });
    await expectRefused(
      ["validate", survey, "--data", `survey=${data}`, "--rejects", "rj"],
      dir,
      "cannot write rj/survey.rejects.csv: it is a folder, where a file is needed.",
    );
  });
});

describe("a folder the user may not write to (EACCES)", () => {
  // root writes anywhere, so the case only exists for other users.
  it.skipIf(process.getuid?.() === 0)("report names the folder and says permission denied", async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, "locked"));
    await chmod(path.join(dir, "locked"), 0o500);
    await expectRefused(["report", survey, "--out", "locked/out"], dir, "cannot create the folder locked/out: permission denied.");
    await expectRefused(
      ["report", survey, "--out", "locked"],
      dir,
      "cannot create the folder locked/messy-survey.charts: permission denied.",
    );
  });
});

/** A small tmpfs mounted at a new folder, or null where this machine does not allow mounting. */
const mounts: string[] = [];
async function smallTmpfs(options: string): Promise<string | null> {
  const dir = await mkdtemp(path.join(tmpdir(), "exclusion-study-mount-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    return null;
  }
  mounts.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounts) execFileSync("umount", [dir]);
});

describe("a read-only or full file system (EROFS, ENOSPC), where a tmpfs can be mounted", () => {
  it("a read-only mount is named as such, not as a missing folder", async (ctx) => {
    const mount = await smallTmpfs("ro,size=1m");
    if (mount === null) return ctx.skip("mounting a tmpfs is not allowed here");
    await expectRefused(
      ["report", survey, "--out", path.join(mount, "out")],
      repoRoot,
      `cannot create the folder ${path.join(mount, "out")}: the file system is read-only.`,
    );
  });

  it("a full disk is named as such", async (ctx) => {
    const mount = await smallTmpfs("size=64k");
    if (mount === null) return ctx.skip("mounting a tmpfs is not allowed here");
    await writeFile(path.join(mount, "filler"), Buffer.alloc(60 * 1024)).catch(() => undefined);
    const { code, stderr } = await cli(["report", survey, "--out", path.join(mount, "out")]);
    expectOneSentence(stderr);
    expect(stderr).toMatch(/^exclusion-study: cannot (write|create the folder) .*: no space left on the device\.\n$/);
    expect(code).toBe(2);
  });
});

describe("generate", () => {
  it("names a file where its folder should go, and a folder where a file should go", async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, "taken"), "a file\n");
    await expectRefused(
      ["generate", "taken", "--rows", "28"],
      dir,
      "cannot create the folder taken: it is a file, where a folder is needed.",
    );
    await mkdir(path.join(dir, "wave", "questionnaire.csv"), { recursive: true });
    await expectRefused(
      ["generate", "wave", "--rows", "28"],
      dir,
      "cannot write wave/questionnaire.csv: it is a folder, where a file is needed.",
    );
  });
});
