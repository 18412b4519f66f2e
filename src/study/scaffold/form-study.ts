import { conditionFields } from "../../conditions/index.js";
import type { FormText, QuestionUse } from "../../xlsform/index.js";
import { scaffoldComments } from "./comments/index.js";

/** What the study file made from an XLSForm states; paths relative to where it is written. */
export interface FormStudyInput {
  study: string;
  title: FormText;
  /** The study's language, and its comments'. */
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
  const c = scaffoldComments(input.lang);
  const lines = [
    ...c.formHeader(input.formDisplay, input.dataDisplay).map((line) => `# ${comment(line)}`),
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
    lines.push(`    rename:  # ${c.formRename}`);
    for (const [from, to] of renames) lines.push(`      ${json(from)}: ${json(to)}`);
  }
  for (const f of input.absent) lines.push(`    # ${comment(c.formAbsent(f))}`);
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
      lines.push(`    universe: ${json(u.universe)}  # ${comment(c.formUniverse(conditionFields(u.universe).join(", ")))}`);
    if (u.untranslated !== null)
      lines.push(`    # ${comment(c.formUntranslated(c.relevantReason(u.untranslated.reason), u.untranslated.relevant))}`);
  }
  if (input.uses.length === 0) lines.push(`  []  # ${c.formNoQuestion}`);
  return `${lines.join("\n")}\n`;
}
