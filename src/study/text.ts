import { z } from "zod";
import { refusal } from "./refusal.js";

/** Names a study file gives (study, datasets, baselines, indicator ids). */
export const identifier = z.string().refine(
  (s) => /^[A-Za-z][A-Za-z0-9_.-]*$/.test(s),
  refusal((m) => m.identifierChars),
);

/** One field name or a list of them, always read as a list (cluster stages, crossed margins). */
export const fieldList = z.union([z.string().min(1), z.array(z.string().min(1))]).transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * Text a reader sees: one string, or one per report language (`{ en: ..., fr: ... }`);
 * `text()` picks the language, falling back to English.
 */
export const localizedText = z.union([z.string().min(1), z.object({ en: z.string().min(1), fr: z.string().min(1).optional() }).strict()]);
export type LocalizedText = z.infer<typeof localizedText>;

export function text(value: LocalizedText, lang: "en" | "fr"): string {
  return typeof value === "string" ? value : (value[lang] ?? value.en);
}
