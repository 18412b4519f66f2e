import { normaliseLabel } from "../../validate/index.js";
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
  // Validation matches headers ignoring case and surrounding spaces only: "Reception Point" or
  // "Âge" still need a rename even though init matched them by name.
  const renames = match.matches.filter((m) => normaliseLabel(m.column) !== normaliseLabel(m.field));
  const lines = [
    `# New wave scaffolded by \`exclusion-study init\` from ${comment(input.baseStudyDisplay)} and ${comment(input.csvDisplay)}.`,
    "# It inherits everything from the base study and restates what the new export changes.",
    "# Check the lines marked CHECK, then run `exclusion-study validate` on this file. See docs/waves.md.",
    `extends: ${yamlScalar(input.extendsPath)}`,
    `study: ${yamlScalar(input.study)}  # CHECK: the new wave's id`,
    `title: ${yamlScalar(input.title)}  # CHECK`,
    "datasets:",
    `  ${yamlScalar(input.dataset)}:`,
    `    path: ${yamlScalar(input.csvPath)}`,
  ];
  if (match.newValues.length > 0) {
    lines.push("    # CHECK: the export has answers the base schema does not list; copy the schema, add them, and set it here:");
    for (const n of match.newValues) lines.push(`    #   ${comment(n.field)}: ${comment(n.values.join(", "))}`);
    lines.push("    # schema: questionnaire.schema.json");
  }
  if (renames.length > 0) {
    // This rename replaces the base's whole map (extends merges dataset keys, not their contents).
    lines.push("    rename:  # export column: schema field");
    for (const m of renames) {
      const why: Record<typeof m.how, string> = {
        rename: "the base study's rename",
        name: "name (spelt differently)",
        similarity: `similar name (${m.score.toFixed(2)}), CHECK`,
        values: `values (${Math.round(m.score * 100)}% of sampled values fit its categories), CHECK`,
        distribution: `numbers (whole or not as the base data, ranges overlapping ${Math.round(m.score * 100)}%), CHECK`,
      };
      lines.push(`      ${yamlScalar(m.column)}: ${yamlScalar(m.field)}  # matched by ${why[m.how]}`);
    }
  }
  for (const f of match.unmatchedFields)
    lines.push(`# CHECK: no column for schema field ${comment(f)}; add a rename if the export calls it otherwise`);
  for (const a of match.ambiguous)
    lines.push(`# CHECK: column ${comment(a.column)} could be any of ${comment(a.fields.join(", "))}; add the right rename`);
  for (const c of match.unmatchedColumns) lines.push(`# column ${comment(c)} matches no schema field (validation will ignore it)`);
  return `${lines.join("\n")}\n`;
}

/** The next wave's id: a trailing year moves on by one, else "-next" is added. */
export function nextStudyId(id: string): string {
  const m = /^(.*?)(\d{4})$/.exec(id);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${id}-next`;
}
