/**
 * Qualitative analysis of interview codings: code frequencies (primary coder), by group, by parent
 * code, code × code co-occurrence, code × attribute crosstabs, and per-code inter-coder agreement
 * on presence/absence. Pure computation on in-memory inputs; the result is JSON-ready (snake_case)
 * and never contains interview ids.
 */
import { cohenKappa, contingencyTable } from "./cohen-kappa.js";
import { alphaBand, kappaBand } from "./bands.js";
import { fleissKappaFromRatings } from "./fleiss-kappa.js";
import { krippendorffAlphaUnits } from "./krippendorff-alpha.js";
import { percentAgreement } from "./percent-agreement.js";
import type { CodeAgreement, QualitativeResult, ShareCell } from "./result-schema.js";
import type { AgreementReason } from "./ratings.js";

export interface QualitativeInput {
  /** Coders of each interview come from `coders`, never from the coding rows. */
  interviews: { id: string; group: string | null; attributes: Record<string, string | null>; coders: string[] }[];
  /** Long form; a code may repeat (several segments): presence counts once. */
  codings: { interview: string; coder: string; code: string }[];
  codebook: { code: string; label: string; parent?: string | null; description?: string | null }[];
  /** A coder id, or "first" = the first coder listed for each interview. */
  primaryCoder: string | "first";
  groupLabels?: Record<string, string>;
  /** Attribute fields to crosstab codes against. */
  attributes?: string[];
}

export interface QualitativeOptions {
  /** Confidence level of Cohen's kappa interval (default 0.95). */
  level?: number;
  /** Words a reason in the result's language (default: its code). */
  reasons?: (reason: AgreementReason) => string;
}

/** Key used for a missing group or attribute value. */
export const MISSING_KEY = "(missing)";

type CodeRow = QualitativeResult["codes"][number];
type ParentRow = QualitativeResult["parents"][number];

/**
 * Analyse interview codings.
 *
 * Throws an Error when the input is inconsistent (duplicate interview or code, a coding that
 * references an unknown interview or code, or a coder not listed for that interview): the caller
 * validates and rejects such rows first, this is the last line of defence.
 */
