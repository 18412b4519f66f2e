import type { Condition } from "../conditions/index.js";
import type { FieldSpec, TableSchema, TableSchemaInput } from "../table-schema/index.js";
import type { Form, Question, ReportLang, Texts } from "./form.js";
import { translateRelevant, type UntranslatedReason } from "./relevant.js";

/** A label in English and, when the form has it, French (a study file's localized text). */
export type FormText = string | { en: string; fr?: string };

/** What a study can estimate of one question, with its universe from `relevant`. */
export interface QuestionUse {
  field: string;
  label: FormText;
  kind: "distribution" | "multi_select" | "mean";
  /** The question's `relevant` (and its groups'), translated; null when there is none or it could not be. */
  universe: Condition | null;
  /** A `relevant` kept as written because the condition language cannot say it, and why. */
  untranslated: { relevant: string; reason: UntranslatedReason } | null;
}

export interface FormTable {
  schema: TableSchemaInput;
  /** Export column → field: a KoboToolbox header with group names (`group/question`). */
  rename: Record<string, string>;
  uses: QuestionUse[];
}

type FieldInput = TableSchemaInput["fields"][number];

/** XLSForm question types that are form metadata, recorded by the device, not asked. */
const METADATA_TYPES = new Set([
  "start",
  "end",
  "today",
  "deviceid",
  "subscriberid",
  "simserial",
  "phonenumber",
  "username",
  "email",
  "audit",
  "start-geopoint",
  "background-audio",
]);

function pick(t: Texts, lang: ReportLang | null): string | null {
  return (lang ? t.byLang[lang] : undefined) ?? t.plain ?? t.byLang.en ?? t.byLang.fr ?? null;
}

function translations(t: Texts): { en?: string; fr?: string } | undefined {
  return t.byLang.en === undefined && t.byLang.fr === undefined ? undefined : { ...t.byLang };
}

/** The question's label as a study file's text: English (else the default), and French. */
function studyText(t: Texts, form: Form, fallback: string): FormText {
  const en = t.byLang.en ?? pick(t, form.defaultLang) ?? fallback;
  return t.byLang.fr !== undefined ? { en, fr: t.byLang.fr } : en;
}

function fieldOf(q: Question, form: Form): FieldInput {
  const title = pick(q.label, form.defaultLang);
  const titles = translations(q.label);
  const base = { name: q.name, ...(title !== null ? { title } : {}), ...(titles ? { titles } : {}) };
  if (METADATA_TYPES.has(q.type)) return { ...base, type: "string", description: `form metadata (${q.type}): not analysed` };
  switch (q.type) {
    case "integer":
      return { ...base, type: "integer" };
    case "decimal":
    case "range":
      return { ...base, type: "number" };
    case "date":
      return { ...base, type: "date" };
    case "select_one":
    case "select_multiple": {
      const categories = (form.lists.get(q.list as string) ?? []).map((c) => {
        const labels = translations(c.label);
        return { value: c.value, label: pick(c.label, form.defaultLang) ?? c.value, ...(labels ? { labels } : {}) };
      });
      return { ...base, type: "string", categories, ...(q.type === "select_multiple" ? { multiple: true } : {}) };
    }
    default:
      // text, calculate, time, dateTime, geopoint, files: kept as text.
      return { ...base, type: "string" };
  }
}

/**
 * A form's Table Schema (one field per question, titles and choice labels in every language of
 * the form), the renames its exports need (`group/question`, and ODK Central's `group-question`),
 * and what a study can estimate of each question, its `relevant` as the universe.
 */
export function formTable(form: Form): FormTable {
  const fields = form.questions.map((q) => fieldOf(q, form));
  const typeOf = new Map(
    fields.map((f) => [f.name, f.type === "integer" || f.type === "number" ? ("number" as const) : ("text" as const)]),
  );
  const rename: Record<string, string> = {};
  for (const q of form.questions) if (q.groups.length > 0) for (const sep of ["/", "-"]) rename[[...q.groups, q.name].join(sep)] = q.name;
  const uses: QuestionUse[] = [];
  for (const q of form.questions) {
    const kind =
      q.type === "select_one"
        ? "distribution"
        : q.type === "select_multiple"
          ? "multi_select"
          : q.type === "integer" || q.type === "decimal"
            ? "mean"
            : null;
    if (kind === null) continue;
    const translated = q.relevant.map((r) => ({ relevant: r, t: translateRelevant(r, (name) => typeOf.get(name) ?? null) }));
    const failed = translated.find((x) => "reason" in x.t);
    const conditions = translated.flatMap((x) => ("condition" in x.t ? [x.t.condition] : []));
    uses.push({
      field: q.name,
      label: studyText(q.label, form, q.name),
      kind,
      universe: failed || conditions.length === 0 ? null : conditions.length === 1 ? (conditions[0] as Condition) : { all: conditions },
      untranslated: failed && "reason" in failed.t ? { relevant: failed.relevant, reason: failed.t.reason } : null,
    });
  }
  return {
    schema: {
      ...(form.title ? { title: form.title } : {}),
      ...(form.id ? { name: form.id } : {}),
      fields,
    },
    rename,
    uses,
  };
}

/** Columns KoboToolbox and ODK Central add to every export: the submission's metadata. */
const EXPORT_METADATA = new Set([
  "meta/instanceid",
  "meta/instancename",
  "meta/deprecatedid",
  "meta/rootuuid",
  "meta-instanceid",
  "formhub/uuid",
  "submissiondate",
  "key",
  "submitterid",
  "submittername",
  "attachmentspresent",
  "attachmentsexpected",
  "status",
  "reviewstate",
  "deviceid",
  "edits",
  "formversion",
  "instanceid",
]);

/** A column KoboToolbox or ODK Central adds to an export: any starting with "_", or one of EXPORT_METADATA. */
export function isExportMetadata(column: string): boolean {
  const key = column.trim().toLowerCase();
  return key.startsWith("_") || EXPORT_METADATA.has(key);
}

/**
 * The schema with a text field for each metadata column of the export that no question names
 * (`_id`, `_uuid`, `_submission_time`, `_index`, `_validation_status`, `__version__`, and any
 * other column KoboToolbox starts with "_"; ODK Central's `SubmissionDate`, `KEY`...): declared,
 * so validation neither warns about them nor requires them, and never analysed.
 */
export function withExportMetadata(schema: TableSchema, header: readonly string[], rename: Readonly<Record<string, string>>): TableSchema {
  const known = new Set([...schema.fields.map((f) => f.name.toLowerCase()), ...Object.keys(rename).map((k) => k.toLowerCase())]);
  const extra: FieldSpec[] = [];
  for (const raw of header) {
    const name = raw.trim();
    const key = name.toLowerCase();
    if (name === "" || known.has(key) || !isExportMetadata(name)) continue;
    known.add(key);
    extra.push({ name, type: "string", description: "export metadata: not analysed" });
  }
  return extra.length === 0 ? schema : { ...schema, fields: [...schema.fields, ...extra] };
}
