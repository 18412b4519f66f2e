import { codeArrayFor } from "../table-schema/index.js";
import type { LevelCodes } from "./data-table.js";

/** What a crossed subgroup's key puts between its fields, and its label between their levels' labels. */
const CROSS = " × ";

/** A subgroup grouping: one field, or fields crossed; `key` names it in the result's `domains`. */
export interface Domain {
  key: string;
  fields: readonly string[];
}

export function domainOf(entry: string | readonly string[]): Domain {
  return typeof entry === "string" ? { key: entry, fields: [entry] } : { key: entry.join(CROSS), fields: entry };
}

/** A grouping of an indicator and where the study file lists it (`domains[k]`, or the indicator's own). */
export interface PlacedDomain {
  domain: Domain;
  path: (string | number)[];
}

/**
 * The groupings an indicator is estimated by: its own `domains`, else the study's, less those
 * whose dataset lacks a field and those that include the field the indicator is about.
 */
export function indicatorDomains(
  own: readonly (string | readonly string[])[] | undefined,
  study: readonly (string | readonly string[])[],
  indicator: number,
  has: (field: string) => boolean,
  about: string | undefined,
): PlacedDomain[] {
  const entries = own ?? study;
  return entries
    .map((entry, k) => ({ domain: domainOf(entry), path: own ? ["indicators", indicator, "domains", k] : ["domains", k] }))
    .filter(({ domain }) => domain.fields.every((f) => has(f) && f !== about));
}

/** One crossed field's level within a crossed level. */
interface LevelPart {
  field: string;
  level: string;
  label: string;
}

/** A grouping's levels and each row's level; a crossed level also says which level of each field it is. */
export interface DomainLevels extends LevelCodes {
  parts: LevelPart[][] | null;
}

/** The number of combinations of the fields' levels: what a crossed grouping may have at most. */
export function combinations(domain: Domain, levelCodes: (field: string) => LevelCodes): number {
  return domain.fields.reduce((product, field) => product * levelCodes(field).levels.length, 1);
}

/**
 * A grouping's levels from its fields' level codes, each made once per dataset run and kept by
 * the returned function (the estimation context keys its facts on the codes array). A crossed
 * grouping's levels are the combinations that occur in some row, in the fields' level order,
 * the first field slowest (R's `interaction(a, b, lex.order = TRUE, drop = TRUE)`); a row
 * missing any of the fields is in none. Call `combinations` first: every combination is counted.
 */
export function domainLevelsOf(levelCodes: (field: string) => LevelCodes): (domain: Domain) => DomainLevels {
  const made = new Map<string, DomainLevels>();
  return (domain) => {
    let levels = made.get(domain.key);
    if (!levels) made.set(domain.key, (levels = crossed(domain, levelCodes)));
    return levels;
  };
}

function crossed(domain: Domain, levelCodes: (field: string) => LevelCodes): DomainLevels {
  const parts = domain.fields.map((field) => levelCodes(field));
  if (parts.length === 1) return { ...(parts[0] as LevelCodes), parts: null };
  const n = (parts[0] as LevelCodes).codes.length;
  // Each row's combination as a mixed-radix number, the first field its most significant digit.
  const combined = new Int32Array(n);
  const seen = new Uint8Array(parts.reduce((product, p) => product * p.levels.length, 1));
  for (let i = 0; i < n; i++) {
    let c = 0;
    for (const p of parts) {
      const k = p.codes[i]!;
      if (k < 0) {
        c = -1;
        break;
      }
      c = c * p.levels.length + k;
    }
    combined[i] = c;
    if (c >= 0) seen[c] = 1;
  }
  const levelOf = new Int32Array(seen.length).fill(-1);
  const levels: LevelCodes["levels"] = [];
  const levelParts: LevelPart[][] = [];
  for (let c = 0; c < seen.length; c++) {
    if (seen[c] === 0) continue;
    levelOf[c] = levels.length;
    const combo: LevelPart[] = [];
    let rest = c;
    for (let j = parts.length - 1; j >= 0; j--) {
      const p = parts[j] as LevelCodes;
      const level = p.levels[rest % p.levels.length] as LevelCodes["levels"][number];
      combo.unshift({ field: domain.fields[j] as string, level: level.value, label: level.label });
      rest = Math.floor(rest / p.levels.length);
    }
    levels.push({ value: combo.map((x) => x.level).join(CROSS), label: combo.map((x) => x.label).join(CROSS) });
    levelParts.push(combo);
  }
  const codes = codeArrayFor(levels.length - 1, n);
  for (let i = 0; i < n; i++) {
    const c = combined[i]!;
    codes[i] = c < 0 ? -1 : levelOf[c]!;
  }
  return { levels, codes, parts: levelParts };
}
