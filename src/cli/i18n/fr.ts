import type { DesignReason } from "../../estimate/index.js";
import type { LevelLimit } from "../../pipeline/index.js";
import type { OutputError } from "../../output/index.js";
import type { FormReason } from "../../xlsform/index.js";
import type { CliMessages } from "./en.js";
import { french } from "../../vocabulary/french.js";

/**
 * French lines of the commands. Typed as `CliMessages`, so a missing or extra key fails to
 * compile. French typography as in the report: a no-break space before ":" and a narrow one
 * before ";", "?", "!" and inside « guillemets ».
 */
const { NB, FN, colon, semi, q } = french;

/** A number as the design's sentence prints it (all its digits), with a decimal comma. */
const num = (x: number): string => String(x).replace(".", ",");

/** A design the data contradict, by its code. */
function frenchDesign(reason: DesignReason): string {
  switch (reason.code) {
    case "missing-design-value":
      return `la variable ${q(reason.field)} est manquante à la ${reason.row}${semi} les variables du plan de sondage ne peuvent pas l’être.`;
    case "one-psu":
      return "le plan n’a qu’une seule unité primaire de sondage, aucune variance ne peut donc être estimée.";
    case "lonely-psu":
      return `${reason.stage === 1 ? `la strate ${q(reason.unit)}` : `la grappe ${q(reason.unit)} (degré ${reason.stage - 1})`} n’a qu’une unité tirée au degré ${reason.stage}, sa variance n’est donc pas définie${semi} donnez à lonely_psu la valeur remove, certainty, adjust ou average.`;
    case "not-nested":
      return `la grappe ${q(reason.cluster)} figure dans les strates ${q(reason.first)} et ${q(reason.second)}${colon} les grappes doivent être emboîtées dans les strates (indiquez nest: true si des identifiants de grappe se répètent d’une strate à l’autre).`;
    case "bad-weight":
      return `la variable ${q(reason.field)} doit être positive et finie, elle vaut ${num(reason.value)} à la ${reason.row}.`;
    case "tiny-weight":
      return `la variable ${q(reason.field)} doit valoir au moins 2,2e-308 (un poids plus petit perd en précision), elle vaut ${num(reason.value)} à la ${reason.row}.`;
    case "weights-overflow":
      return `les poids de la variable ${q(reason.field)} ont une somme qui dépasse le plus grand nombre représentable (environ 1,8e308)${semi} changez l’échelle des poids.`;
    case "weights-needed":
      return `des poids sont nécessaires quand ${q("fpc")} n’est pas donné pour chaque degré.`;
    case "infinite-fpc":
      return `les poids ne peuvent pas être déduits d’un ${q("fpc")} infini${semi} donnez des poids.`;
    case "fpc-not-positive":
      return `la variable ${q("fpc")} du degré ${reason.stage} est manquante ou non positive à la ${reason.row}.`;
    case "fpc-mixed":
      return `la variable ${q("fpc")} mêle des tailles de population (>${NB}1) et des taux de sondage (<${NB}1)${semi} n’utilisez qu’une des deux formes.`;
    case "fpc-stages":
      return `${q("fpc")} a ${reason.given} degrés mais le plan n’en a que ${reason.stages}.`;
    case "fpc-varies":
      return `la variable ${q("fpc")} varie dans la strate ${q(reason.stratum)} au degré ${reason.stage} (${num(reason.first)} et ${num(reason.second)})${semi} elle doit être constante dans une strate.`;
    case "fpc-too-small":
      return `la variable ${q("fpc")} donne ${num(reason.population)} ${reason.population < 2 ? "unité" : "unités"} de population dans la strate ${q(reason.stratum)} au degré ${reason.stage}, moins que les ${reason.sampled} unités tirées.`;
    case "no-rows":
      return `le plan a besoin d’au moins une ligne (n = ${num(reason.n)}).`;
    case "unknown-lonely-psu":
      return `valeur inconnue ${q(reason.value)} pour lonely_psu${semi} utilisez l’une de ${reason.options.join(", ")}.`;
    case "length":
      return `la variable ${q(reason.field)} a ${reason.values} ${reason.values < 2 ? "valeur" : "valeurs"} mais les données ont ${reason.rows} ${reason.rows < 2 ? "ligne" : "lignes"}.`;
    case "too-few-replicates":
      return `un plan à poids répliqués a besoin d’au moins deux colonnes de poids répliqués${semi} ${reason.found === 0 ? "aucune n’a été trouvée" : "une seule a été trouvée"}.`;
    case "rscales-length":
      return `${q("rscales")} a ${reason.given} ${reason.given < 2 ? "valeur" : "valeurs"} mais il y a ${reason.columns} colonnes de poids répliqués${semi} donnez-en une par colonne (ou une pour toutes).`;
    case "scale-fixed":
      return `le type ${reason.type} fixe l’échelle et les rscales (scale ${reason.scale})${semi} retirez ${q("scale")} et ${q("rscales")}.`;
    case "fay-needs-rho":
      return `le type Fay a besoin de ${q("rho")}, le coefficient de Fay (entre 0 et 1).`;
    case "jkn-needs-rscales":
      return `le type JKn à poids combinés a besoin de ${q("rscales")}, (n_h − 1)/n_h pour la strate de chaque réplique.`;
    case "other-needs-scale":
      return `le type other a besoin de ${q("scale")} (et de ${q("rscales")}, sauf s’ils valent tous 1).`;
  }
}

