import type { CodeAgreement, ShareCell, StatCell } from "../../qualitative/index.js";
import { type Ctx, MARK_SOURCE, categoryLabel, lowerFirst, qualitativeEntry } from "../context.js";
import { md, mdCell } from "../escape.js";
import { formatCount, formatInterval, formatLevel, formatPercent, formatStat } from "../format.js";
import { heading, list, table } from "../markdown.js";
import { type QualitativeView, parseQualitative } from "../qualitative-view.js";

/** Key the qualitative module uses for a missing group or attribute value (src/qualitative MISSING_KEY). */
const MISSING_KEY = "(missing)";

/**
 * Interview coding: units, code shares by group, themes, agreement, co-occurrence, crosstabs and
 * (when the result carries them) quotes. Interviews are not survey respondents: counts are shown
 * as they are, but never an interview id.
 */
export function qualitative(ctx: Ctx): string[] {
  const parsed = parseQualitative(ctx.r.qualitative);
  if (parsed.kind === "absent") return [];
  if (parsed.kind === "invalid") return [heading(2, ctx.t.qualitative), ctx.t.qualitativeInvalid(md(parsed.reason))];
  const q = withoutUnusedParents(parsed.view);
  const left = parsed.view.codes.filter((c) => !q.codes.includes(c));
  return [
    heading(2, ctx.t.qualitative),
    units(ctx, q),
    ...(left.length > 0 ? [ctx.t.parentsLeftOut(left.map((c) => mdCell(c.code)).join(", "))] : []),
    ...codeShares(ctx, q),
    ...parents(ctx, q),
    ...agreement(ctx, q),
    ...cooccurrence(ctx, q),
    ...crosstabs(ctx, q),
    ...quotes(ctx, q),
  ];
}

/**
 * Parent codes are often in the codebook only to group their children: never applied directly,
 * they would fill every code table with zeros and undefined agreement. Such codes (a parent, no
 * primary coding, no disagreement) are left out of the code-level tables; their totals are in
 * the themes table. A parent code that was applied stays.
 */
function withoutUnusedParents(q: QualitativeView): QualitativeView {
  const parentCodes = new Set(q.parents.map((p) => p.code));
  const unused = new Set(
    q.codes.filter((c) => parentCodes.has(c.code) && c.n === 0 && (c.agreement?.percent?.value ?? 1) === 1).map((c) => c.code),
  );
  if (unused.size === 0) return q;
  const keep = q.cooccurrence.codes.map((c) => !unused.has(c));
  return {
    ...q,
    codes: q.codes.filter((c) => !unused.has(c.code)),
    cooccurrence: {
      codes: q.cooccurrence.codes.filter((_, i) => keep[i]),
      counts: q.cooccurrence.counts.filter((_, i) => keep[i]).map((row) => row.filter((_, j) => keep[j])),
    },
    crosstabs: Object.fromEntries(
      Object.entries(q.crosstabs).map(([attr, x]) => [
        attr,
        { ...x, counts: Object.fromEntries(Object.entries(x.counts).filter(([code]) => !unused.has(code))) },
      ]),
    ),
  };
}

interface Group {
  key: string;
  /** Escaped label. */
  label: string;
}

/** Groups in the result's order (`groups`), then any only seen in the counts; labelled. */
function groupsOf(ctx: Ctx, q: QualitativeView): Group[] {
  const keys = q.groups.map((g) => g.group);
  for (const g of Object.keys(q.units.by_group)) if (!keys.includes(g)) keys.push(g);
  for (const c of q.codes) for (const g of Object.keys(c.by_group)) if (!keys.includes(g)) keys.push(g);
  const entry = qualitativeEntry(ctx, "group");
  return keys.map((key) => {
    const given = q.groups.find((g) => g.group === key)?.label;
    const label = key === MISSING_KEY ? ctx.t.missingGroup : md(given ?? categoryLabel(entry, key));
    return { key, label: label === "" ? md(key) || ctx.t.none : label };
  });
}

function share(ctx: Ctx, s: ShareCell | undefined): string {
  if (s === undefined) return ctx.t.none;
  return ctx.t.shareWithCount(
    s.share === null ? ctx.t.notAvailable : formatPercent(s.share, ctx.lang),
    formatCount(s.n, ctx.lang),
    formatCount(s.of, ctx.lang),
  );
}

