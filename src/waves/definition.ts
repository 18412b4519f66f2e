import { conditionFields } from "../conditions/index.js";
import type { CodebookEntry, IndicatorResult } from "../result/index.js";
import type { IndicatorDeclaration } from "../study/index.js";
import type { Flag } from "./comparison-result.js";

/** One wave's view of an indicator: its declaration, its result and its dataset's codebook. */
export interface WaveIndicator {
  decl: IndicatorDeclaration;
  result: IndicatorResult;
  codebook: readonly CodebookEntry[];
}

const flag = (code: Flag["code"], base: string | null, next: string | null, extra: Partial<Flag> = {}): Flag => ({
  code,
  field: null,
  base,
  new: next,
  added: [],
  removed: [],
  ...extra,
});

/** Key order does not change a condition's meaning: compare a canonical form. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object")
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/**
 * What changed in an indicator's definition between two waves. Any change means the two
 * estimates do not measure the same thing, so they are not compared. A new or removed answer
 * category of a field the indicator reads counts as a change: people who would have given
 * another answer may now choose the new one, so even an unchanged category's share moves.
 */
export function definitionChanges(base: WaveIndicator, next: WaveIndicator): Flag[] {
  const b = definitionKeys(base.decl);
  const n = definitionKeys(next.decl);
  const flags: Flag[] = [];
  const plain = (code: "kind" | "dataset" | "field" | "numerator" | "denominator", x: string | undefined, y: string | undefined): void => {
    if (x !== y) flags.push(flag(code, x ?? null, y ?? null));
  };
  plain("kind", b.kind, n.kind);
  plain("dataset", b.dataset, n.dataset);
  if (canonical(b.universe ?? null) !== canonical(n.universe ?? null))
    flags.push(flag("universe", base.result.universe, next.result.universe));
  if (canonical(b.when ?? null) !== canonical(n.when ?? null)) flags.push(flag("when", base.result.definition, next.result.definition));
  plain("field", b.field, n.field);
  plain("numerator", b.numerator, n.numerator);
  plain("denominator", b.denominator, n.denominator);
  if (canonical(b.probs ?? null) !== canonical(n.probs ?? null))
    flags.push(flag("probs", b.probs?.join(", ") ?? null, n.probs?.join(", ") ?? null));
  if (b.dataset === n.dataset) flags.push(...categoryChanges(base, next));
  return flags;
}

/** The keys an indicator's definition is made of; undefined where its kind has no such key. */
function definitionKeys(d: IndicatorDeclaration) {
  return {
    kind: d.kind,
    dataset: d.dataset,
    universe: d.universe,
    when: "when" in d ? d.when : undefined,
    field: "field" in d ? d.field : undefined,
    numerator: "numerator" in d ? d.numerator : undefined,
    denominator: "denominator" in d ? d.denominator : undefined,
    probs: "probs" in d ? d.probs : undefined,
  };
}

/** Fields the indicator reads whose categories differ between the two schemas. */
function categoryChanges(base: WaveIndicator, next: WaveIndicator): Flag[] {
  const fields: string[] = [];
  const add = (f: string | undefined): void => {
    if (f !== undefined && !fields.includes(f)) fields.push(f);
  };
  for (const d of [definitionKeys(base.decl), definitionKeys(next.decl)]) {
    add(d.field);
    for (const c of [d.when, d.universe]) if (c) conditionFields(c).forEach(add);
  }
  const flags: Flag[] = [];
  for (const field of fields) {
    const before = categoriesOf(base.codebook, base.decl.dataset, field);
    const after = categoriesOf(next.codebook, next.decl.dataset, field);
    if (before === null || after === null) continue;
    const added = after.filter((v) => !before.includes(v));
    const removed = before.filter((v) => !after.includes(v));
    if (added.length > 0 || removed.length > 0) flags.push(flag("categories", null, null, { field, added, removed }));
  }
  return flags;
}

/** Category values a schema declares for a field; null when the field is not categorical. */
export function categoriesOf(codebook: readonly CodebookEntry[], dataset: string, field: string): string[] | null {
  const entry = codebook.find((e) => e.dataset === dataset && e.field === field);
  return entry && entry.categories.length > 0 ? entry.categories.map((c) => c.value) : null;
}
