// Every estimate of the studies `init` infers from a workbook and an SPSS file alone, against R's
// survey package reading the same files with openxlsx and haven (init-formats.R).
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, tempDir } from "../cli/run.js";
import { closeToR, printed, type Printed, REFERENCE_DIR } from "./reference.js";

interface Estimate {
  estimate: number | null;
  se: number | null;
}
interface Indicator extends Estimate {
  id: string;
  categories?: ({ value: string | number } & Estimate)[];
}

/** `file id category est=... se=...` lines, by "file id category" ("-" for a single estimate). */
function loadR(): Map<string, { est: Printed; se: Printed }> {
  const lines = readFileSync(path.join(REFERENCE_DIR, "init-formats-output.txt"), "utf8").split("\n");
  const out = new Map<string, { est: Printed; se: Printed }>();
  for (const line of lines) {
    const m = /^(\S+ \S+ \S+) est=(\S+) se=(\S+)$/.exec(line);
    if (m) out.set(m[1] as string, { est: printed(m[2] as string, 12), se: printed(m[3] as string, 12) });
  }
  return out;
}

async function initAndReport(file: string, options: string[]): Promise<Indicator[]> {
  const dir = await tempDir();
  const init = await cli(["init", `fixtures/formats/${file}`, ...options, "--out", dir]);
  expect(init.code, init.stderr).toBe(0);
  const report = await cli(["report", path.join(dir, "study.yaml"), "--out", path.join(dir, "report"), "--json"]);
  expect(report.code, report.stderr).toBe(0);
  return JSON.parse(report.stdout).indicators as Indicator[];
}

const R = loadR();

describe("init DATA, then report: every estimate as R's survey package gives it from the same file", () => {
  for (const [file, options] of [
    ["questionnaire.xlsx", []],
    ["questionnaire.sav", []],
    ["sheets.xlsx", ["--sheet", "Données", "--header-row", "3"]],
  ] as const)
    it(`${file} ${options.join(" ")}`, async () => {
      const indicators = await initAndReport(file, [...options]);
      // R computed the study's indicators, no more and no fewer.
      const ids = new Set([...R.keys()].filter((k) => k.startsWith(`${file} `)).map((k) => k.split(" ")[1]));
      expect(indicators.map((i) => i.id).sort()).toEqual([...ids].sort());
      let compared = 0;
      for (const indicator of indicators) {
        const estimates: [string, Estimate][] = indicator.categories
          ? indicator.categories.map((c) => [String(c.value), c])
          : [["-", indicator]];
        for (const [category, e] of estimates) {
          // A category hidden by the disclosure rule (estimate null) has nothing to compare.
          if (e.estimate === null) continue;
          const what = `${file} ${indicator.id} ${category}`;
          closeToR(e.estimate, R.get(what)?.est, `${what} estimate`);
          closeToR(e.se, R.get(what)?.se, `${what} se`);
          compared++;
        }
      }
      // Only the two smallest categories of one question are hidden (questionnaire.xlsx's genre).
      expect(compared).toBe([...R.keys()].filter((k) => k.startsWith(`${file} `)).length - (file === "questionnaire.xlsx" ? 2 : 0));
    });
});
