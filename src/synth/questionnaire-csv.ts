// questionnaire.csv, one line at a time: a benchmark can stream 1,000,000 rows to a file.
import { csvCell, csvLine } from "./csv.js";
import { structureId } from "./design.js";
import { M_BLANK, M_NR, M_NSP, type Questionnaire } from "./questionnaire.js";
import { ACCESS_PLACE, AGE_BANDS, BLANK, HOUSING, INTERNET_USE, MOBILE_PLAN, NR, NSP, RECEPTION_POINTS } from "./vocab.js";

const QUESTIONNAIRE_HEADER = [
  "respondent_id",
  "reception_point",
  "referral_structure",
  "point_structures",
  "age",
  "age_band",
  "gender",
  "housing",
  "household_size",
  "monthly_resources_eur",
  "telecom_spend_eur",
  "internet_use",
  "access_place",
  "has_phone",
  "mobile_plan",
  "calls_family_abroad",
  "has_email",
  "weight",
] as const;

const GENDER = ["female", "male", "other"] as const;
const YES_NO = ["no", "yes"] as const;

function missing(code: number): string {
  if (code === M_NSP) return NSP;
  if (code === M_NR) return NR;
  if (code === M_BLANK) return BLANK;
  throw new RangeError(`not a missing-value marker: ${code}`);
}

/** Level `code` of `levels`, or the missing-value code it stands for. */
function level(levels: readonly string[], code: number): string {
  return code >= 0 ? (levels[code] as string) : missing(code);
}

function amount(value: number, missingCode: number): string | number {
  return missingCode === 0 ? value : missing(missingCode);
}

/** `exportNames`: a wave's export may call a field by another name (schema field → column). */
export function* questionnaireLines(q: Questionnaire, exportNames: Readonly<Record<string, string>> = {}): Generator<string> {
  yield csvLine(QUESTIONNAIRE_HEADER.map((name) => exportNames[name] ?? name));
  const { design } = q;
  const ids = Array.from({ length: design.structureCount }, (_, s) => structureId(s, design.structureCount));
  // Cells are numbers or fixed codes that never need quoting, so they are joined directly
  // (csvLine's per-cell check is the slow part at 1,000,000 rows); assertSafe guards the codes.
  for (const levels of [RECEPTION_POINTS, AGE_BANDS, GENDER, HOUSING, INTERNET_USE, ACCESS_PLACE, MOBILE_PLAN, YES_NO]) {
    for (const l of levels) assertSafe(l);
  }
  for (let i = 0; i < q.n; i++) {
    const p = design.point[i] as number;
    const age = q.age[i] as number;
    yield `${[
      i + 1,
      RECEPTION_POINTS[p] as string,
      ids[design.structure[i] as number] as string,
      design.pointPopulation[p] as number,
      age === M_NR ? NR : age,
      level(AGE_BANDS, q.band[i] as number),
      level(GENDER, q.gender[i] as number),
      level(HOUSING, q.housing[i] as number),
      q.household[i] as number,
      amount(q.resources[i] as number, q.resourcesMissing[i] as number),
      amount(q.spend[i] as number, q.spendMissing[i] as number),
      level(INTERNET_USE, q.internet[i] as number),
      level(ACCESS_PLACE, q.access[i] as number),
      level(YES_NO, q.phone[i] as number),
      level(MOBILE_PLAN, q.plan[i] as number),
      level(YES_NO, q.calls[i] as number),
      level(YES_NO, q.email[i] as number),
      q.weight[i] as number,
    ].join(",")}\n`;
  }
}

function assertSafe(code: string): void {
  if (csvCell(code) !== code) throw new Error(`code needs quoting: ${code}`);
}
