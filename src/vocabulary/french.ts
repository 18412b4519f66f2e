/**
 * French typography, shared by every French catalogue: a no-break space before ":", a narrow
 * no-break space before ";", "?" and "!" and inside « guillemets », and counts grouped the
 * French way (a narrow no-break space between thousands).
 */
const NB = "\u00a0";
const FN = "\u202f";

export const french = {
  NB,
  FN,
  colon: `${NB}:`,
  semi: `${FN};`,
  q: (s: string): string => `«${FN}${s}${FN}»`,
  count: (n: number): string => n.toLocaleString("fr-FR"),
} as const;
