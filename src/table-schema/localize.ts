import type { MissingValueSpec, TableSchema } from "./descriptor.js";

const localMissing =
  (lang: "en" | "fr") =>
  (m: MissingValueSpec): MissingValueSpec =>
    typeof m === "object" && m.labels?.[lang] !== undefined ? { ...m, label: m.labels[lang] } : m;

/**
 * The schema with every title and category label in the report's language (`titles.fr`,
 * `labels.fr`), falling back to the plain Table Schema `title` / `label`.
 */
export function localizeTableSchema(schema: TableSchema, lang: "en" | "fr"): TableSchema {
  return {
    ...schema,
    missingValues: schema.missingValues.map(localMissing(lang)),
    fields: schema.fields.map((f) => ({
      ...f,
      ...(f.missingValues ? { missingValues: f.missingValues.map(localMissing(lang)) } : {}),
      ...(f.titles?.[lang] !== undefined ? { title: f.titles[lang] } : {}),
      ...(f.categories
        ? {
            categories: f.categories.map((c) =>
              typeof c === "object" && c.labels?.[lang] !== undefined ? { ...c, label: c.labels[lang] } : c,
            ),
          }
        : {}),
    })),
    rowConstraints: schema.rowConstraints.map((rc) => (rc.messages?.[lang] !== undefined ? { ...rc, message: rc.messages[lang] } : rc)),
  };
}
