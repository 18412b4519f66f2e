// The published figures, computed here from parsed CSV text, independently of the generator.
import { parse } from "csv-parse/sync";

export type Row = Record<string, string>;

export function parseCsv(text: string): Row[] {
  return parse(text, { columns: true, skip_empty_lines: false }) as Row[];
}

const MISSING = new Set(["", "NSP", "NR"]);
const known = (v: string | undefined): v is string => v !== undefined && !MISSING.has(v);

/** Σw·[pred] / Σw over rows where `field` is known and the universe holds. */
function weightedShare(rows: Row[], field: string, pred: (v: string) => boolean, universe: (r: Row) => boolean = () => true): number {
  let num = 0;
  let den = 0;
  for (const r of rows) {
    const v = r[field];
    if (!known(v) || !universe(r)) continue;
    const w = Number(r.weight);
    den += w;
    if (pred(v)) num += w;
  }
  return num / den;
}

export interface Estimates {
  internet_never: number;
  no_private_access: number;
  access_relative: number;
  access_cybercafe: number;
  mobile_subscription: number;
  telecom_share: number;
  calls_abroad: number;
  youth_no_email: number;
}

/**
 * The figures published in 2014, restated here rather than read from the generator's own
 * targets, so a wrong target in src/synth cannot pass its own test.
 */
export const PUBLISHED_2014: Estimates = {
  internet_never: 0.37,
  no_private_access: 0.78,
  access_relative: 0.32,
  access_cybercafe: 0.09,
  mobile_subscription: 0.21,
  telecom_share: 0.08,
  calls_abroad: 0.7,
  youth_no_email: 0.5,
};

export function estimates(questionnaire: Row[], youth: Row[]): Estimates {
  let spend = 0;
  let resources = 0;
  for (const r of questionnaire) {
    if (!known(r.telecom_spend_eur) || !known(r.monthly_resources_eur)) continue;
    const w = Number(r.weight);
    spend += w * Number(r.telecom_spend_eur);
    resources += w * Number(r.monthly_resources_eur);
  }
  const youthKnown = youth.filter((r) => known(r.has_email));
  return {
    internet_never: weightedShare(questionnaire, "internet_use", (v) => v === "never"),
    no_private_access: weightedShare(questionnaire, "access_place", (v) => ["none", "relative", "cybercafe"].includes(v)),
    access_relative: weightedShare(questionnaire, "access_place", (v) => v === "relative"),
    access_cybercafe: weightedShare(questionnaire, "access_place", (v) => v === "cybercafe"),
    mobile_subscription: weightedShare(questionnaire, "mobile_plan", (v) => v === "subscription"),
    telecom_share: spend / resources,
    calls_abroad: weightedShare(
      questionnaire,
      "calls_family_abroad",
      (v) => v === "yes",
      (r) => r.has_phone === "yes",
    ),
    youth_no_email: youthKnown.filter((r) => r.has_email === "no").length / youthKnown.length,
  };
}
