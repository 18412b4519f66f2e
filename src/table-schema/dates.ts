/**
 * Dates are kept as ISO strings ("2014-03-01"): they sort and compare as text, and the
 * value vocabulary (`Value`) stays free of Date objects. Only real calendar days pass.
 */
export type DateParser = (text: string) => string | null;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const leap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1) return null;
  if (d > (m === 2 && leap(y) ? 29 : (DAYS[m - 1] as number))) return null;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/**
 * A parser for a Table Schema date format: "default" (ISO 8601) or a strptime-like pattern
 * made of %d, %m, %Y and literal characters ("%d/%m/%Y"). Null when the format is unsupported.
 */
export function dateFormatParser(format: string | undefined): DateParser | null {
  if (format === undefined || format === "default") {
    return (text) => {
      const m = ISO.exec(text);
      // A valid ISO date is already in its canonical form: return the text itself.
      return m && iso(Number(m[1]), Number(m[2]), Number(m[3])) !== null ? text : null;
    };
  }
  const order: ("d" | "m" | "Y")[] = [];
  let source = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === "%") {
      const d = format[++i];
      if (d === "d" || d === "m") source += "(\\d{1,2})";
      else if (d === "Y") source += "(\\d{4})";
      else return null;
      if (order.includes(d)) return null;
      order.push(d);
    } else source += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  if (order.length !== 3) return null;
  const re = new RegExp(`^${source}$`);
  const at = { d: order.indexOf("d") + 1, m: order.indexOf("m") + 1, Y: order.indexOf("Y") + 1 };
  return (text) => {
    const m = re.exec(text);
    return m ? iso(Number(m[at.Y]), Number(m[at.m]), Number(m[at.d])) : null;
  };
}
