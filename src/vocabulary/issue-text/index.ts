import { en, type IssueTexts } from "./en.js";
import { fr } from "./fr.js";

export type { IssueTexts };

const catalogues = { en, fr } satisfies Record<"en" | "fr", IssueTexts>;

/** The sentences of issues and rejection reasons in one language (English by default). */
export function issueTexts(lang: "en" | "fr" = "en"): IssueTexts {
  return catalogues[lang];
}

/** A limit in bytes as the user reads it, in `lang`: whole mebibytes or kibibytes, else bytes. */
export function formatSize(bytes: number, lang?: "en" | "fr"): string {
  const { size } = issueTexts(lang);
  if (bytes % (1024 * 1024) === 0) return size(bytes / (1024 * 1024), "MiB");
  if (bytes % 1024 === 0) return size(bytes / 1024, "KiB");
  return size(bytes, "bytes");
}