export function analyseQualitative(input: QualitativeInput, options: QualitativeOptions = {}): QualitativeResult {
  const level = options.level ?? 0.95;
  const word = options.reasons ?? ((r: AgreementReason) => r.code);
  const codebook = indexCodebook(input.codebook);
  const interviews = indexInterviews(input.interviews);

  // presence: interview index → coder → set of codes applied (segments collapse to presence).
  const presence = interviews.map(() => new Map<string, Set<string>>());
  input.codings.forEach((row, r) => {
    const i = interviews.findIndexById(row.interview);
    if (i === undefined) throw new Error(`codings row ${r + 1}: unknown interview ${JSON.stringify(row.interview)}`);
    if (!codebook.has(row.code)) throw new Error(`codings row ${r + 1}: unknown code ${JSON.stringify(row.code)}`);
    const itv = interviews[i];
    if (!itv?.coders.includes(row.coder)) {
      throw new Error(
        `codings row ${r + 1}: coder ${JSON.stringify(row.coder)} is not listed among the coders of interview ${JSON.stringify(row.interview)}`,
      );
    }
    const byCoder = presence[i] ?? new Map<string, Set<string>>();
    const set = byCoder.get(row.coder) ?? new Set<string>();
    set.add(row.code);
    byCoder.set(row.coder, set);
  });

  // Primary coding of each interview; null when the primary coder did not code it.
  const primary = interviews.map((itv, i) => {
    const coder = input.primaryCoder === "first" ? itv.coders[0] : itv.coders.includes(input.primaryCoder) ? input.primaryCoder : undefined;
    return coder === undefined ? null : (presence[i]?.get(coder) ?? new Set<string>());
  });
  const coded = interviews.flatMap((itv, i) => {
    const codes = primary[i];
    return codes ? [{ itv, codes }] : [];
  });

  const groups = orderGroups(
    interviews.map((itv) => groupKey(itv.group)),
    input.groupLabels,
  );
  // Each group's coded interviews, once (not again for every code).
  const codedByGroup = groups.map((g) => coded.filter((c) => groupKey(c.itv.group) === g));
  const shareOf = (has: (codes: Set<string>) => boolean): ShareCell & { by_group: Record<string, ShareCell> } => {
    const byGroup: Record<string, ShareCell> = {};
    groups.forEach((g, k) => {
      const inGroup = codedByGroup[k] as typeof coded;
      byGroup[g] = cell(inGroup.filter((c) => has(c.codes)).length, inGroup.length);
    });
    return { ...cell(coded.filter((c) => has(c.codes)).length, coded.length), by_group: byGroup };
  };

  const doubleCoded = interviews.map((itv, i) => ({ itv, i })).filter(({ itv }) => itv.coders.length >= 2);

  const codes: CodeRow[] = input.codebook.map((entry) => {
    const s = shareOf((set) => set.has(entry.code));
    // Each listed coder says yes (1) or no (0): coding the interview without this code is a "no".
    const ratings = doubleCoded.map(({ itv, i }) => itv.coders.map((c) => (presence[i]?.get(c)?.has(entry.code) ? 1 : 0)));
    return {
      code: entry.code,
      label: entry.label,
      parent: entry.parent ?? null,
      share: s.share,
      n: s.n,
      of: s.of,
      by_group: s.by_group,
      agreement: codeAgreement(ratings, level, word),
    };
  });

  const parents: ParentRow[] = parentCodes(input.codebook).map((p) => {
    const members = new Set(p.members);
    const s = shareOf((set) => [...set].some((c) => members.has(c)));
    return { code: p.code, label: p.label, share: s.share, n: s.n, of: s.of, children: p.children, by_group: s.by_group };
  });

  // Counted in one pass over the coded interviews (codes are all in the codebook: see presence).
  const codeList = input.codebook.map((e) => e.code);
  const codeIndex = new Map(codeList.map((code, k) => [code, k]));
  const counts = codeList.map(() => codeList.map(() => 0));
  for (const c of coded) {
    const ks = [...c.codes].map((code) => codeIndex.get(code) as number);
    for (const a of ks) for (const b of ks) (counts[a] as number[])[b]! += 1;
  }

  const crosstabs: QualitativeResult["crosstabs"] = {};
  for (const attr of input.attributes ?? []) {
    const levelOf = (itv: QualitativeInput["interviews"][number]): string => groupKey(itv.attributes[attr] ?? null);
    const levels = orderGroups(coded.map((c) => levelOf(c.itv)));
    // Keys in output order first (codes, then levels), then counted.
    const zeros = (): Record<string, number> => {
      const row: Record<string, number> = {};
      for (const lv of levels) row[lv] = 0;
      return row;
    };
    const totals = zeros();
    const byCode: Record<string, Record<string, number>> = {};
    for (const code of codeList) byCode[code] = zeros();
    for (const c of coded) {
      const lv = levelOf(c.itv);
      totals[lv]! += 1;
      for (const code of c.codes) (byCode[code] as Record<string, number>)[lv]! += 1;
    }
    crosstabs[attr] = { levels, counts: byCode, totals };
  }

  const byGroupUnits: Record<string, number> = {};
  for (const g of groups) byGroupUnits[g] = interviews.filter((itv) => groupKey(itv.group) === g).length;

  return {
    units: { interviews: interviews.length, coded: coded.length, by_group: byGroupUnits, double_coded: doubleCoded.length },
    groups: groups.map((g) => ({ group: g, label: input.groupLabels?.[g] ?? null })),
    primary_coder: input.primaryCoder,
    codes,
    parents,
    cooccurrence: { codes: codeList, counts },
    crosstabs,
  };
}

function codeAgreement(ratings: number[][], level: number, word: (reason: AgreementReason) => string): CodeAgreement {
  const units = ratings.length;
  const none: AgreementReason = { code: "no-two-coders" };
  // A statistic not available: its reason worded, and its code.
  const why = (reason: AgreementReason) => ({ value: null, reason: word(reason), reason_code: reason.code });
  const pct = percentAgreement(ratings);
  const table = contingencyTable(
    ratings.map((r) => r[0]),
    ratings.map((r) => r[1]),
    [0, 1],
  );
  const ck = units === 0 ? null : cohenKappa(table.table, { level });
  const alpha = krippendorffAlphaUnits(ratings, { metric: "nominal" });
  const sizes = new Set(ratings.map((r) => r.length));
  const fk =
    sizes.size > 1
      ? { value: null, reason: { code: "unequal-raters", min: Math.min(...sizes), max: Math.max(...sizes) } as AgreementReason }
      : fleissKappaFromRatings(ratings, [0, 1]);
  return {
    units,
    percent: pct.value === null ? { ...why(pct.reason), units } : { value: pct.value, units: pct.units, reason: null, reason_code: null },
    cohen_kappa:
      ck === null
        ? { ...why(none), units, se: null, ci: null, level }
        : ck.value === null
          ? { ...why(ck.reason), units: table.n, se: null, ci: null, level }
          : { value: ck.value, units: ck.n, reason: null, reason_code: null, se: ck.se, ci: ck.ci, level },
    krippendorff_alpha:
      alpha.value === null
        ? { ...why(units === 0 ? none : alpha.reason), units, metric: "nominal" as const }
        : { value: alpha.value, units: alpha.units, reason: null, reason_code: null, metric: "nominal" as const },
    fleiss_kappa:
      fk.value === null
        ? { ...why(units === 0 ? none : fk.reason), units, z: null }
        : { value: fk.value, units: fk.subjects, reason: null, reason_code: null, z: fk.z },
    band: {
      cohen_kappa: kappaBand(ck?.value ?? null),
      krippendorff_alpha: alphaBand(alpha.value),
      fleiss_kappa: kappaBand(fk.value),
    },
  };
}

