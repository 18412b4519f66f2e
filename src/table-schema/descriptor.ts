import { z } from "zod";
import { conditionSchema } from "../conditions/index.js";
import { issueTexts } from "../vocabulary/index.js";

/**
 * A Frictionless Table Schema (v2) subset. This zod schema is the single source of truth:
 * every type below is inferred from it. Objects are strict so that a misspelt key
 * (`constraint`, `missingValue`) is an error rather than a silently ignored rule; the
 * descriptive keys Frictionless allows (`$schema`, `name`, `example`...) are accepted.
 * Loading a file and semantic checks live in ./schema-file.ts and ./semantics.ts.
 */

/** The unions' own refusals, in English here; `zodProblems` finds them by these texts to word them. */
const expected = issueTexts().schemaProblem.unions;

const fieldTypes = ["string", "integer", "number", "boolean", "date"] as const;
const fieldTypeSchema = z.enum(fieldTypes);
export type FieldType = z.infer<typeof fieldTypeSchema>;

/** A missing-value code, bare (`"NR"`) or labelled (`{ value: "NR", label: "refused" }`). */
const missingValueSchema = z.union(
  [z.string(), z.object({ value: z.string(), label: z.string(), labels: z.lazy(() => translationsSchema).optional() }).strict()],
  { error: expected.missingValue },
);
export type MissingValueSpec = z.infer<typeof missingValueSchema>;

/**
 * Translations of a label or title, by report language (`{ "fr": "Jamais" }`): an extension
 * of Table Schema so one schema serves English and French reports.
 */
const translationsSchema = z.object({ en: z.string().min(1).optional(), fr: z.string().min(1).optional() }).strict();

const categoryValue = z.union([z.string(), z.number().int()], {
  error: expected.categoryValue,
});
const categorySchema = z.union(
  [
    categoryValue,
    z
      .object({
        value: categoryValue,
        label: z.string(),
        labels: translationsSchema.optional(),
        description: z.string().optional(),
        parent: z.union([z.string(), z.number().int()]).optional(),
      })
      .strict(),
  ],
  { error: expected.category },
);

/** Bounds are numbers, or ISO dates (`"2014-03-01"`) for date fields. */
const bound = z.union([z.number(), z.string()], { error: expected.bound });

const constraintsSchema = z
  .object({
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    minimum: bound.optional(),
    maximum: bound.optional(),
    exclusiveMinimum: bound.optional(),
    exclusiveMaximum: bound.optional(),
    pattern: z.string().optional(),
    enum: z
      .array(z.union([z.string(), z.number(), z.boolean()]))
      .min(1)
      .optional(),
    minLength: z.number().int().min(0).optional(),
    maxLength: z.number().int().min(0).optional(),
  })
  .strict();

const fieldSchema = z
  .object({
    name: z.string().min(1),
    type: fieldTypeSchema.default("string"),
    title: z.string().optional(),
    titles: translationsSchema.optional(),
    description: z.string().optional(),
    example: z.unknown().optional(),
    rdfType: z.string().optional(),
    /** Dates only: "default" (ISO 8601 YYYY-MM-DD) or a pattern of %d, %m, %Y such as "%d/%m/%Y". */
    format: z.string().optional(),
    categories: z.array(categorySchema).min(1).optional(),
    categoriesOrdered: z.boolean().optional(),
    /**
     * A multiple-choice (select_multiple) field: a cell holds any number of its categories,
     * separated by spaces ("bus car"), or the file has one 0/1 column per category instead
     * (`q/bus`, `q_bus`), read as this one field. An extension of Table Schema.
     */
    multiple: z.boolean().optional(),
    missingValues: z.array(missingValueSchema).optional(),
    decimalChar: z.string().length(1).optional(),
    groupChar: z.string().length(1).optional(),
    bareNumber: z.boolean().optional(),
    trueValues: z.array(z.string()).min(1).optional(),
    falseValues: z.array(z.string()).min(1).optional(),
    constraints: constraintsSchema.optional(),
  })
  .strict();
export type FieldSpec = z.infer<typeof fieldSchema>;

/** One name or several: Frictionless allows both for keys. Normalised to an array. */
const names = z
  .union([z.string().min(1), z.array(z.string().min(1)).min(1)], {
    error: expected.names,
  })
  .transform((v) => (typeof v === "string" ? [v] : v));

const foreignKeySchema = z
  .object({
    fields: names,
    reference: z
      .object({
        /** The referenced dataset's name in the study; "" means this same table. */
        resource: z.string(),
        fields: names,
      })
      .strict(),
  })
  .strict();

const rowConstraintSchema = z
  .object({
    name: z.string().min(1),
    /** The rule applies to rows where `when` holds (all rows without it). */
    when: conditionSchema.optional(),
    /** What an applicable row must satisfy. An unknown (missing) result never fires. */
    require: conditionSchema,
    severity: z.enum(["error", "warning"]).default("error"),
    message: z.string().min(1),
    /** Translations of `message`, like a field's `titles`. */
    messages: z.lazy(() => translationsSchema).optional(),
  })
  .strict();

export const tableSchemaSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    title: z.string().optional(),
    description: z.string().optional(),
    fields: z.array(fieldSchema).min(1),
    missingValues: z.array(missingValueSchema).default([""]),
    primaryKey: names.optional(),
    foreignKeys: z.array(foreignKeySchema).default([]),
    rowConstraints: z.array(rowConstraintSchema).default([]),
  })
  .strict();

/** A parsed, defaulted schema (what `loadTableSchema` returns). */
export type TableSchema = z.infer<typeof tableSchemaSchema>;
/** What a schema file may contain (defaults not yet applied). */
export type TableSchemaInput = z.input<typeof tableSchemaSchema>;
