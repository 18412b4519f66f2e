import type { Definitions } from "./en.js";

/**
 * French words of the codebook. Typed as `Definitions`, so a missing or extra key fails to
 * compile; a no-break space before ":" and a narrow one before ";", as in the report.
 */
const NB = "\u00a0";
const FN = "\u202f";

export const fr: Definitions = {
  share: (condition) => `part des lignes où ${condition}`,
  count: (condition) => `nombre de lignes où ${condition}`,
  distribution: (field) => `répartition de ${field}`,
  categoryCounts: (field) => `nombre de lignes dans chaque modalité de ${field}`,
  mean: (field) => `moyenne de ${field}`,
  total: (field) => `total de ${field}`,
  quantile: (p, field) => `quantile ${p.replace(".", ",")} de ${field}`,
  ratio: (numerator, denominator) => `rapport des totaux${NB}: somme de ${numerator} / somme de ${denominator}`,
  meanOfRatios: (numerator, denominator) => `moyenne sur les lignes de ${numerator} / ${denominator}`,
  recoded: (field, mapping) => `${field} recodée${NB}: ${mapping}`,
  banded: (field, bands) => `${field} en tranches${NB}: ${bands}${FN}; autres valeurs manquantes (outside_bands)`,
  flag: (condition) => `vrai où ${condition}`,
  quotient: (numerator, denominator) => `${numerator} / ${denominator}${FN}; manquante où ${denominator} vaut 0 (zero_denominator)`,
  listSeparator: `${FN}; `,
  and: " et ",
  or: " ou ",
  not: (condition) => `non (${condition})`,
  isMissing: (field) => `${field} est manquante`,
  isNotMissing: (field) => `${field} n’est pas manquante`,
};
