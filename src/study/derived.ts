import { z } from "zod";
import { conditionFields, conditionSchema } from "../conditions/index.js";
import { en, type StudyMessages } from "./messages/en.js";
import { refusal } from "./refusal.js";
import { identifier, localizedText } from "./text.js";

/**
 * Derived variables (`datasets.NAME.derive`): new fields computed from a dataset's accepted rows,
 * in the order they are declared, that indicators, domains, universes and conditions use like
 * schema fields. Each one takes exactly one of `recode`, `bins`, `condition`, `sum`,
 * `difference` or `ratio` (src/pipeline/derive.ts computes them).
 */

const fieldName = z.string().min(1);
const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** One end of a band: a number, or an infinite (always open) end. */
const end = String.raw`(-?inf|-?\d+(?:\.\d+)?(?:e[-+]?\d+)?)`;
const rangePattern = new RegExp(String.raw`^\s*([[(])\s*${end}\s*,\s*${end}\s*([\])])\s*$`, "i");

/** A band's interval, parsed from its text (`[18, 35)`): closed ends include their bound. */
export interface Interval {
  lower: number;
  upper: number;
  lowerClosed: boolean;
  upperClosed: boolean;
}

const parseEnd = (s: string): number => (/^-inf$/i.test(s) ? -Infinity : /^inf$/i.test(s) ? Infinity : Number(s));

/** The interval a range text states, or why it cannot be read (in `words`' language). */
export function parseRange(text: string, words: StudyMessages = en): Interval | string {
  const m = rangePattern.exec(text);
  if (!m) return words.notRange(text);
  const [, open, lo, hi, close] = m as unknown as [string, string, string, string, string];
  const r = { lower: parseEnd(lo), upper: parseEnd(hi), lowerClosed: open === "[", upperClosed: close === "]" };
  if ((r.lower === -Infinity && r.lowerClosed) || (r.upper === Infinity && r.upperClosed)) return words.infiniteOpen(text);
  if (r.lower === Infinity || r.upper === -Infinity || !(r.lower < r.upper || (r.lower === r.upper && r.lowerClosed && r.upperClosed)))
    return words.rangeOrder(text);
  return r;
}

/** Does band a end before band b starts (they share no number)? */
const before = (a: Interval, b: Interval): boolean => a.upper < b.lower || (a.upper === b.lower && !(a.upperClosed && b.lowerClosed));

const bandSchema = z
  .object({
    value: z.string().min(1),
    range: z.string().min(1),
    label: localizedText.optional(),
  })
  .strict();

const binsSchema = z
  .object({
    field: fieldName,
    bands: z.array(bandSchema).min(1),
  })
  .strict()
  .superRefine((b, ctx) => {
    let previous: Interval | null = null;
    for (const [i, band] of b.bands.entries()) {
      const r = parseRange(band.range);
      if (typeof r === "string") {
        ctx.addIssue({ code: "custom", path: ["bands", i, "range"], ...refusal((m) => parseRange(band.range, m) as string) });
        return;
      }
      if (previous && !before(previous, r)) {
        ctx.addIssue({ code: "custom", path: ["bands", i, "range"], ...refusal((m) => m.bandsOrder(band.range)) });
        return;
      }
      previous = r;
    }
    const values = b.bands.map((x) => x.value);
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (twice !== undefined) ctx.addIssue({ code: "custom", path: ["bands"], ...refusal((m) => m.bandTwice(twice)) });
  });

const recodeSchema = z
  .object({
    field: fieldName,
    categories: z
      .array(
        z
          .object({
            value: z.string().min(1),
            label: localizedText.optional(),
            from: z.array(scalar).min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    for (const [i, c] of r.categories.entries())
      for (const v of c.from) {
        if (seen.has(String(v)))
          ctx.addIssue({ code: "custom", path: ["categories", i, "from"], ...refusal((m) => m.recodedTwice(String(v))) });
        seen.add(String(v));
      }
    const values = r.categories.map((c) => c.value);
    const twice = values.find((v, i) => values.indexOf(v) !== i);
    if (twice !== undefined) ctx.addIssue({ code: "custom", path: ["categories"], ...refusal((m) => m.categoryTwice(twice)) });
  });

const operations = ["recode", "bins", "condition", "sum", "difference", "ratio"] as const;

const derivedSchema = z
  .object({
    label: localizedText,
    recode: recodeSchema.optional(),
    bins: binsSchema.optional(),
    condition: conditionSchema.optional(),
    sum: z.array(fieldName).min(2).optional(),
    difference: z.array(fieldName).length(2).optional(),
    ratio: z.array(fieldName).length(2).optional(),
    description: z.string().optional(),
  })
  .strict()
  .refine(
    (d) => operations.filter((k) => d[k] !== undefined).length === 1,
    refusal((m) => m.oneOperation),
  );
export type DerivedDeclaration = z.infer<typeof derivedSchema>;

/** A dataset's derived variables, by name, in the order they are computed. */
export const deriveSchema = z.record(identifier, derivedSchema);

/**
 * `harmonise`: for `compare`, how this wave's answers map onto the previous wave's, by dataset
 * and field: `{ DATASET: { FIELD: { THIS_WAVE_VALUE: PREVIOUS_WAVE_VALUE } } }`.
 */
export const harmoniseSchema = z.record(z.string().min(1), z.record(fieldName, z.record(z.string().min(1), z.string().min(1))));
export type HarmoniseDeclaration = z.infer<typeof harmoniseSchema>;

/** The fields a derived variable reads, in order. */
export function derivedInputs(d: DerivedDeclaration): string[] {
  if (d.recode) return [d.recode.field];
  if (d.bins) return [d.bins.field];
  if (d.condition) return conditionFields(d.condition);
  return d.sum ?? d.difference ?? d.ratio ?? [];
}
