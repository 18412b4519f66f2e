import type { ScaffoldComments } from "./en.js";

/** French comments of a new wave's study file. Typed as `ScaffoldComments`: a missing key fails to compile. */
const NB = "\u00a0";
const FN = "\u202f";

export const fr: ScaffoldComments = {
  scaffolded: (base, data) => `Nouvelle vague préparée par \`exclusion-study init\` à partir de ${base} et de ${data}.`,
  inherits: "Elle hérite de tout ce que dit l’étude de base et ne redit que ce que change le nouvel export.",
  checkLines: "Vérifiez les lignes marquées CHECK, puis lancez `exclusion-study validate` sur ce fichier. Voir docs/waves.md.",
  newId: "CHECK: l’identifiant de la nouvelle vague",
  check: "CHECK",
  newAnswers: `CHECK: l’export a des réponses que le schéma de base ne liste pas${FN}; copiez le schéma, ajoutez-les et indiquez-le ici${NB}:`,
  renameHeader: "colonne de l’export : variable du schéma",
  matchedBy: (why) => `appariée par ${why}`,
  byRename: "le rename de l’étude de base",
  byName: "le nom (écrit autrement)",
  bySimilarity: (score) => `un nom proche (${score.replace(".", ",")}), CHECK`,
  byValues: (percent) => `les valeurs (${percent}${NB}% des valeurs échantillonnées sont ses modalités), CHECK`,
  byNumbers: (percent) => `les nombres (entiers ou non comme dans les données de base, plages qui se recouvrent à ${percent}${NB}%), CHECK`,
  noColumn: (field) => `CHECK: aucune colonne pour la variable ${field} du schéma${FN}; ajoutez un rename si l’export la nomme autrement`,
  ambiguous: (column, fields) => `CHECK: la colonne ${column} pourrait être ${fields}${FN}; ajoutez le bon rename`,
  unmatched: (column) => `la colonne ${column} ne correspond à aucune variable du schéma (la validation l’ignorera)`,
  cancelled: (format) =>
    `la lecture du fichier de l’étude de base${FN}; le nouvel export est ${{ csv: "un fichier CSV", xlsx: "un classeur Excel", sav: "un fichier SPSS" }[format]}`,
};
