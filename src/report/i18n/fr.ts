import type { Messages } from "./en.js";
import { french } from "../../vocabulary/french.js";

/**
 * French catalogue. Typed as `Messages`, so a missing or extra key fails to compile. French
 * typography: a no-break space before ":" and a narrow no-break space before ";", "?" and "!",
 * and inside « guillemets ».
 */
const { NB, FN, colon, semi } = french;
/** A count French writes in the singular (0 and 1). */
const singular = (n: string): boolean => n === "0" || n === "1";

export const fr: Messages = {
  syntheticNoticeLead: "Données synthétiques.",
  syntheticNotice: `Les données sont synthétiques${colon} elles ont été générées pour reproduire les chiffres publiés de l’étude et ne décrivent aucune personne réelle. Les chiffres illustrent la méthode, non la population.`,
  syntheticNoticePlain: `Les données sont synthétiques${colon} elles ont été générées pour l’illustration et ne décrivent aucune personne réelle.`,
  notesHeading: "Remarques",
  untranslated: (paths) => `Ces textes de l’étude n’ont pas de version française et sont affichés en anglais${colon} ${paths}.`,

  keyFindings: "Principaux résultats",
  ci: (level) => `IC à ${level}`,
  ciValue: (level, interval) => `IC à ${level}${colon} ${interval}`,
  findingProportion: (value, ci, predicate) => `${value} (${ci}) ${predicate}.`,
  findingProportionUniverse: (universe) => ` Champ${colon} ${universe}.`,
  findingBaseline: (label, value, ci, baseline, baselineLabel) =>
    `${label}${colon} ${value} (${ci}), contre ${baseline} (${baselineLabel}).`,
  findingDistribution: (label, top, value, ci) => `${label}${colon} la réponse la plus fréquente est «${FN}${top}${FN}», ${value} (${ci}).`,
  findingValue: (label, value, ci) => `${label}${colon} ${value} (${ci}).`,
  findingValueWithoutInterval: (label, value, reason) => `${label}${colon} ${value} (pas d’intervalle${colon} ${reason}).`,
  findingNotAvailable: (label, reason) => `${label}${colon} aucune estimation n’est possible (${reason}).`,
  findingPublished: (reproduced, total) =>
    total === 1
      ? `Le chiffre publié ${reproduced === 1 ? "est" : "n’est pas"} reproduit.`
      : reproduced <= 1
        ? `${reproduced} chiffre publié sur ${total} est reproduit.`
        : `${reproduced} chiffres publiés sur ${total} sont reproduits.`,
  findingNotReproduced: (label, published, estimate) =>
    `Non reproduit${colon} ${label} (publié${colon} ${published}${semi} estimé${colon} ${estimate}).`,

  dataAndMethod: "Données et méthode",
  sampleTable: ["Jeu de données", "Lignes retenues", "Plan de sondage", "UPE", "ddl", "Somme des poids"],
  designWeighting: (method) => `${method} sur des effectifs de population`,
  weightingMethods: { "post-stratify": "post-stratifié", rake: "calé par raking", calibrate: "calé" },
  weightingHeading: (dataset) => `Pondération de ${dataset}`,
  weightingSummary: (dataset, method, iterations, control) =>
    `Les poids de ${dataset} ont été ${method === "post-stratifié" ? "post-stratifiés" : method === "calé" ? "calés" : "calés par raking"} sur les effectifs et totaux de population déclarés par l’étude (${iterations} ${iterations === "1" ? "itération" : "itérations"}${control === null ? "" : ` ${control}`}, comme postStratify, rake et calibrate dans survey de R)${semi} les écarts-types utilisent les résidus des scores sur les variables de pondération (svyrecvar de R), et tiennent donc compte de la précision qu’apportent les totaux connus.`,
  weightingControl: (tolerance, maxIterations) => `sur ${maxIterations} au plus, tolérance de convergence ${tolerance}`,
  designTrimmed: "poids écrêtés",
  // French counts 0 and 1 in the singular.
  trimSummary: (dataset, afterWeighting, bounds, lower, upper, passes, strict) =>
    `${afterWeighting ? "Les poids ont ensuite été écrêtés" : `Les poids de ${dataset} ont été écrêtés`} à ${bounds} (trimWeights dans survey de R${strict ? ", strict" : ""}, ${passes} ${passes === "1" ? "passe" : "passes"})${colon} ${[
      lower === null ? null : `${lower} ${singular(lower) ? "poids a été relevé" : "poids ont été relevés"} à la borne inférieure`,
      upper === null
        ? null
        : `${upper} ${lower === null ? (singular(upper) ? "poids a été " : "poids ont été ") : ""}${singular(upper) ? "abaissé" : "abaissés"} à la borne supérieure`,
    ]
      .filter((x) => x !== null)
      .join(
        " et ",
      )}, ce qu’ils ont perdu ou gagné étant réparti à parts égales entre les autres poids, si bien que la somme des poids est conservée${afterWeighting ? `${semi} les marges ne sont donc plus atteintes exactement, et les écarts-types gardent les résidus de la pondération, comme R` : ""}.`,
  trimNone: (dataset, afterWeighting, bounds) =>
    `${afterWeighting ? "Aucun poids" : `Aucun poids de ${dataset}`} n’était hors des bornes d’écrêtage ${bounds} (trimWeights dans survey de R)${colon} aucun n’a été écrêté.`,
  weightsBeforeTrim: "avant écrêtage",
  weightsAfterTrim: "après écrêtage",
  weightsTable: ["Poids", "Minimum", "Maximum", "CV", "Taille d’échantillon effective (Kish)", "Somme"],
  weightsBefore: "avant pondération",
  weightsAfter: "après pondération",
  marginsTable: ["Marge", "Catégorie", "Effectif de population", "Avant pondération", "Atteint"],
  totalRow: "total",
  designStrata: (field, n) => `strates ${field} (${n})`,
  designClusters: (fields) => `grappes ${fields}`,
  designWeights: (field) => `poids ${field}`,
  designFpc: (fields) => `correction pour population finie ${fields}`,
  designReplicates: (method, count, scale, mse) =>
    `${count} poids répliqués ${method} (facteur d’échelle ${scale}${mse ? ", centrés sur l’estimation de l’échantillon entier" : ""})`,
  replicateMethods: {
    JK1: "jackknife JK1",
    JKn: "jackknife JKn",
    BRR: "BRR",
    Fay: "BRR de Fay",
    bootstrap: "bootstrap",
    SDR: "par différences successives",
    other: "personnalisés",
  },
  replicateMethod: (datasets) =>
    `Les erreurs types de ${datasets} viennent des poids répliqués (comme svrepdesign du paquet R survey)${NB}: chaque estimation est recalculée avec les poids de chaque réplique, et sa variance est la somme des carrés des écarts des répliques à leur moyenne, multipliée par le facteur d’échelle${FN}; les degrés de liberté sont le rang des poids répliqués moins un (degf de R), et l’intervalle logit d’une proportion utilise les logits des répliques (comme svyciprop). Les effets de plan n’y sont pas donnés.`,
  designJoin: (parts) => parts.join(`${FN}; `),
  noDesign: "échantillon aléatoire simple (aucun plan de sondage déclaré)",
  notEstimated: (datasets, count, qualitative) =>
    `${count === 1 ? "Table sans plan de sondage, non utilisée" : "Tables sans plan de sondage, non utilisées"} pour les estimations${colon} ${datasets}${qualitative ? `${semi} ${count === 1 ? "elle sert" : "elles servent"} à l’analyse qualitative` : ""}.`,
  datasetRows: (name, rows) => `${name} (${rows} ${singular(rows) ? "ligne" : "lignes"})`,
  lonelyPsu: (dataset, policy) => `Strates à une seule UPE dans ${dataset}${colon} ${policy}.`,
  lonelyPsuPolicies: {
    fail: "non admises (l’analyse s’arrête en nommant la strate)",
    remove: "retirées (elles ne contribuent pas à la variance)",
    certainty: "traitées comme unités certaines",
    adjust: `centrées sur la moyenne générale (comme «${FN}adjust${FN}» dans survey de R)`,
    average: `dotées de la variance moyenne des autres strates (comme «${FN}average${FN}» dans survey de R)`,
  },
  missingPolicy: (policy) => `Valeurs manquantes${colon} ${policy}.`,
  missingPolicies: {
    "exclude-as-domain": `Les valeurs manquantes (vide, ne sait pas, refus et tout autre code déclaré par le schéma) sont exclues de chaque estimation en tant que domaine du plan complet${colon} toutes les grappes restent dans l’estimation de la variance (comme na.rm = TRUE dans survey de R), et chaque estimation indique le nombre de valeurs manquantes, par code.`,
  },
  confidenceLevel: (level) => `Niveau de confiance${colon} ${level}.`,
  intervalMethods: (list) => `Méthodes d’intervalle${colon} ${list}.`,
  intervalMethodUse: (method, count) => `${method} (${count})`,
  deffCaution: (dataset, sumWeights, rows) =>
    `Dans ${dataset}, les effets de plan comparent à un sondage aléatoire simple sans remise dans une population de Σw = ${sumWeights} unités (deff = TRUE de R)${semi} ses poids ne dépassent guère ses ${rows} lignes, comme des poids de non-réponse normalisés, et ces effets de plan surestiment donc la perte de précision${colon} lisez plutôt les intervalles.`,
  reliabilityRule: (marker, maxCv, minN) =>
    `Fiabilité${colon} une estimation dont le coefficient de variation (écart-type rapporté à l’estimation) dépasse ${maxCv}, ou qui repose sur moins de ${minN} ${singular(minN) ? "répondant" : "répondants"}, est marquée ${marker}${colon} elle est à utiliser avec prudence. Pour une part, le coefficient de variation examiné est celui de la plus petite des deux valeurs, la part ou son complément, si bien qu’une part et son complément sont marqués de la même façon.`,
  disclosureRule: (minCell) =>
    `Secret statistique${colon} tout sous-groupe ou toute modalité construits sur moins de ${minCell} ${singular(minCell) ? "répondant" : "répondants"} sont masqués. Le secret secondaire empêche de retrouver une valeur masquée à partir d’un total${colon} les effectifs des sous-groupes s’additionnent en l’effectif de l’indicateur, donc quand un seul effectif est masqué, le plus petit des autres l’est aussi${semi} les parts des modalités s’additionnent à 100${FN}%, donc la plus petite des autres modalités est masquée entièrement.`,
  methodShortNames: {
    logit: "logit",
    beta: "Korn–Graubard",
    wilson: "Wilson",
    "clopper-pearson": "Clopper–Pearson",
    mean: "Wald",
    wald: "Wald",
    t: "t",
    linearised: "linéarisation",
    linearized: "linéarisation",
    woodruff: "Woodruff",
  },
  methodNames: {
    logit: "logit (selon le plan de sondage, comme svyciprop de R)",
    beta: "Korn–Graubard (bêta)",
    wilson: "Wilson",
    "clopper-pearson": "Clopper–Pearson",
    mean: "Wald",
    wald: "Wald",
    t: "t de Student",
    linearised: "linéarisation de Taylor",
    linearized: "linéarisation de Taylor",
    woodruff: "Woodruff (quantiles, à partir de la fonction de répartition estimée selon le plan)",
  },

  dataQuality: "Qualité des données",
  fileTable: ["Propriété", "Valeur"],
  file: "Fichier",
  sha256: "SHA-256",
  encoding: "Encodage",
  delimiter: "Séparateur",
  delimiterNames: { ",": "virgule", ";": "point-virgule", "\t": "tabulation", "|": "barre verticale", "": "aucun (pas un fichier texte)" },
  rows: "Lignes",
  rowsReconciliation: (read, accepted, rejected, ok) =>
    `${read} lues = ${accepted} acceptées + ${rejected} rejetées${ok ? "" : " (le compte ne tombe pas juste)"}`,
  blankRows: "Lignes vides",
  blankRowsSkipped: (n) => `${n} ignorées (toutes les cellules vides)${colon} ce ne sont pas des lignes de données`,
  decimalMarks: "Séparateur décimal",
  decimalMarksDetected: (comma, point) =>
    `${[comma === "" ? "" : `virgule pour ${comma}`, point === "" ? "" : `point pour ${point}`].filter((x) => x !== "").join(`${semi} `)} (non déclaré${colon} déduit des valeurs)`,
  issuesByCode: ["Code d’anomalie", "Erreurs", "Avertissements"],
  noIssues: "Aucune anomalie.",
  firstIssues: (shown, total) => `Les ${shown} premières anomalies sur ${total}${colon}`,
  issuesTable: ["Ligne", "Variable", "Code", "Gravité", "Valeur", "Message"],
  severity: { error: "erreur", warning: "avertissement" },
  issuesOmitted: (n) => `${n} autres anomalies sont comptées ci-dessus mais ne sont pas détaillées dans le résultat.`,

  indicators: "Indicateurs",
  indicatorsTable: (ci) => [
    "Indicateur",
    "Estimation",
    ci,
    "n",
    "Manquants",
    "Effet de plan",
    "ddl",
    "Intervalle",
    "Chiffre publié",
    "Reproduit",
    "Dans l’IC",
  ],
  notAvailable: "n.d.",
  seeDistributions: "voir Répartitions",
  notAvailableWithReason: (reason) => `n.d. (${reason})`,
  quantileIntervalNotAvailable: "la part F ± t·se d’une borne sort de [0, 1], voir les avertissements",
  blankCode: "vide",
  yes: "oui",
  no: "non",
  none: "—",
  warningsHeading: "Avertissements",
  indicatorWarning: (label, warning) => `${label}${colon} ${warning}`,
  htmlTableCaption: (section: string, rank: number, count: number) => (count === 1 ? section : `${section}, tableau ${rank} sur ${count}`),
  chartProportions: "Proportions et intervalles de confiance",

  baselineComparison: "Comparaison avec une valeur de référence",
  baselineTable: (ci) => ["Indicateur", "Estimation", ci, "Référence", "Valeur de référence", "Écart (points)", "t", "ddl", "p"],
  baselineSource: (label, source) => `${label}${colon} ${source}.`,

  distributions: "Répartitions",
  distributionTable: (ci) => ["Modalité", "Estimation", ci, "n"],
  meanChosenLabel: (label) => `${label} (nombre moyen d’options choisies${semi} parts sous Répartitions)`,
  choicesTable: (ci) => ["Option", "Part la choisissant", ci, "n"],
  choicesNote: (mean, ci) =>
    `Plusieurs réponses possibles${colon} chaque part est celle des répondants qui choisissent l’option, et les parts ne totalisent pas 100${FN}%. Nombre moyen d’options choisies${colon} ${mean} (${ci}).`,

  crossTabs: "Tableaux croisés",
  seeCrossTabs: "voir Tableaux croisés",
  crossTabRowShares: (rows, columns, ci) => `Pourcentages en ligne${colon} ${columns} dans chaque modalité de ${rows}, avec leur ${ci}.`,
  crossTabCounts: (ci) => `Effectifs estimés de la population avec leur ${ci}, et répondants (n).`,
  crossTabTotal: "Ensemble",
  crossTabCell: (value, ci) => `${value} (${ci})`,
  crossTabCount: (value, ci, n) => `${value} (${ci})${semi} n = ${n}`,
  crossTabTestF: (stat, ndf, ddf, p) => `F de Rao–Scott = ${stat}, ddl = ${ndf} et ${ddf}, ${p}`,
  crossTabTestChisq: (stat, df, p) => `χ² de Rao–Scott au premier ordre = ${stat}, ddl = ${df}, ${p}`,
  crossTabTest: (f, chisq) => `Test d’indépendance (selon le plan de sondage)${colon} ${f}${semi} ${chisq}.`,
  crossTabTestNotAvailable: (reason) => `Test d’indépendance non disponible${colon} ${reason}.`,
  crossTabNoRespondent: (field, label) =>
    `aucun répondant pour ${field} = «${NB}${label}${NB}»${semi} retirer ou regrouper la modalité pour tester`,
  crossTabTestReasons: {
    "too-few-categories": "le test demande au moins deux modalités pour chaque variable",
    "no-df": "le plan de sondage n’a pas de degrés de liberté pour le test",
    "no-variance": "les parts des cases n’ont pas de variance selon le plan pour le test",
  },
  crossTabDisclosure:
    "Dans les tableaux croisés, dont les totaux de ligne et de colonne sont publiés, les cases et les totaux sous le seuil sont masqués, ainsi que toutes les autres cases nécessaires pour qu’aucun nombre masqué ne puisse être retrouvé à partir des totaux.",
  crossTabMethod: `Tableaux croisés${colon} les parts et les effectifs estimés de la population tiennent compte du plan de sondage (comme svymean, svyby et svytotal du paquet R survey)${semi} le test d’indépendance est le X² de Pearson avec la correction de Rao–Scott au second ordre, un test F (le choix par défaut de svychisq dans R), accompagné du χ² corrigé au premier ordre.`,
  findingCrossTab: (label, test) => `${label}${colon} ${test}.`,
  findingCrossTabNoTest: (label) => `${label}${colon} voir le tableau croisé${semi} pas de test d’indépendance.`,
  regressions: "Modèles de régression",
  seeRegressions: "voir Modèles de régression",
  regressionFamilies: { gaussian: "Modèle linéaire", binomial: "Modèle logistique" },
  regressionModel: (family, formula, n, df) => `${family} \`${formula}\`${semi} n = ${n}, ddl = ${df}.`,
  regressionReferences: (levels) => `Modalités de référence${colon} ${levels}.`,
  regressionTable: (ci) => ["Terme", "Coefficient", "Erreur type", "t", "p", ci],
  regressionOddsRatio: (ci) => `Rapport de cotes (${ci})`,
  regressionIntercept: "Constante",
  regressionNotAvailable: (reason) => `Modèle non disponible${colon} ${reason}.`,
  regressionMethod: `Modèles de régression${colon} coefficients par moindres carrés itérativement repondérés avec les poids de sondage (glm de R), erreurs types par l’estimateur sandwich selon le plan de sondage (comme svyglm du paquet R survey), tests t et intervalles sur les degrés de liberté du plan diminués du nombre de coefficients plus un${semi} la dispersion d’un modèle logistique n’est pas fixée (quasibinomial) et ses coefficients sont aussi donnés en rapports de cotes.`,
  findingRegression: (label, family, n) =>
    `${label}${colon} ${family.toLowerCase()} sur ${n}${NB}répondants${semi} voir Modèles de régression.`,
  chartCrossTabTitle: (label) => `${label}${colon} pourcentages en ligne`,
  chartCrossTabItem: (row, shares) => `${row}${colon} ${shares}`,

  subgroups: "Sous-groupes",
  subgroupTable: (field, ci) => [field, "Estimation", ci, "n", "Effet de plan"],
  subgroupHeader: "Sous-groupe",
  subgroupGroupRow: (title) => `**${title}**`,
  distributionSubgroupTable: (grouping, categories) => [grouping, ...categories, "n"],
  distributionSubgroupNote: (ci) =>
    `Chaque case${colon} la part de la modalité parmi les répondants du sous-groupe, avec son ${ci} entre parenthèses${semi} les parts d’une ligne font 100${FN}%. Chaque sous-groupe est un domaine du plan complet.`,
  contrastTable: (ci) => ["Contraste", "Écart", ci, "t", "ddl", "p"],
  contrastLabel: (field, a, b) => `${field}${colon} ${a} − ${b}`,
  contrastNote:
    "Les contrastes sont des écarts entre deux sous-groupes du plan complet, tenant compte de la covariance des deux estimations (test t fondé sur le plan, degrés de liberté du plan).",
  lowReliability: (marker, maxCv, minN) =>
    `${marker} À utiliser avec prudence${colon} coefficient de variation supérieur à ${maxCv} (pour une part, celui de la plus petite de la part et de son complément) ou moins de ${minN} ${singular(minN) ? "répondant" : "répondants"}.`,
  suppressedPrimary: (marker, minCell) =>
    `${marker} Masqué (secret primaire)${colon} moins de ${minCell} ${singular(minCell) ? "répondant" : "répondants"} dans la case.`,
  suppressedSecondary: (marker) =>
    `${marker} Masqué (secret secondaire)${colon} pour qu’une valeur soumise au secret primaire ne puisse pas se déduire du total.`,
  suppressedLabel: "masqué",

  qualitative: "Entretiens qualitatifs",
  qualitativeInvalid: (reason) => `Les résultats qualitatifs n’ont pas pu être lus (${reason})${semi} ils sont omis.`,
  codeHeader: "Code",
  codeShares: "Codes par groupe",
  units: (interviews, groups, coded, coder, doubleCoded) =>
    `${interviews} entretiens (${groups})${semi} ${coded} codés par le codeur principal (${coder}), dénominateur de toutes les parts ci-dessous${semi} ${doubleCoded} codés par au moins deux codeurs, unités des statistiques d’accord.`,
  primaryCoderFirst: "le premier codeur indiqué pour chaque entretien",
  primaryCoderNamed: (coder) => `codeur ${coder}`,
  parentsLeftOut: (codes) =>
    `Les codes parents jamais appliqués directement (${codes}) sont omis des tableaux par code ci-dessous${colon} leurs totaux figurent dans le tableau des thèmes.`,
  missingGroup: "non renseigné",
  groupCount: (group, n) => `${group}${colon} ${n}`,
  codeSharesTable: (groups) => ["Code", "Libellé", "Parent", "Ensemble (n/N)", ...groups],
  shareWithCount: (share, n, of) => `${share} (${n}/${of})`,
  agreement: "Accord entre codeurs",
  agreementIntro: "Présence ou absence de chaque code dans les entretiens codés par au moins deux codeurs.",
  agreementTable: (level, marks) => [
    "Code",
    "Unités",
    "Accord",
    `κ de Cohen (IC à ${level})${marks.cohen_kappa === "" ? "" : `, niveau ${marks.cohen_kappa}`}`,
    `α de Krippendorff${marks.krippendorff_alpha === "" ? "" : `, niveau ${marks.krippendorff_alpha}`}`,
    `κ de Fleiss${marks.fleiss_kappa === "" ? "" : `, niveau ${marks.fleiss_kappa}`}`,
  ],
  notAvailableNote: (n) => `n.d. (note ${n})`,
  reasonNote: (n, reason) => `Note ${n}${colon} ${reason}.`,
  bandNames: {
    poor: "désaccord",
    slight: "très faible",
    fair: "faible",
    moderate: "modéré",
    substantial: "fort",
    almost_perfect: "presque parfait",
    reliable: "fiable",
    tentative: "provisoire",
    unreliable: "non fiable",
  },
  bandSource: (marker, source) => `${marker} Niveaux${colon} ${source}`,
  cooccurrence: "Cooccurrence des codes (entretiens)",
  cooccurrenceIntro: `Entretiens où le codeur principal a appliqué les deux codes${semi} la diagonale compte chaque code seul.`,
  parents: "Thèmes (codes parents)",
  parentsTable: (groups) => ["Thème", "Libellé", "Codes", "Ensemble (n/N)", ...groups],
  crosstab: (attribute) => `Codes par ${attribute} (entretiens)`,
  total: "Total",
  quotes: "Citations",
  quoteHeading: (label, code) => `${label} (${code})`,
  quoted: (excerpt) => `«${FN}${excerpt}${FN}»`,
  acceptanceLead: `Attention${colon} les données n’ont pas passé la validation.`,
  acceptanceDataset: (name, rejected, read) =>
    `${name} (${rejected} ${singular(rejected) ? "ligne rejetée" : "lignes rejetées"} sur ${read})`,
  acceptanceFileErrors: (name, codes) =>
    `${name} ne correspond pas à son schéma (${codes})${colon} quelle que soit la tolérance de lignes rejetées, il faut corriger le fichier ou le schéma${semi} les estimations qui ont besoin des colonnes concernées ne sont pas disponibles. Voir la section Qualité des données.`,
  acceptanceWarning: (datasets, tolerance, files) =>
    `Le nombre de lignes rejetées dépasse la tolérance (au plus ${tolerance} par jeu de données) pour${colon} ${datasets}. Les estimations ci-dessous n’utilisent que les lignes acceptées. Voir la section Qualité des données${files.length > 0 ? ` et ${files.join(", ")}` : ""}.`,

  appendix: "Annexe",
  codebook: "Dictionnaire des indicateurs",
  codebookTable: ["Indicateur", "Libellé", "Type", "Jeu de données", "Définition", "Champ"],
  variables: "Variables",
  variablesTable: ["Jeu de données", "Variable", "Intitulé", "Type", "Modalités", "Codes de valeur manquante"],
  asAbove: "voir ci-dessus",
  commonMissing: (codes) => `Codes de valeur manquante, sauf mention contraire dans la ligne${colon} ${codes}.`,
  derivedTitle: (title, definition) => `${title} (variable dérivée${colon} ${definition})`,
  derivedMissing: "ceux de ses variables d'origine",
  valueLabel: (value, label) => `${value} = ${label}`,
  typeNames: { string: "texte", integer: "entier", number: "nombre", boolean: "oui/non", date: "date" },
  kindNames: {
    proportion: "proportion",
    distribution: "répartition",
    mean: "moyenne",
    total: "total",
    ratio: "ratio",
    mean_of_ratios: "moyenne de ratios",
    quantile: "quantile",
    count: "effectif",
    multi_select: "choix multiple",
    crosstab: "tableau croisé",
    regression: "régression",
  },
  provenance: "Provenance",
  tool: (name, version) => `Outil${colon} ${name} ${version}.`,
  generated: (date) => `Date de génération${colon} ${date}.`,
  study: (id) => `Étude${colon} ${id}.`,
  hashesTable: ["Jeu de données", "Fichier", "SHA-256"],
  rerun: `Pour régénérer ce rapport${colon}`,

  chartBaselineTitle: (label) => `${label} face à la référence`,
  chartSubgroupTitle: (label, field) => `${label}, par ${field}`,
  chartDistributionTitle: (label) => label,
  chartAlt: (title) => `Graphique${colon} ${title}`,
  chartReference: (label, value) => `${label}${colon} ${value}`,
  chartBaselineDesc: (label, value, ci, baselineLabel, baseline) =>
    `${label}${colon} ${value} (${ci})${semi} ${baselineLabel}${colon} ${baseline}.`,
  chartItem: (label, value, ci, n) => `${label}${colon} ${value} (${ci}, n = ${n})`,

  terminalHeader: ["Indicateur", "Estimation", "IC", "n", "Reproduit"],
  reproductionHeader: ["Chiffre", "Publié", "Calculé", "IC", "Reproduit", "Dans l’IC"],
  reproducedCount: (reproduced, total) =>
    reproduced <= 1 ? `${reproduced} chiffre publié sur ${total} reproduit` : `${reproduced} chiffres publiés sur ${total} reproduits`,
  issuesHeader: ["ligne", "variable", "anomalie", "message"],
  datasetLine: (status, name, path, read, accepted, rejected, blank, counts, dialect) =>
    `${status} ${name} (${path})${colon} ${read} ${singular(read) ? "ligne lue" : "lignes lues"} = ${accepted} ${singular(accepted) ? "retenue" : "retenues"} + ${rejected} ${singular(rejected) ? "rejetée" : "rejetées"}${blank}${semi} ${counts} [${dialect}]`,
  blankSkipped: (count, n) => ` (${count} ${n <= 1 ? "ligne vide ignorée" : "lignes vides ignorées"})`,
  issueCounts: (errors, warnings) =>
    `${errors.toLocaleString("fr-FR")} ${errors <= 1 ? "erreur" : "erreurs"}, ${warnings.toLocaleString("fr-FR")} ${warnings <= 1 ? "avertissement" : "avertissements"}`,
  sheetIs: (name) => `feuille ${name}`,
  delimiterIs: (d) => `séparateur ${d}`,
  decimalCommaDetected: (fields) => `virgule décimale détectée${colon} ${fields}`,
  moreIssues: (count) => `… et ${count} de plus (voir --json ou la section sur la qualité des données du rapport)`,
};
