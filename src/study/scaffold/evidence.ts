import type { MissingLabel } from "./comments/en.js";

/**
 * The words and numbers `init` treats as evidence when it guesses a schema from data alone:
 * missing-value tokens, numeric sentinel codes, yes/no pairs and design-column names. Each list
 * is documented in docs/study-file.md ("What init infers").
 */

/** Texts that mean "no answer" in survey exports, in lower case (compared case-insensitively). */
const MISSING_TOKENS = new Map<string, MissingLabel>([
  ["nsp", "dontKnow"],
  ["nspp", "dontKnow"],
  ["ne sait pas", "dontKnow"],
  ["don't know", "dontKnow"],
  ["dont know", "dontKnow"],
  ["dk", "dontKnow"],
  ["nr", "refused"],
  ["refus", "refused"],
  ["refused", "refused"],
  ["non-réponse", "noAnswer"],
  ["non réponse", "noAnswer"],
  ["sans réponse", "noAnswer"],
  ["no answer", "noAnswer"],
  ["na", "notAvailable"],
  ["n/a", "notAvailable"],
  ["#n/a", "notAvailable"],
  ["nan", "notAvailable"],
  ["null", "notAvailable"],
  ["missing", "missing"],
  ["manquant", "missing"],
  [".", "missing"],
  ["-", "missing"],
  ["?", "missing"],
]);

/** The label of a recognised missing-value token (worded by the comments' catalogue), or null. */
export function missingTokenLabel(text: string): MissingLabel | null {
  return MISSING_TOKENS.get(text.toLowerCase().replace(/\u2019/g, "'")) ?? null;
}

/** Negative codes proposed as missing when every other value of the column is at least 0. */
export const NEGATIVE_SENTINELS: readonly number[] = [-9, -99, -999, -9999, -8, -98, -998];
/** Positive codes proposed as missing when they are more than twice every other value. */
export const POSITIVE_SENTINELS: readonly number[] = [9, 99, 999, 9999, 98, 998];

/** Yes/no spellings (lower case): a column whose answers are one pair is a boolean. */
const BOOLEAN_PAIRS: readonly [string, string][] = [
  ["yes", "no"],
  ["oui", "non"],
  ["true", "false"],
  ["vrai", "faux"],
  ["y", "n"],
  ["o", "n"],
];

/** The observed spellings of a yes/no column split into true and false ones; null when not one pair. */
export function booleanSpellings(values: readonly string[]): { trueValues: string[]; falseValues: string[] } | null {
  if (values.length === 0) return null;
  for (const [yes, no] of BOOLEAN_PAIRS) {
    const t = values.filter((v) => v.toLowerCase() === yes);
    const f = values.filter((v) => v.toLowerCase() === no);
    if (t.length > 0 && f.length > 0 && t.length + f.length === values.length) return { trueValues: t, falseValues: f };
  }
  return null;
}

export type DesignRole = "weights" | "strata" | "cluster";

/**
 * Column names that suggest a design role, matched on the normalised name (lower case, accents
 * and separators folded to "_"): a whole word, or a prefix such as NHANES' WTMEC2YR.
 */
const ROLE_PATTERNS: Record<DesignRole, RegExp> = {
  weights: /(^|_)(poids|ponderation|weights?|wgt|wt|pw|pond)(_|$)|^(wt|poids|weight|pond)/,
  strata: /(^|_)(strat[a-z]*|strates?|str)(_|$)|stra$|^strat/,
  cluster: /(^|_)(clusters?|psu|grappes?|upm)(_|$)|psu$|^cluster|^grappe/,
};

/** The design roles a column's (normalised) name suggests. */
export function designRolesOf(normalisedName: string): DesignRole[] {
  return (Object.keys(ROLE_PATTERNS) as DesignRole[]).filter((r) => ROLE_PATTERNS[r].test(normalisedName));
}
