import { normaliseLabel } from "../../validate/index.js";
import { en } from "./comments/en.js";
import { fr } from "./comments/fr.js";
import type { MatchResult } from "./match-columns.js";

/** What the scaffolded study file states; paths already relative to where it will be written. */
export interface ScaffoldInput {
  extendsPath: string;
  study: string;
  title: string;
  dataset: string;
  csvPath: string;
  baseStudyDisplay: string;
  csvDisplay: string;
  match: MatchResult;
  /** The language of the file's comments. */
  lang: "en" | "fr";
  /** The base's reading options that do not apply to the new export's format, cancelled with `null`; the export's format says why. */
  cancelled: { keys: string[]; format: "csv" | "xlsx" | "sav" };
}

/** A YAML scalar: plain when unambiguous, else double-quoted (JSON strings are valid YAML). */
function yamlScalar(s: string): string {
  return /^[A-Za-z0-9./][A-Za-z0-9_./-]*$/.test(s) && !/^(true|false|yes|no|on|off|null|~|\d[\d.]*)$/i.test(s) ? s : JSON.stringify(s);
}

/** Comments are one line: nothing from the data may end them early. */
const comment = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, " ");

/** The new wave's study file: extends the base, points the dataset at the CSV, renames columns. */
export function scaffoldYaml(input: ScaffoldInput): string {
  const { match } = input;
  const c = input.lang === "fr" ? fr : en;
  // Validation matches headers ignoring case and surrounding spaces only: "Reception Point" or
  // "Âge" still need a rename even though init matched them by name.
  const renames = match.matches.filter((m) => normaliseLabel(m.column) !== normaliseLabel(m.field));
  const lines = [
    `# ${c.scaffolded(comment(input.baseStudyDisplay), comment(input.csvDisplay))}`,
    `# ${c.inherits}`,
    `# ${c.checkLines}`,
    `extends: ${yamlScalar(input.extendsPath)}`,
    `study: ${yamlScalar(input.study)}  # ${c.newId}`,
    `title: ${yamlScalar(input.title)}  # ${c.check}`,
    "datasets:",
    `  ${yamlScalar(input.dataset)}:`,
    `    path: ${yamlScalar(input.csvPath)}`,
    ...input.cancelled.keys.map((k) => `    ${k}: null  # ${c.cancelled(input.cancelled.format)}`),
  ];
  if (match.newValues.length > 0) {
    lines.push(`    # ${c.newAnswers}`);
    for (const n of match.newValues) lines.push(`    #   ${comment(n.field)}: ${comment(n.values.join(", "))}`);
    lines.push("    # schema: questionnaire.schema.json");
  }
  if (renames.length > 0) {
    // This rename replaces the base's whole map (extends merges dataset keys, not their contents).
    lines.push(`    rename:  # ${c.renameHeader}`);
    for (const m of renames) {
      const why: Record<typeof m.how, string> = {
        rename: c.byRename,
        name: c.byName,
        similarity: c.bySimilarity(m.score.toFixed(2)),
        values: c.byValues(Math.round(m.score * 100)),
        distribution: c.byNumbers(Math.round(m.score * 100)),
      };
      lines.push(`      ${yamlScalar(m.column)}: ${yamlScalar(m.field)}  # ${c.matchedBy(why[m.how])}`);
    }
  }
  for (const f of match.unmatchedFields) lines.push(`# ${c.noColumn(comment(f))}`);
  for (const a of match.ambiguous) lines.push(`# ${c.ambiguous(comment(a.column), comment(a.fields.join(", ")))}`);
  for (const col of match.unmatchedColumns) lines.push(`# ${c.unmatched(comment(col))}`);
  return `${lines.join("\n")}\n`;
}

/** The next wave's id: a trailing year moves on by one, else "-next" is added. */
export function nextStudyId(id: string): string {
  const m = /^(.*?)(\d{4})$/.exec(id);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${id}-next`;
}
