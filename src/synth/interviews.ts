// interviews.csv and codings.csv: 131 beneficiaries, 70 who left the programme, coders A and B.
import { csvText } from "./csv.js";
import { EXCERPTS } from "./excerpts.js";
import type { Rng } from "./rng.js";
import { AGE_BANDS, CODEBOOK, RECEPTION_POINTS, type Code } from "./vocab.js";

const INTERVIEW_GROUPS = { beneficiary: 131, left_programme: 70 } as const;
/** Interviews double-coded for reliability, per group (40 in all, roughly proportional). */
const DOUBLE_CODED = { beneficiary: 26, left_programme: 14 } as const;
/** Interviews where a listed coder applied no code at all: A alone, then B in a double-coded one. */
const EMPTY_A = 3;
const EMPTY_B = 1;

const INTERVIEWS_HEADER = ["interview_id", "group", "reception_point", "gender", "age_band", "coders"] as const;
const CODINGS_HEADER = ["interview_id", "coder", "code", "segment", "excerpt", "publishable"] as const;

type Group = keyof typeof INTERVIEW_GROUPS;

/** Chance that coder A applies each code (order of CODEBOOK), by group. */
const PREVALENCE: Record<Group, readonly number[]> = {
  beneficiary: [0.55, 0.5, 0.45, 0.4, 0.3, 0.3, 0.15, 0.12],
  left_programme: [0.25, 0.3, 0.15, 0.15, 0.2, 0.2, 0.5, 0.45],
};
/** Coder B misses some of A's codes and adds a few: agreement high, not perfect. */
const B_MISSES = 0.12;
const B_ADDS = 0.06;
const PUBLISHABLE = 0.85;

interface Coding {
  code: Code;
  segment: number;
  excerpt: string;
  publishable: boolean;
}

function codeFor(rng: Rng, code: Code, segment: number): Coding {
  const bank = EXCERPTS[code];
  return { code, segment, excerpt: bank[rng.int(0, bank.length - 1)] as string, publishable: rng.bernoulli(PUBLISHABLE) };
}

export function interviewFiles(rng: Rng): { interviews: string; codings: string } {
  const groups: Group[] = [];
  for (const g of Object.keys(INTERVIEW_GROUPS) as Group[]) for (let k = 0; k < INTERVIEW_GROUPS[g]; k++) groups.push(g);
  const ids = groups.map((_, i) => `I${String(i + 1).padStart(3, "0")}`);
  const doubled = new Set<number>();
  const singles: number[] = [];
  for (const g of Object.keys(INTERVIEW_GROUPS) as Group[]) {
    const members = groups.flatMap((x, i) => (x === g ? [i] : []));
    const chosen = new Set(rng.sample(members, DOUBLE_CODED[g]));
    for (const i of members) {
      if (chosen.has(i)) doubled.add(i);
      else singles.push(i);
    }
  }
  const emptyA = new Set(rng.sample(singles, EMPTY_A));
  const emptyB = new Set(
    rng.sample(
      [...doubled].sort((a, b) => a - b),
      EMPTY_B,
    ),
  );

  const interviewRows: (string | number)[][] = [];
  const codingRows: (string | number)[][] = [];
  groups.forEach((group, i) => {
    const id = ids[i] as string;
    const left = group === "left_programme";
    const band = AGE_BANDS[rng.pick([0.18, 0.27, 0.32, 0.17, 0.06])] as string;
    interviewRows.push([
      id,
      group,
      RECEPTION_POINTS[rng.pick([0.24, 0.17, 0.14, 0.13, 0.14, 0.08, 0.1])] as string,
      rng.bernoulli(left ? 0.45 : 0.5) ? "female" : "male",
      band,
      doubled.has(i) ? "A|B" : "A",
    ]);
    // Every interview says something codable: draws with no code are redrawn, so that the only
    // coders without any code are the few chosen below.
    const a: Coding[] = [];
    while (a.length === 0) {
      CODEBOOK.forEach((code, c) => {
        if (rng.bernoulli(PREVALENCE[group][c] as number)) a.push(codeFor(rng, code, a.length + 1));
      });
    }
    const codingsA = emptyA.has(i) ? [] : a;
    for (const x of codingsA) codingRows.push([id, "A", x.code, x.segment, x.excerpt, x.publishable ? "yes" : "no"]);
    if (!doubled.has(i) || emptyB.has(i)) return;
    // B reads the same segments: where B agrees, it codes A's passage; additions are new passages.
    const b: Coding[] = [];
    let next = codingsA.length + 1;
    for (const code of CODEBOOK) {
      const fromA = codingsA.find((x) => x.code === code);
      if (fromA) {
        if (!rng.bernoulli(B_MISSES)) b.push(fromA);
      } else if (rng.bernoulli(B_ADDS)) {
        b.push(codeFor(rng, code, next++));
      }
    }
    b.sort((x, y) => x.segment - y.segment);
    for (const x of b) codingRows.push([id, "B", x.code, x.segment, x.excerpt, x.publishable ? "yes" : "no"]);
  });
  return { interviews: csvText(INTERVIEWS_HEADER, interviewRows), codings: csvText(CODINGS_HEADER, codingRows) };
}
