import type { ScaffoldComments } from "./en.js";
import { french } from "../../../vocabulary/french.js";

/** French comments of a new wave's study file. Typed as `ScaffoldComments`: a missing key fails to compile. */
const { NB, FN, colon, semi, q, count } = french;
/** "1 ligne", "0 ligne", "2 lignes": French puts the singular below 2. */
const plural = (n: number, word: string, words = `${word}s`): string => `${count(n)} ${Math.abs(n) < 2 ? word : words}`;
/** A number with a decimal comma, as French writes it. */
const decimal = (n: number): string => String(n).replace(".", ",");
const TYPES: Record<string, string> = { integer: "entier", number: "nombre", string: "texte", boolean: "booléen", date: "date" };

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
  count,
  sep: `${semi} `,
  schemaTitle: (data) => `${data}, tel que déduit par exclusion-study init`,
  missingLabel: (label) =>
    ({
      blank: "vide",
      dontKnow: "ne sait pas",
      refused: "refus",
      noAnswer: "sans réponse",
      notAvailable: "non disponible",
      missing: "manquant",
      code: "code de non-réponse",
    })[label],
  freshHeader: (data, rows, schemaFile) => [
    `Étude préparée par \`exclusion-study init\` à partir de ${data} (${plural(rows, "ligne")}).`,
    `Chaque hypothèse ci-dessous dit ce qui a été déduit et sur quels indices${colon} corrigez ce qui est faux`,
    `(ici et dans ${schemaFile}), puis lancez \`exclusion-study validate\` sur ce fichier. Voir docs/study-file.md.`,
  ],
  langComma: `des nombres à virgule décimale${colon} un export français${semi} en ou fr`,
  langReport: `langue du rapport${semi} en ou fr`,
  langGiven: `comme l’a donnée --lang${semi} en ou fr`,
  sheetGiven: "comme l’a nommée --sheet (un nom, ou un rang à partir de 1)",
  headerRowGiven: `comme l’a donnée --header-row${colon} les lignes au-dessus sont ignorées`,
  headerRowFound: `les lignes au-dessus ont moins de cellules (des titres)${colon} l’en-tête est la première ligne aussi remplie que la plus remplie des 10 premières`,
  detected: "détecté",
  inferredFields: (rows, fields, schemaFile) =>
    `Déduit de toutes les ${plural(rows, "ligne")}${colon} ${plural(fields, "variable")} (types, modalités, codes de non-réponse dans ${schemaFile}).`,
  missingCodes: (codes) => `Codes de non-réponse de toutes les variables${colon} ${codes}.`,
  missingCode: (value, label, cells, columns) =>
    `${value === "" ? "vide" : value} (${label}${semi} ${plural(cells, "cellule")} dans ${plural(columns, "colonne")})`,
  recognisedTokens: `Seulement des codes reconnus (NSP, NR, Ne sait pas, Don’t know, N/A...)${semi} les codes vus dans une seule colonne numérique sont propres à sa variable.`,
  primaryKey: (field, column, rows) =>
    `clé primaire${colon} ${field} (${q(column)}) est unique et jamais manquante dans les ${plural(rows, "ligne")}`,
  noPrimaryKey: `clé primaire${colon} aucune (aucune colonne d’entiers ou de texte n’est unique et jamais manquante).`,
  unnamed: (positions, n) =>
    n === 1
      ? `La colonne ${positions} n’a pas de nom${colon} laissée de côté (la validation l’ignore).`
      : `Les colonnes ${positions} n’ont pas de nom${colon} laissées de côté (la validation les ignore).`,
  renameComment: "Les en-têtes de colonnes (à gauche) lus comme noms de variables (à droite).",
  designComment: (evidence) => `Plan de sondage${colon} ${evidence}.`,
  indicatorsSuggested: `Indicateurs suggérés${colon} une proportion par question oui/non, une répartition par question à modalités, une moyenne par question numérique. Supprimez-les ou modifiez-les librement.`,
  noIndicators: `Aucun indicateur suggéré${colon} aucune question oui/non, à modalités ou numérique.`,
  why: (kind, column) =>
    `${{ proportion: "une proportion par question oui/non", distribution: "une répartition par question à modalités", mean: "une moyenne par question numérique" }[kind]}${colon} ${column}`,
  typeName: (type) => TYPES[type] ?? type,
  dateType: (format) => `date (${format ?? "AAAA-MM-JJ"})`,
  decimalComma: `virgule décimale ${q(",")}`,
  thousands: (mark) => `milliers séparés par ${mark}`,
  noIndicator: "pas d’indicateur",
  missingPart: (parts) => `manquants${colon} ${parts}`,
  blankCells: (n) => plural(n, "vide"),
  textCode: (text, n, type) => `${text} ×${count(n)} (du texte dans une colonne ${TYPES[type] ?? type})`,
  sentinel: (value, n, max) =>
    `${value} ×${count(n)} (${max === null ? "négatif, toutes les autres valeurs valent 0 ou plus" : `plus du double de la plus grande autre valeur, ${decimal(max)}`})`,
  emptyText: (rows) => `texte${colon} aucune valeur dans ${plural(rows, "ligne")}`,
  booleanField: (distinct, rows, values) =>
    `booléen${colon} ${plural(distinct, "valeur distincte", "valeurs distinctes")} dans ${plural(rows, "ligne")}${colon} ${values}`,
  categoriesField: (distinct, rows, max, values) =>
    `modalités${colon} ${plural(distinct, "valeur distincte", "valeurs distinctes")} dans ${plural(rows, "ligne")} (${max} au plus font une variable à modalités)${colon} ${values}`,
  more: (n) => `… (${n} de plus)`,
  manyText: (distinct, rows, max) =>
    `texte${colon} ${distinct === null ? `plus de ${count(100)}` : count(distinct)} valeurs distinctes dans ${plural(rows, "ligne")}, trop pour des modalités (${max} au plus)`,
  datesField: (type, min, max) => `${type}${colon} toutes les valeurs lues, du ${min} au ${max}`,
  integerCategories: (levels, rows, max, codeMax, values) =>
    `entier à modalités${colon} ${plural(levels, "valeur distincte", "valeurs distinctes")} dans ${plural(rows, "ligne")} (${max} codes de 0 à ${codeMax} au plus font des réponses codées)${colon} ${values}`,
  numbersField: (type, values, whole, min, max) =>
    `${type}${colon} ${plural(values, "valeur")}${whole ? " (toutes entières)" : ""}${min === null ? "" : `, de ${decimal(min)} à ${decimal(max ?? min)}`}`,
  platformMetadata: `métadonnées de la plateforme d’enquête (KoboToolbox, ODK)${colon} pas d’indicateur`,
  spss: (said) => `d’après le fichier SPSS (ses étiquettes l’emportent)${colon} ${said}`,
  spssLabel: (title) => `étiquette ${q(title)}`,
  spssUserMissing: (codes) => `valeurs manquantes déclarées ${codes}`,
  spssTooMany: (n) => `${n} étiquettes de valeurs non prises comme modalités (plus de 100 valeurs distinctes)`,
  spssCategories: (n, extra) =>
    `${n} étiquettes de valeurs prises comme modalités${extra > 0 ? ` (et ${plural(extra, "valeur vue sans étiquette", "valeurs vues sans étiquette")})` : ""}`,
  namedLike: (column, role, problem) =>
    `${q(column)} est nommée comme ${{ weights: "des poids", strata: "des strates", cluster: "une grappe" }[role]} mais ${problem}${colon} non utilisée`,
  notNumeric: "n’est pas numérique",
  missingSome: "manque dans certaines lignes",
  notPositive: "a une valeur de 0 ou moins",
  otherRole: "a un autre rôle",
  singleCluster: "ne contient qu’une grappe",
  noDesign: `aucune colonne n’est nommée comme des poids, des strates ou des grappes (poids, pondération, weight, wt${semi} strate, stratum${semi} cluster, psu, grappe)${colon} pas de plan de sondage, chaque ligne compte une fois`,
  designIds: (column) => `ids${colon} ${q(column)} d’après son nom (une valeur dans chaque ligne)`,
  designStrata: (column) => `strata${colon} ${q(column)} d’après son nom (une valeur dans chaque ligne)`,
  designWeights: (column) => `weights${colon} ${q(column)} d’après son nom (un nombre positif dans chaque ligne)`,
  nestUnchecked: `nest: true, car il y a trop de grappes pour vérifier que chacune est dans une seule strate (sans effet si c’est le cas)`,
  nestReused: (column) =>
    `nest: true, car un identifiant de grappe de ${q(column)} figure dans plusieurs strates (les identifiants sont numérotés dans chaque strate)`,
  nestNotNeeded: `chaque grappe est dans une seule strate${colon} pas besoin de nest`,
  lonelyUnchecked: "lonely_psu: adjust, car il y a trop de strates pour chercher une strate à une seule unité de sondage",
  lonely: (n) =>
    `lonely_psu: adjust, car ${n === 1 ? "une strate n’a" : `${count(n)} strates n’ont`} qu’une seule unité de sondage (R${colon} options(survey.lonely.psu = "adjust"))`,
  formHeader: (form, data) => [
    `Étude préparée par \`exclusion-study init --xlsform\` à partir de ${form} et de ${data}.`,
    `Un indicateur par question qu’elle peut estimer${semi} supprimez ou ajoutez des indicateurs, déclarez le plan`,
    "de sondage s’il y en a un (voir docs/study-file.md), puis lancez `exclusion-study report` sur ce fichier.",
  ],
  formRename: `colonne de l’export (groupe/question)${colon} question`,
  formAbsent: (field) => `CHECK: l’export n’a pas de colonne pour ${field} (exporté avec «${FN}XML values and headers${FN}»${FN}?)`,
  formUniverse: (fields) => `d’après relevant, sur ${fields}`,
  formUntranslated: (reason, relevant) => `CHECK: relevant non traduit (${reason}), donc pas d’univers${colon} ${relevant}`,
  formNoQuestion: "le formulaire n’a aucune question à estimer",
  relevantReason: (r) => {
    switch (r.code) {
      case "unreadable":
        return `${q(r.text)} ne peut pas être lu`;
      case "expected":
        return `${q(r.text)} attendu ${r.before === null ? "à la fin" : `avant ${q(r.before)}`}`;
      case "not-reference":
        return r.text === null ? "il manque une référence à une question" : `${q(r.text)} n’est pas une référence à une question \${...}`;
      case "unknown-question":
        return `\${${r.name}} n’est pas une question du formulaire`;
      case "not-constant":
        return r.text === null ? "il manque une constante" : `${q(r.text)} n’est pas une constante`;
      case "not-number":
        return `${q(r.text)} n’est pas un nombre`;
      case "no-equivalent":
        return `la fonction ou le nom ${q(r.name)} n’a pas d’équivalent`;
      case "not-comparison":
        return r.text === null ? "il manque une comparaison" : `${q(r.text)} n’est pas une comparaison`;
      case "numbers-only":
        return `${q(r.op)} compare des nombres, mais \${${r.name}} n’est pas une question numérique`;
      case "trailing":
        return `${q(r.text)} après une condition complète`;
    }
  },
};
