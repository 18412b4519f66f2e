/**
 * XLSForms (KoboToolbox, ODK): the form's questions, choices and languages read from its
 * workbook, turned into a Table Schema, the renames its exports need, and the indicators a study
 * can declare on them, `relevant` translated into the condition language where it can be.
 */
import { parseForm, type Form } from "./form.js";

export { formTable, isExportMetadata, withExportMetadata, type FormText, type QuestionUse } from "./table.js";
export { type FormReason, XlsFormError } from "./errors.js";
export type { Form } from "./form.js";
export type { UntranslatedReason } from "./relevant.js";

/**
 * Read an XLSForm (.xlsx); errors are XlsFormError sentences naming the file, sheet and row. The
 * workbook library loads here, on first use: reading a study without a form never loads it.
 */
export async function readXlsForm(file: string, display: string): Promise<Form> {
  const { readWorkbook } = await import("./workbook.js");
  return parseForm(await readWorkbook(file, display), display);
}
