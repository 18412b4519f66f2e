import { z } from "zod";
import { reportSections } from "../result/index.js";
import { domainList } from "./domains.js";
import { indicatorSchema } from "./indicators/index.js";
import { fieldList, identifier, localizedText } from "./text.js";
import { deriveSchema, harmoniseSchema } from "./derived.js";
import { weightingSchema } from "./weighting.js";
import { refusal, type Say } from "./refusal.js";

export type { DomainEntry } from "./domains.js";
export { text } from "./text.js";
export type { IndicatorDeclaration } from "./indicators/index.js";
export { parseRange, type DerivedDeclaration, type HarmoniseDeclaration, type Interval } from "./derived.js";
export type { WeightingDeclaration } from "./weighting.js";

/**
 * The study file (YAML or JSON), validated with zod. This schema is the single source of
 * truth for its keys: docs/study-file.md documents exactly these (a test compares them).
 * Indicators are a union over their kinds, one file per kind (./indicators/).
 */

const lonelyPsuPolicies = ["fail", "remove", "certainty", "adjust", "average"] as const;

/** Replicate-weight methods (R svrepdesign's types; SDR is its "successive-difference", the ACS's). */
const replicateTypes = ["JK1", "JKn", "BRR", "Fay", "bootstrap", "SDR", "other"] as const;

/** Replicate weights instead of strata and clusters (R svrepdesign): see docs/methods.md, replicate weights. */
const replicatesSchema = z
  .object({
    /** The replicate-weight columns, in order, or a regular expression their names match (in the schema's order). */
    columns: z.array(z.string().min(1)).min(2).optional(),
    pattern: z.string().min(1).optional(),
    type: z.enum(replicateTypes),
    /** Fay's coefficient (type Fay). */
    rho: z.number().gt(0).lt(1).optional(),
    scale: z.number().positive().optional(),
    /** One per replicate column, or one for all. */
    rscales: z.array(z.number().nonnegative()).min(1).optional(),
    /** Centre the replicates at the full-sample estimate (R mse = TRUE) rather than at their mean. */
    mse: z.boolean().default(false),
    /** The columns already include the full-sample weight (R combined.weights). */
    combined_weights: z.boolean().default(true),
  })
  .strict()
  .superRefine((r, ctx) => {
    const issue = (path: string | null, say: Say): void =>
      ctx.addIssue({ code: "custom", path: path === null ? [] : [path], ...refusal(say) });
    if ((r.columns === undefined) === (r.pattern === undefined)) issue(null, (m) => m.replicateColumnsOrPattern);
    const pattern = r.pattern;
    if (pattern !== undefined && !validPattern(pattern)) issue("pattern", (m) => m.badPattern(pattern));
    if (r.type === "Fay" && r.rho === undefined) issue("type", (m) => m.fayNeedsRho);
    if (r.type !== "Fay" && r.rho !== undefined) issue("rho", (m) => m.rhoOnlyFay(r.type));
    if (["BRR", "Fay", "SDR"].includes(r.type) && (r.scale !== undefined || r.rscales !== undefined))
      issue(r.scale !== undefined ? "scale" : "rscales", (m) => m.scaleFixed(r.type));
    if (r.type === "other" && r.scale === undefined) issue("type", (m) => m.otherNeedsScale);
    if (r.type === "JKn" && r.combined_weights && r.rscales === undefined) issue("type", (m) => m.jknNeedsRscales);
  });
export type ReplicatesDeclaration = z.infer<typeof replicatesSchema>;

function validPattern(p: string): boolean {
  try {
    new RegExp(p, "u");
    return true;
  } catch {
    return false;
  }
}

const designSchema = z
  .object({
    ids: fieldList.default([]),
    strata: z.string().min(1).optional(),
    weights: z.string().min(1).optional(),
    fpc: fieldList.default([]),
    nest: z.boolean().default(false),
    lonely_psu: z.enum(lonelyPsuPolicies).default("fail"),
    replicates: replicatesSchema.optional(),
    weighting: weightingSchema.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (!d.replicates) return;
    const given = (["ids", "strata", "fpc"] as const).find((k) => (Array.isArray(d[k]) ? d[k].length > 0 : d[k] !== undefined));
    if (given) ctx.addIssue({ code: "custom", path: [given], ...refusal((m) => m.replicateNoIds) });
    if (!d.weights) ctx.addIssue({ code: "custom", path: ["replicates"], ...refusal((m) => m.replicateNeedsWeights) });
    // R's trimWeights on a svyrep.design keeps the untrimmed sampling weights and mixes up the
    // replicates' (survey 4.1-1): there is no trimming of a replicate design to match.
    if (d.weighting?.trim) ctx.addIssue({ code: "custom", path: ["weighting", "trim"], ...refusal((m) => m.replicateNoTrim) });
  });
export type DesignDeclaration = z.infer<typeof designSchema>;

/** The replicate-weight columns a design names: its list, or the fields whose names match its pattern, in order. */
export function replicateFields(r: ReplicatesDeclaration, fields: readonly string[]): string[] {
  if (r.columns) return r.columns;
  const re = new RegExp(r.pattern!, "u");
  return fields.filter((f) => re.test(f));
}

/**
 * A reading option a study may leave unstated, or state as `null` to cancel the value `extends`
 * inherits (a new wave exported as a workbook where the base read a CSV): null reads as unstated.
 */
