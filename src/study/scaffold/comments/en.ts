/**
 * English comments of a new wave's scaffolded study file (`init BASE_STUDY DATA`): the source of
 * truth for the keys. Each is one comment line's text, without its "#".
 */
export const en = {
  scaffolded: (base: string, data: string) => `New wave scaffolded by \`exclusion-study init\` from ${base} and ${data}.`,
  inherits: "It inherits everything from the base study and restates what the new export changes.",
  checkLines: "Check the lines marked CHECK, then run `exclusion-study validate` on this file. See docs/waves.md.",
  newId: "CHECK: the new wave's id",
  check: "CHECK",
  newAnswers: "CHECK: the export has answers the base schema does not list; copy the schema, add them, and set it here:",
  renameHeader: "export column: schema field",
  matchedBy: (why: string) => `matched by ${why}`,
  byRename: "the base study's rename",
  byName: "name (spelt differently)",
  bySimilarity: (score: string) => `similar name (${score}), CHECK`,
  byValues: (percent: number) => `values (${percent}% of sampled values fit its categories), CHECK`,
  byNumbers: (percent: number) => `numbers (whole or not as the base data, ranges overlapping ${percent}%), CHECK`,
  noColumn: (field: string) => `CHECK: no column for schema field ${field}; add a rename if the export calls it otherwise`,
  ambiguous: (column: string, fields: string) => `CHECK: column ${column} could be any of ${fields}; add the right rename`,
  unmatched: (column: string) => `column ${column} matches no schema field (validation will ignore it)`,
  cancelled: (format: "csv" | "xlsx" | "sav") =>
    `the base study's reading of its file; the new export is ${{ csv: "a CSV file", xlsx: "an Excel workbook", sav: "an SPSS file" }[format]}`,
};

export type ScaffoldComments = typeof en;
