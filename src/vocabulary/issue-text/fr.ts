import type { IssueTexts } from "./en.js";

/**
 * French sentences of the data issues. Typed as `IssueTexts`, so a missing or extra key fails
 * to compile. French typography: a no-break space before ":" and a narrow one before ";" and
 * inside « guillemets ».
 */
const NB = "\u00a0";
const FN = "\u202f";
const colon = `${NB}:`;
const semi = `${FN};`;
const q = (s: string): string => `«${FN}${s}${FN}»`;
/** A count with its thousands grouped the French way (a narrow no-break space). */
const count = (n: number): string => n.toLocaleString("fr-FR");

export const fr: IssueTexts = {
  located: (line, field, detail) =>
    field === null ? `ligne ${line}${colon} ${detail}` : `ligne ${line}, variable ${field}${colon} ${detail}`,
  fieldReason: (field, detail) => `variable ${field}${colon} ${detail}`,
  quoted: (value) => q(value),
  blankRow: (line) => `ligne ${line}${colon} la ligne est vide et ignorée`,
  unnamedColumn: (line, column) => `ligne ${line}${colon} la colonne ${column} n’a pas de nom et est ignorée`,
  extraColumn: (line, column) => `ligne ${line}${colon} la colonne ${q(column)} n’est pas dans le schéma et est ignorée`,
  secondColumn: (line, column, name, field, read) =>
    `ligne ${line}${colon} la colonne ${column} ${q(name)} est une seconde colonne pour la variable ${field}${semi} seule la colonne ${read} est lue`,
  missingColumn: (line, field, required) =>
    `ligne ${line}${colon} le fichier n’a pas de colonne ${field}${required ? ` (obligatoire${colon} toutes les lignes sont rejetées)` : ""}${semi} ajoutez-la, ou faites-y correspondre la colonne de l’export avec rename`,
  required: "une valeur est obligatoire",
  requiredButMissingCode: (code, label) =>
    `une valeur est obligatoire mais la cellule contient le code de valeur manquante ${q(code)}${label ? ` (${label})` : ""}`,
  notOfType: (value, expected) => `${q(value)} n’est pas ${expected}`,
  anInteger: "un entier",
  anIntegerGrouped: (group) => `un entier (milliers séparés par ${group})`,
  aNumber: "un nombre",
  aNumberDecimalComma: "un nombre à virgule décimale",
  aYesNo: (values) => `une valeur oui/non (${values})`,
  aDate: (format) => `une date (attendu${colon} ${format})`,
  aString: "du texte",
  notCategory: (value, allowed) => `${q(value)} n’est pas l’une des modalités${colon} ${allowed}`,
  notChoice: (value, allowed) => `le choix ${q(value)} n’est pas l’un de ses choix${colon} ${allowed}`,
  notAllowed: (value, allowed) => `${q(value)} n’est pas l’une des valeurs admises${colon} ${allowed}`,
  longList: (shown, count) => `${shown}, … (${count} en tout)`,
  belowMinimum: (value, limit) => `${q(value)} est inférieur au minimum ${limit}`,
  aboveMaximum: (value, limit) => `${q(value)} est supérieur au maximum ${limit}`,
  notAboveExclusiveMinimum: (value, limit) => `${q(value)} n’est pas strictement supérieur au minimum ${limit}`,
  notBelowExclusiveMaximum: (value, limit) => `${q(value)} n’est pas strictement inférieur au maximum ${limit}`,
  noPatternMatch: (value, pattern) => `${q(value)} ne correspond pas au motif ${pattern}`,
  tooShort: (value, n) => `${q(value)} compte moins de ${n} ${n < 2 ? "caractère" : "caractères"}`,
  tooLong: (value, n) => `${q(value)} compte plus de ${n} ${n < 2 ? "caractère" : "caractères"}`,
  rowConstraint: (message, name, values) => `${message} (${name}${colon} ${values})`,
  extraCells: (extra, columns, first) =>
    `${extra} ${extra > 1 ? "cellules" : "cellule"} de plus que les ${columns} colonnes de l’en-tête (à partir de ${q(first)})`,
  missingCells: (cells, column) =>
    `la ligne s’arrête après ${cells} ${cells > 1 ? "cellules" : "cellule"}, avant cette colonne (${column})`,
  notUnique: (value, first) => `${q(value)} figure déjà à la ligne ${first} (les valeurs doivent être uniques)`,
  duplicateKey: (fields, value, first) => `la clé (${fields}) ${q(value)} figure déjà à la ligne ${first}`,
  notAmongParents: (value, fields, dataset, empty) =>
    `${q(value)} ne figure pas parmi les ${fields} du jeu de données ${dataset}${empty ? " (qui n’a aucune ligne retenue)" : ""}`,
  mixedDecimalMarks: (comma, dotLine, dot) =>
    `${q(comma)} a une virgule décimale là où la ligne ${dotLine} a un point (${q(dot)})${colon} la variable est lue avec un point et ses valeurs à virgule sont rejetées (indiquez decimal_char dans l’étude si la virgule est voulue)`,
  ambiguousDecimalMark: (value, mark) =>
    `${q(value)} pourrait noter des milliers, et toutes les valeurs avec un séparateur lui ressemblent${colon} la variable est lue avec ${mark === "," ? "une virgule" : "un point"} décimal${mark === "," ? "e" : ""} (indiquez decimal_char et group_char dans l’étude sinon)`,
  noDataRows: "le fichier a un en-tête mais aucune ligne de données",
  fileLine: (file, line) => `${file}, ligne ${line}`,
  colon,
  invalidUtf8: (at, byte) =>
    `${at}${colon} l’octet ${byte} n’est pas de l’UTF-8 valide alors que le fichier est déclaré en UTF-8${semi} il est lu comme \uFFFD.`,
  windows1252Fallback: (at, byte) =>
    `${at}${colon} l’octet ${byte} n’est pas de l’UTF-8 valide, le fichier est donc lu en Windows-1252${semi} vérifiez ses caractères accentués.`,
  coderNotListed: (coder, list, dataset) =>
    `le codeur ${q(coder)} n’est pas listé dans ${list} pour l’entretien de cette ligne dans le jeu de données ${dataset}`,
  notRegularFile: "n’est pas un fichier ordinaire.",
  emptyCsv: `le fichier est vide${semi} une ligne d’en-tête était attendue.`,
  binaryFile: `octet NUL trouvé${semi} c’est sans doute un fichier binaire, pas un fichier texte CSV.`,
  utf16File: `c’est sans doute un fichier UTF-16${semi} enregistrez-le en CSV UTF-8 (ou Windows-1252).`,
  fileChanged: `le fichier a changé pendant sa lecture${semi} relancez.`,
  unclosedQuote: `guillemet ouvert ici et jamais fermé${semi} le fichier se termine dans une cellule entre guillemets.`,
  recordTooLarge: (limit, openLine) =>
    `l’enregistrement qui commence ici dépasse la limite de ${limit}${openLine === null ? "" : `${semi} le guillemet ouvert à la ligne ${openLine} n’est sans doute jamais fermé`}.`,
  blankHeader: `la ligne d’en-tête est vide${semi} la première ligne doit nommer les colonnes.`,
  duplicateColumns: (first, second, a, b) =>
    `les colonnes ${first} et ${second} ${a === b ? `s’appellent toutes deux ${q(a)}` : `s’appellent ${q(a)} et ${q(b)}`}${semi} les noms de colonnes doivent être uniques (sans tenir compte de la casse).`,
  textAfterQuote: (at, column, more) =>
    `${at}${colon} du texte suit un guillemet fermant dans la colonne ${column}${semi} il est gardé dans la cellule${more ? " (les avertissements suivants de ce genre ne sont pas listés)" : ""}.`,
  size: (amount, unit) => `${count(amount)}${NB}${unit === "MiB" ? "Mo" : unit === "KiB" ? "Ko" : amount < 2 ? "octet" : "octets"}`,
  emptyTyped: (format) =>
    `le fichier est vide${semi} ${format === "xlsx" ? "un classeur Excel" : "un fichier de données SPSS (.sav)"} était attendu.`,
  notApplicable: (option, format) =>
    `${option} ne s’applique pas à ${format === "csv" ? "un fichier CSV" : format === "xlsx" ? "un classeur Excel (.xlsx)" : "un fichier de données SPSS (.sav)"}${semi} retirez-le.`,
  refusedFormat: {
    ".xls": `les anciens classeurs Excel binaires (.xls) ne sont pas lus${semi} enregistrez-le en .xlsx ou en CSV.`,
    ".ods": `les classeurs OpenDocument (.ods) ne sont pas lus${semi} enregistrez-le en .xlsx ou en CSV.`,
    ".zsav": `les fichiers SPSS compressés en ZLIB (.zsav) ne sont pas lus${semi} enregistrez-le en .sav ordinaire.`,
    ".dta": `les fichiers Stata (.dta) ne sont pas lus${semi} exportez-le en .sav ou en CSV.`,
    ".por": `les fichiers SPSS portables (.por) ne sont pas lus${semi} enregistrez-le en .sav.`,
  },
  workbookBroken: (pastRow, detail) => `le classeur ne peut pas être lu${pastRow ? " au-delà de cette ligne" : ""} (${detail}).`,
  noSheetAt: (sheets, names, wanted) =>
    `le classeur a ${sheets} ${sheets < 2 ? "feuille" : "feuilles"} (${names})${semi} il n’y a pas de feuille ${wanted}.`,
  noSheetNamed: (wanted, names) => `le classeur n’a pas de feuille nommée ${wanted}${semi} ses feuilles sont ${names}.`,
  noHeaderRow: (sheet, row, empty) =>
    `la feuille ${sheet} n’a pas de noms de colonnes à la ligne ${row}${empty ? " (la feuille y est vide)" : ""}${semi} donnez à header_row la ligne qui les contient.`,
  workbookEncrypted: `le classeur est chiffré (protégé par un mot de passe)${semi} enregistrez-en une copie sans mot de passe, ou exportez la feuille en CSV.`,
  notWorkbook: (why) => `ce n’est pas un classeur Excel lisible (.xlsx)${colon} ${why}.`,
  notWorkbookWhy: {
    oldBinary: `un ancien classeur binaire (.xls) ou un autre fichier Office${semi} enregistrez-le en .xlsx ou en CSV`,
    notZip: (detail) => `ce n’est pas une archive zip valide (${detail})`,
    damagedZip: (detail) => `l’archive zip est endommagée (${detail})`,
    entryUnreadable: (entry, detail) => `l’élément ${entry} ne peut pas être lu (${detail})`,
    entryDamaged: (entry, detail) => `l’élément ${entry} est endommagé (${detail})`,
    noWorkbookXml: "une archive zip sans xl/workbook.xml (un fichier .ods ou .docx, peut-être)",
  },
  zipTooLarge: (part, limit) =>
    `${part === null ? "ses éléments, décompressés, dépasseraient ensemble" : `son élément ${part}, décompressé, dépasserait`} ${limit}${semi} le classeur est refusé (une bombe zip, ou bien scindez-le).`,
  notSav: (why) => `ce n’est pas un fichier de données SPSS lisible (.sav)${colon} ${why}.`,
  notSavWhy: {
    zsav: `c’est un fichier ZSAV compressé, qui n’est pas lu${semi} enregistrez-le en .sav (sans compression ZLIB)`,
    signature: "il ne commence pas par la signature d’un fichier système SPSS",
    layout: "son code de disposition n’est ni 2 ni 3",
    compression: (code) => `sa compression ${code} n’est pas connue de ce lecteur`,
    labelsWithoutList: "un enregistrement d’étiquettes de valeurs n’est pas suivi de sa liste de variables",
    labelLength: "une étiquette de variable a une longueur impossible",
    missingCount: "une variable a un nombre impossible de valeurs manquantes",
    labelCount: "un enregistrement d’étiquettes de valeurs a un nombre impossible d’étiquettes",
    listWithoutLabels: "une liste de variables arrive sans ses étiquettes de valeurs",
    listTooLong: "un enregistrement d’étiquettes de valeurs nomme plus de variables qu’il n’y en a",
    documentLength: "un enregistrement de document a une longueur négative",
    extensionSize: "un enregistrement d’extension a une taille impossible",
    unknownRecord: (type) => `il contient un enregistrement de type inconnu ${type}`,
    continuation: "un enregistrement de suite de chaîne arrive sans sa variable",
    longStringSegments: (name) => `il manque ses segments à la très longue chaîne ${name}`,
    labelUnknownVariable: "une étiquette de valeur nomme une variable qui n’existe pas",
    stringAsNumber: (name) => `une valeur de la variable texte ${name} est enregistrée comme un nombre`,
    endsInCase: "le fichier se termine au milieu d’une observation",
    endsInDictionary: "le fichier se termine dans son dictionnaire",
  },
  savMissingRange: (name, low, high) =>
    `la variable ${name} déclare l’intervalle de valeurs manquantes de ${low} à ${high}, qui ne peut pas être listé code par code${semi} déclarez plutôt ses codes dans les missingValues du schéma.`,
  headerOnly: (file, blank) =>
    `${file}${colon} le fichier a un en-tête mais aucune ligne de données${blank > 0 ? ` (seulement ${count(blank)} ${blank === 1 ? "ligne vide" : "lignes vides"})` : ""}${semi} il n’y a rien à analyser.`,
  rejectedRow: (line, reason) => `ligne ${line}, ${reason ?? "rejetée"}`,
  allRejected: (file, rows, quoted, hints) =>
    `${file}${colon} ${rows === 1 ? "sa seule ligne a été rejetée" : `ses ${count(rows)} lignes ont toutes été rejetées`} (${quoted}).${hints === null ? "" : ` Piste${colon} ${hints}.`}`,
  delimiterHint: (header, fields, delimiter) =>
    `l’en-tête a été lu comme une seule colonne (${q(header)}) là où le schéma en attend ${fields}${colon} le séparateur du fichier est sans doute ${delimiter} (indiquez delimiter: ${delimiter} pour ce jeu de données dans l’étude)`,
  headerTypoHint: (column, field) =>
    `la colonne ${q(column)} ressemble à la variable ${field} (corrigez l’en-tête, ou faites-la correspondre avec rename: { ${column}: ${field} })`,
  utf8ReadAs1252Hint: (text) =>
    `un texte comme ${q(text)} est de l’UTF-8 lu comme du Windows-1252 (indiquez encoding: utf-8 pour ce jeu de données dans l’étude)`,
  garbledHint: (text) =>
    `un texte comme ${q(text)} a été abîmé avant l’enregistrement du fichier (UTF-8 décodé comme du Windows-1252, puis enregistré en UTF-8)${colon} exportez de nouveau le fichier en UTF-8`,
  notUtf8Hint: `${q("\uFFFD")} remplace des octets qui ne sont pas de l’UTF-8${colon} le fichier est sans doute en Windows-1252 (indiquez encoding: windows-1252 pour ce jeu de données dans l’étude)`,
  decimalCommaHint: (value, field) =>
    `des nombres comme ${q(value)} dans la variable ${field} ont une virgule décimale (indiquez decimal_char: "," pour ce jeu de données dans l’étude)`,
};
