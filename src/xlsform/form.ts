import { XlsFormError } from "./errors.js";
import type { Sheet } from "./workbook.js";

export type ReportLang = "en" | "fr";

/** A label in the form's languages: the plain `label` column and each `label::LANGUAGE` one. */
export interface Texts {
  plain: string | null;
  byLang: Partial<Record<ReportLang, string>>;
}

export interface Question {
  name: string;
  /** The XLSForm type's first word (`integer`, `select_one`...). */
  type: string;
  /** The choice list of a select question. */
  list: string | null;
  /** Enclosing group names, outermost first (a KoboToolbox export's `group/question` header). */
  groups: string[];
  label: Texts;
  /** The question's own `relevant`, then those of its enclosing groups (all must hold). */
  relevant: string[];
  line: number;
}

interface Choice {
  value: string;
  label: Texts;
}

export interface Form {
  title: string | null;
  id: string | null;
  /** The report language of the form's default language, when it is English or French. */
  defaultLang: ReportLang | null;
  /** The report languages the form has labels in. */
  languages: ReportLang[];
  questions: Question[];
  lists: Map<string, Choice[]>;
  /** What the form has that a table of answers cannot hold (repeats), said to the user. */
  /** A repeat group (its name, its row): its answers are exported as another table, its questions left out. */
  notes: { repeat: string; row: number }[];
}

/** The report language of an XLSForm language name: `English (en)`, `Français (fr)`, `French`. */
function reportLang(language: string): ReportLang | null {
  const code = /\(([A-Za-z-]+)\)\s*$/.exec(language)?.[1]?.toLowerCase();
  const name = language.toLowerCase();
  if (code === "en" || /^(english|anglais)\b/.test(name)) return "en";
  if (code === "fr" || /^(french|fran[cç]ais)\b/.test(name)) return "fr";
  return null;
}

function textsOf(cells: Record<string, string>, column: string): Texts {
  const byLang: Partial<Record<ReportLang, string>> = {};
  for (const [key, value] of Object.entries(cells)) {
    if (value === "" || !key.startsWith(`${column}::`)) continue;
    const lang = reportLang(key.slice(column.length + 2).trim());
    if (lang !== null) byLang[lang] ??= value;
  }
  const plain = cells[column] ?? "";
  return { plain: plain === "" ? null : plain, byLang };
}

/** Columns that hold no answer: layout and notes. */
const NO_COLUMN = new Set(["note", "end_group", "end_repeat"]);

/** Read an XLSForm's `survey`, `choices` and `settings` sheets. */
export function parseForm(sheets: ReadonlyMap<string, Sheet>, display: string): Form {
  const survey = sheets.get("survey");
  if (!survey)
    throw new XlsFormError(`${display}: no "survey" sheet; an XLSForm has sheets survey, choices and settings.`, {
      file: display,
      code: "no-survey",
    });
  for (const col of ["type", "name"])
    if (!survey.columns.includes(col))
      throw new XlsFormError(`${display}, sheet survey: no "${col}" column in its first row.`, {
        file: display,
        code: "no-column",
        column: col,
      });
  const lists = new Map<string, Choice[]>();
  for (const { line, cells } of sheets.get("choices")?.rows ?? []) {
    const list = cells.list_name ?? cells["list name"] ?? "";
    const value = cells.name ?? cells.value ?? "";
    if (list === "" && value === "") continue;
    if (list === "" || value === "")
      throw new XlsFormError(`${display}, sheet choices, row ${line}: a choice needs a list_name and a name.`, {
        file: display,
        code: "choice-unnamed",
        row: line,
      });
    const choices = lists.get(list) ?? [];
    if (choices.some((c) => c.value === value))
      throw new XlsFormError(`${display}, sheet choices, row ${line}: the choice "${value}" is listed twice in ${list}.`, {
        file: display,
        code: "choice-twice",
        row: line,
        value,
        list,
      });
    choices.push({ value, label: textsOf(cells, "label") });
    lists.set(list, choices);
  }
  const settings = sheets.get("settings")?.rows[0]?.cells ?? {};
  const questions: Question[] = [];
  const notes: Form["notes"] = [];
  const groups: { name: string; relevant: string; repeat: boolean }[] = [];
  const languages = new Set<ReportLang>();
  for (const { line, cells } of survey.rows) {
    const words = (cells.type ?? "").trim().split(/\s+/);
    let type = (words[0] ?? "").toLowerCase();
    // "begin group" as well as "begin_group"; a question of type `end` is form metadata.
    const second = (words[1] ?? "").toLowerCase();
    if ((type === "begin" || type === "end") && (second === "group" || second === "repeat")) type = `${type}_${second}`;
    const name = cells.name ?? "";
    const relevant = cells.relevant ?? "";
    if (type === "begin_group" || type === "begin_repeat") {
      groups.push({ name, relevant, repeat: type === "begin_repeat" });
      if (type === "begin_repeat") notes.push({ repeat: name, row: line });
      continue;
    }
    if (type === "end_group" || type === "end_repeat") {
      groups.pop();
      continue;
    }
    if (type === "" || NO_COLUMN.has(type) || groups.some((g) => g.repeat)) continue;
    if (name === "")
      throw new XlsFormError(`${display}, sheet survey, row ${line}: a question of type ${type} needs a name.`, {
        file: display,
        code: "question-unnamed",
        row: line,
        type,
      });
    const select = type === "select_one" || type === "select_multiple";
    const list = select ? (words[1] ?? null) : null;
    if (select && (list === null || !lists.has(list)))
      throw new XlsFormError(
        `${display}, sheet survey, row ${line}: ${name} uses the choice list "${list ?? ""}", which the choices sheet lacks.`,
        { file: display, code: "unknown-list", row: line, name, list: list ?? "" },
      );
    if (select && words.includes("or_other") && list !== null) {
      const choices = lists.get(list) as Choice[];
      if (!choices.some((c) => c.value === "other"))
        choices.push({ value: "other", label: { plain: "Other", byLang: { en: "Other", fr: "Autre" } } });
    }
    const label = textsOf(cells, "label");
    for (const lang of Object.keys(label.byLang) as ReportLang[]) languages.add(lang);
    questions.push({
      name,
      type,
      list,
      groups: groups.map((g) => g.name),
      label,
      relevant: [relevant, ...groups.map((g) => g.relevant).reverse()].filter((r) => r !== ""),
      line,
    });
  }
  const seen = new Set<string>();
  for (const q of questions) {
    if (seen.has(q.name))
      throw new XlsFormError(`${display}, sheet survey, row ${q.line}: the name ${q.name} is used twice.`, {
        file: display,
        code: "name-twice",
        row: q.line,
        name: q.name,
      });
    seen.add(q.name);
  }
  return {
    title: settings.form_title || null,
    id: settings.form_id || null,
    defaultLang: settings.default_language ? reportLang(settings.default_language) : null,
    languages: (["en", "fr"] as const).filter((l) => languages.has(l)),
    questions,
    lists,
    notes,
  };
}
