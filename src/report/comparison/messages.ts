/**
 * Words of the comparison report, in English and French. Like the study report's catalogue,
 * every function receives values already formatted and escaped.
 */
const comparisonEn = {
  title: (base: string, next: string) => `Comparison of two waves: ${base} and ${next}`,
  syntheticNotice:
    "**Synthetic data.** At least one of the two waves is synthetic: the differences illustrate the method and describe no real change.",
  intro: (base: string, baseDate: string, next: string, nextDate: string) =>
    `Base wave: ${base} (report dated ${baseDate}). New wave: ${next} (report dated ${nextDate}). Every difference is new − base.`,
  notAcceptable:
    "**Warning.** At least one wave did not pass validation within its tolerated rejects: see each wave’s own report before using these differences.",
  differences: "Differences",
  differencesTable: (base: string, next: string, ci: string) => ["Indicator", base, "n", next, "n", "Difference", ci, "p"],
  noDifferences: "No indicator could be compared.",
  pointsNote: (ci: string) => `Differences of percentages are in percentage points (pts). Each wave’s estimate is followed by its ${ci}.`,
  chartAlt: "Estimates of both waves with their confidence intervals",
  chartTitle: (level: string) => `Shares in both waves, with ${level} confidence intervals`,
  chartDesc: (rows: string) => `Base and new estimate of each compared share: ${rows}.`,
  chartRow: (label: string, base: string, next: string) => `${label}: ${base} then ${next}`,
  points: "pts",
  distributions: "Distributions",
  distributionTable: (base: string, next: string, ci: string) => ["Category", base, next, "Difference", ci, "p"],
  categoryAdded: "new category",
  categoryRemoved: "category removed",
  notInWave: "not an answer",
  notComparedDistribution: (why: string) => `Not compared: ${why}.`,
  notCompared: "Not compared: the definition changed",
  notComparedIntro:
    "These indicators are defined differently in the two waves, so their estimates measure different things; both are shown in each wave’s report, and no difference is computed.",
  harmonised: "Harmonised answers",
  harmonisedIntro: (next: string, base: string) =>
    `In ${next}, each answer before an arrow was counted as the ${base} answer after it, before any estimate was made (the new study’s harmonise key), so that both waves have the same answer categories:`,
  harmonisedItem: (field: string, from: string, to: string) => `${field}: ${from} → ${to}`,
  onlyOne: "Indicators in one wave only",
  onlyInBase: (base: string, list: string) => `Only in ${base}: ${list}.`,
  onlyInNew: (next: string, list: string) => `Only in ${next}: ${list}.`,
  flag: {
    kind: (b: string, n: string) => `kind ${b} → ${n}`,
    dataset: (b: string, n: string) => `dataset ${b} → ${n}`,
    universe: (b: string, n: string) => `universe ${b} → ${n}`,
    when: (b: string, n: string) => `condition “${b}” → “${n}”`,
    field: (b: string, n: string) => `field ${b} → ${n}`,
    numerator: (b: string, n: string) => `numerator ${b} → ${n}`,
    denominator: (b: string, n: string) => `denominator ${b} → ${n}`,
    probs: (b: string, n: string) => `probabilities ${b} → ${n}`,
    categories: (field: string, added: string, removed: string) =>
      `the answer categories of ${field} changed (${[added && `added: ${added}`, removed && `removed: ${removed}`].filter(Boolean).join("; ")})`,
    not_available: () => "no estimate or standard error in one of the waves",
  },
  allRows: "every row",
  notStated: "not stated",
  method: "Method",
  methodText: (level: string) =>
    `The two waves are independent samples, so the standard error of a difference is the square root of the sum of the two squared standard errors. Its ${level} interval and two-sided p value (against no change) use Student’s t with the smaller of the two waves’ design degrees of freedom (the standard normal when a wave has none). Each wave’s estimate and interval are those of its own report.`,
  methodDefinition:
    "Indicators are matched by id. An indicator is compared only if its kind, dataset, universe, condition, field, numerator, denominator and quantile probabilities are the same in both study files, and if no field it reads gained or lost an answer category (a new answer draws people from the others, so even an unchanged category’s share moves).",
  methodMultiple: "Many differences are tested at once: about one in twenty would fall below p = 0.05 by chance alone.",
  rerun: "Run this command from the same folder to rewrite this comparison:",
};

export type ComparisonMessages = typeof comparisonEn;

