import { issueTexts } from "../../vocabulary/index.js";
import { dataError } from "../errors.js";
import { renderCell } from "../typed-source.js";
import { loadDictionary, timeKind } from "./open-sav.js";
import type { SavVariable } from "./dictionary.js";

/** A Table Schema field as an SPSS dictionary describes it (descriptor.ts validates it). */
export interface SavFieldDescriptor {
  name: string;
  type: "integer" | "number" | "string" | "date";
  title?: string;
  categories?: { value: number | string; label: string }[];
  missingValues?: (string | { value: string; label: string })[];
}

/** Enumerated user-missing ranges stop here: a wider range cannot be listed as codes. */
const MAX_RANGE_CODES = 1000;

/**
 * The Table Schema fields of an SPSS file's variables: variable labels become titles, value
 * labels categories with their labels, user-missing codes missing values (labelled when a value
 * label names them; a blank cell, system-missing, stays missing). For `init`, which writes it.
 */
export async function savSchemaFields(path: string, displayName?: string, lang?: "en" | "fr"): Promise<SavFieldDescriptor[]> {
  const file = displayName ?? path;
  const { dict } = await loadDictionary(path, file, lang);
  return dict.variables.map((v) => fieldOf(v, file, lang));
}

function fieldOf(v: SavVariable, file: string, lang: "en" | "fr" | undefined): SavFieldDescriptor {
  const codes = missingCodes(v, file, lang);
  // Labelled whole-number codes make a categorical variable, whatever its display format.
  const coded = v.valueLabels.some((l) => !codes.includes(l.value)) && v.valueLabels.every((l) => Number.isInteger(l.value));
  const time = timeKind(v);
  // A date-time stays text (ISO 8601): Table Schema files here have no datetime type.
  const type =
    v.width > 0 || time === "moment" ? "string" : time === "day" ? "date" : v.formatDecimals === 0 || coded ? "integer" : "number";
  const isMissing = (value: number | string): boolean => codes.some((c) => c === value);
  const labelOf = (value: number | string): string | undefined => v.valueLabels.find((l) => l.value === value)?.label;
  const categories = v.valueLabels
    .filter((l) => !isMissing(l.value) && (typeof l.value === "string" || Number.isInteger(l.value)))
    .map((l) => ({ value: l.value, label: l.label }));
  const missingValues = codes.map((c) => {
    const text = renderCell(c, undefined);
    const label = labelOf(c);
    return label === undefined ? text : { value: text, label };
  });
  return {
    name: v.name,
    type,
    ...(v.label ? { title: v.label } : {}),
    ...(categories.length > 0 && type !== "date" ? { categories } : {}),
    ...(missingValues.length > 0 ? { missingValues: ["", ...missingValues] } : {}),
  };
}

/** The discrete user-missing codes, with a range spelled out code by code. */
function missingCodes(v: SavVariable, file: string, lang: "en" | "fr" | undefined): (number | string)[] {
  const codes = [...v.missing];
  const range = v.missingRange;
  if (range !== null) {
    const span = range.high - range.low;
    if (!Number.isInteger(range.low) || !Number.isInteger(range.high) || span < 0 || span >= MAX_RANGE_CODES)
      throw dataError(file, null, "source-error", issueTexts(lang).savMissingRange(v.name, range.low, range.high), lang);
    for (let c = range.low; c <= range.high; c++) if (!codes.includes(c)) codes.push(c);
  }
  return codes;
}
