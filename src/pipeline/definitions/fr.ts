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
  crossTabTooFewCategories: (field, n) =>
    `un tableau croisé demande au moins deux modalités pour chaque variable${FN}; «${FN}${field}${FN}» en a ${n}`,
  crossTabNoRows: "aucune ligne du champ n’a les deux variables renseignées",
  testEmptyLevel: (field, label) =>
    `aucun répondant pour ${field} = «${FN}${label}${FN}»${NB}: supprimez ou regroupez la modalité pour faire le test`,
  testTooFewCategories: "le test demande au moins deux modalités pour chaque variable",
  testNoDf: "le plan de sondage n’a pas de degrés de liberté pour le test",
  testNoVariance: "les parts des cases n’ont pas de variance de plan pour faire le test",
  listSeparator: `${FN}; `,
  and: " et ",
  or: " ou ",
  not: (condition) => `non (${condition})`,
  isMissing: (field) => `${field} est manquante`,
  isNotMissing: (field) => `${field} n’est pas manquante`,
};
