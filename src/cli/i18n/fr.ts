import type { CliMessages } from "./en.js";

/**
 * French lines of the commands. Typed as `CliMessages`, so a missing or extra key fails to
 * compile. French typography as in the report: a no-break space before ":" and a narrow one
 * before ";", "?", "!" and inside « guillemets ».
 */
const NB = "\u00a0";
const FN = "\u202f";
const colon = `${NB}:`;
const semi = `${FN};`;
const q = (s: string): string => `«${FN}${s}${FN}»`;

export const fr: CliMessages = {
  missing: (file) => `${file} (absent)`,
  differs: (file) => `${file} (différent)`,
  obsoleteRejects: (file) => `${file} (plus aucune ligne rejetée${colon} à supprimer)`,
  leftover: (file) => `${file} (laissé par une écriture interrompue)`,
  stale: (out, problems, command) => `${out} n’est pas à jour${colon} ${problems}. Lancez \`${command}\` et validez le résultat.`,
  upToDate: (out, files) => `${out} est à jour (${files} fichiers).`,
  wroteSet: (file, others) => `${file} écrit, avec ${others} ${others <= 1 ? "autre fichier" : "autres fichiers"}`,
  wrote: (file) => `${file} écrit`,
  schemaMismatch: (codes) => `ne respecte pas son schéma (${codes})`,
  rowsRejected: (rejected, read, tolerated) =>
    `${rejected} ${rejected <= 1 ? "ligne rejetée" : "lignes rejetées"} sur ${read} (tolérance${colon} ${tolerated})`,
  datasetFailed: (path, why) => `${path}${colon} ${why}.`,
  reportMarked: (path, why, rejects) =>
    `${path}${colon} ${why}${semi} le rapport est écrit et signalé comme tel. Voir sa section sur la qualité des données${rejects === null ? "" : ` et ${rejects}`}.`,
  noPublished: "L’étude n’indique aucun chiffre publié à reproduire.",
  notReproduced: (id, published, computed) => `${id}${colon} publié ${published}, calculé ${computed}${colon} non reproduit.`,
  notAvailable: "non disponible",
  decimal: (plain) => plain.replace(".", ",").replace("< ", `<${NB}`),
  percent: (n) => `${n}${NB}%`,
  comparisonMarked: `au moins une vague n’a pas passé la validation${semi} la comparaison est écrite et signalée comme telle. Voir le rapport de chaque vague.`,
  notCompared: (id, flags) => `${id}${colon} non comparé (${flags})`,
  comparedByCategory: (id) => `${id}${colon} comparé par modalité`,
  noDifference: (id) => `${id}${colon} aucune différence disponible`,
  difference: (id, base, next, difference, se, p) => `${id}${colon} ${base} -> ${next}, écart ${difference} (e.-t. ${se}, p ${p})`,
  onlyIn: (id, study) => `${id}${colon} seulement dans ${study}`,
  newWave: (title) => `${title} (nouvelle vague)`,
  matched: (dataset, matched, fields) => `${dataset}${colon} ${matched} variables du schéma sur ${fields} appariées.`,
  byName: (n) => `  ${n} par leur nom (identique en ignorant la casse, les espaces, les tirets et les accents).`,
  bySimilarity: (column, field, score) =>
    `  colonne ${q(column)} -> variable ${field}${colon} par similarité du nom (${score})${semi} rename ajouté.`,
  byValues: (column, field, percent) =>
    `  colonne ${q(column)} -> variable ${field}${colon} par les valeurs (${percent} des valeurs lues sont ses modalités)${semi} rename ajouté.`,
  byRename: (n) => `  ${n} par le rename de l’étude de base (conservé).`,
  byNumbers: (column, field, percent) =>
    `  colonne ${q(column)} -> variable ${field}${colon} par ses nombres (entiers ou non comme dans les données de base, étendues communes à ${percent})${semi} rename ajouté.`,
  raggedRows: (rows, data, delimiter) =>
    `avertissement${colon} ${rows.toLocaleString("fr-FR")} lignes de ${data} ont plus ou moins de cellules que son en-tête (séparateur lu${colon} ${delimiter})${colon} validate les rejettera${semi} vérifiez le séparateur.`,
  inferred: (dataset, fields, rows, key, design, indicators) =>
    `${dataset}${colon} ${fields} variables déduites de ${rows.toLocaleString("fr-FR")} lignes${semi} clé primaire${colon} ${key ?? "aucune"}${semi} plan de sondage${colon} ${design ?? "aucun"}${semi} ${indicators} indicateurs suggérés.`,
  wroteFresh: (study, schema) =>
    `${study} et ${schema} écrits${colon} lisez leurs commentaires, puis lancez \`exclusion-study validate ${study}\`.`,
  fieldWithoutColumn: (field) => `  non appariée${colon} la variable ${field} du schéma n’a pas de colonne.`,
  ambiguousColumn: (column, fields) => `  non appariée${colon} la colonne ${q(column)} convient aussi bien à ${fields}.`,
  columnWithoutField: (column) => `  non appariée${colon} la colonne ${q(column)} ne correspond à aucune variable du schéma.`,
  newAnswers: (field, values) =>
    `  nouvelles réponses${colon} ${field} contient ${values}, absentes des modalités du schéma de base${semi} donnez à la nouvelle vague un schéma qui les liste.`,
  untranslated: (_lang, where) =>
    `avertissement${colon} pas de texte français pour ${where}${semi} le texte anglais est affiché (ajoutez une traduction «${FN}fr${FN}» à ces libellés dans le fichier d’étude).`,
  fileProblem: (file, code) =>
    code === "ENOENT"
      ? `${file}${colon} fichier introuvable.`
      : code === "ENOTDIR"
        ? `${file}${colon} fichier introuvable (une partie du chemin n’est pas un dossier).`
        : code === "EISDIR"
          ? `${file}${colon} c’est un dossier, pas un fichier.`
          : code === "EACCES" || code === "EPERM"
            ? `${file}${colon} permission refusée${semi} le fichier ne peut pas être lu.`
            : `${file}${colon} le fichier ne peut pas être lu (${code}).`,
  outExists: (out, name) => `--out ${out}${colon} ${name} y existe déjà${semi} ajoutez --force pour le remplacer.`,
  badTolerance: (value) =>
    `--max-rejected${colon} attendu un nombre de lignes (comme 10) ou un pourcentage de 0 à 100${NB}% (comme 2,5${NB}%), reçu ${q(value)}`,
  internalError: (message) => `erreur interne${colon} ${message} (relancez avec --debug pour le détail, et signalez-la).`,
};