const fmt = (n: number): string => n.toLocaleString("fr-FR");
/** Bytes in megabytes (10^6), to a tenth, with a decimal comma. */
const megabytes = (bytes: number): string => (bytes / 1e6).toFixed(1).replace(".", ",");

/** Why an output step failed, by its code (`OutputError`'s), as `en.ts`'s; each step after "impossible". */
const OUTPUT_REASONS: Record<string, string> = {
  EACCES: "permission refusée",
  EPERM: "permission refusée",
  EROFS: "le système de fichiers est en lecture seule",
  ENOSPC: "il n’y a plus de place sur le disque",
  EDQUOT: "le quota de disque est dépassé",
  EISDIR: "c’est un dossier, là où il faut un fichier",
  ENOTDIR: "une partie du chemin est un fichier, là où il faut un dossier",
  "not-a-folder": "c’est un fichier, là où il faut un dossier",
  EEXIST: "autre chose s’y trouve déjà",
  ENAMETOOLONG: "le nom est trop long",
  ELOOP: "trop de liens symboliques",
  EMFILE: "trop de fichiers sont ouverts",
  ENFILE: "trop de fichiers sont ouverts",
  EIO: "le périphérique a signalé une erreur d’entrée-sortie",
  ENOENT: "un dossier du chemin n’existe pas",
  EBUSY: "il est occupé",
  "cut-short": `il est tronqué${semi} supprimez ce dossier et relancez`,
};

const OUTPUT_ACTIONS: Record<OutputError["action"], string> = {
  "create the folder": "de créer le dossier",
  write: "d’écrire",
  remove: "de supprimer",
  read: "de lire",
};

/** A field with too many levels for its use, by its code, after the study file's line. */
function frenchLevelLimit(limit: LevelLimit): string {
  switch (limit.code) {
    case "levels": {
      const what = limit.use === "subgroup" ? "sous-groupes" : "modalités de répartition";
      const instead =
        limit.use === "numeric"
          ? "pour une variable numérique, estimez ses quantiles (kind: quantile) ou découpez-la en tranches (derive: bins)"
          : "regroupez ses valeurs en moins de modalités";
      return `${limit.where}${colon} indicateur ${q(limit.indicator)}${colon} la variable ${q(limit.field)} a ${fmt(limit.levels)} valeurs distinctes, plus que les ${fmt(limit.limit)} ${what} admis${semi} ${instead}.`;
    }
    case "combinations":
      return `${limit.where}${colon} indicateur ${q(limit.indicator)}${colon} les variables croisées ${limit.fields.map(q).join(" × ")} ont ${fmt(limit.combinations)} combinaisons de modalités, plus que les ${fmt(limit.limit)} sous-groupes admis${semi} croisez moins de variables ou regroupez leurs valeurs en moins de modalités.`;
    case "cells":
      return `${limit.where}${colon} indicateur ${q(limit.indicator)}${colon} le tableau croisé de ${q(limit.rows)} (${fmt(limit.nRows)} modalités) par ${q(limit.columns)} (${fmt(limit.nCols)}) a ${fmt(limit.nRows * limit.nCols)} cellules, plus que les ${fmt(limit.limit)} admises${semi} regroupez les modalités.`;
  }
}

