/**
 * English sentences of the data issues and the rejected rows' reasons: the source of truth for
 * the keys. Values arrive already cut to a readable length; a sentence never formats data.
 */
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
  rowConstraint: (message: string, name: string, values: string) => `${message} (${name}: ${values})`,
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
  duplicateColumns: (first: number, second: number, a: string, b: string) =>
    `columns ${first} and ${second} ${a === b ? `are both named "${a}"` : `are named "${a}" and "${b}"`}; column names must be unique (ignoring case).`,
  textAfterQuote: (at: string, column: number, more: boolean) =>
    `${at}: text follows a closing quote in column ${column}; it is kept as part of the cell${more ? " (further such warnings are not listed)" : ""}.`,
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
  /** Why a file is not a workbook, after `notWorkbook`; `detail` is the zip reader's own words. */
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
  allRejected: (file: string, rows: number, quoted: string, hints: string | null) =>
    `${file}: ${rows === 1 ? "its only row was rejected" : `every one of its ${rows.toLocaleString("en-US")} rows was rejected`} (${quoted}).${hints === null ? "" : ` Hint: ${hints}.`}`,
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
