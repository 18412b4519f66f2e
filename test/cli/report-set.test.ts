// A report (.md, .json, the charts) is written as one set: killed at any point, the output folder
// holds the old set or the new one, whole; an interrupted write is named by --check and finished
// by the next run; SIGINT and SIGTERM leave nothing temporary; two runs on one folder never mix.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, watch } from "node:fs";
import { cp, mkdir, readFile, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "./run.js";

const bin = path.join(repoRoot, "bin/exclusion-study.js");
const base = "connexions-solidaires-2014";
const journal = `.${base}.commit`;
/**
 * The old set is the English report, the new one the French: same names, other bytes. Markdown
 * only: a set is written alike whatever its formats, and the bundled study's PNG charts and Word
 * document would make each of the many runs here several times longer.
 */
const oldArgs = ["report", "--format", "md", "--out", "out"];
const newArgs = ["report", "--format", "md", "--lang", "fr", "--out", "out"];

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stderr: string;
}

/** Resolves once the lock `file` holds a process id (polled every 2 ms, for at most 30 s). */
async function untilLocked(file: string): Promise<void> {
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    if (existsSync(file) && /^\d+\n/.test(readFileSync(file, "utf8"))) return;
    await new Promise((r) => setTimeout(r, 2));
  }
  throw new Error(`${file} never appeared`);
}

function start(args: string[], cwd: string): { child: ChildProcess; exit: Promise<Exit> } {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => void (stderr += b.toString()));
  const exit = new Promise<Exit>((resolve) => child.on("close", (code, signal) => resolve({ code, signal, stderr })));
  return { child, exit };
}

/**
 * Send `signal` once the run starts writing to `out` (its first change there other than the
 * lock), plus `extraMs`: a random point inside the write, which takes milliseconds of a run of
 * a second, and which a delay from the start alone would seldom hit.
 */
function signalWhenWriting(child: ChildProcess, out: string, signal: NodeJS.Signals, extraMs: number): void {
  const watcher = watch(out, (_event, name) => {
    if (name === ".exclusion-study.lock" || name === "notes.txt") return;
    watcher.close();
    setTimeout(() => child.kill(signal), extraMs);
  });
  child.on("close", () => watcher.close());
}

/** Every file under `dir` (relative "/" names), but the user's note and the tool's hidden ones. */
async function visibleFiles(dir: string, prefix = ""): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".") || (prefix === "" && entry.name === "notes.txt")) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) for (const [n, b] of await visibleFiles(full, `${prefix}${entry.name}/`)) files.set(n, b);
    else files.set(`${prefix}${entry.name}`, await readFile(full));
  }
  return files;
}

const hidden = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((n) => n.startsWith("."));

function sameSet(a: Map<string, Buffer>, b: Map<string, Buffer>): boolean {
  return a.size === b.size && [...a].every(([name, bytes]) => b.get(name)?.equals(bytes) === true);
}

/** The English (old) and French (new) reports, each written once by the real CLI. */
async function references(): Promise<{ oldSet: Map<string, Buffer>; newSet: Map<string, Buffer>; seconds: number; oldDir: string }> {
  const oldCwd = await tempDir();
  const newCwd = await tempDir();
  expect((await start(oldArgs, oldCwd).exit).code).toBe(0);
  const began = Date.now();
  expect((await start(newArgs, newCwd).exit).code).toBe(0);
  const seconds = (Date.now() - began) / 1000;
  const oldSet = await visibleFiles(path.join(oldCwd, "out"));
  const newSet = await visibleFiles(path.join(newCwd, "out"));
  expect(sameSet(oldSet, newSet)).toBe(false);
  return { oldSet, newSet, seconds, oldDir: path.join(oldCwd, "out") };
}

/** A folder holding the old set and a note of the user's, ready to be overwritten. */
async function folderWithOldSet(oldDir: string): Promise<string> {
  const cwd = await tempDir();
  await cp(oldDir, path.join(cwd, "out"), { recursive: true });
  await writeFile(path.join(cwd, "out", "notes.txt"), "mine\n");
  return cwd;
}

