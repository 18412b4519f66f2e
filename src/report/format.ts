/**
 * Every number in a report is formatted here, so English and French reports follow one set of
 * rules. Formatting is done by hand rather than with Intl so output never depends on the
 * machine's ICU data (reports must be byte-identical everywhere).
 */
export type Lang = "en" | "fr";

/** U+202F NARROW NO-BREAK SPACE: French thousands separator and space before %. */
export const NNBSP = "\u202f";
/** U+2212 MINUS SIGN: typographic minus for negative numbers in both languages. */
export const MINUS = "\u2212";
const EN_DASH = "\u2013";

/** Fixed-decimal rendering with grouping, without float artefacts such as "-0.0". */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const negative = value < 0 && Number(fixed) !== 0;
  const [intPart = "0", frac] = fixed.split(".");
  const group = lang === "fr" ? NNBSP : ",";
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sep = lang === "fr" ? "," : ".";
  return `${negative ? MINUS : ""}${grouped}${frac === undefined ? "" : sep + frac}`;
}

/** Whole counts: "1,862" / "1 862". */
export function formatCount(value: number, lang: Lang): string {
  return formatNumber(value, 0, lang);
}

function percentSign(lang: Lang): string {
  return lang === "fr" ? `${NNBSP}%` : "%";
}

/** Proportion 0.37 → "37.0%" / "37,0 %" (one decimal in tables). */
export function formatPercent(p: number, lang: Lang, decimals = 1): string {
  return formatNumber(p * 100, decimals, lang) + percentSign(lang);
}

/** Decimals used in plain sentences: integers, one decimal for values under 10 % (8.0 %, 1.1 %). */
export function findingDecimals(p: number): number {
  return Math.abs(p) < 0.1 ? 1 : 0;
}

/** Percentage points with an explicit sign: "+6.9" / "+6,9". */
export function formatPoints(diff: number, lang: Lang, decimals = 1): string {
  const s = formatNumber(diff * 100, decimals, lang);
  return s.startsWith(MINUS) || Number((diff * 100).toFixed(decimals)) === 0 ? s : `+${s}`;
}

/**
 * Interval "35.0–39.0%". An en dash between two numbers reads as a range only when neither is
 * negative; otherwise use the word ("−1.2 to 3.4").
 */
export function formatInterval(ci: readonly [number, number], unit: "percent" | "number", lang: Lang, decimals: number): string {
  const [lo, hi] = ci;
  const scale = unit === "percent" ? 100 : 1;
  const a = formatNumber(lo * scale, decimals, lang);
  const b = formatNumber(hi * scale, decimals, lang);
  const suffix = unit === "percent" ? percentSign(lang) : "";
  if (lo < 0 || hi < 0) return `${a}${suffix} ${lang === "fr" ? "à" : "to"} ${b}${suffix}`;
  return `${a}${EN_DASH}${b}${suffix}`;
}

/** Value in the unit of its indicator kind. */
export function formatValue(value: number, unit: "percent" | "number", lang: Lang, decimals?: number): string {
  return unit === "percent" ? formatPercent(value, lang, decimals ?? 1) : formatNumber(value, decimals ?? 2, lang);
}

/** p-values: "< 0.001" below the threshold, three decimals otherwise. */
export function formatP(p: number, lang: Lang): string {
  if (p < 0.001) return `<${spaceBeforeOperator(lang)}${formatNumber(0.001, 3, lang)}`;
  return formatNumber(p, 3, lang);
}

/** "< 0.001" never breaks across lines: no-break space in English, narrow one in French. */
function spaceBeforeOperator(lang: Lang): string {
  return lang === "fr" ? NNBSP : "\u00a0";
}

/** Test statistics, design effects, degrees of freedom. */
export function formatStat(value: number, lang: Lang, decimals = 2): string {
  return formatNumber(value, decimals, lang);
}

/** df are integers for designs (PSUs − strata) but may be fractional (Satterthwaite). */
export function formatDf(df: number, lang: Lang): string {
  return Number.isInteger(df) ? formatCount(df, lang) : formatNumber(df, 1, lang);
}

/** Confidence level 0.95 → "95%" / "95 %". */
export function formatLevel(level: number, lang: Lang): string {
  const pct = level * 100;
  return formatNumber(pct, Number.isInteger(Number(pct.toFixed(6))) ? 0 : 1, lang) + percentSign(lang);
}

/** A workbook's `encoding` in the result is `xlsx, sheet "NAME"` (language-free): its sheet is worded by `sheetIs`. */
const WORKBOOK_SHEET = /^xlsx, sheet (".*")$/s;
export function encodingText(encoding: string, sheetIs: (name: string) => string): string {
  const sheet = WORKBOOK_SHEET.exec(encoding);
  return sheet ? `xlsx, ${sheetIs(sheet[1] as string)}` : encoding;
}
