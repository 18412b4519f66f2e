import type { Lang } from "../format.js";
import { type Messages, en } from "./en.js";
import { fr } from "./fr.js";

export type { Messages };

const catalogues: Record<Lang, Messages> = { en, fr };

export function messages(lang: Lang): Messages {
  return catalogues[lang];
}
