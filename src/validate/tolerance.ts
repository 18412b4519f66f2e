/**
 * `--max-rejected N` or `P%`: how many rejected rows a dataset may have and still pass.
 * Without the flag none are tolerated (any error exits 1).
 */
export type Tolerance = { kind: "count"; max: number } | { kind: "percent"; max: number };

export class ToleranceError extends Error {
  override readonly name = "ToleranceError";
  constructor(
    message: string,
    /** The value refused, for the CLI to word the sentence in its language. */
    readonly value: string,
  ) {
    super(message);
  }
}

export function parseMaxRejected(text: string): Tolerance {
  const t = text.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) {
    const max = Number(pct[1]);
    if (max <= 100) return { kind: "percent", max };
  } else if (/^\d+$/.test(t)) return { kind: "count", max: Number(t) };
  // No flag name here: the CLI says which option it parsed.
  throw new ToleranceError(`expected a number of rows (such as 10) or a percentage from 0% to 100% (such as 2.5%), got "${text}"`, text);
}

const NO_TOLERANCE: Tolerance = { kind: "count", max: 0 };

/** Whether `rejected` of `rowsRead` rows is within the tolerance. */
export function isTolerated(tolerance: Tolerance | undefined, rejected: number, rowsRead: number): boolean {
  const t = tolerance ?? NO_TOLERANCE;
  if (t.kind === "count") return rejected <= t.max;
  return rowsRead === 0 || (rejected / rowsRead) * 100 <= t.max + 1e-9;
}
