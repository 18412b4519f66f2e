/** Delimiters we sniff among, in order of preference when the evidence ties. */
const SNIFFED_DELIMITERS = [",", ";", "\t", "|"] as const;

const MAX_SNIFF_RECORDS = 50;

/**
 * Guess the delimiter from the start of a file. Each candidate is counted outside quotes on each
 * record (quoted newlines do not split records); a candidate must occur in the header and wins
 * by how many data records have the header's count (ragged rows happen, so no candidate needs
 * all), then by how many columns it makes. `sample` is the first bytes decoded as Latin-1: the
 * delimiters, quotes and line breaks are ASCII in UTF-8 and Windows-1252 alike.
 * Returns "," when no candidate occurs in the header (a one-column file).
 */
export function sniffDelimiter(sample: string, sampleIsWhole: boolean): string {
  const counts = sniffCounts(sample, sampleIsWhole);
  const header = counts[0];
  if (header === undefined) return ",";
  let best = ",";
  let bestScore = -1;
  let bestColumns = 0;
  SNIFFED_DELIMITERS.forEach((delimiter, d) => {
    const columns = header[d]!;
    if (columns === 0) return;
    const data = counts.slice(1);
    const agreeing = data.filter((c) => c[d] === columns).length;
    const score = data.length === 0 ? 1 : agreeing / data.length;
    if (score > bestScore || (score === bestScore && columns > bestColumns)) {
      best = delimiter;
      bestScore = score;
      bestColumns = columns;
    }
  });
  return best;
}

/** Per record, how many times each candidate occurs outside quotes. */
function sniffCounts(sample: string, sampleIsWhole: boolean): number[][] {
  const records: number[][] = [];
  let current = SNIFFED_DELIMITERS.map(() => 0);
  let inQuotes = false;
  let sawChar = false;
  for (let i = 0; i < sample.length && records.length < MAX_SNIFF_RECORDS; i++) {
    const ch = sample[i]!;
    if (ch === '"') {
      inQuotes = !inQuotes; // an escaped "" toggles twice: no harm
      sawChar = true;
    } else if (!inQuotes && (ch === "\n" || ch === "\r")) {
      if (ch === "\r" && sample[i + 1] === "\n") i++;
      records.push(current);
      current = SNIFFED_DELIMITERS.map(() => 0);
      sawChar = false;
    } else {
      sawChar = true;
      if (!inQuotes) {
        const d = SNIFFED_DELIMITERS.indexOf(ch as (typeof SNIFFED_DELIMITERS)[number]);
        if (d !== -1) current[d]!++;
      }
    }
  }
  // The last record of a partial sample may be cut short: only count it if the sample is the file.
  if (sawChar && sampleIsWhole && records.length < MAX_SNIFF_RECORDS) records.push(current);
  return records;
}
