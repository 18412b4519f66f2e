/** The small survey table every well-formed fixture in fixtures/messy/ holds. */
export const SURVEY_HEADER = ["id", "age", "internet_use", "monthly_resources_eur", "comment"];

export const SURVEY_ROWS: string[][] = [
  ["1", "34", "never", "850.50", "Pas d’ordinateur, trop cher"],
  ["2", "27", "daily", "1200", "Forfait à 20 € par mois"],
  ["3", "45", "weekly", "640.00", ""],
  ["4", "19", "never", "410.75", "Mon cœur est au pays; j’appelle ma sœur"],
  ["5", "52", "daily", "980", "Carte prépayée | recharge"],
  ["6", "61", "never", "720.30", 'Il dit "jamais" d’Internet'],
  ["7", "23", "monthly", "555", "Cybercafé près du foyer"],
  ["8", "38", "daily", "1500.00", "Œuvre sociale — rendez-vous"],
  ["9", "41", "weekly", "890.90", ""],
  ["10", "30", "never", "0", "Sans ressources, hébergé"],
];

/** The same rows as a French Excel export writes them: decimal comma. */
export const SURVEY_ROWS_DECIMAL_COMMA = SURVEY_ROWS.map((row) => row.map((cell, i) => (i === 3 ? cell.replace(".", ",") : cell)));

/** Free-text notes of the multiline fixture's extra column, by row (LF, CRLF and a quote inside). */
export const SURVEY_NOTES = [
  "Première visite\nrevenu en mars",
  "",
  "Ligne 1\r\nLigne 2\r\nLigne 3",
  "",
  'Dit : "je n’ai pas d’adresse"\net pas de mail',
  "",
  "",
  "a\n\nb",
  "",
  "fin",
];

/** Records of a header + rows file where each row takes one physical line. */
export function oneLineRecords(rows: string[][]): { line: number; cells: string[] }[] {
  return rows.map((cells, i) => ({ line: i + 2, cells }));
}
