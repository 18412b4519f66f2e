// Parses regression-output.txt (test/reference/r-survey/regression.R): per model a header
// `model n=… rank=… df=… …` and one `model coef term=… est=… se=… t=… p=… lo=… hi=…` per coefficient.
import { readFileSync } from "node:fs";
import path from "node:path";
import { printed, REFERENCE_DIR, tolerance, type Printed } from "./reference.js";

const lines = readFileSync(path.join(REFERENCE_DIR, "regression-output.txt"), "utf8").split("\n");

export interface RefCoefficient {
  term: string;
  est: Printed;
  se: Printed;
  t: Printed;
  p: Printed;
  lo: Printed;
  hi: Printed;
}

/** A model's header numbers and coefficients, in R's order. */
export function regressionRef(model: string): { n: number; df: number; coefficients: RefCoefficient[] } {
  const header = lines.find((l) => l.startsWith(`${model} n=`));
  if (!header) throw new Error(`regression-output.txt has no model ${model}`);
  const get = (k: string): number => Number(new RegExp(` ${k}=(\\S+)`).exec(header)?.[1]);
  const coefficients = lines
    .filter((l) => l.startsWith(`${model} coef `))
    .map((l) => {
      const f = Object.fromEntries(
        l
          .trim()
          .split(" ")
          .slice(2)
          .map((kv) => [kv.slice(0, kv.indexOf("=")), kv.slice(kv.indexOf("=") + 1)]),
      );
      const num = (k: string): Printed => printed(f[k]!, 10);
      return { term: f.term!, est: num("est"), se: num("se"), t: num("t"), p: num("p"), lo: num("lo"), hi: num("hi") };
    });
  return { n: get("n"), df: get("df"), coefficients };
}

/** |actual − R| within relative 1e-6 (or half the last printed digit). */
export function near(actual: number | null | undefined, expected: Printed): boolean {
  return typeof actual === "number" && Math.abs(actual - expected.value) <= tolerance(expected);
}
