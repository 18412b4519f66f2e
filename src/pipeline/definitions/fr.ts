import type { Definitions } from "./en.js";
import { french } from "../../vocabulary/french.js";

/**
 * French words of the codebook. Typed as `Definitions`, so a missing or extra key fails to
 * compile; a no-break space before ":" and a narrow one before ";", as in the report.
 */
const { NB, FN, q } = french;

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
  multiSelect: (field) => `options choisies dans ${field}${NB}: part choisissant chacune, nombre moyen d’options choisies`,
  crossTable: (rows, columns) => `tableau croisé de ${rows} par ${columns}`,
  designSrs: "sondage aléatoire simple (aucun plan déclaré)",
  designStrata: (field) => `stratifié par ${field}`,
  designClusters: (fields) => `grappes ${fields.join(" puis ")}`,
  designUnits: "unités individuelles",
  designWeights: (field) => `poids ${field}`,
  designFpc: (fields) => `correction de population finie ${fields.join(", ")}`,
  designWeighting: {
    "post-stratify": "post-stratifié sur des effectifs de population",
    rake: "calé par raking sur des effectifs de population",
    calibrate: "calé sur des effectifs de population",
  },
  designTrimmed: "poids écrêtés",
  designReplicates: (type, mse) =>
    `poids de réplication ${{ JK1: "jackknife JK1", JKn: "jackknife JKn", BRR: "BRR", Fay: "BRR de Fay", bootstrap: "bootstrap", SDR: "par différences successives", other: "personnalisés" }[type]}${mse ? " (mse)" : ""}`,
  inSubgroup: (field, label, note) => `${field} = ${label}${NB}: ${note}`,
  subgroupNoRows: "le sous-groupe n’a aucune ligne",
  subgroupTooSmall: (min) => `un sous-groupe compte moins de ${min} ${min < 2 ? "répondant" : "répondants"}`,
  subgroupNoEstimate: "un sous-groupe n’a pas d’estimation",
  differenceOverflow: `dépassement${NB}: la différence ou sa variance est trop grande pour être représentée${FN}; vérifiez les données (une valeur extrême${NB}?)`,
  noLevelInModel: (field) => `«${FN}${field}${FN}» n’a aucune valeur dans les lignes du modèle`,
  referenceNotInModel: (reference, field) =>
    `la référence «${FN}${reference}${FN}» de «${FN}${field}${FN}» n’a aucune ligne dans le modèle`,
  outcomeNotBinary: (field) =>
    `un modèle logistique demande une variable expliquée valant 0 ou 1${FN}; «${FN}${field}${FN}» a d’autres valeurs`,
  notes: {
    "lonely-psu": (unit, stage, policy) =>
      `${stage === 1 ? `La strate «${FN}${unit}${FN}»` : `La grappe «${FN}${unit}${FN}» (degré ${stage - 1})`} n’a qu’une unité tirée au degré ${stage}${FN}; traitée selon lonely_psu = ${policy}.`,
    "no-stratum-to-average": (stage) =>
      `Aucune strate du degré ${stage} n’a deux unités primaires ou plus sur lesquelles faire la moyenne${FN}; sa contribution est 0.`,
    "zero-denominator-excluded": (rows) => `${rows} ligne(s) de dénominateur nul exclue(s) de la moyenne des rapports.`,
    "no-df": `aucun degré de liberté de plan (df ≤ 0)${NB}: l’intervalle n’est pas borné`,
    "exact-bound": (proportion, n) =>
      `la part vaut exactement ${proportion}${NB}: borne exacte unilatérale (Clopper–Pearson) avec n = ${n}`,
    "zero-variance": `variance de plan nulle${NB}: la part est fixée par le plan de sondage`,
    "quantile-bound-both": (low, high) =>
      `bornes inférieure et supérieure non disponibles${NB}: F(q) − t·se = ${low} est inférieur à 0 et F(q) + t·se = ${high} est supérieur à 1${FN}; l’écart-type, tiré de la largeur de l’intervalle, n’est pas disponible non plus`,
    "quantile-bound-lower": (low, upper) =>
      `borne inférieure non disponible${NB}: F(q) − t·se = ${low} est inférieur à 0 (borne supérieure ${upper})${FN}; l’écart-type, tiré de la largeur de l’intervalle, n’est pas disponible non plus`,
    "quantile-bound-upper": (high, lower) =>
      `borne supérieure non disponible${NB}: F(q) + t·se = ${high} est supérieur à 1 (borne inférieure ${lower})${FN}; l’écart-type, tiré de la largeur de l’intervalle, n’est pas disponible non plus`,
    "empty-domain": "aucune ligne dans le domaine",
    "zero-denominator": `dénominateur nul${NB}: le total pondéré du dénominateur vaut 0`,
    overflow: (variance) =>
      `dépassement${NB}: ${variance ? "sa variance est trop grande" : "l’estimation est trop grande"} pour être représentée${FN}; vérifiez les données (une valeur extrême${NB}?)`,
    "no-quantile-df": "aucun degré de liberté de plan pour l’intervalle d’un quantile",
    "no-model-rows": "aucune ligne n’a toutes les variables du modèle",
    collinear: "les variables explicatives sont colinéaires dans les lignes du modèle (une colonne est combinaison d’autres)",
    "not-converged": (iterations) => `l’ajustement n’a pas convergé en ${iterations} ${iterations < 2 ? "itération" : "itérations"}`,
    separation: `des probabilités ajustées de 0 ou 1 apparaissent${NB}: les variables explicatives séparent la variable expliquée`,
    "no-model-df": (df, coefficients) =>
      `le plan de sondage a ${df} ${df < 2 ? "degré" : "degrés"} de liberté pour ${coefficients} ${coefficients < 2 ? "coefficient" : "coefficients"}`,
    "replicates-dropped": (count) =>
      `${count} réplicat(s) sans ligne du domaine n’ont pas donné d’estimation et sont exclus de la variance.`,
  },
  agreement: {
    "no-pairs": "aucune unité n’a de valeurs de deux codeurs ou plus",
    "no-paired-ratings": "aucun codage apparié",
    "one-category": `une seule modalité${NB}: l’accord attendu vaut 1`,
    "expected-agreement-one": `l’accord attendu vaut 1 (les deux codeurs ont utilisé une seule et même modalité)${NB}: le kappa n’est pas défini`,
    "no-subjects": "aucun sujet",
    "unequal-raters": "les sujets n’ont pas tous le même nombre de codeurs",
    "unequal-coders": (min, max) =>
      `les entretiens ont des nombres de codeurs différents (de ${min} à ${max})${NB}: le kappa de Fleiss demande un nombre constant`,
    "too-few-raters": "moins de deux codeurs par sujet",
    "no-variation": `aucune variation${NB}: toutes les valeurs sont dans la même modalité, le désaccord attendu vaut 0 et le coefficient n’est pas défini`,
    "too-few-values": "moins de deux valeurs appariables (aucune unité codée par deux codeurs ou plus)",
    "no-two-coders": "aucun entretien n’a deux codeurs ou plus",
  },
  decimal: (plain) => plain.replace(".", ","),
  listSeparator: `${FN}; `,
  and: " et ",
  or: " ou ",
  not: (condition) => `non (${condition})`,
  isMissing: (field) => `${field} est manquante`,
  isNotMissing: (field) => `${field} n’est pas manquante`,
  includesAny: (field, values) => `${field} contient au moins l’un de ${values}`,
  includesAll: (field, values) => `${field} contient chacun de ${values}`,
  row: (line) => `ligne ${line}`,
  colon: `${NB}:`,
  weighting: {
    missingMarginField: (field, row) =>
      `la variable ${q(field)} est manquante à la ${row} des données, et les variables d’une marge de pondération ne peuvent pas l’être.`,
    noCount: (category, fields, row) =>
      `la modalité ${q(category)} de ${fields} (${row} des données) n’a pas d’effectif de population${FN}; ajoutez-la à counts.`,
    noRespondent: (category, fields) =>
      `la modalité ${q(category)} de ${fields} a un effectif de population mais aucun répondant, aucun poids ne peut donc l’atteindre${FN}; regroupez-la avec une autre modalité.`,
    missingTotalField: (field, row) =>
      `la variable ${q(field)} est manquante à la ${row} des données, et une variable de calage ne peut pas l’être.`,
    notConverged: (raking, iterations, bounds) =>
      `${raking ? "le calage par raking" : "le calage"} n’a pas convergé en ${iterations} itérations${
        bounds !== null
          ? `, les cibles ne peuvent donc pas être atteintes avec tous les rapports de poids dans les bornes ${bounds}${FN}; élargissez les bornes, augmentez max_iterations ou vérifiez que les cibles peuvent être atteintes ensemble.`
          : `${FN}; augmentez max_iterations, ou vérifiez que les cibles peuvent être atteintes ensemble.`
      }`,
    trimMean: (mean, bounds, sum) =>
      `les poids ont une moyenne de ${mean.replace(".", ",")}, hors des bornes ${bounds}, aucun écrêtage qui garde leur somme (${sum.replace(".", ",")}) ne peut donc les y ramener${FN}; élargissez les bornes.`,
    trimNoneInside: (bounds) =>
      `tous les poids sont hors des bornes ${bounds}, il n’en reste aucun pour absorber l’excédent${FN}; élargissez les bornes.`,
    trimPasses: (bounds, passes) =>
      `l’écrêtage strict laisse encore des poids hors des bornes ${bounds} après ${passes} passes${FN}; élargissez les bornes.`,
    replicateNoWeight: (replicate, category, margin) =>
      `la réplique ${replicate} (colonne de poids répliqués ${replicate}) ne donne aucun poids à la modalité ${q(category)} de la marge ${margin}, elle ne peut donc pas être pondérée à cet effectif (toutes les lignes de la modalité sont dans les unités que la réplique laisse de côté)${FN}; regroupez la modalité avec une autre.`,
    replicateNotConverged: (replicate, iterations) =>
      `le calage de la réplique ${replicate} n’a pas convergé en ${iterations} itérations${FN}; augmentez max_iterations, élargissez les bornes ou vérifiez que ses cibles peuvent être atteintes.`,
  },
  blankCode: "vide",
};