const comparisonFr: ComparisonMessages = {
  title: (base, next) => `Comparaison de deux vagues : ${base} et ${next}`,
  syntheticNotice:
    "**Données synthétiques.** Au moins une des deux vagues est synthétique : les différences illustrent la méthode et ne décrivent aucune évolution réelle.",
  intro: (base, baseDate, next, nextDate) =>
    `Vague de référence : ${base} (rapport du ${baseDate}). Nouvelle vague : ${next} (rapport du ${nextDate}). Chaque différence est nouvelle − référence.`,
  notAcceptable:
    "**Attention.** Au moins une vague n’a pas passé la validation dans la limite des rejets tolérés : voir le rapport de chaque vague avant d’utiliser ces différences.",
  differences: "Différences",
  differencesTable: (base, next, ci) => ["Indicateur", base, "n", next, "n", "Différence", ci, "p"],
  noDifferences: "Aucun indicateur n’a pu être comparé.",
  pointsNote: (ci) =>
    `Les différences de pourcentages sont en points de pourcentage (pts). L’estimation de chaque vague est suivie de son ${ci}.`,
  chartAlt: "Estimations des deux vagues avec leurs intervalles de confiance",
  chartTitle: (level) => `Parts dans les deux vagues, avec intervalles de confiance à ${level}`,
  chartDesc: (rows) => `Estimation de référence puis nouvelle de chaque part comparée : ${rows}.`,
  chartRow: (label, base, next) => `${label} : ${base} puis ${next}`,
  points: "pts",
  distributions: "Répartitions",
  distributionTable: (base, next, ci) => ["Modalité", base, next, "Différence", ci, "p"],
  categoryAdded: "nouvelle modalité",
  categoryRemoved: "modalité supprimée",
  notInWave: "pas une réponse possible",
  notComparedDistribution: (why) => `Non comparée : ${why}.`,
  notCompared: "Non comparés : la définition a changé",
  notComparedIntro:
    "Ces indicateurs sont définis différemment dans les deux vagues : leurs estimations ne mesurent pas la même chose. Chacune figure dans le rapport de sa vague, et aucune différence n’est calculée.",
  harmonised: "Réponses harmonisées",
  harmonisedIntro: (next, base) =>
    `Dans ${next}, chaque réponse avant une flèche a été comptée comme la réponse de ${base} qui la suit, avant toute estimation (clé harmonise de la nouvelle étude), pour que les deux vagues aient les mêmes modalités de réponse :`,
  harmonisedItem: (field, from, to) => `${field} : ${from} → ${to}`,
  onlyOne: "Indicateurs d’une seule vague",
  onlyInBase: (base, list) => `Seulement dans ${base} : ${list}.`,
  onlyInNew: (next, list) => `Seulement dans ${next} : ${list}.`,
  flag: {
    kind: (b, n) => `type ${b} → ${n}`,
    dataset: (b, n) => `jeu de données ${b} → ${n}`,
    universe: (b, n) => `champ ${b} → ${n}`,
    when: (b, n) => `condition « ${b} » → « ${n} »`,
    field: (b, n) => `variable ${b} → ${n}`,
    numerator: (b, n) => `numérateur ${b} → ${n}`,
    denominator: (b, n) => `dénominateur ${b} → ${n}`,
    probs: (b, n) => `probabilités ${b} → ${n}`,
    categories: (field, added, removed) =>
      `les modalités de ${field} ont changé (${[added && `ajoutées : ${added}`, removed && `supprimées : ${removed}`].filter(Boolean).join(" ; ")})`,
    not_available: () => "pas d’estimation ou d’erreur type dans une des vagues",
  },
  allRows: "toutes les lignes",
  notStated: "non précisé",
  method: "Méthode",
  methodText: (level) =>
    `Les deux vagues sont des échantillons indépendants : l’erreur type d’une différence est la racine carrée de la somme des carrés des deux erreurs types. Son intervalle à ${level} et sa p-valeur bilatérale (contre l’absence de changement) utilisent la loi de Student au plus petit des nombres de degrés de liberté des deux plans de sondage (la loi normale quand une vague n’en a pas). L’estimation et l’intervalle de chaque vague sont ceux de son propre rapport.`,
  methodDefinition:
    "Les indicateurs sont appariés par identifiant. Un indicateur n’est comparé que si son type, son jeu de données, son champ, sa condition, sa variable, son numérateur, son dénominateur et ses probabilités de quantile sont les mêmes dans les deux fichiers d’étude, et si aucune variable qu’il lit n’a gagné ni perdu de modalité (une nouvelle réponse attire des personnes des autres : même la part d’une modalité inchangée bouge).",
  methodMultiple: "De nombreuses différences sont testées à la fois : environ une sur vingt passerait sous p = 0,05 par le seul hasard.",
  rerun: "Lancer cette commande depuis le même dossier réécrit cette comparaison :",
};

export const comparisonMessages = (lang: "en" | "fr"): ComparisonMessages => (lang === "fr" ? comparisonFr : comparisonEn);
