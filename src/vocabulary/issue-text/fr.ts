import type { IssueTexts } from "./en.js";
import { french } from "../french.js";

/**
 * French sentences of the data issues. Typed as `IssueTexts`, so a missing or extra key fails
 * to compile. French typography: a no-break space before ":" and a narrow one before ";" and
 * inside « guillemets ».
 */
const { NB, FN, colon, semi, q, count } = french;

/**
 * The zip and workbook readers' own detail is English: in French, a few known causes are said in
 * French and any other is left out (the sentence before it says what is wrong).
 */
const READER_DETAILS: [RegExp, string][] = [
  [/end of central directory record signature not found/i, "la fin de l’archive est introuvable, le fichier est peut-être tronqué"],
  [/invalid (local file|central directory file) header signature/i, "un en-tête d’élément est invalide"],
  [/unsupported compression method/i, "méthode de compression non prise en charge"],
  [/strong encryption is not supported/i, "chiffrement non pris en charge"],
  [/multi-disk zip files are not supported/i, "archive en plusieurs volumes"],
  [/unexpected (EOF|end)/i, "fin de fichier inattendue"],
  [/invalid comment length/i, "longueur de commentaire invalide"],
  [/file data overflows file bounds/i, "les données dépassent la fin du fichier"],
  [
    /invalid (stored block lengths|distance|code|block type)|incorrect header check|unexpected end of file/i,
    "données compressées endommagées",
  ],
];
const detail = (text: string): string => {
  const known = READER_DETAILS.find(([re]) => re.test(text));
  return known ? ` (${known[1]})` : "";
};

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
  dateParts: { day: "JJ", month: "MM", year: "AAAA" },
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
  rowConstraint: (message, name, values) => `${message} (${name}${colon} ${values.join(`${semi} `)})`,
  extraCells: (extra, columns, first) =>
    `${extra} ${extra > 1 ? "cellules" : "cellule"} de plus que ${columns > 1 ? `les ${columns} colonnes` : "l’unique colonne"} de l’en-tête (à partir de ${q(first)})`,
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
  badDelimiter: (delimiter) =>
    `le séparateur ${delimiter} ne peut pas être utilisé${semi} donnez un seul caractère, autre qu’un guillemet ou un saut de ligne.`,
  badRecordLimit: (limit) => `la taille maximale d’un enregistrement, ${limit}, n’est pas un nombre entier positif d’octets.`,
  blankHeader: `la ligne d’en-tête est vide${semi} la première ligne doit nommer les colonnes.`,
  duplicateColumns: (first, second, a, b) =>
    `les colonnes ${first} et ${second} ${a === b ? `s’appellent toutes deux ${q(a)}` : `s’appellent ${q(a)} et ${q(b)}`}${semi} les noms de colonnes doivent être uniques (sans tenir compte de la casse).`,
  textAfterQuote: (at, column, more) =>
    `${at}${colon} du texte suit un guillemet fermant dans la colonne ${column}${semi} il est gardé dans la cellule${more ? " (les avertissements suivants de ce genre ne sont pas listés)" : ""}.`,
  textFile: {
    utf16: `est un texte UTF-16${semi} enregistrez-le en UTF-8`,
    notUtf8: (byte, offset, line) =>
      `n’est pas un texte UTF-8 (${byte === null ? "un octet invalide" : `octet ${byte} à la position ${count(offset)}, ligne ${count(line)}`})${semi} enregistrez-le en UTF-8`,
    tooLarge: (bytes, size) => `dépasse ${size} (${count(bytes)} octets), la taille maximale d’un fichier d’étude ou de schéma`,
    notRegular: `n’est pas un fichier ordinaire (un périphérique, un tube ou une socket)${semi} donnez le chemin d’un fichier`,
    missing: "n’existe pas",
    directory: "est un dossier",
    permission: "ne peut pas être lu (permission refusée)",
    unreadable: (code) => `ne peut pas être lu (${code})`,
  },
  schemaFile: {
    invalid: (file, path, problem, more) =>
      path === null
        ? `Le fichier de schéma ${file} n’est pas valide.`
        : `Le fichier de schéma ${file} n’est pas valide ${path === "" ? "au premier niveau" : `à ${path}`}${colon} ${problem}${more > 0 ? ` (et ${more} ${more > 1 ? "autres problèmes" : "autre problème"})` : ""}.`,
    unreadable: (file, why) => `Le fichier de schéma ${file} ${why}.`,
    missing: `ne peut pas être lu (il n’existe pas)${colon} vérifiez son chemin dans le fichier d’étude`,
    directory: `ne peut pas être lu (c’est un dossier)${colon} vérifiez son chemin dans le fichier d’étude`,
    permission: `ne peut pas être lu (permission refusée)${colon} vérifiez son chemin dans le fichier d’étude`,
    // The parser's own words are English: left out.
    notJson: (file, at) =>
      `Le fichier de schéma ${file} n’est pas du JSON valide${at === null ? "" : ` à la ligne ${at.line}, colonne ${at.column}`}${colon} vérifiez qu’il ne manque ni virgule, ni guillemet, ni crochet, et qu’aucune virgule n’est en trop.`,
    tooDeep: (file, depth, at) =>
      `Le fichier de schéma ${file} imbrique objets et listes sur plus de ${depth} niveaux (à ${at}…)${colon} aplatissez-le.`,
  },
  schemaProblem: {
    nothing: "rien",
    types: {
      number: "un nombre",
      int: "un entier",
      string: "un texte (entre guillemets)",
      boolean: "true ou false",
      array: "une liste [...]",
      object: "un objet {...}",
    },
    required: (want) => `une valeur est obligatoire ici${colon} il faut ${want}`,
    expected: (want, got) => `il faut ${want}, et non ${got}`,
    oneOf: (values, got) => `une de ces valeurs est attendue${colon} ${values}, et non ${got}`,
    unknownKeys: (keys, n) =>
      `${n > 1 ? "clés inconnues" : "clé inconnue"} ${keys}${colon} ${n > 1 ? "retirez-les" : "retirez-la"} ou vérifiez l’orthographe`,
    atLeastItems: (min) => `au moins ${min} élément(s) attendu(s)`,
    stringAtLeast: (min, got) => `un texte d’au moins ${min} caractère(s) est attendu, et non ${got}`,
    valueAtLeast: (min, got) => `une valeur d’au moins ${min} est attendue, et non ${got}`,
    stringAtMost: (max, got) => `un texte d’au plus ${max} caractère(s) est attendu, et non ${got}`,
    valueAtMost: (max, got) => `une valeur d’au plus ${max} est attendue, et non ${got}`,
    unions: {
      missingValue: `un texte ou un objet { "value": "...", "label": "..." } est attendu`,
      categoryValue: "un texte ou un entier est attendu",
      category: `une valeur ou un objet { "value": ..., "label": "..." } est attendu`,
      bound: "un nombre (ou une date ISO pour une variable date) est attendu",
      names: "un nom de variable ou une liste de noms est attendu",
      other: "valeur non valide ici",
    },
    custom: (message, got) => `${message} (valeur${colon} ${got})`,
    conditionOneTest:
      "une condition sur une variable demande un seul test exactement parmi equals, in, lt, le, gt, ge, missing, any_of ou all_of",
    repeatsName: (name, first) =>
      `«${FN}${name}${FN}» répète le nom de fields[${first}] (les noms doivent différer, sans tenir compte de la casse)${colon} renommez l’une des deux`,
    notAField: (name, fields) =>
      `«${FN}${name}${FN}» n’est pas une variable de ce schéma${colon} utilisez l’une de ses variables (${fields})`,
    keyCount: (referenced, i, key) =>
      `nomme ${referenced} variable(s) mais foreignKeys[${i}].fields en nomme ${key}${colon} donnez une variable référencée par variable de la clé`,
    categoriesType: (type) =>
      `les catégories ne sont permises que sur une variable string ou integer, pas sur une variable ${type}${colon} retirez-les ou changez le type`,
    categoryInteger: (value) => `une catégorie entière est attendue pour une variable integer, et non ${value}`,
    categoryString: (value) => `une catégorie texte (entre guillemets) est attendue pour une variable string, et non ${value}`,
    categoryTwice: (value) => `la catégorie ${value} figure deux fois${colon} retirez-en une`,
    choiceSpace: (value) =>
      `le choix ${value} d’une variable à choix multiples ne peut pas contenir d’espace (les espaces séparent les choix)`,
    multipleNeedsCategories: `une variable à choix multiples est une variable string avec des catégories (ses choix)${colon} ajoutez-les, ou retirez «${FN}multiple${FN}»`,
    formatOnlyDate: `«${FN}format${FN}» ne s’applique ici qu’aux variables date${colon} retirez-le`,
    badDateFormat: (format) =>
      `format de date non pris en charge ${format}${colon} utilisez «${FN}default${FN}» (AAAA-MM-JJ) ou un motif de %d, %m et %Y comme «${FN}%d/%m/%Y${FN}»`,
    booleanOnly: `ne s’applique qu’aux variables boolean${colon} retirez-le ou indiquez "type": "boolean"`,
    inBoth: (value) => `${value} est à la fois dans trueValues et dans falseValues${colon} gardez-le dans une seule liste`,
    numericOnly: `ne s’applique qu’aux variables number et integer${colon} retirez-le`,
    groupIsDecimal: (char) =>
      `le séparateur de milliers ne peut pas être aussi le séparateur décimal ${char}${colon} choisissez-en un autre`,
    boundNumber: (type, bound) => `un nombre est attendu pour une variable ${type}, et non ${bound}`,
    boundDate: (bound) => `une date ISO comme «${FN}2014-03-01${FN}» est attendue pour une variable date, et non ${bound}`,
    boundType: (type) => `ne s’applique qu’aux variables number, integer et date, pas à une variable ${type}${colon} retirez-le`,
    minAboveMax: (lo, hi) => `le minimum ${lo} dépasse le maximum ${hi}${colon} inversez-les ou corrigez-les`,
    stringOnly: `ne s’applique qu’aux variables string${colon} retirez-le`,
    // The engine's own words are English: left out.
    badPattern: () => `n’est pas une expression régulière valide${colon} corrigez-la`,
    comparesNumbers: (op, field, type) =>
      `«${FN}${op}${FN}» compare des nombres mais ${field} est une variable ${type}${colon} utilisez equals ou in`,
    compareNumeric: (field, type) => `${field} est une variable ${type}${colon} comparez avec une variable number ou integer`,
    notACategory: (value, field, values) => `${value} n’est pas une catégorie de ${field}${colon} utilisez l’une de ${values}`,
  },
  foreignKeyDataset: (dataset, resource) =>
    `Le jeu de données ${dataset} a une clé étrangère vers le jeu de données ${q(resource)}, que l’étude ne déclare pas.`,
  foreignKeyField: (dataset, field, other) =>
    `La clé étrangère du jeu de données ${dataset} nomme la variable ${field}, que le jeu de données ${other} n’a pas.`,
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
  workbookBroken: (pastRow, why) => `le classeur ne peut pas être lu${pastRow ? " au-delà de cette ligne" : ""}${detail(why)}.`,
  noSheetAt: (sheets, names, wanted) =>
    `le classeur a ${sheets} ${sheets < 2 ? "feuille" : "feuilles"} (${names})${semi} il n’y a pas de feuille ${wanted}.`,
  noSheetNamed: (wanted, names) => `le classeur n’a pas de feuille nommée ${wanted}${semi} ses feuilles sont ${names}.`,
  noHeaderRow: (sheet, row, empty) =>
    `la feuille ${sheet} n’a pas de noms de colonnes à la ligne ${row}${empty ? " (la feuille y est vide)" : ""}${semi} donnez à header_row la ligne qui les contient.`,
  workbookEncrypted: `le classeur est chiffré (protégé par un mot de passe)${semi} enregistrez-en une copie sans mot de passe, ou exportez la feuille en CSV.`,
  notWorkbook: (why) => `ce n’est pas un classeur Excel lisible (.xlsx)${colon} ${why}.`,
  notWorkbookWhy: {
    oldBinary: `un ancien classeur binaire (.xls) ou un autre fichier Office${semi} enregistrez-le en .xlsx ou en CSV`,
    notZip: (why) => `ce n’est pas une archive zip valide${detail(why)}`,
    damagedZip: (why) => `l’archive zip est endommagée${detail(why)}`,
    entryUnreadable: (entry, why) => `l’élément ${entry} ne peut pas être lu${detail(why)}`,
    entryDamaged: (entry, why) => `l’élément ${entry} est endommagé${detail(why)}`,
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
    `${file}${colon} ${rows === 1 ? "sa seule ligne a été rejetée" : `ses ${count(rows)} lignes ont toutes été rejetées`} (${quoted.join(`${semi} `)}).${hints === null ? "" : ` Piste${colon} ${hints.join(`${semi} `)}.`}`,
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
