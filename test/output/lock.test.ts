import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "vitest";
import { LOCK_FILE, lockOutputFolder, OutputBusyError } from "../../src/output/index.js";

test("a lock still empty (its run has created it, not yet written its pid) is not taken over", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "exclusion-lock-"));
  const file = path.join(dir, LOCK_FILE);
  await writeFile(file, "");
  // The other run writes its pid a moment later; this process stands in for it, alive.
  setTimeout(() => void writeFile(file, `${process.pid}\n`), 100);
  await expect(lockOutputFolder(dir)).rejects.toBeInstanceOf(OutputBusyError);
});

test("a lock that stays empty is left by a run that died in between: it is taken over", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "exclusion-lock-"));
  await writeFile(path.join(dir, LOCK_FILE), "");
  const lock = await lockOutputFolder(dir);
  expect(lock.tookOverFrom).toBe(0);
  lock.release();
});