/** A form that cannot be read or used, by its code. */
function frenchForm(r: FormReason): string {
  const survey = (row: number): string => `${r.file}, feuille survey, ligne ${row}${colon}`;
  const choices = (row: number): string => `${r.file}, feuille choices, ligne ${row}${colon}`;
  switch (r.code) {
    case "not-file":
      return `${r.file}${colon} ce n’est pas un fichier${semi} donnez le XLSForm (.xlsx) de l’enquête.`;
    case "too-large":
      return `${r.file}${colon} ${fmt(r.bytes)} octets, c’est trop pour un XLSForm.`;
    case "no-file":
      return `${r.file}${colon} fichier introuvable.`;
    case "unreadable":
      return `${r.file}${colon} ce n’est pas un classeur .xlsx lisible${semi} un XLSForm s’enregistre en .xlsx.`;
    case "no-survey":
      return `${r.file}${colon} pas de feuille ${q("survey")}${semi} un XLSForm a les feuilles survey, choices et settings.`;
    case "no-column":
      return `${r.file}, feuille survey${colon} pas de colonne ${q(r.column)} dans sa première ligne.`;
    case "choice-unnamed":
      return `${choices(r.row)} un choix a besoin d’un list_name et d’un name.`;
    case "choice-twice":
      return `${choices(r.row)} le choix ${q(r.value)} figure deux fois dans ${r.list}.`;
    case "question-unnamed":
      return `${survey(r.row)} une question de type ${r.type} a besoin d’un name.`;
    case "unknown-list":
      return `${survey(r.row)} ${r.name} utilise la liste de choix ${q(r.list)}, absente de la feuille choices.`;
    case "name-twice":
      return `${survey(r.row)} le nom ${r.name} est utilisé deux fois.`;
  }
}

/** commander's headings in --help, by their English text. */
const FRENCH_HEADINGS: Record<string, string> = {
  "Usage:": `Utilisation${colon}`,
  "Options:": `Options${colon}`,
  "Arguments:": `Arguments${colon}`,
  "Commands:": `Commandes${colon}`,
  "Global Options:": `Options globales${colon}`,
};

