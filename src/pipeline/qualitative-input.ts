import { isMissing, type Value } from "../vocabulary/index.js";
import type { QualitativeInput } from "../qualitative/index.js";
import type { Quote } from "../result/index.js";
import type { QualitativeDeclaration } from "../study/index.js";
import type { DatasetRun } from "./read-datasets.js";

/**
 * Accepted interview and coding rows, as the qualitative module reads them. Several codings
 * datasets (one export per coder) are read as one; the codebook is the first one's.
 */
export function qualitativeInput(
  decl: QualitativeDeclaration,
  interviews: DatasetRun,
  codingRuns: readonly DatasetRun[],
): QualitativeInput {
  const it = interviews.table;
  const col = (fieldIndex: ReadonlyMap<string, number>, field: string, dataset: string): number => {
    const i = fieldIndex.get(field);
    if (i === undefined) throw new QualitativeFieldError(dataset, field);
    return i;
  };
  const text = (v: Value | undefined): string | null => (v === undefined || isMissing(v) ? null : String(v));
  const idI = col(it.fieldIndex, decl.interview_id, interviews.name);
  const codersI = col(it.fieldIndex, decl.coders, interviews.name);
  const groupI = decl.group ? col(it.fieldIndex, decl.group, interviews.name) : null;
  const attrI = decl.attributes.map((a) => [a, col(it.fieldIndex, a, interviews.name)] as const);
  const codings = codingRuns.flatMap((run) => {
    const ct = run.table;
    const cInterview = col(ct.fieldIndex, decl.coding_interview, run.name);
    const cCoder = col(ct.fieldIndex, decl.coding_coder, run.name);
    const cCode = col(ct.fieldIndex, decl.coding_code, run.name);
    return ct.rows.map((row) => ({ interview: String(row[cInterview]), coder: String(row[cCoder]), code: String(row[cCode]) }));
  });
  const first = (codingRuns[0] as DatasetRun).table;
  const codeField = first.fields[col(first.fieldIndex, decl.coding_code, (codingRuns[0] as DatasetRun).name)];
  const groupField = groupI === null ? null : it.fields[groupI];
  return {
    interviews: it.rows.map((row) => ({
      id: String(row[idI]),
      group: groupI === null ? null : text(row[groupI]),
      attributes: Object.fromEntries(attrI.map(([a, i]) => [a, text(row[i])])),
      coders: (text(row[codersI]) ?? "")
        .split(decl.coders_separator)
        .map((c) => c.trim())
        .filter((c) => c !== ""),
    })),
    codings,
    codebook: (codeField?.categories ?? []).map((c) => ({
      code: String(c.value),
      label: c.label ?? String(c.value),
      parent: c.parent === null ? null : String(c.parent),
      description: c.description,
    })),
    primaryCoder: decl.primary_coder,
    ...(groupField?.categories
      ? { groupLabels: Object.fromEntries(groupField.categories.map((c) => [String(c.value), c.label ?? String(c.value)])) }
      : {}),
    attributes: decl.attributes,
  };
}

export class QualitativeFieldError extends Error {
  constructor(
    readonly dataset: string,
    readonly field: string,
  ) {
    super(`the qualitative block names field "${field}", which dataset "${dataset}" does not have`);
  }
}

/**
 * Excerpts the study may quote: only when `quotes: true`, only rows marked publishable, at most
 * `quotes_per_code` per code in file order, each once; never the interview id.
 */
export function publishableQuotes(decl: QualitativeDeclaration, codingRuns: readonly DatasetRun[], codebook: readonly string[]): Quote[] {
  if (!decl.quotes) return [];
  const byCode = new Map<string, string[]>(codebook.map((c) => [c, []]));
  for (const codings of codingRuns) collectQuotes(decl, codings, byCode);
  return [...byCode.entries()].flatMap(([c, list]) => list.map((excerpt) => ({ code: c, excerpt })));
}

function collectQuotes(decl: QualitativeDeclaration, codings: DatasetRun, byCode: Map<string, string[]>): void {
  const t = codings.table;
  const code = t.fieldIndex.get(decl.coding_code);
  const excerpt = t.fieldIndex.get(decl.excerpt);
  const publishable = t.fieldIndex.get(decl.publishable);
  if (code === undefined) throw new QualitativeFieldError(codings.name, decl.coding_code);
  if (excerpt === undefined) throw new QualitativeFieldError(codings.name, decl.excerpt);
  if (publishable === undefined) throw new QualitativeFieldError(codings.name, decl.publishable);
  for (const row of t.rows) {
    const ok = row[publishable];
    const text = row[excerpt];
    if (!(ok === true || ok === "yes" || ok === "true") || text === undefined || isMissing(text)) continue;
    const list = byCode.get(String(row[code]));
    const quote = String(text).trim();
    if (list && quote !== "" && list.length < decl.quotes_per_code && !list.includes(quote)) list.push(quote);
  }
}
