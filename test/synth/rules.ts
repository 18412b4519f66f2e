// The consistency rules of the data dictionary, checked on parsed files: returns the violations.
import type { Row } from "./estimates.js";

const DOMAINS: Record<string, readonly string[]> = {
  reception_point: ["paris-belleville", "paris-pernety", "lille", "lyon", "marseille", "grenoble", "bordeaux"],
  age_band: ["16-24", "25-34", "35-49", "50-64", "65+", "NR"],
  gender: ["female", "male", "other", "NR"],
  housing: ["street", "shelter", "hotel", "housed", "NR"],
  internet_use: ["daily", "weekly", "rarely", "never", "NSP"],
  access_place: ["home", "own_mobile", "relative", "cybercafe", "none", "NSP"],
  has_phone: ["yes", "no"],
  mobile_plan: ["subscription", "prepaid", "none"],
  calls_family_abroad: ["yes", "no", "NR", ""],
  has_email: ["yes", "no", "NR"],
};
const CODEBOOK = [
  "self_esteem",
  "family_ties_abroad",
  "psychological_relief",
  "security",
  "job_search",
  "access_to_rights",
  "cost_burden",
  "isolation",
];

function band(age: number): string {
  return age < 25 ? "16-24" : age < 35 ? "25-34" : age < 50 ? "35-49" : age < 65 ? "50-64" : "65+";
}

const isAmount = (v: string | undefined): boolean => v === "NSP" || v === "NR" || (v !== undefined && /^\d+(\.\d+)?$/.test(v));

export function questionnaireViolations(rows: Row[]): string[] {
  const out: string[] = [];
  const bad = (i: number, what: string) => out.push(`row ${i + 1}: ${what}`);
  const pointOf = new Map<string, string>();
  const structuresIn = new Map<string, Set<string>>();
  const populationOf = new Map<string, string>();
  let other = 0;
  rows.forEach((r, i) => {
    if (r.respondent_id !== String(i + 1)) bad(i, "respondent_id out of sequence");
    for (const [field, values] of Object.entries(DOMAINS)) if (!values.includes(r[field] ?? "?")) bad(i, `${field} = ${r[field]}`);
    if ((r.internet_use === "never") !== (r.access_place === "none")) bad(i, "never ⇔ none broken");
    if ((r.has_phone === "no") !== (r.mobile_plan === "none")) bad(i, "no phone ⇔ plan none broken");
    if ((r.has_phone === "no") !== (r.calls_family_abroad === "")) bad(i, "calls blank ⇔ no phone broken");
    if (r.age === "NR" ? r.age_band !== "NR" : band(Number(r.age)) !== r.age_band) bad(i, `age ${r.age} in band ${r.age_band}`);
    if (r.age !== "NR" && !(Number(r.age) >= 16 && Number(r.age) <= 85 && Number.isInteger(Number(r.age)))) bad(i, `age ${r.age}`);
    const hh = Number(r.household_size);
    if (!(Number.isInteger(hh) && hh >= 1 && hh <= 9)) bad(i, `household_size ${r.household_size}`);
    if (!isAmount(r.monthly_resources_eur) || !isAmount(r.telecom_spend_eur)) bad(i, "amount not a number or code");
    if (!(Number(r.weight) > 0)) bad(i, `weight ${r.weight}`);
    if (r.gender === "other") other++;
    const s = r.referral_structure ?? "";
    const p = r.reception_point ?? "";
    if (!/^S\d{3,}$/.test(s)) bad(i, `structure id ${s}`);
    if (pointOf.has(s) && pointOf.get(s) !== p) bad(i, `structure ${s} in two points`);
    pointOf.set(s, p);
    if (!structuresIn.has(p)) structuresIn.set(p, new Set());
    structuresIn.get(p)?.add(s);
    if (populationOf.has(p) && populationOf.get(p) !== r.point_structures) bad(i, `point_structures varies in ${p}`);
    populationOf.set(p, r.point_structures ?? "");
  });
  if (other !== 7) out.push(`${other} respondents with gender other, not 7`);
  for (const p of DOMAINS.reception_point ?? []) {
    const sampled = structuresIn.get(p)?.size ?? 0;
    if (sampled < 2) out.push(`${p}: ${sampled} structures`);
    if (!(Number(populationOf.get(p)) > sampled)) out.push(`${p}: point_structures ${populationOf.get(p)} not above ${sampled}`);
  }
  return out;
}

export function interviewViolations(interviews: Row[], codings: Row[]): string[] {
  const out: string[] = [];
  const coders = new Map(interviews.map((r) => [r.interview_id ?? "", (r.coders ?? "").split("|")]));
  for (const r of interviews) {
    if (!["beneficiary", "left_programme"].includes(r.group ?? "")) out.push(`${r.interview_id}: group ${r.group}`);
    if (!["A", "A|B"].includes(r.coders ?? "")) out.push(`${r.interview_id}: coders ${r.coders}`);
    if (!["female", "male"].includes(r.gender ?? "")) out.push(`${r.interview_id}: gender ${r.gender}`);
  }
  const seen = new Set<string>();
  for (const c of codings) {
    const listed = coders.get(c.interview_id ?? "");
    if (!listed) out.push(`coding for unknown interview ${c.interview_id}`);
    else if (!listed.includes(c.coder ?? "")) out.push(`${c.interview_id}: coder ${c.coder} not listed`);
    if (!CODEBOOK.includes(c.code ?? "")) out.push(`${c.interview_id}: code ${c.code}`);
    if (!["yes", "no"].includes(c.publishable ?? "")) out.push(`${c.interview_id}: publishable ${c.publishable}`);
    if (!/^[1-9]\d*$/.test(c.segment ?? "")) out.push(`${c.interview_id}: segment ${c.segment}`);
    const key = `${c.interview_id}|${c.coder}|${c.code}`;
    if (seen.has(key)) out.push(`${key} coded twice`);
    seen.add(key);
  }
  return out;
}
