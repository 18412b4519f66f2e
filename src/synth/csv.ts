// CSV text as the study files expect it: `,` separator, LF line ends, quotes only when needed.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvCell(value: string | number): string {
  const text = typeof value === "number" ? String(value) : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number)[]): string {
  return `${cells.map(csvCell).join(",")}\n`;
}

export function csvText(header: readonly string[], rows: Iterable<readonly (string | number)[]>): string {
  let out = csvLine(header);
  for (const row of rows) out += csvLine(row);
  return out;
}
