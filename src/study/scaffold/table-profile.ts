import { missingTokenLabel, designRolesOf, type DesignRole } from "./evidence.js";
import { normaliseName } from "./match-columns.js";
import { ColumnProfile } from "./profile.js";

/**
 * The evidence `init` gathers from a whole table in one streaming pass: a profile per column
 * (profile.ts), which columns could be a primary key, and, for columns named like design
 * columns, whether clusters nest in strata. Memory is bounded whatever the row count (see
 * KEY_TRIAL_ROWS and MAX_TRACKED_LEVELS); every row is read, so the guesses hold for all rows.
 */

/** Every column is a key candidate for this many rows; after, only the KEYS_TRACKED leftmost still unique. */
const KEY_TRIAL_ROWS = 1000;
const KEYS_TRACKED = 2;
/** Clusters or strata tracked for the nesting check; beyond, nesting is left unchecked. */
const MAX_TRACKED_LEVELS = 100_000;

/**
 * A cell as a key compares: a whole number written with a sign, group marks or leading zeros
 * ("-4,989", "-4 989", "007") is its digits, since an integer key is checked on the number
 * ("-4,989" and "-4989" are one key). Texts that merely look alike then count as one key too: a
 * key is missed, never wrongly proposed.
 */
function asKey(text: string): string {
  if (!/^[+-]?[\d\s.,'\u00a0\u202f]*\d[\d\s.,'\u00a0\u202f]*$/.test(text)) return text;
  const digits = text.replace(/\D/g, "").replace(/^0+(?=\d)/, "");
  return text.startsWith("-") && /[1-9]/.test(digits) ? `-${digits}` : digits;
}

/** A 53-bit hash of a text (cyrb53): a collision can only hide a key, never invent one. */
function hash53(s: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** How the clusters of one cluster column sit in the strata of one strata column. */
interface Nesting {
  strata: number;
  cluster: number;
  /** A cluster id seen in two strata: the design needs `nest: true`. */
  reused: boolean;
  /** Strata holding a single cluster (a lonely PSU). */
  lonely: number;
  /** Too many levels to check. */
  unchecked: boolean;
}

export interface TableProfile {
  rows: number;
  /** Rows with more or fewer cells than the header (validation rejects them: a wrong delimiter?). */
  ragged: number;
  columns: ColumnProfile[];
  /** Per column: unique and never missing in every row (false when not, or not checked). */
  unique: boolean[];
  /** Columns whose names suggest each design role, in file order. */
  roles: Record<DesignRole, number[]>;
  nesting: Nesting[];
  /** Per strata candidate: strata with one row (lonely when there is no cluster column), or null if unchecked. */
  singletonStrata: Map<number, number | null>;
}

export class TableProfiler {
  private rows = 0;
  private ragged = 0;
  private readonly columns: ColumnProfile[];
  private keySets: (Set<number> | null)[];
  private readonly roles: Record<DesignRole, number[]> = { weights: [], strata: [], cluster: [] };
  private readonly pairs: {
    strata: number;
    cluster: number;
    /** Cluster id → the first stratum it was seen in; null once over the cap. */
    of: Map<string, string> | null;
    /** Stratum and cluster pairs, for the clusters per stratum. */
    both: Set<string>;
    reused: boolean;
  }[] = [];
  private readonly strataRows = new Map<number, Map<string, number> | null>();

  constructor(header: readonly string[]) {
    this.columns = header.map((h) => new ColumnProfile(h));
    this.keySets = header.map(() => new Set<number>());
    header.forEach((h, i) => {
      for (const role of designRolesOf(normaliseName(h))) this.roles[role].push(i);
    });
    for (const s of this.roles.strata) {
      this.strataRows.set(s, new Map());
      for (const c of this.roles.cluster)
        if (c !== s) this.pairs.push({ strata: s, cluster: c, of: new Map(), both: new Set(), reused: false });
    }
  }

  add(cells: readonly string[]): void {
    this.rows++;
    if (cells.length !== this.columns.length) this.ragged++;
    for (let i = 0; i < this.columns.length; i++) {
      const cell = cells[i] ?? "";
      (this.columns[i] as ColumnProfile).add(cell);
      const set = this.keySets[i];
      if (set) {
        const text = cell.trim();
        const h = hash53(asKey(text));
        if (text === "" || missingTokenLabel(text) !== null || set.has(h)) this.keySets[i] = null;
        else set.add(h);
      }
    }
    if (this.rows === KEY_TRIAL_ROWS) {
      let kept = 0;
      this.keySets = this.keySets.map((s) => (s !== null && kept++ < KEYS_TRACKED ? s : null));
    }
    for (const [s, counts] of this.strataRows) {
      if (counts === null) continue;
      const key = (cells[s] ?? "").trim();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (counts.size > MAX_TRACKED_LEVELS) this.strataRows.set(s, null);
    }
    for (const p of this.pairs) {
      if (p.of === null) continue;
      const stratum = (cells[p.strata] ?? "").trim();
      const cluster = (cells[p.cluster] ?? "").trim();
      const seen = p.of.get(cluster);
      if (seen === undefined) p.of.set(cluster, stratum);
      else if (seen !== stratum) p.reused = true;
      p.both.add(`${stratum}\u0000${cluster}`);
      if (p.both.size > MAX_TRACKED_LEVELS) {
        p.of = null;
        p.both.clear();
      }
    }
  }

  finish(): TableProfile {
    const nesting = this.pairs.map((p): Nesting => {
      if (p.of === null) return { strata: p.strata, cluster: p.cluster, reused: p.reused, lonely: 0, unchecked: true };
      // Clusters per stratum, a reused id counting once in each stratum it appears in (nest: true).
      const perStratum = new Map<string, number>();
      for (const pair of p.both) {
        const stratum = pair.slice(0, pair.indexOf("\u0000"));
        perStratum.set(stratum, (perStratum.get(stratum) ?? 0) + 1);
      }
      return {
        strata: p.strata,
        cluster: p.cluster,
        reused: p.reused,
        lonely: [...perStratum.values()].filter((n) => n === 1).length,
        unchecked: false,
      };
    });
    const singletonStrata = new Map(
      [...this.strataRows].map(([s, counts]) => [s, counts === null ? null : [...counts.values()].filter((n) => n === 1).length]),
    );
    return {
      rows: this.rows,
      ragged: this.ragged,
      columns: this.columns,
      // With fewer rows than the trial, every column was tracked to the end.
      unique: this.keySets.map((s) => s !== null),
      roles: this.roles,
      nesting,
      singletonStrata,
    };
  }
}