describe("a report written as a set", () => {
  it("killed (SIGKILL) at random points, leaves the old set or the new one, whole", async () => {
    const { oldSet, newSet, seconds, oldDir } = await references();
    const seen = new Set<string>();
    const began = Date.now();
    for (let i = 0; i < 6 && Date.now() - began < 12_000; i++) {
      const cwd = await folderWithOldSet(oldDir);
      const out = path.join(cwd, "out");
      const run = start(newArgs, cwd);
      // Mostly inside the write; sometimes anywhere in the run, most of which is computing.
      const early = i % 3 === 0;
      const delay = early ? seconds * 1000 * Math.random() : 25 * Math.random();
      if (early) setTimeout(() => run.child.kill("SIGKILL"), delay);
      else signalWhenWriting(run.child, out, "SIGKILL", delay);
      await run.exit;

      const onDisk = await visibleFiles(out);
      const leftovers = await hidden(out);
      const context = `${early ? "from the start" : "into the write"}: ${delay.toFixed(1)} ms, leftovers ${leftovers.join(" ")}`;
      expect(await readFile(path.join(out, "notes.txt"), "utf8"), context).toBe("mine\n");
      if (leftovers.includes(journal)) {
        // Killed after the commit point: the new set, whole, counting the files still journalled.
        seen.add("journal");
        const journalled = await visibleFiles(path.join(out, journal));
        expect(sameSet(new Map([...onDisk, ...journalled]), newSet), context).toBe(true);
      } else if (sameSet(onDisk, oldSet)) seen.add("old");
      else {
        expect(sameSet(onDisk, newSet), context).toBe(true);
        seen.add("new");
      }
      // Anything the killed run left is named by --check (in French: the run is --lang fr), and the next run finishes or removes it.
      const interrupted = leftovers.filter((n) => n !== ".exclusion-study.lock");
      if (interrupted.length > 0) {
        const check = await cli([...newArgs, "--check"], { cwd });
        expect(check.code, context).toBe(1);
        expect(check.stderr, context).toContain("(laissé par une écriture interrompue)");
      }
      const rerun = await start(newArgs, cwd).exit;
      expect(rerun.code, `${context}: ${rerun.stderr}`).toBe(0);
      if (leftovers.includes(".exclusion-study.lock"))
        expect(rerun.stderr).toMatch(/avertissement\u00a0: out était verrouillé par le processus \d+, qui s’est terminé/);
      expect(sameSet(await visibleFiles(out), newSet), context).toBe(true);
      expect(await hidden(out), context).toEqual([]);
      expect((await cli([...newArgs, "--check"], { cwd })).code, context).toBe(0);
    }
    expect(seen.size).toBeGreaterThan(0);
  }, 60_000);

  it.each(["SIGINT", "SIGTERM"] as const)(
    "%s leaves a whole set and no temporary file",
    async (signal) => {
      const { oldSet, newSet, seconds, oldDir } = await references();
      // While computing (a share of the run), and inside the write (milliseconds into it).
      for (const [share, extraMs] of [
        [0.4, 0],
        [0, 0],
        [0, 3],
        [0, 10],
      ] as const) {
        const cwd = await folderWithOldSet(oldDir);
        const out = path.join(cwd, "out");
        const run = start(newArgs, cwd);
        if (share > 0) setTimeout(() => run.child.kill(signal), seconds * 1000 * share);
        else signalWhenWriting(run.child, out, signal, extraMs);
        const ended = await run.exit;
        const onDisk = await visibleFiles(out);
        expect(sameSet(onDisk, oldSet) || sameSet(onDisk, newSet), `${signal} at ${share} of the run, ${extraMs} ms into the write`).toBe(
          true,
        );
        expect(await hidden(out), `${signal} at ${share} of the run, ${extraMs} ms into the write`).toEqual([]);
        // Its own exit code, or killed by the signal itself when it came before the CLI had loaded.
        if (ended.signal === null) expect([0, signal === "SIGINT" ? 130 : 143]).toContain(ended.code);
        else expect(ended.signal).toBe(signal);
      }
    },
    60_000,
  );

  it("a signal as the lock file is being made leaves no lock behind", async () => {
    const { oldSet, newSet, oldDir } = await references();
    // The moment the lock file appears (before its pid is written): the narrowest window there is.
    for (let i = 0; i < 5; i++) {
      const cwd = await folderWithOldSet(oldDir);
      const out = path.join(cwd, "out");
      const run = start(newArgs, cwd);
      const watcher = watch(out, (_event, name) => {
        if (name !== ".exclusion-study.lock") return;
        watcher.close();
        run.child.kill("SIGTERM");
      });
      const ended = await run.exit;
      watcher.close();
      expect(ended.signal, `try ${i}`).toBeNull();
      expect(ended.code, `try ${i}`).toBe(143);
      expect(await hidden(out), `try ${i}`).toEqual([]);
      const onDisk = await visibleFiles(out);
      expect(sameSet(onDisk, oldSet) || sameSet(onDisk, newSet), `try ${i}`).toBe(true);
    }
  }, 60_000);

  it("a second run on the same folder refuses with one sentence, exit 2, and the first writes its set", async () => {
    const { newSet } = await references();
    const cwd = await tempDir();
    // The runs overlap by construction, whatever the machine's load: the first is paused as soon
    // as it holds the lock, the second runs to its end, then the first goes on.
    const a = start(newArgs, cwd);
    await untilLocked(path.join(cwd, "out", ".exclusion-study.lock"));
    a.child.kill("SIGSTOP");
    const refused = await start(newArgs, cwd).exit;
    a.child.kill("SIGCONT");
    const first = await a.exit;
    expect([first.code, refused.code]).toEqual([0, 2]);
    // In --lang's language: French here.
    expect(refused.stderr.trim()).toMatch(
      /^exclusion-study: impossible d’écrire dans out\u00a0: une autre exécution \(processus \d+\) y écrit\u202f; attendez qu’elle se termine, ou supprimez out\/\.exclusion-study\.lock si aucune n’est en cours\.$/,
    );
    expect(sameSet(await visibleFiles(path.join(cwd, "out")), newSet)).toBe(true);
    expect(await hidden(path.join(cwd, "out"))).toEqual([]);
  }, 60_000);

  it("a live lock refuses; a lock whose process has ended is taken over with a warning", async () => {
    const cwd = await tempDir();
    await cli(oldArgs, { cwd });
    const lock = path.join(cwd, "out", ".exclusion-study.lock");
    await writeFile(lock, `${process.pid}\n`);
    const refused = await cli(oldArgs, { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `exclusion-study: cannot write to out: another run (process ${process.pid}) is writing there; wait for it to end, or remove out/.exclusion-study.lock if no run is.\n`,
    );
    const ended = start(["--version"], cwd);
    const pid = ended.child.pid;
    await ended.exit;
    await writeFile(lock, `${pid}\n`);
    const taken = await cli(oldArgs, { cwd });
    expect(taken.code).toBe(0);
    expect(taken.stderr).toContain(`warning: out was locked by process ${pid}, which has ended; the lock is taken over.`);
    expect(await hidden(path.join(cwd, "out"))).toEqual([]);
  }, 60_000);

  it("--check names what an interrupted write left, and the next run removes it", async () => {
    const cwd = await tempDir();
    expect((await cli(oldArgs, { cwd })).code).toBe(0);
    const out = path.join(cwd, "out");
    await mkdir(path.join(out, `.${base}.tmp-99999`));
    await writeFile(path.join(out, `${base}.charts`, `.baseline-telecom-share.svg.99999.0123abcd.tmp`), "<svg");
    const check = await cli([...oldArgs, "--check"], { cwd });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`.${base}.tmp-99999 (left by an interrupted write)`);
    expect(check.stderr).toContain(`${base}.charts/.baseline-telecom-share.svg.99999.0123abcd.tmp (left by an interrupted write)`);
    expect((await cli(oldArgs, { cwd })).code).toBe(0);
    expect(await hidden(out)).toEqual([]);
    expect(await hidden(path.join(out, `${base}.charts`))).toEqual([]);
  });
});
