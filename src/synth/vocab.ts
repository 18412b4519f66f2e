// Codes and published targets of the bundled 2014 study, as fixed by notes/bundled-data-dictionary.md.

export const NSP = "NSP"; // ne sait pas: don't know
export const NR = "NR"; // non-réponse: refused
export const BLANK = ""; // not applicable

export const RECEPTION_POINTS = ["paris-belleville", "paris-pernety", "lille", "lyon", "marseille", "grenoble", "bordeaux"] as const;

export const AGE_BANDS = ["16-24", "25-34", "35-49", "50-64", "65+"] as const;

export function ageBand(age: number): number {
  if (age < 25) return 0;
  if (age < 35) return 1;
  if (age < 50) return 2;
  if (age < 65) return 3;
  return 4;
}

export const HOUSING = ["street", "shelter", "hotel", "housed"] as const;
export const INTERNET_USE = ["daily", "weekly", "rarely", "never"] as const;
export const ACCESS_PLACE = ["home", "own_mobile", "relative", "cybercafe", "none"] as const;
/** `social_tariff` is an answer from the 2015 wave on (src/synth/waves.ts); 2014 never draws it. */
export const MOBILE_PLAN = ["subscription", "prepaid", "none", "social_tariff"] as const;

export const MISSIONS_LOCALES = ["paris", "saint-denis", "lille", "lyon", "marseille", "bordeaux"] as const;

export const CODEBOOK = [
  "self_esteem",
  "family_ties_abroad",
  "psychological_relief",
  "security",
  "job_search",
  "access_to_rights",
  "cost_burden",
  "isolation",
] as const;
export type Code = (typeof CODEBOOK)[number];

/**
 * The published figures the synthetic data are calibrated to (inputs of the calibration, not its
 * results): ASH report of the study presented at the Connexions solidaires forum, 27 Nov. 2014.
 */
export const PUBLISHED = {
  internet_never: 0.37,
  no_private_access: 0.78,
  access_relative: 0.32,
  access_cybercafe: 0.09,
  mobile_subscription: 0.21,
  telecom_share: 0.08,
  calls_abroad: 0.7,
  youth_no_email: 0.5,
} as const;

/** People served by the 7 reception points: the weights add up to this. */
export const PEOPLE_SERVED = 10_000;
