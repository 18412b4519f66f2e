/**
 * Where a study's texts lack the report language: every `{ en: ... }` text (`localizedText`)
 * without a `lang` entry, as a path such as `indicators.internet_never.label`. A plain string
 * is one text for every language and is never listed. Walks the whole declaration, so a text
 * key added later is covered without a list to keep up to date.
 */
export function untranslatedTexts(study: unknown, lang: "en" | "fr"): string[] {
  if (lang === "en") return []; // `en` is required in every translated text
  const out: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, `${path}.${elementName(item, i)}`);
      return;
    }
    if (value === null || typeof value !== "object") return;
    const entries = Object.entries(value);
    if (isLocalized(entries)) {
      if (!entries.some(([k]) => k === lang)) out.push(path.slice(1));
      return;
    }
    for (const [k, v] of entries) walk(v, `${path}.${k}`);
  };
  walk(study, "");
  return out;
}

/** A text of `localizedText`'s object form: string entries keyed by languages, English among them. */
function isLocalized(entries: [string, unknown][]): boolean {
  return entries.some(([k]) => k === "en") && entries.every(([k, v]) => (k === "en" || k === "fr") && typeof v === "string");
}

/** Array elements named by their id where they have one (indicators), else by position. */
function elementName(item: unknown, index: number): string {
  const id = item !== null && typeof item === "object" && "id" in item ? (item as { id: unknown }).id : undefined;
  return typeof id === "string" ? id : String(index);
}