/** commander's refusals, which it words in English, reworded by their fixed shapes. */
function frenchCommander(line: string): string {
  const rules: [RegExp, (...m: string[]) => string][] = [
    [/^error: missing required argument '(.+)'$/, (a) => `erreur${colon} argument obligatoire manquant ${q(a)}`],
    [/^error: unknown option '(.+)'$/, (o) => `erreur${colon} option inconnue ${q(o)}`],
    [/^\(Did you mean (?:one of )?(.+)\?\)$/, (o) => `(Vouliez-vous dire ${o}${FN}?)`],
    [/^error: unknown command '(.+)'$/, (c) => `erreur${colon} commande inconnue ${q(c)}`],
    [/^error: option '(.+)' argument missing$/, (o) => `erreur${colon} l’option ${q(o)} attend une valeur`],
    [
      /^error: option '(.+)' argument '(.*)' is invalid\. Allowed choices are (.+)\.$/,
      (o, v, c) => `erreur${colon} la valeur ${q(v)} de l’option ${q(o)} n’est pas admise. Valeurs admises${colon} ${c}.`,
    ],
    [
      /^error: too many arguments(?: for '(.+)')?\. Expected (\d+) arguments? but got (\d+)\.$/,
      (c, e, g) =>
        `erreur${colon} trop d’arguments${c ? ` pour ${q(c)}` : ""} (${e} ${Number(e) > 1 ? "attendus" : "attendu"}, ${g} reçus).`,
    ],
    [/^\(run with --help for usage\)$/, () => "(lancez avec --help pour l’aide)"],
  ];
  for (const [pattern, word] of rules) {
    const m = pattern.exec(line);
    if (m) return word(...m.slice(1).map((x) => x ?? ""));
  }
  return line;
}

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
    `${fmt(rejected)} ${rejected <= 1 ? "ligne rejetée" : "lignes rejetées"} sur ${fmt(read)} (tolérance${colon} ${tolerated})`,
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
  fileProblem: (file, code, what) =>
    code === "ENOENT"
      ? `${file}${colon} fichier introuvable.`
      : code === "ENOTDIR"
        ? `${file}${colon} fichier introuvable (une partie du chemin n’est pas un dossier).`
        : code === "EISDIR"
          ? `${file}${colon} c’est un dossier, pas un fichier ${what === "data" ? "CSV" : "d’étude"}.`
          : code === "EACCES" || code === "EPERM"
            ? `${file}${colon} permission refusée${semi} le fichier ne peut pas être lu.`
            : `${file}${colon} le fichier ne peut pas être lu (${code}).`,
  outExists: (out, name) => `--out ${out}${colon} ${name} y existe déjà${semi} ajoutez --force pour le remplacer.`,
  badTolerance: (value) =>
    `--max-rejected${colon} attendu un nombre de lignes (comme 10) ou un pourcentage de 0 à 100${NB}% (comme 2,5${NB}%), reçu ${q(value)}`,
  usingLocal: (file) => `${file} du dossier de travail est utilisé`,
  bundledStudy: (file) => `l’étude fournie (${file})`,
  dataPair: (pair) => `--data ${pair}${colon} attendu NOM=CHEMIN, par exemple --data questionnaire=vague2015.csv.`,
  positiveInteger: (flag, value) => `${flag} ${value}${colon} attendu un nombre entier positif.`,
  wholeNumber: (flag, value) => `${flag} ${value}${colon} attendu un nombre entier.`,
  sourceDateEpoch: (value, max) =>
    `SOURCE_DATE_EPOCH=${value}${colon} attendu un nombre entier de secondes depuis 1970, de 0 à ${max} (31/12/9999)${semi} retirez-la pour prendre la date de l’étude.`,
  unknownDataset: (option, name, declared) =>
    `${option}${colon} l’étude n’a pas de jeu de données ${q(name)}${semi} elle déclare ${declared}.`,
  oneStdin: (pairs) => `--data ${pairs}${colon} un seul jeu de données peut être lu sur l’entrée standard.`,
  noStdin: (name) => `--data ${name}=-${colon} il n’y a pas d’entrée standard à lire.`,
  stdinFailed: (name, why) => `--data ${name}=-${colon} l’entrée standard n’a pas pu être lue (${why}).`,
  formatList: (where, formats) =>
    `${where}${colon} attendu une liste de formats séparés par des virgules (${formats}), par exemple --format md,html.`,
  unknownFormat: (where, name, formats) => `${where}${colon} format inconnu ${q(name)}${semi} les formats sont ${formats}.`,
  initNeedsOut: (data) => `init ${data}${colon} sans étude de base, donnez --out DOSSIER, le dossier où écrire l’étude et son schéma.`,
  xlsformNeedsOut: `init --xlsform${colon} donnez --out DOSSIER, le dossier où écrire schema.json et study.yaml.`,
  initBoth: `init${colon} donnez DONNÉES --xlsform FORMULAIRE --out DOSSIER (une nouvelle étude d’après un formulaire), ou ÉTUDE_DE_BASE DONNÉES (une nouvelle vague), pas les deux.`,
  initStdin: `init${colon} l’entrée standard (-) ne peut pas être les données ou le formulaire d’une étude, que le fichier d’étude relit par leur chemin${semi} enregistrez-la dans un fichier et donnez son chemin.`,
  sheetWithForm: `init${colon} --sheet et --header-row s’appliquent à DONNÉES --out DOSSIER${semi} avec --xlsform, indiquez sheet et header_row dans le fichier d’étude qu’il écrit.`,
  sheetOnWave: (command) =>
    `${command}${colon} --sheet et --header-row commencent une étude à partir d’un classeur seul${semi} une nouvelle vague lit la feuille (sheet) et la ligne d’en-tête (header_row) de l’étude de base.`,
  dataFileAsStudy: (file) =>
    `${file} est un fichier de données, pas un fichier d’étude (YAML ou JSON)${colon} commencez une étude à partir de lui avec \`exclusion-study init ${file} --out DOSSIER\`, puis donnez DOSSIER/study.yaml.`,
  badDatasetName: (dataset) => `--dataset ${dataset}${colon} utilisez des lettres, des chiffres, _ . ou - et commencez par une lettre.`,
  outFileExists: (out) => `--out ${out}${colon} le fichier existe${semi} ajoutez --force pour le remplacer.`,
  design: (reason, message) => `plan de sondage${colon} ${reason === null ? message : frenchDesign(reason)}`,
  levelLimit: (limit) => frenchLevelLimit(limit),
  unknownField: (message) => `fichier d’étude${colon} ${message}${semi} vérifiez les noms des variables dans le schéma du jeu de données.`,
  commander: (line) => frenchCommander(line),
  internalError: (message) => `erreur interne${colon} ${message} (relancez avec --debug pour le détail, et signalez-la).`,
  outputFailed: (action, file, code) =>
    `impossible ${OUTPUT_ACTIONS[action]} ${file}${colon} ${OUTPUT_REASONS[code] ?? `le système a refusé (${code})`}.`,
  outputBusy: (dir, pid, lock) =>
    `impossible d’écrire dans ${dir}${colon} une autre exécution (processus ${pid}) y écrit${semi} attendez qu’elle se termine, ou supprimez ${lock} si aucune n’est en cours.`,
  lockTakenOver: (dir, pid) =>
    `avertissement${colon} ${dir} était verrouillé par le processus ${pid}, qui s’est terminé${semi} le verrou est repris.`,
  progressShare: (percent) => `${String(percent).padStart(3)}${NB}%`,
  progressBytes: (read, total) => `${megabytes(read)}/${megabytes(total)}${NB}Mo`,
  progressRows: (perSecond) => `${fmt(perSecond)} lignes/s`,
  progressSpeed: (bytesPerSecond) => `${megabytes(bytesPerSecond)}${NB}Mo/s`,
  generated: (files, dir, wave, seed, rows) =>
    `${files} fichiers synthétiques écrits dans ${dir} (vague ${wave}, graine ${seed}, ${fmt(rows)} lignes de questionnaire)`,
  unknownWave: (value, waves) => `--wave ${value}${colon} attendu l’une des vagues ${waves}.`,
  rowsRange: (value, min, max) => `--rows ${value}${colon} attendu un nombre entier de ${min} à ${fmt(max)}.`,
  formRead: (form, fields, indicators, renamed) =>
    `${form}${colon} ${fields} variables (${indicators} indicateurs, ${renamed} chemins de groupe renommés).`,
  formRepeat: (name, row) =>
    `  groupe répété ${name} (ligne ${row})${colon} ses réponses sont exportées dans une autre table${semi} ses questions sont laissées de côté.`,
  formUntranslated: (field, reason, relevant) =>
    `  relevant de ${field} non traduit (${reason})${colon} gardé en commentaire, sans univers${colon} ${relevant}`,
  formNoColumn: (field) => `  l’export n’a pas de colonne pour ${field}.`,
  wroteBoth: (first, second) => `${first} et ${second} écrits`,
  formError: (reason) => frenchForm(reason),
  help: {
    heading: (heading) => FRENCH_HEADINGS[heading] ?? heading,
    extras: (extras) => extras.replace(/\bchoices: /g, `valeurs admises${colon} `).replace(/\bdefault: /g, `par défaut${colon} `),
    usage: "[options] [commande]",
    helpCommand: "help [commande]",
    helpOption: "afficher l’aide de la commande",
    version: "afficher le numéro de version",
    program:
      "Transformer les CSV de questionnaires et de codage d’entretiens en rapports validés, reproductibles, qui tiennent compte du plan de sondage.",
    debug: "ajouter la pile d’appels aux messages d’erreur",
    programLang: { term: "--lang <LANGUE>", text: "avant une commande, comme le --lang de cette commande (et la langue de l’aide)" },
    programAfter: `
Codes de sortie${colon} 0 succès${semi} 1 les données ou le résultat ne sont pas acceptables (erreurs de
validation, un chiffre non reproduit, un rapport pas à jour sous --check)${semi} 2 la demande ne peut pas
être exécutée.

Sans fichier d’étude, les commandes prennent study.yaml dans le dossier de travail, sinon l’étude 2014 fournie.`,
    study: {
      term: "[étude]",
      text: `fichier d’étude (YAML ou JSON)${semi} par défaut${colon} study.yaml ici, sinon l’étude 2014 fournie`,
    },
    data: {
      term: "--data <NOM=CHEMIN>",
      text: `lire le jeu de données NOM depuis CHEMIN au lieu du chemin que donne le fichier d’étude (répétable${semi} CHEMIN - lit l’entrée standard)`,
    },
    format: (fallback) => ({
      term: "--format <LISTE>",
      text: `formats du rapport, une liste séparée par des virgules parmi md, png (copies PNG des graphiques), html et docx${semi} le JSON est toujours écrit (par défaut${colon} ${fallback})`,
    }),
    json: "afficher le résultat lisible par un programme sur la sortie standard",
    lang: (what) => ({ term: "--lang <LANGUE>", text: `langue ${what} (par défaut${colon} la langue de l’étude, sinon en)` }),
    maxRejected: {
      term: "--max-rejected <N|P%>",
      text: `tolérer jusqu’à N lignes rejetées (ou P${NB}% des lignes lues) par jeu de données`,
    },
    check: `ne rien écrire${semi} sortir avec le code 1 si les fichiers sur le disque diffèrent de ce qui serait écrit`,
    out: "--out <DOSSIER>",
    validate: {
      description: `vérifier chaque jeu de données d’une étude d’après son schéma${semi} lister les problèmes`,
      rejects: { term: "--rejects <DOSSIER>", text: "écrire dans DOSSIER des fichiers <jeu>.rejects.csv avec les lignes rejetées" },
      lang: "des problèmes et du résumé",
      after: `\nExemple${colon}\n  $ exclusion-study validate mon-etude.yaml --rejects sortie/ --json`,
    },
    report: {
      description: "calculer chaque indicateur et écrire le rapport (Markdown avec ses graphiques, HTML) et le résultat JSON",
      out: "dossier des fichiers du rapport",
      lang: "du rapport et du résumé",
      format: "le format de l’étude, sinon md",
      after: `\nExemples${colon}\n  $ exclusion-study report --out reports\n  $ exclusion-study report mon-etude.yaml --lang fr --out sortie/\n  $ exclusion-study report --format md,html   # aussi une page HTML autonome\n  $ exclusion-study report --format md,docx   # aussi un document Word\n  $ exclusion-study report --format md,png    # des copies PNG des graphiques, pour pandoc\n  $ exclusion-study report --check   # en CI${colon} échoue quand reports/ n’est pas à jour`,
    },
    reproduce: {
      description: `comparer chaque chiffre publié à l’estimation calculée${semi} sortir avec le code 1 si l’un n’est pas reproduit`,
      lang: "du tableau et des messages",
      after: `\nExemple${colon}\n  $ exclusion-study reproduce --json`,
    },
    compare: {
      description: `comparer deux vagues d’une étude${colon} l’écart de chaque indicateur commun, avec erreurs types et valeurs p`,
      base: { term: "<ÉTUDE_DE_BASE>", text: "fichier d’étude de la vague précédente" },
      next: { term: "<NOUVELLE_ÉTUDE>", text: "fichier d’étude de la nouvelle vague (souvent `extends:` la base)" },
      out: "dossier de <base>-vs-<nouvelle>.json et des fichiers du rapport",
      lang: { term: "--lang <LANGUE>", text: `langue du rapport (par défaut${colon} la langue de l’étude de base)` },
      format: "le format de l’étude de base, sinon md",
      after: `\nExemples${colon}\n  $ exclusion-study compare data-schemas/connexions-solidaires-2014/study.yaml data-schemas/connexions-solidaires-2015/study.yaml --out reports/connexions-solidaires-2014-vs-2015\n  $ exclusion-study compare 2014.yaml 2015.yaml --lang fr --out reports/ --check   # en CI${colon} code 1 quand ce n’est pas à jour\n\nVoir docs/waves.md.`,
    },
    init: {
      description: `commencer un fichier d’étude${colon} à partir d’un fichier de données seul (schéma déduit), d’un fichier de données et de son XLSForm (--xlsform), ou comme nouvelle vague d’une étude existante`,
      first: {
        term: "<ÉTUDE_DE_BASE|DONNÉES>",
        text: "le fichier d’étude de la vague précédente, ou (seul, ou avec --xlsform) le fichier de données d’où partir",
      },
      second: { term: "[DONNÉES]", text: "l’export de la nouvelle vague, quand une étude de base est donnée" },
      dataset: {
        term: "--dataset <NOM>",
        text: `le jeu de données que remplacent les données (par défaut${colon} le premier jeu avec un plan de sondage, sinon le premier)${semi} seul${colon} son nom`,
      },
      xlsform: {
        term: "--xlsform <FORMULAIRE>",
        text: `le XLSForm de l’enquête (KoboToolbox, ODK)${colon} le schéma vient du formulaire, pas d’une déduction`,
      },
      sheet: {
        term: "--sheet <NOM|RANG>",
        text: `la feuille d’un classeur${colon} son nom, ou son rang à partir de 1 (par défaut${colon} la première)`,
      },
      headerRow: {
        term: "--header-row <N>",
        text: `la ligne du classeur qui porte les noms des colonnes (par défaut${colon} trouvée sous les lignes de titre)`,
      },
      out: {
        term: "--out <FICHIER|DOSSIER>",
        text: `avec une étude de base${colon} écrire le fichier d’étude ici plutôt que sur la sortie standard${semi} seul ou avec --xlsform${colon} le dossier de study.yaml et du schéma`,
      },
      force: "remplacer ce que --out écraserait",
      lang: "de ce qu’il dit et du nouveau titre",
      after: `\nExemples${colon}\n  $ exclusion-study init enquete.csv --out mon-etude\n  $ exclusion-study init export.xlsx --sheet Données --header-row 3 --out mon-etude\n  $ exclusion-study init export-kobo.csv --xlsform formulaire.xlsx --out mon-etude\n  $ exclusion-study init data-schemas/connexions-solidaires-2014/study.yaml export-2015.csv --out etude-2015.yaml\n\nVoir docs/from-your-platform.md.`,
    },
    generate: {
      description: "écrire des données synthétiques, tirées d’une graine, qui ont la forme de l’étude fournie",
      dir: { term: "<DOSSIER>", text: "dossier où écrire questionnaire.csv, youth.csv, interviews.csv et codings.csv" },
      seed: { term: "--seed <N>", text: `graine aléatoire (par défaut${colon} l’année de la vague, comme les données fournies)` },
      rows: { term: "--rows <N>", text: "lignes du questionnaire" },
      wave: {
        term: "--wave <ANNÉE>",
        text: `vague annuelle${colon} 2014 (l’étude publiée) ou 2015 (une colonne renommée, une nouvelle modalité)`,
      },
      lang: { term: "--lang <LANGUE>", text: `langue de la ligne qu’il affiche (par défaut${colon} en)` },
      after: `\nExemples${colon}\n  $ exclusion-study generate /tmp/vague --seed 7 --rows 100000\n  $ exclusion-study generate fixtures/connexions-solidaires-2015 --wave 2015`,
    },
  },
  fieldNotKnown: (field) => `variable inconnue «${FN}${field}${FN}»`,
  qualitativeField: (field, dataset) =>
    `le bloc qualitative nomme la variable «${FN}${field}${FN}», que le jeu de données «${FN}${dataset}${FN}» n’a pas`,
  schemaRefused: (message) => `schéma${colon} ${message}`,
};