function units(ctx: Ctx, q: QualitativeView): string {
  const { t, lang } = ctx;
  const groups = groupsOf(ctx, q)
    .filter((g) => q.units.by_group[g.key] !== undefined)
    .map((g) => t.groupCount(g.label, formatCount(q.units.by_group[g.key] ?? 0, lang)))
    .join(", ");
  const coder = q.primary_coder === "first" ? t.primaryCoderFirst : t.primaryCoderNamed(md(q.primary_coder));
  return t.units(
    formatCount(q.units.interviews, lang),
    groups,
    formatCount(q.units.coded, lang),
    coder,
    formatCount(q.units.double_coded, lang),
  );
}

function codeLabel(q: QualitativeView, code: string): string | undefined {
  return q.codes.find((c) => c.code === code)?.label ?? q.parents.find((p) => p.code === code)?.label;
}

function codeShares(ctx: Ctx, q: QualitativeView): string[] {
  if (q.codes.length === 0) return [];
  const groups = groupsOf(ctx, q);
  const rows = q.codes.map((c) => [
    mdCell(c.code),
    mdCell(c.label),
    c.parent === null ? ctx.t.none : mdCell(c.parent),
    share(ctx, c),
    ...groups.map((g) => share(ctx, c.by_group[g.key])),
  ]);
  return [
    heading(3, ctx.t.codeShares),
    table(ctx.t.codeSharesTable(groups.map((g) => g.label)), rows, [
      "left",
      "left",
      "left",
      "right",
      ...groups.map(() => "right" as const),
    ]),
  ];
}

function parents(ctx: Ctx, q: QualitativeView): string[] {
  if (q.parents.length === 0) return [];
  const groups = groupsOf(ctx, q);
  const rows = q.parents.map((p) => [
    mdCell(p.code),
    mdCell(p.label),
    (p.children ?? []).length === 0 ? ctx.t.none : (p.children ?? []).map(mdCell).join(", "),
    share(ctx, p),
    ...groups.map((g) => share(ctx, p.by_group?.[g.key])),
  ]);
  return [
    heading(3, ctx.t.parents),
    table(ctx.t.parentsTable(groups.map((g) => g.label)), rows, ["left", "left", "left", "right", ...groups.map(() => "right" as const)]),
  ];
}

type StatKey = "cohen_kappa" | "krippendorff_alpha" | "fleiss_kappa";
const STATS: readonly StatKey[] = ["cohen_kappa", "krippendorff_alpha", "fleiss_kappa"];

/**
 * Per code: units, percent agreement and the three coefficients, each with its band. A band's
 * source is cited once, in a footnote marked in the column header; a statistic that cannot be
 * computed shows "n/a" with a numbered note giving the reason (same reason, same note).
 */
function agreement(ctx: Ctx, q: QualitativeView): string[] {
  const { t, lang } = ctx;
  const coded = q.codes.filter((c) => c.agreement !== null && c.agreement !== undefined);
  if (coded.length === 0) return [];

  const sources: string[] = [];
  const sourceMarks = (stat: StatKey): string => {
    const own = [
      ...new Set(coded.map((c) => c.agreement.band?.[stat]?.source).filter((s): s is string => typeof s === "string" && s !== "")),
    ];
    for (const s of own) if (!sources.includes(s)) sources.push(s);
    return own.map((s) => MARK_SOURCE.repeat(sources.indexOf(s) + 1)).join(" ");
  };
  const marks = Object.fromEntries(STATS.map((s) => [s, sourceMarks(s)])) as Record<StatKey, string>;

  const reasons: string[] = [];
  const unavailable = (cell: StatCell | null | undefined): string => {
    const reason = cell?.reason ?? null;
    if (reason === null || reason.trim() === "") return t.notAvailable;
    if (!reasons.includes(reason)) reasons.push(reason);
    return t.notAvailableNote(formatCount(reasons.indexOf(reason) + 1, lang));
  };
  const level = coded[0]?.agreement.cohen_kappa.level ?? ctx.r.method.level;
  const rows = coded.map((c) => {
    const a: CodeAgreement = c.agreement;
    const band = (stat: StatKey): string => {
      const b = a.band?.[stat];
      return b ? `, ${t.bandNames[b.key] ?? mdCell(b.key)}` : "";
    };
    const ck = a.cohen_kappa;
    const cohen =
      ck?.value === null || ck?.value === undefined
        ? unavailable(ck)
        : `${formatStat(ck.value, lang, 3)}${ck.ci ? ` (${formatInterval(ck.ci, "number", lang, 3)})` : ""}${band("cohen_kappa")}`;
    const other = (stat: "krippendorff_alpha" | "fleiss_kappa"): string => {
      const s = a[stat];
      return s?.value === null || s?.value === undefined ? unavailable(s) : `${formatStat(s.value, lang, 3)}${band(stat)}`;
    };
    return [
      mdCell(c.code),
      formatCount(a.units, lang),
      a.percent?.value === null || a.percent?.value === undefined ? unavailable(a.percent) : formatPercent(a.percent.value, lang),
      cohen,
      other("krippendorff_alpha"),
      other("fleiss_kappa"),
    ];
  });
  const notes = [
    ...sources.map((s, i) => t.bandSource(MARK_SOURCE.repeat(i + 1), md(s))),
    ...reasons.map((r, i) => t.reasonNote(formatCount(i + 1, lang), md(r))),
  ];
  return [
    heading(3, t.agreement),
    t.agreementIntro,
    table(t.agreementTable(formatLevel(level, lang), marks), rows, ["left", "right", "right", "right", "right", "right"]),
    ...(notes.length > 0 ? [list(notes)] : []),
  ];
}

