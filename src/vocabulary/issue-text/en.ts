/**
 * English sentences of the data issues and the rejected rows' reasons: the source of truth for
 * the keys. Values arrive already cut to a readable length; a sentence never formats data.
 */
/** "a string", "an integer": a type name with its article. */
const a = (type: string): string => `${/^[aeiou]/.test(type) ? "an" : "a"} ${type}`;

export const en = {
  located: (line: number, field: string | null, detail: string) =>
    field === null ? `line ${line}: ${detail}` : `line ${line}, field ${field}: ${detail}`,
  fieldReason: (field: string, detail: string) => `field ${field}: ${detail}`,
  quoted: (value: string) => `"${value}"`,
  blankRow: (line: number) => `line ${line}: the row is blank and is skipped`,
  unnamedColumn: (line: number, column: number) => `line ${line}: column ${column} has no name and is ignored`,
  extraColumn: (line: number, column: string) => `line ${line}: column "${column}" is not in the schema and is ignored`,
  secondColumn: (line: number, column: number, name: string, field: string, read: number) =>
    `line ${line}: column ${column} "${name}" is a second column for field ${field}; only column ${read} is read`,
  missingColumn: (line: number, field: string, required: boolean) =>
    `line ${line}: the file has no column ${field}${required ? " (required: every row is rejected)" : ""}; add it, or map the export's column to it with rename`,
  required: "a value is required",
  requiredButMissingCode: (code: string, label: string | null) =>
    `a value is required but the cell holds the missing-value code "${code}"${label ? ` (${label})` : ""}`,
  notOfType: (value: string, expected: string) => `"${value}" is not ${expected}`,
  anInteger: "an integer",
  anIntegerGrouped: (group: string) => `an integer (thousands grouped with ${group})`,
  aNumber: "a number",
  aNumberDecimalComma: "a number with a decimal comma",
  aYesNo: (values: string) => `a yes/no value (${values})`,
  aDate: (format: string) => `a date (expected ${format})`,
  /** How a date pattern's day, month and year are shown ("DD/MM/YYYY"). */
  dateParts: { day: "DD", month: "MM", year: "YYYY" },
  aString: "a string",
  notCategory: (value: string, allowed: string) => `"${value}" is not one of the categories: ${allowed}`,
  notChoice: (value: string, allowed: string) => `the choice "${value}" is not one of its choices: ${allowed}`,
  notAllowed: (value: string, allowed: string) => `"${value}" is not one of the allowed values: ${allowed}`,
  longList: (shown: string, count: number) => `${shown}, … (${count} in all)`,
  belowMinimum: (value: string, limit: string) => `"${value}" is below the minimum ${limit}`,
  aboveMaximum: (value: string, limit: string) => `"${value}" is above the maximum ${limit}`,
  notAboveExclusiveMinimum: (value: string, limit: string) => `"${value}" is not above the exclusive minimum ${limit}`,
  notBelowExclusiveMaximum: (value: string, limit: string) => `"${value}" is not below the exclusive maximum ${limit}`,
  noPatternMatch: (value: string, pattern: string) => `"${value}" does not match the pattern ${pattern}`,
  tooShort: (value: string, n: number) => `"${value}" is shorter than ${n} characters`,
  tooLong: (value: string, n: number) => `"${value}" is longer than ${n} characters`,
  rowConstraint: (message: string, name: string, values: string[]) => `${message} (${name}: ${values.join("; ")})`,
  extraCells: (extra: number, columns: number, first: string) =>
    `${extra} cell${extra > 1 ? "s" : ""} more than the ${columns} columns of the header (starting with "${first}")`,
  missingCells: (cells: number, column: number) =>
    `the row ends after ${cells} cell${cells === 1 ? "" : "s"}, before this column (${column})`,
  notUnique: (value: string, first: number) => `"${value}" already appears on line ${first} (values must be unique)`,
  duplicateKey: (fields: string, value: string, first: number) => `key (${fields}) "${value}" already appears on line ${first}`,
  notAmongParents: (value: string, fields: string, dataset: string, empty: boolean) =>
    `"${value}" is not among the ${fields} of dataset ${dataset}${empty ? " (which has no accepted rows)" : ""}`,
  mixedDecimalMarks: (comma: string, dotLine: number, dot: string) =>
    `"${comma}" has a decimal comma where line ${dotLine} has a point ("${dot}"): the field is read with a point and its values with a comma are rejected (set decimal_char in the study if the comma is meant)`,
  ambiguousDecimalMark: (value: string, mark: "." | ",") =>
    `"${value}" could be thousands, and every value with a mark looks like it: the field is read with a decimal ${mark === "," ? "comma" : "point"} (set decimal_char and group_char in the study if not)`,
  noDataRows: "the file has a header but no data rows",
  fileLine: (file: string, line: number) => `${file}, line ${line}`,
  /** After a file (and line) named before a sentence. */
  colon: ":",
  invalidUtf8: (at: string, byte: string) =>
    `${at}: byte ${byte} is not valid UTF-8 although the file is declared UTF-8; it is read as \uFFFD.`,
  windows1252Fallback: (at: string, byte: string) =>
    `${at}: byte ${byte} is not valid UTF-8, so the file is read as Windows-1252; check its accented characters.`,
  coderNotListed: (coder: string, list: string, dataset: string) =>
    `coder "${coder}" is not listed in ${list} for this row's interview in dataset ${dataset}`,
  // Why a data file cannot be read at all: "<file>[, line N]: " then one of these.
  notRegularFile: "is not a regular file.",
  emptyCsv: "the file is empty; a header line was expected.",
  binaryFile: "NUL byte found; this looks like a binary file, not a CSV text file.",
  utf16File: "this looks like a UTF-16 file; save it as UTF-8 (or Windows-1252) CSV.",
  fileChanged: "the file changed while it was being read; try again.",
  unclosedQuote: "unclosed quote starting here; the file ends inside a quoted field.",
  recordTooLarge: (limit: string, openLine: number | null) =>
    `the record starting here is larger than the ${limit} limit${openLine === null ? "" : `; the quote opened on line ${openLine} is probably never closed`}.`,
  blankHeader: "the header line is blank; the first line must name the columns.",
  badDelimiter: (delimiter: string) => `the delimiter ${delimiter} cannot be used; give one character other than a quote or a line break.`,
  badRecordLimit: (limit: string) => `the record size limit ${limit} is not a positive whole number of bytes.`,
  duplicateColumns: (first: number, second: number, a: string, b: string) =>
    `columns ${first} and ${second} ${a === b ? `are both named "${a}"` : `are named "${a}" and "${b}"`}; column names must be unique (ignoring case).`,
  textAfterQuote: (at: string, column: number, more: boolean) =>
    `${at}: text follows a closing quote in column ${column}; it is kept as part of the cell${more ? " (further such warnings are not listed)" : ""}.`,
  // A study or schema file that cannot be read as text: "<file>: " then one of these.
  textFile: {
    utf16: "is UTF-16 text; save it as UTF-8",
    notUtf8: (byte: string | null, offset: number, line: number) =>
      `is not UTF-8 text (${byte === null ? "an invalid byte" : `byte ${byte} at offset ${offset}, line ${line}`}); save it as UTF-8`,
    /** `bytes` the limit, `size` the same in the language's units. */
    tooLarge: (bytes: number, size: string) =>
      `is larger than ${bytes.toLocaleString("en-US")} bytes (${size}), the limit for a study or schema file`,
    notRegular: "is not a regular file (a device, FIFO or socket); give the path of a file",
    missing: "does not exist",
    directory: "is a directory",
    permission: "cannot be read (permission denied)",
    unreadable: (code: string) => `cannot be read (${code})`,
  },
  // A Table Schema file that cannot be used, the file named; `problem` from `schemaProblem`.
  schemaFile: {
    /** `path` null: no problem to name; "" the top level; `more` the problems not named. */
    invalid: (file: string, path: string | null, problem: string, more: number) =>
      path === null
        ? `Schema file ${file} is invalid.`
        : `Schema file ${file} is invalid ${path === "" ? "at the top level" : `at ${path}`}: ${problem}${more > 0 ? ` (and ${more} more problem${more > 1 ? "s" : ""})` : ""}.`,
    unreadable: (file: string, why: string) => `Schema file ${file} ${why}.`,
    missing: "cannot be read (it does not exist): check the path in the study file",
    directory: "cannot be read (it is a directory): check the path in the study file",
    permission: "cannot be read (permission denied): check the path in the study file",
    /** `detail` the JSON parser's own words (English). */
    notJson: (file: string, at: { line: number; column: number } | null, detail: string) =>
      `Schema file ${file} is not valid JSON${at === null ? "" : ` at line ${at.line}, column ${at.column}`}: ${detail} (check for a missing comma, quote or bracket, or a trailing comma).`,
    tooDeep: (file: string, depth: number, at: string) =>
      `Schema file ${file} nests objects and lists more than ${depth} levels deep (at ${at}…): flatten it.`,
  },
  // What is wrong in a schema file, at a path the sentence names (`schemaFile.invalid`).
  schemaProblem: {
    nothing: "nothing",
    types: {
      number: "a number",
      int: "an integer",
      string: "a string (in quotes)",
      boolean: "true or false",
      array: "a list [...]",
      object: "an object {...}",
    } as Record<string, string>,
    required: (want: string) => `a value is required here: expected ${want}`,
    expected: (want: string, got: string) => `expected ${want}, got ${got}`,
    oneOf: (values: string, got: string) => `expected one of ${values}, got ${got}`,
    unknownKeys: (keys: string, n: number) =>
      `unknown key${n > 1 ? "s" : ""} ${keys}: remove ${n > 1 ? "them" : "it"} or check the spelling`,
    atLeastItems: (min: string) => `expected at least ${min} item(s)`,
    stringAtLeast: (min: string, got: string) => `expected a string of at least ${min} character(s), got ${got}`,
    valueAtLeast: (min: string, got: string) => `expected a value of at least ${min}, got ${got}`,
    stringAtMost: (max: string, got: string) => `expected a string of at most ${max} character(s), got ${got}`,
    valueAtMost: (max: string, got: string) => `expected at most ${max}, got ${got}`,
    /** The schema's unions' refusals (`table-schema/descriptor.ts`), and zod's own for any other. */
    unions: {
      missingValue: 'expected a string or an object { "value": "...", "label": "..." }',
      categoryValue: "expected a string or an integer",
      category: 'expected a value or an object { "value": ..., "label": "..." }',
      bound: "expected a number (or an ISO date for a date field)",
      names: "expected a field name or a list of field names",
      other: "Invalid input",
    },
    /** A refinement's own message (`conditionOneTest`, or English from a library). */
    custom: (message: string, got: string) => `${message}, got ${got}`,
    conditionOneTest: "a field condition needs exactly one test: equals, in, lt, le, gt, ge, missing, any_of or all_of",
    repeatsName: (name: string, first: number) =>
      `"${name}" repeats the name of fields[${first}] (names must differ, ignoring case): rename one of them`,
    notAField: (name: string, fields: string) => `"${name}" is not a field of this schema: use one of the schema's fields (${fields})`,
    keyCount: (referenced: number, i: number, key: number) =>
      `names ${referenced} field(s) but foreignKeys[${i}].fields names ${key}: give one referenced field per key field`,
    categoriesType: (type: string) =>
      `categories are only allowed on string or integer fields, not on ${a(type)} field: remove them or change the type`,
    categoryInteger: (value: string) => `expected an integer category value for an integer field, got ${value}`,
    categoryString: (value: string) => `expected a string category value (in quotes) for a string field, got ${value}`,
    categoryTwice: (value: string) => `category ${value} is listed twice: remove one`,
    choiceSpace: (value: string) => `the choice ${value} of a multiple-choice field cannot contain a space (spaces separate choices)`,
    multipleNeedsCategories: `a multiple-choice field is a string field with categories (its choices): add them, or remove "multiple"`,
    formatOnlyDate: `"format" only applies to date fields here: remove it`,
    badDateFormat: (format: string) =>
      `unsupported date format ${format}: use "default" (YYYY-MM-DD) or a pattern of %d, %m and %Y such as "%d/%m/%Y"`,
    booleanOnly: `only applies to boolean fields: remove it or set "type": "boolean"`,
    inBoth: (value: string) => `${value} is in both trueValues and falseValues: keep it in one`,
    numericOnly: "only applies to number and integer fields: remove it",
    groupIsDecimal: (char: string) => `the group character cannot also be the decimal character ${char}: choose another`,
    boundNumber: (type: string, bound: string) => `expected a number for ${a(type)} field, got ${bound}`,
    boundDate: (bound: string) => `expected an ISO date such as "2014-03-01" for a date field, got ${bound}`,
    boundType: (type: string) => `only applies to number, integer and date fields, not to ${a(type)} field: remove it`,
    minAboveMax: (lo: string, hi: string) => `the minimum ${lo} is above the maximum ${hi}: swap or correct them`,
    stringOnly: "only applies to string fields: remove it",
    /** `detail` the regular-expression engine's own words (English). */
    badPattern: (detail: string) => `is not a valid regular expression (${detail}): correct it`,
    comparesNumbers: (op: string, field: string, type: string) =>
      `"${op}" compares numbers but ${field} is ${a(type)} field: use equals or in`,
    compareNumeric: (field: string, type: string) => `${field} is ${a(type)} field: compare with a number or integer field`,
    notACategory: (value: string, field: string, values: string) => `${value} is not a category of ${field}: use one of ${values}`,
  },
  // A foreign key the study's datasets cannot satisfy (a refusal of the run, not a row's issue).
  foreignKeyDataset: (dataset: string, resource: string) =>
    `Dataset ${dataset} has a foreign key to dataset "${resource}", which the study does not define.`,
  foreignKeyField: (dataset: string, field: string, other: string) =>
    `The foreign key of dataset ${dataset} names field ${field}, which dataset ${other} does not have.`,
  /** A size in the language's units: whole mebibytes or kibibytes, else bytes. */
  size: (amount: number, unit: "MiB" | "KiB" | "bytes") =>
    unit === "bytes" ? `${amount.toLocaleString("en-US")} bytes` : `${amount} ${unit}`,
  // The format checks of the workbook and SPSS readers: "<file>[, line N]: " then one of these.
  emptyTyped: (format: "xlsx" | "sav") =>
    `the file is empty; ${format === "xlsx" ? "an Excel workbook" : "an SPSS data file (.sav)"} was expected.`,
  notApplicable: (option: string, format: "csv" | "xlsx" | "sav") =>
    `${option} does not apply to ${format === "csv" ? "a CSV file" : format === "xlsx" ? "an Excel workbook (.xlsx)" : "an SPSS data file (.sav)"}; remove it.`,
  refusedFormat: {
    ".xls": "old binary Excel workbooks (.xls) are not read; save it as .xlsx or CSV.",
    ".ods": "OpenDocument spreadsheets (.ods) are not read; save it as .xlsx or CSV.",
    ".zsav": "ZLIB-compressed SPSS files (.zsav) are not read; save it as an ordinary .sav.",
    ".dta": "Stata files (.dta) are not read; export it as .sav or CSV.",
    ".por": "SPSS portable files (.por) are not read; save it as .sav.",
  },
  workbookBroken: (pastRow: boolean, detail: string) => `the workbook cannot be read${pastRow ? " past this row" : ""} (${detail}).`,
  noSheetAt: (sheets: number, names: string, wanted: number) =>
    `the workbook has ${sheets} sheet${sheets === 1 ? "" : "s"} (${names}); there is no sheet ${wanted}.`,
  noSheetNamed: (wanted: string, names: string) => `the workbook has no sheet named ${wanted}; its sheets are ${names}.`,
  noHeaderRow: (sheet: string, row: number, empty: boolean) =>
    `sheet ${sheet} has no column names on row ${row}${empty ? " (the sheet is empty there)" : ""}; set header_row to the row that holds them.`,
  workbookEncrypted: "the workbook is encrypted (protected by a password); save a copy without the password, or export the sheet as CSV.",
  notWorkbook: (why: string) => `this is not a readable Excel workbook (.xlsx): ${why}.`,
  /**
   * Why a file is not a workbook, after `notWorkbook`; `detail` is the zip reader's own words
   * (English: French says the known ones in French and leaves others out).
   */
  notWorkbookWhy: {
    oldBinary: "an old binary workbook (.xls) or another Office file; save it as .xlsx or CSV",
    notZip: (detail: string) => `not a valid zip archive (${detail})`,
    damagedZip: (detail: string) => `a damaged zip archive (${detail})`,
    entryUnreadable: (entry: string, detail: string) => `entry ${entry} cannot be read (${detail})`,
    entryDamaged: (entry: string, detail: string) => `entry ${entry} is damaged (${detail})`,
    noWorkbookXml: "a zip archive without xl/workbook.xml (an .ods or .docx file, perhaps)",
  },
  /** `part` null: all the archive's parts together. */
  zipTooLarge: (part: string | null, limit: string) =>
    `${part === null ? "its parts together" : `its part ${part}`} would inflate to more than ${limit}; the workbook is refused (a zip bomb, or split it).`,
  notSav: (why: string) => `this is not a readable SPSS data file (.sav): ${why}.`,
  /** Why a file is not a readable SPSS file, after `notSav`. */
  notSavWhy: {
    zsav: "it is a compressed ZSAV file, which is not read; save it as .sav (not compressed with ZLIB)",
    signature: "it does not begin with an SPSS system-file signature",
    layout: "its layout code is neither 2 nor 3",
    compression: (code: number) => `its compression ${code} is not one this reader knows`,
    labelsWithoutList: "a value-label record is not followed by its variable list",
    labelLength: "a variable label has an impossible length",
    missingCount: "a variable has an impossible count of missing values",
    labelCount: "a value-label record has an impossible count",
    listWithoutLabels: "a variable list comes without its value labels",
    listTooLong: "a value-label record names more variables than there are",
    documentLength: "a document record has a negative length",
    extensionSize: "an extension record has an impossible size",
    unknownRecord: (type: number) => `it holds a record of unknown type ${type}`,
    continuation: "a string continuation record comes without its variable",
    longStringSegments: (name: string) => `the very long string ${name} lacks its segments`,
    labelUnknownVariable: "a value label names a variable that does not exist",
    stringAsNumber: (name: string) => `a value of the string variable ${name} is stored as a number`,
    endsInCase: "the file ends in the middle of a case",
    endsInDictionary: "the file ends inside its dictionary",
  },
  savMissingRange: (name: string, low: number, high: number) =>
    `variable ${name} declares the missing-value range ${low} to ${high}, which cannot be listed as codes; declare its codes in the schema's missingValues instead.`,
  // A dataset an analysis needs with no accepted row (the run stops).
  headerOnly: (file: string, blank: number) =>
    `${file}: the file has a header but no data rows${blank > 0 ? ` (only ${blank.toLocaleString("en-US")} blank line${blank === 1 ? "" : "s"})` : ""}; there is nothing to analyse.`,
  rejectedRow: (line: number, reason: string | null) => `line ${line}, ${reason ?? "rejected"}`,
  /** `quoted` the first rejected rows, each with its reason; `hints` what the rejections suggest. */
  allRejected: (file: string, rows: number, quoted: string[], hints: string[] | null) =>
    `${file}: ${rows === 1 ? "its only row was rejected" : `every one of its ${rows.toLocaleString("en-US")} rows was rejected`} (${quoted.join("; ")}).${hints === null ? "" : ` Hint: ${hints.join("; ")}.`}`,
  delimiterHint: (header: string, fields: number, delimiter: string) =>
    `the header was read as one column ("${header}") where the schema expects ${fields}: the file's delimiter is probably ${delimiter} (set delimiter: ${delimiter} for the dataset in the study)`,
  headerTypoHint: (column: string, field: string) =>
    `column "${column}" looks like field ${field} (fix the header, or map it with rename: { ${column}: ${field} })`,
  utf8ReadAs1252Hint: (text: string) =>
    `text such as "${text}" is UTF-8 read as Windows-1252 (set encoding: utf-8 for the dataset in the study)`,
  garbledHint: (text: string) =>
    `text such as "${text}" was garbled before the file was saved (UTF-8 decoded as Windows-1252, then saved as UTF-8): export the file again as UTF-8`,
  notUtf8Hint: `"\uFFFD" stands for bytes that are not UTF-8: the file is probably Windows-1252 (set encoding: windows-1252 for the dataset in the study)`,
  decimalCommaHint: (value: string, field: string) =>
    `numbers such as "${value}" in field ${field} have a decimal comma (set decimal_char: "," for the dataset in the study)`,
};

export type IssueTexts = typeof en;
