import { z } from "zod";
import { refusal } from "./refusal.js";

const isName = (v: unknown): v is string => typeof v === "string" && v.length > 0;

/**
 * One entry of `domains`: a field whose levels are subgroups, or a list of fields crossed, whose
 * subgroups are the combinations of their levels (`[housing, age_band]`). One check, so that any
 * wrong entry gets the one sentence that shows both forms.
 */
const domainEntry = z.custom<string | string[]>(
  (v) => isName(v) || (Array.isArray(v) && v.length >= 2 && v.every(isName) && new Set(v).size === v.length),
  refusal((m) => m.domainEntry),
);

export const domainList = z.array(domainEntry);
export type DomainEntry = z.infer<typeof domainEntry>;

/** The fields a domain entry reads: itself, or the crossed fields. */
export const domainFields = (entry: DomainEntry): readonly string[] => (typeof entry === "string" ? [entry] : entry);