function cooccurrence(ctx: Ctx, q: QualitativeView): string[] {
  const codes = q.cooccurrence.codes;
  if (codes.length === 0) return [];
  const rows = codes.map((c, i) => [mdCell(c), ...(q.cooccurrence.counts[i] ?? []).map((n) => formatCount(n, ctx.lang))]);
  return [
    heading(3, ctx.t.cooccurrence),
    ctx.t.cooccurrenceIntro,
    table([ctx.t.codeHeader, ...codes.map(mdCell)], rows, ["left", ...codes.map(() => "right" as const)]),
  ];
}

function crosstabs(ctx: Ctx, q: QualitativeView): string[] {
  const { t } = ctx;
  return Object.keys(q.crosstabs).flatMap((attr) => {
    const x = q.crosstabs[attr];
    if (x === undefined) return [];
    const entry = qualitativeEntry(ctx, attr);
    const title = md(entry?.title.trim() || attr);
    // Levels in the codebook's order (as the schema lists them), then any other, missing last.
    const declared = (entry?.categories ?? []).map((c) => c.value).filter((v) => x.levels.includes(v));
    const order = [
      ...declared,
      ...x.levels.filter((l) => !declared.includes(l) && l !== MISSING_KEY),
      ...x.levels.filter((l) => l === MISSING_KEY),
    ];
    const levels = order.map((l) => (l === MISSING_KEY ? t.missingGroup : mdCell(categoryLabel(entry, l))));
    const rows = Object.keys(x.counts).map((code) => [mdCell(code), ...order.map((l) => countOrNone(ctx, x.counts[code]?.[l]))]);
    rows.push([t.total, ...order.map((l) => countOrNone(ctx, x.totals[l]))]);
    return [
      heading(3, t.crosstab(lowerFirst(title))),
      table([t.codeHeader, ...levels], rows, ["left", ...order.map(() => "right" as const)]),
    ];
  });
}

/**
 * Excerpts the result carries (the study asked for publishable ones), as block quotes under
 * their code. Escaped like any data, on one line each; several quotes of a code form one block.
 */
function quotes(ctx: Ctx, q: QualitativeView): string[] {
  const all = (q.quotes ?? []).filter((x) => typeof x?.excerpt === "string" && x.excerpt.trim() !== "");
  if (all.length === 0) return [];
  const order: string[] = [];
  for (const x of all) if (!order.includes(x.code)) order.push(x.code);
  return [
    heading(3, ctx.t.quotes),
    ...order.flatMap((code) => {
      const label = codeLabel(q, code);
      const title = label === undefined ? md(code) : ctx.t.quoteHeading(md(label), md(code));
      const block = all
        .filter((x) => x.code === code)
        .map((x) => `> ${ctx.t.quoted(md(x.excerpt))}`)
        .join("\n>\n");
      return [heading(4, title), block];
    }),
  ];
}

/** A count the producer left out is shown as absent, not guessed as zero. */
function countOrNone(ctx: Ctx, n: number | undefined): string {
  return n === undefined ? ctx.t.none : formatCount(n, ctx.lang);
}
