// biome-ignore-all lint/suspicious/noTemplateCurlyInString: XLSForm expressions name questions as ${question}.
// Reading an XLSForm: questions with their group paths and relevants, choice lists, labels by
// language (`label::English (en)`, `label::Français (fr)`, plain `label`), and the Table Schema
// they make. Workbooks are written here with the same library the reader uses.
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { formTable, readXlsForm, XlsFormError } from "../../src/xlsform/index.js";
import { repoRoot, tempDir } from "../cli/run.js";

async function workbook(sheets: Record<string, string[][]>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  const file = path.join(await tempDir(), "form.xlsx");
  await wb.xlsx.writeFile(file);
  return file;
}

describe("XLSForm reading", () => {
  it("reads the KoboToolbox fixture: languages, groups, choices and metadata questions", async () => {
    const form = await readXlsForm(path.join(repoRoot, "fixtures/kobo-connexions-2014/form.xlsx"), "form.xlsx");
    expect(form).toMatchObject({ id: "connexions_2014", defaultLang: "en", languages: ["en", "fr"], notes: [] });
    expect(form.questions.find((q) => q.name === "age")).toMatchObject({
      type: "integer",
      groups: ["profile"],
      label: { plain: null, byLang: { en: "Age", fr: "Âge" } },
    });
    const table = formTable(form);
    expect(table.rename).toMatchObject({ "profile/age": "age", "profile-age": "age", "internet/access_place": "access_place" });
    const uses = table.schema.fields.find((f) => f.name === "uses");
    expect(uses).toMatchObject({ type: "string", multiple: true, title: "Which of these do you use?" });
    expect(uses?.categories?.[1]).toEqual({ value: "email", label: "E-mail", labels: { en: "E-mail", fr: "Le courriel" } });
    expect(table.schema.fields.find((f) => f.name === "end")).toMatchObject({
      type: "string",
      description: "form metadata (end): not analysed",
    });
    expect(table.uses.map((u) => [u.field, u.kind])).toEqual([
      ["age", "mean"],
      ["gender", "distribution"],
      ["household_size", "mean"],
      ["internet_use", "distribution"],
      ["access_place", "distribution"],
      ["has_phone", "distribution"],
      ["mobile_plan", "distribution"],
      ["uses", "multi_select"],
      ["monthly_resources_eur", "mean"],
    ]);
  });

  it("adds a group's relevant to its questions', skips repeats and adds or_other", async () => {
    const file = await workbook({
      survey: [
        ["type", "name", "label", "relevant"],
        ["integer", "age", "Age", ""],
        ["begin group", "adult", "Adults", "${age} >= 18"],
        ["select_multiple transport or_other", "transport", "Transport", "${age} < 99"],
        ["end group", "", "", ""],
        ["begin_repeat", "child", "Children", ""],
        ["integer", "child_age", "Age", ""],
        ["end_repeat", "", "", ""],
        ["note", "thanks", "Thank you", ""],
      ],
      choices: [
        ["list_name", "name", "label"],
        ["transport", "bus", "Bus"],
      ],
    });
    const form = await readXlsForm(file, "form.xlsx");
    expect(form.questions.map((q) => q.name)).toEqual(["age", "transport"]);
    expect(form.notes).toEqual([{ repeat: "child", row: 6 }]);
    const table = formTable(form);
    expect(table.schema.fields[1]?.categories).toEqual([
      { value: "bus", label: "Bus" },
      { value: "other", label: "Other", labels: { en: "Other", fr: "Autre" } },
    ]);
    expect(table.uses[1]).toMatchObject({
      field: "transport",
      label: "Transport",
      universe: {
        all: [
          { field: "age", lt: 99 },
          { field: "age", ge: 18 },
        ],
      },
      untranslated: null,
    });
  });

  it.each([
    [{ choices: [["list_name", "name"]] }, 'form.xlsx: no "survey" sheet'],
    [
      {
        survey: [
          ["type", "label"],
          ["integer", "Age"],
        ],
      },
      'form.xlsx, sheet survey: no "name" column in its first row.',
    ],
    [
      {
        survey: [
          ["type", "name"],
          ["select_one yn", "q"],
        ],
      },
      'form.xlsx, sheet survey, row 2: q uses the choice list "yn", which the choices sheet lacks.',
    ],
    [
      {
        survey: [
          ["type", "name"],
          ["integer", "q"],
          ["text", "q"],
        ],
      },
      "form.xlsx, sheet survey, row 3: the name q is used twice.",
    ],
  ])("refuses a form that cannot be read, naming sheet and row", async (sheets, message) => {
    const file = await workbook(sheets as Record<string, string[][]>);
    const error = await readXlsForm(file, "form.xlsx").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(XlsFormError);
    expect((error as Error).message).toContain(message);
  });
});
