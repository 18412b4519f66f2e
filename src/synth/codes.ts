// Integer codes of the questionnaire's typed-array columns (levels index the vocab.ts lists).

/** Missing-value markers inside categorical columns (levels are >= 0). */
export const M_NSP = -1;
export const M_NR = -2;
export const M_BLANK = -3;

export const HOUSING_STREET = 0;
export const HOUSED = 3;
export const NEVER = 3;
export const ACCESS = { home: 0, ownMobile: 1, relative: 2, cybercafe: 3, none: 4 } as const;
export const PLAN = { subscription: 0, prepaid: 1, none: 2, socialTariff: 3 } as const;

/** Element of a constant table, typed for noUncheckedIndexedAccess. */
export const at = <T>(xs: readonly T[], i: number): T => xs[i] as T;
