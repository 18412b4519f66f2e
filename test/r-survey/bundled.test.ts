// The bundled 2014 study against R's survey package on the same committed fixture:
// bundled/bundled.R printed bundled/bundled-output.txt (R survey 4.1.1); rerun it with
// `Rscript test/r-survey/bundled/bundled.R > test/r-survey/bundled/bundled-output.txt`.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, repoRoot, tempDir } from "../cli/run.js";
import { printed, tolerance, type Printed } from "./reference.js";

interface RLine {
  est: Printed;
  se: Printed | null;
  lo: Printed | null;
  hi: Printed | null;
  deff: Printed | null;
}

/** `name est=… se=… lo=… hi=… deff=…` lines, printed with %.10g (deff %.8g); NA when absent. */
function loadR(): Map<string, RLine> {
  const text = readFileSync(path.join(repoRoot, "test/r-survey/bundled/bundled-output.txt"), "utf8");
  const out = new Map<string, RLine>();
  for (const line of text.split("\n")) {
    const m = /^(.+?) est=(\S+) se=(\S+) lo=(\S+) hi=(\S+) deff=(\S+)$/.exec(line.trim());
    if (!m) continue;
    const num = (s: string, digits: number): Printed | null => (s === "NA" ? null : printed(s, digits));
    out.set(m[1] as string, {
      est: num(m[2] as string, 10) as Printed,
      se: num(m[3] as string, 10),
      lo: num(m[4] as string, 10),
      hi: num(m[5] as string, 10),
      deff: num(m[6] as string, 8),
    });
  }
  return out;
}

const r = loadR();

function close(actual: number | null | undefined, expected: Printed | null, what: string): void {
  if (expected === null) return;
  expect(actual, what).not.toBeNull();
  expect(Math.abs((actual as number) - expected.value), `${what}: ${actual} vs R ${expected.value}`).toBeLessThanOrEqual(
    tolerance(expected),
  );
}

describe("the bundled 2014 study, estimate for estimate, as R survey computes it", async () => {
  const out = await tempDir();
  // The JSON result is what is compared: no chart drawn as PNG.
  const { stdout } = await cli(["report", "--format", "md", "--out", out, "--json"]);
  const result = JSON.parse(stdout) as {
    indicators: {
      id: string;
      estimate: number;
      se: number;
      ci: [number, number];
      deff: number | null;
      domains?: Record<string, { level: string; estimate: number; se: number }[]>;
      contrasts?: { field: string; a: string; b: string; difference: number; se: number; ci: [number, number] }[];
    }[];
  };
  const byId = new Map(result.indicators.map((i) => [i.id, i]));

  it("reads the R output", () => {
    expect(r.size).toBeGreaterThanOrEqual(14);
  });

  it.each([
    "internet_never",
    "no_private_access",
    "access_relative",
    "access_cybercafe",
    "mobile_subscription",
    "calls_abroad",
    "telecom_share",
    "telecom_spend_mean",
    "individual_telecom_share",
    "resources_median",
    "youth_no_email",
  ])("%s: estimate, standard error, interval and design effect", (id) => {
    const ours = byId.get(id);
    const ref = r.get(id) as RLine;
    expect(ref, id).toBeDefined();
    close(ours?.estimate, ref.est, "estimate");
    close(ours?.se, ref.se, "se");
    close(ours?.ci[0], ref.lo, "lower bound");
    close(ours?.ci[1], ref.hi, "upper bound");
    close(ours?.deff, ref.deff, "deff");
  });

  it("subgroups are domains of the full design, as svymean on subset()", () => {
    const housing = byId.get("internet_never")?.domains?.housing ?? [];
    for (const level of ["street", "shelter", "hotel", "housed"]) {
      const ref = r.get(`internet_never housing=${level}`) as RLine;
      const d = housing.find((x) => x.level === level);
      close(d?.estimate, ref.est, `${level} estimate`);
      close(d?.se, ref.se, `${level} se`);
    }
  });

  it("a contrast between subgroups uses their covariance, as svyby + svycontrast", () => {
    const ref = r.get("internet_never contrast housing street-housed") as RLine;
    const c = byId.get("internet_never")?.contrasts?.find((x) => x.field === "housing" && x.a === "street" && x.b === "housed");
    close(c?.difference, ref.est, "difference");
    close(c?.se, ref.se, "se");
    close(c?.ci[0], ref.lo, "lower bound");
    close(c?.ci[1], ref.hi, "upper bound");
  });
});
