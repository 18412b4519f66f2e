import { z } from "zod";

const CROSSED =
  "a domain is a field name, or a list of two or more different field names to cross (every combination of their levels), e.g. [housing, age_band]";

/**
 * One entry of `domains`: a field whose levels are subgroups, or a list of fields crossed, whose
 * subgroups are the combinations of their levels (`[housing, age_band]`).
 */
const domainEntry = z.union(
  [
    z.string().min(1),
    z.array(z.string().min(1)).refine((fields) => fields.length >= 2 && new Set(fields).size === fields.length, { error: CROSSED }),
  ],
  { error: CROSSED },
);

export const domainList = z.array(domainEntry);
export type DomainEntry = z.infer<typeof domainEntry>;

/** The fields a domain entry reads: itself, or the crossed fields. */
export const domainFields = (entry: DomainEntry): readonly string[] => (typeof entry === "string" ? [entry] : entry);
