// youth.csv: the companion study of 18–25 year-olds met at missions locales (simple random sample).
import { thresholdFor } from "./calibrate.js";
import { csvText } from "./csv.js";
import type { Rng } from "./rng.js";
import { MISSIONS_LOCALES, NR, NSP, PUBLISHED } from "./vocab.js";

const YOUTH_ROWS = 412;
const YOUTH_HEADER = ["youth_id", "mission_locale", "age", "has_email", "job_search_online"] as const;

const SITE_SHARE = [0.22, 0.18, 0.16, 0.16, 0.16, 0.12];
/** Sites where fewer young people have an address (logit shift of "no e-mail"). */
const SITE_EFFECT = [-0.2, 0.3, 0.1, 0, 0.25, -0.1];
const EMAIL_NR = 0.01;

export function youthCsv(rng: Rng, target: number = PUBLISHED.youth_no_email): string {
  const n = YOUTH_ROWS;
  const site = new Uint8Array(n);
  const age = new Uint8Array(n);
  const t = new Float64Array(n);
  const known = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    site[i] = rng.pick(SITE_SHARE);
    age[i] = rng.int(18, 25);
    // Older youths more often have an address; the site adds its own shift.
    t[i] = rng.logistic() - (SITE_EFFECT[site[i] as number] as number) + 0.15 * ((age[i] as number) - 21.5);
    known[i] = rng.bernoulli(EMAIL_NR) ? 0 : 1;
  }
  // Unweighted: every youth has weight 1.
  const alpha = thresholdFor(t, new Float64Array(n).fill(1), known, target);
  const rows: (string | number)[][] = [];
  for (let i = 0; i < n; i++) {
    const noEmail = (t[i] as number) < alpha;
    const job = rng.pick(noEmail ? [0.3, 0.62, 0.08] : [0.75, 0.2, 0.05]);
    rows.push([
      i + 1,
      MISSIONS_LOCALES[site[i] as number] as string,
      age[i] as number,
      known[i] !== 1 ? NR : noEmail ? "no" : "yes",
      job === 0 ? "yes" : job === 1 ? "no" : NSP,
    ]);
  }
  return csvText(YOUTH_HEADER, rows);
}
