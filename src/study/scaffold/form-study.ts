import { conditionFields } from "../../conditions/index.js";
import type { FormText, QuestionUse } from "../../xlsform/index.js";

/** What the study file made from an XLSForm states; paths relative to where it is written. */
export interface FormStudyInput {
  study: string;
  title: FormText;
  lang: "en" | "fr";
  dataPath: string;
  schemaPath: string;
  /** Export column → question: the export's group paths. */
  rename: Readonly<Record<string, string>>;
  formDisplay: string;
  dataDisplay: string;
  uses: readonly QuestionUse[];
  /** Form fields the export has no column for. */
  absent: readonly string[];
}

/** Comments are one line: nothing from the form may end them early. */
const comment = (s: string): string => s.replace(/[\r\n\u2028\u2029]+/g, " ");
/** A YAML value: JSON is valid YAML, and quotes every string the same way. */
const json = (v: unknown): string => JSON.stringify(v);

/**
 * A first study file for an XLSForm's export: one indicator per question a study can estimate (a
 * distribution per select_one, a multi_select per select_multiple, a mean per integer or decimal),
 * labelled in the form's languages, each with its question's `relevant` as the universe when the
 * condition language can say it; otherwise the `relevant` is kept as a comment, to translate by hand.
 */
export function formStudyYaml(input: FormStudyInput): string {
  const lines = [
    `# Study scaffolded by \`exclusion-study init --xlsform\` from ${comment(input.formDisplay)} and ${comment(input.dataDisplay)}.`,
    "# One indicator per question it can estimate; remove or add indicators, declare the sampling",
    "# design if there is one (see docs/study-file.md), then run `exclusion-study report` on this file.",
    `study: ${json(input.study)}`,
    `title: ${json(input.title)}`,
    `lang: ${input.lang}`,
    "datasets:",
    "  survey:",
    `    path: ${json(input.dataPath)}`,
    `    schema: ${json(input.schemaPath)}`,
  ];
  const renames = Object.entries(input.rename);
  if (renames.length > 0) {
    lines.push("    rename:  # export column (group/question): question");
    for (const [from, to] of renames) lines.push(`      ${json(from)}: ${json(to)}`);
  }
  for (const f of input.absent)
    lines.push(`    # CHECK: the export has no column for ${comment(f)} (exported with "XML values and headers"?)`);
  lines.push("indicators:");
  for (const u of input.uses) {
    lines.push(
      `  - id: ${json(u.field)}`,
      `    label: ${json(u.label)}`,
      "    dataset: survey",
      `    kind: ${u.kind}`,
      `    field: ${json(u.field)}`,
    );
    if (u.universe !== null)
      lines.push(`    universe: ${json(u.universe)}  # from relevant, on ${comment(conditionFields(u.universe).join(", "))}`);
    if (u.untranslated !== null)
      lines.push(
        `    # CHECK: relevant not translated (${comment(u.untranslated.reason)}), so no universe: ${comment(u.untranslated.relevant)}`,
      );
  }
  if (input.uses.length === 0) lines.push("  []  # the form has no question to estimate");
  return `${lines.join("\n")}\n`;
}