function cell(n: number, of: number): ShareCell {
  return { share: of === 0 ? null : n / of, n, of };
}

function groupKey(value: string | null | undefined): string {
  return value === null || value === undefined || value === "" ? MISSING_KEY : value;
}

/**
 * Output order for groups and attribute levels: keys of `labels` first, in their given order;
 * then the other values by code point (locale-independent); the missing key last.
 */
function orderGroups(values: readonly string[], labels?: Record<string, string>): string[] {
  const present = new Set(values);
  const labelled = Object.keys(labels ?? {}).filter((k) => present.has(k));
  const rest = [...present].filter((g) => g !== MISSING_KEY && !labelled.includes(g)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...labelled, ...rest, ...(present.has(MISSING_KEY) && !labelled.includes(MISSING_KEY) ? [MISSING_KEY] : [])];
}

function indexCodebook(codebook: QualitativeInput["codebook"]): Map<string, QualitativeInput["codebook"][number]> {
  const map = new Map<string, QualitativeInput["codebook"][number]>();
  for (const entry of codebook) {
    if (map.has(entry.code)) throw new Error(`codebook: code ${JSON.stringify(entry.code)} is defined twice`);
    map.set(entry.code, entry);
  }
  return map;
}

type IndexedInterviews = QualitativeInput["interviews"] & { findIndexById(id: string): number | undefined };

function indexInterviews(list: QualitativeInput["interviews"]): IndexedInterviews {
  const index = new Map<string, number>();
  list.forEach((itv, i) => {
    if (index.has(itv.id)) throw new Error(`interviews: interview ${JSON.stringify(itv.id)} is listed twice`);
    if (new Set(itv.coders).size !== itv.coders.length) {
      throw new Error(`interviews: interview ${JSON.stringify(itv.id)} lists the same coder twice`);
    }
    index.set(itv.id, i);
  });
  return Object.assign([...list], { findIndexById: (id: string) => index.get(id) });
}

/**
 * Parent codes: every value used as `parent`, in the order it is first met in the codebook (its
 * own entry or its first child's). Members are all descendants, plus the parent if it is a code.
 */
function parentCodes(codebook: QualitativeInput["codebook"]): { code: string; label: string; children: string[]; members: string[] }[] {
  const children = new Map<string, string[]>();
  for (const e of codebook) {
    if (e.parent === null || e.parent === undefined || e.parent === "") continue;
    if (e.parent === e.code) throw new Error(`codebook: code ${JSON.stringify(e.code)} is its own parent`);
    children.set(e.parent, [...(children.get(e.parent) ?? []), e.code]);
  }
  const order: string[] = [];
  for (const e of codebook) {
    for (const c of [e.code, e.parent]) if (c && children.has(c) && !order.includes(c)) order.push(c);
  }
  const known = new Map(codebook.map((e) => [e.code, e]));
  return order.map((code) => {
    const members = new Set<string>();
    const stack = [...(children.get(code) ?? [])];
    while (stack.length > 0) {
      const c = stack.pop() as string;
      if (members.has(c)) continue; // guards against cycles in a malformed hierarchy
      members.add(c);
      stack.push(...(children.get(c) ?? []));
    }
    if (known.has(code)) members.add(code);
    // A parent that is not itself a code (a pure grouping) is labelled by its key.
    return { code, label: known.get(code)?.label ?? code, children: children.get(code) ?? [], members: [...members] };
  });
}