const notStated = <T extends z.ZodType>(schema: T) =>
  schema
    .nullish()
    .transform((v) => v ?? undefined)
    .optional();

const datasetSchema = z
  .object({
    path: z.string().min(1),
    schema: z.string().min(1).optional(),
    /** An XLSForm (KoboToolbox, ODK) whose questions and choices are the schema, instead of `schema`. */
    xlsform: z.string().min(1).optional(),
    encoding: notStated(z.enum(["utf-8", "windows-1252"])),
    delimiter: notStated(z.enum([",", ";", "\t", "|"])),
    /** Decimal and thousands separators of this export's numbers, for number fields whose schema does not fix them. */
    decimal_char: z.enum([".", ","]).optional(),
    group_char: z.enum([",", ".", " ", "\u00a0", "\u202f", "'"]).optional(),
    /** An Excel workbook's sheet: its name, or its 1-based position among the sheets. */
    sheet: notStated(z.union([z.string().min(1), z.number().int().min(1)])),
    /** The 1-based row of a workbook's sheet that holds the column names; title rows above it are skipped. */
    header_row: notStated(z.number().int().min(1)),
    rename: z.record(z.string(), z.string()).default({}),
    /** Columns the export lacks, one value for every row (e.g. the coder of a per-coder QDA export). */
    constants: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).default({}),
    design: designSchema.optional(),
    /** Derived variables, computed in this order from the accepted rows (./derived.ts). */
    derive: deriveSchema.default({}),
    description: z.string().optional(),
  })
  .strict()
  .refine(
    (d) => (d.schema === undefined) !== (d.xlsform === undefined),
    refusal((m) => m.schemaOrForm),
  );
export type DatasetDeclaration = z.infer<typeof datasetSchema>;

const baselineSchema = z
  .object({
    value: z.number(),
    label: localizedText,
    source: z.string().optional(),
  })
  .strict();

const qualitativeSchema = z
  .object({
    interviews: z.string().min(1),
    /** One codings dataset, or several (e.g. one export per coder) read as one. */
    codings: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
    interview_id: z.string().min(1).default("interview_id"),
    group: z.string().min(1).optional(),
    coders: z.string().min(1).default("coders"),
    coders_separator: z.string().min(1).default("|"),
    coding_interview: z.string().min(1).default("interview_id"),
    coding_coder: z.string().min(1).default("coder"),
    coding_code: z.string().min(1).default("code"),
    primary_coder: z.string().min(1).default("first"),
    attributes: z.array(z.string().min(1)).default([]),
    quotes: z.boolean().default(false),
    /** At most this many quotes per code, in file order. */
    quotes_per_code: z.number().int().min(1).default(3),
    excerpt: z.string().min(1).default("excerpt"),
    publishable: z.string().min(1).default("publishable"),
  })
  .strict();
export type QualitativeDeclaration = z.infer<typeof qualitativeSchema>;

/**
 * Formats a report can be written in, besides the JSON result that is always written. `png` is the
 * charts' PNG copies beside their SVG (for converters that take no SVG): drawing them costs about a
 * second per bundled report, so only those who ask for them (or for `docx`, which embeds them) pay.
 */
export const REPORT_FORMATS = ["md", "png", "html", "docx"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const studySchema = z
  .object({
    /**
     * Another study file (relative to this one) whose datasets, indicators, baselines, domains,
     * disclosure, reliability and qualitative settings this one inherits, overriding what it restates
     * (src/study/extends.ts). `study`, `title`, `date` and `notes` are never inherited.
     */
    extends: z.string().min(1).optional(),
    study: identifier,
    title: localizedText,
    lang: z.enum(["en", "fr"]).default("en"),
    /** The report formats `report` and `compare` write when --format is not given (JSON always). */
    format: z.array(z.enum(REPORT_FORMATS)).min(1).optional(),
    date: z
      .string()
      .refine(
        (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
        refusal((m) => m.isoDate),
      )
      .optional(),
    synthetic: z.boolean().default(false),
    notes: z.array(localizedText).default([]),
    level: z.number().gt(0.5).lt(1).default(0.95),
    datasets: z.record(identifier, datasetSchema).refine(
      (d) => Object.keys(d).length > 0,
      refusal((m) => m.noDataset),
    ),
    baselines: z.record(identifier, baselineSchema).default({}),
    indicators: z.array(indicatorSchema).default([]),
    domains: domainList.default([]),
    disclosure: z
      .object({ min_cell: z.number().int().min(1).default(10) })
      .strict()
      .default({ min_cell: 10 }),
    /** Thresholds that flag an estimate as unreliable: its CV above max_cv, or fewer than min_n respondents. */
    reliability: z
      .object({ max_cv: z.number().gt(0).default(0.3), min_n: z.number().int().min(1).default(30) })
      .strict()
      .default({ max_cv: 0.3, min_n: 30 }),
    qualitative: qualitativeSchema.optional(),
    /** The report's sections in the order given; a section not named is left out. */
    sections: z
      .array(z.enum(reportSections))
      .min(1)
      .refine(
        (names) => new Set(names).size === names.length,
        refusal((m) => m.sectionTwice),
      )
      .optional(),
    /** For `compare`: this wave's answers mapped onto the previous wave's (never inherited). */
    harmonise: harmoniseSchema.default({}),
  })
  .strict();
export type Study = z.infer<typeof studySchema>;
