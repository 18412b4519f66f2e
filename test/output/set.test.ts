// writeFileSet crashed at every step of its work (each file-system call in turn fails, and so
// does every one after it, as if the process had died there): the folder holds the old set or
// the new one, whole (counting a committed journal), the leftovers are named, and the next write
// finishes the new set. The user's file beside the set is never touched.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { setLeftovers, writeFileSet } from "../../src/output/index.js";

const crash = vi.hoisted(() => ({ after: Number.POSITIVE_INFINITY, calls: 0 }));

vi.mock("node:fs/promises", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:fs/promises")>();
  const dying =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      crash.calls++ >= crash.after ? Promise.reject(new Error("the process died here")) : f(...args);
  return {
    ...real,
    writeFile: dying(real.writeFile),
    rename: dying(real.rename),
    rm: dying(real.rm),
    mkdir: dying(real.mkdir),
  };
});

const oldSet = {
  "study.md": "# Old\n",
  "study.json": '{"old":true}\n',
  "study.charts/a.svg": "<svg>old a</svg>\n",
  "study.charts/b.svg": "<svg>old b</svg>\n",
  "survey.rejects.csv": "line,reason\n3,bad\n",
};
const newSet = {
  "study.md": "# New\n",
  "study.json": '{"new":true}\n',
  "study.charts/a.svg": "<svg>new a</svg>\n",
  "study.charts/c.svg": "<svg>new c</svg>\n",
};
const newFiles = Object.entries(newSet).map(([name, content]) => ({ name, content }));
const obsolete = ["survey.rejects.csv"];

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "report-set-"));
  mkdirSync(join(dir, "study.charts"));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, "notes.txt"), "mine\n");
  return dir;
}

/** Every file under dir, but hidden ones and the user's note. */
function visible(dir: string, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "notes.txt") continue;
    if (e.isDirectory()) Object.assign(out, visible(dir, `${prefix}${e.name}/`));
    else out[`${prefix}${e.name}`] = readFileSync(join(dir, prefix, e.name), "utf8");
  }
  return out;
}

async function writeDying(dir: string, after: number): Promise<void> {
  crash.after = after;
  crash.calls = 0;
  try {
    await writeFileSet(dir, "study", newFiles, obsolete);
  } catch {
    // The simulated death.
  } finally {
    crash.after = Number.POSITIVE_INFINITY;
  }
}

describe("writeFileSet, crashed at every step", () => {
  it("leaves the old set or the new one, whole, and the next write finishes it", async () => {
    const full = folderWith(oldSet);
    await writeDying(full, Number.POSITIVE_INFINITY);
    const steps = crash.calls;
    expect(visible(full)).toEqual(newSet);
    expect(steps).toBeGreaterThan(8);

    const states = new Set<string>();
    for (let after = 0; after <= steps; after++) {
      const dir = folderWith(oldSet);
      await writeDying(dir, after);
      const at = `crash at step ${after}`;
      const hidden = readdirSync(dir).filter((n) => n.startsWith("."));
      expect(readFileSync(join(dir, "notes.txt"), "utf8"), at).toBe("mine\n");
      if (hidden.includes(".study.commit")) {
        states.add("journal");
        const journalled = visible(join(dir, ".study.commit"));
        expect({ ...visible(dir), ...journalled }, at).toMatchObject(newSet);
        expect(
          Object.keys({ ...visible(dir), ...journalled }).filter((n) => !(n in newSet) && !n.endsWith("b.svg") && !n.endsWith(".csv")),
          at,
        ).toEqual([]);
      } else {
        const now = visible(dir);
        expect([oldSet, newSet], at).toContainEqual(now);
        states.add(now["study.md"] === oldSet["study.md"] ? "old" : "new");
      }
      expect((await setLeftovers(dir, "study", newFiles)).length > 0, at).toBe(hidden.length > 0);
      await writeFileSet(dir, "study", newFiles, obsolete);
      expect(visible(dir), at).toEqual(newSet);
      expect(
        readdirSync(dir).filter((n) => n.startsWith(".")),
        at,
      ).toEqual([]);
    }
    expect([...states].sort()).toEqual(["journal", "new", "old"]);
  });
});
