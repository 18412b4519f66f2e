// Internet use and place of access, calibrated to 37 % never, 32 % relative, 9 % cybercafé and
// 78 % without private access (37 + 32 + 9).
import { thresholdFor } from "./calibrate.js";
import { ACCESS, at, HOUSED, HOUSING_STREET, M_NR, M_NSP, NEVER } from "./codes.js";
import type { Design } from "./design.js";
import type { People } from "./people.js";
import type { Rng } from "./rng.js";
import { PUBLISHED } from "./vocab.js";
import type { Targets } from "./waves.js";

/** Latent propensities (logit scale) by housing: street, shelter, hotel, housed. */
const NEVER_BY_HOUSING = [1.4, 0.5, 0.35, 0];
const NONPRIVATE_BY_HOUSING = [2.0, 1.0, 0.9, -0.7];
const CYBERCAFE_BY_HOUSING = [1.0, 0.5, 0.3, -0.3];
/** Referral structures share a random effect: their people resemble each other (clustering). */
const STRUCTURE_SD = 0.35;
const RATE = { internetNSP: 0.01, accessNSP: 0.004, emailNR: 0.01 } as const;

export interface Internet {
  internet: Int8Array;
  access: Int8Array;
  /** Latent outcomes, also for rows whose answer is NSP: the e-mail model follows them. */
  never: Uint8Array;
  frequency: Int8Array;
}

export function drawInternet(
  rng: Rng,
  miss: Rng,
  design: Design,
  people: People,
  phone: Uint8Array,
  weight: Float64Array,
  targets: Targets = PUBLISHED,
): Internet {
  const n = design.point.length;
  const { trueAge, trueHousing } = people;
  const structureEffect = new Float64Array(design.structureCount);
  for (let s = 0; s < design.structureCount; s++) structureEffect[s] = STRUCTURE_SD * rng.normal();
  const tNever = new Float64Array(n);
  const tNonPrivate = new Float64Array(n);
  const tCyber = new Float64Array(n);
  const frequency = new Int8Array(n);
  const ownMobile = new Uint8Array(n);
  const internetKnown = new Uint8Array(n);
  const accessKnown = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = (trueAge[i] as number) - 42;
    const h = trueHousing[i] as number;
    // Non-use rises with age and is highest on the street.
    const etaNever = 0.055 * a + at(NEVER_BY_HOUSING, h) + (structureEffect[design.structure[i] as number] as number);
    tNever[i] = rng.logistic() - etaNever;
    const s = 0.035 * a + (h === HOUSED ? 0 : 0.6) + rng.logistic();
    frequency[i] = s < 0.2 ? 0 : s < 1.6 ? 1 : 2;
    // Without a phone or a home, private access is not possible: always "not private".
    const noPrivate = h === HOUSING_STREET && phone[i] === 0;
    const etaNonPrivate = at(NONPRIVATE_BY_HOUSING, h) + 0.015 * a + (phone[i] === 1 ? -0.4 : 0.6);
    tNonPrivate[i] = noPrivate ? -Infinity : rng.logistic() - etaNonPrivate;
    tCyber[i] = rng.logistic() - (at(CYBERCAFE_BY_HOUSING, h) - 0.02 * a);
    ownMobile[i] = phone[i] === 1 && (h === HOUSING_STREET || rng.logistic() < -0.3 - 0.05 * a) ? 1 : 0;
    internetKnown[i] = miss.bernoulli(RATE.internetNSP) ? 0 : 1;
    accessKnown[i] = internetKnown[i] === 1 && !miss.bernoulli(RATE.accessNSP) ? 1 : 0;
  }
  const alphaNever = thresholdFor(tNever, weight, internetKnown, targets.internet_never);
  const never = new Uint8Array(n);
  for (let i = 0; i < n; i++) never[i] = (tNever[i] as number) < alphaNever ? 1 : 0;

  // Never-users (with a known use) always know their place: none. Users may answer NSP, so the
  // none share among known places is slightly above 37 %; relative and cybercafé share the
  // difference, which keeps 37 + 32 + 9 = 78 with every figure close to its published value.
  let wAccess = 0;
  let wNone = 0;
  const accessEligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    accessEligible[i] = accessKnown[i] === 1 || (never[i] === 1 && internetKnown[i] === 1) ? 1 : 0;
    if (never[i] === 1) tNonPrivate[i] = Infinity;
    if (accessEligible[i] !== 1) continue;
    wAccess += weight[i] as number;
    if (never[i] === 1) wNone += weight[i] as number;
  }
  const noneShare = wAccess > 0 ? wNone / wAccess : targets.internet_never;
  const excess = noneShare - targets.internet_never;
  const alphaNonPrivate = thresholdFor(tNonPrivate, weight, accessEligible, targets.no_private_access - noneShare);
  for (let i = 0; i < n; i++) if (!((tNonPrivate[i] as number) < alphaNonPrivate)) tCyber[i] = Infinity;
  const alphaCyber = thresholdFor(tCyber, weight, accessEligible, targets.access_cybercafe - excess / 2);

  const internet = new Int8Array(n);
  const access = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    internet[i] = internetKnown[i] !== 1 ? M_NSP : never[i] === 1 ? NEVER : (frequency[i] as number);
    if (accessEligible[i] !== 1) access[i] = M_NSP;
    else if (never[i] === 1) access[i] = ACCESS.none;
    else if ((tNonPrivate[i] as number) < alphaNonPrivate)
      access[i] = (tCyber[i] as number) < alphaCyber ? ACCESS.cybercafe : ACCESS.relative;
    else access[i] = ownMobile[i] === 1 ? ACCESS.ownMobile : ACCESS.home;
  }
  return { internet, access, never, frequency };
}

/** E-mail address: no published figure in the questionnaire; follows Internet use and age. */
export function drawEmail(rng: Rng, miss: Rng, people: People, net: Internet): Int8Array {
  const n = net.never.length;
  const email = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    const a = (people.trueAge[i] as number) - 42;
    const eta = net.never[i] === 1 ? 1.8 + 0.03 * a : (net.frequency[i] as number) - 2 + 0.02 * a;
    email[i] = miss.bernoulli(RATE.emailNR) ? M_NR : rng.logistic() < eta ? 0 : 1;
  }
  return email;
}
