import type { ScaffoldComments } from "./comments/en.js";
import { missingCode } from "./comments/index.js";
import type { InferredField } from "./infer-fields.js";
import type { SavField } from "./source.js";

/**
 * What an SPSS file says of its variables wins over what `init` infers from the cells: the
 * variable label becomes the field's title (and the indicator's label), value labels become
 * labelled categories, user-missing codes become the field's missing values. The field keeps the
 * type its cells were read with, and values the labels do not name stay categories without a
 * label, so that the schema still accepts every row.
 */
export function applyLabels(fields: InferredField[], metadata: readonly SavField[], c: ScaffoldComments): void {
  const byName = new Map(metadata.map((m) => [m.name, m]));
  for (const f of fields) {
    const m = byName.get(f.column);
    if (m) applyOne(f, m, c);
  }
}

const INTEGER = /^[+-]?\d+$/;

function applyOne(f: InferredField, m: SavField, words: ScaffoldComments): void {
  const said: string[] = [];
  if (m.title) {
    f.spec.title = m.title;
    said.push(words.spssLabel(m.title));
  }
  const codes = (m.missingValues ?? []).flatMap((code) =>
    typeof code === "string" ? (code === "" ? [] : [missingCode(code, "code", words)]) : [code],
  );
  for (const code of codes) {
    const at = f.ownCodes.findIndex((o) => o.value === code.value);
    if (at >= 0) f.ownCodes[at] = code;
    else f.ownCodes.push(code);
  }
  if (codes.length > 0) said.push(words.spssUserMissing(codes.map((code) => code.value).join(", ")));
  const isCode = (v: string): boolean => f.ownCodes.some((c) => c.value === v);
  if (f.observed?.some(isCode)) f.complete = false;

  const labelled = m.categories ?? [];
  if (labelled.length > 0) {
    const observed = f.observed?.filter((v) => !isCode(v)) ?? null;
    if (observed === null) said.push(words.spssTooMany(labelled.length));
    else {
      const numeric = labelled.every((c) => typeof c.value === "number") && observed.every((v) => INTEGER.test(v));
      const named = new Set(labelled.map((c) => String(c.value)));
      const extra = observed.filter((v) => !named.has(v));
      if (numeric || m.type === "string") {
        const categories = [
          ...labelled
            .filter((c) => !isCode(String(c.value)))
            .map((c) => ({ value: numeric ? Number(c.value) : String(c.value), label: c.label })),
          ...extra.map((v) => (numeric ? Number(v) : v)),
        ];
        const categoryValue = (c: (typeof categories)[number]): number | string => (typeof c === "object" ? c.value : c);
        categories.sort((a, b) =>
          numeric
            ? Number(categoryValue(a)) - Number(categoryValue(b))
            : String(categoryValue(a)).localeCompare(String(categoryValue(b)), "en"),
        );
        const { name, title } = f.spec;
        f.spec = { name, type: numeric ? "integer" : "string", ...(title !== undefined ? { title } : {}), categories };
        const values = categories.map(categoryValue);
        const binary = values.length === 2 && values[0] === 0 && values[1] === 1;
        f.suggestion = binary ? { kind: "proportion", equals: 1 } : values.length > 1 ? { kind: "distribution" } : null;
        said.push(words.spssCategories(labelled.length, extra.length));
      }
    }
  }
  if (said.length > 0) f.evidence += `${words.sep}${words.spss(said.join(", "))}`;
}
