// Phone ownership, mobile plan (21 % subscription) and calls to family abroad (70 % of owners).
import { thresholdFor } from "./calibrate.js";
import { at, HOUSED, M_BLANK, M_NR, PLAN } from "./codes.js";
import type { Design } from "./design.js";
import type { People } from "./people.js";
import type { Rng } from "./rng.js";
import { PUBLISHED } from "./vocab.js";
import type { Targets } from "./waves.js";

const PHONE_BY_HOUSING = [0.72, 0.86, 0.9, 0.93];
/** Calls abroad: more common where migrants are many among those served. */
const ABROAD_BY_POINT = [0.4, 0.3, -0.2, 0.1, 0.3, -0.2, -0.2];
const CALLS_NR = 0.02;

/** 1 yes, 0 no: has_phone has no missing code. */
export function drawPhones(rng: Rng, people: People): Uint8Array {
  const n = people.trueHousing.length;
  const phone = new Uint8Array(n);
  for (let i = 0; i < n; i++) phone[i] = rng.bernoulli(at(PHONE_BY_HOUSING, people.trueHousing[i] as number)) ? 1 : 0;
  return phone;
}

export interface PlansAndCalls {
  plan: Int8Array;
  /** 1 yes, 0 no, M_NR, M_BLANK when there is no phone. */
  calls: Int8Array;
}

export function drawPlansAndCalls(
  rng: Rng,
  miss: Rng,
  design: Design,
  people: People,
  phone: Uint8Array,
  resources: Float64Array,
  weight: Float64Array,
  targets: Targets = PUBLISHED,
): PlansAndCalls {
  const n = phone.length;
  const tSub = new Float64Array(n);
  const tCalls = new Float64Array(n);
  const callsEligible = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = (people.trueAge[i] as number) - 42;
    // Subscriptions need a bank account and steady means: more with resources and a home.
    const eta = 0.0025 * ((resources[i] as number) - 700) + (people.trueHousing[i] === HOUSED ? 0.5 : 0) - 0.01 * a;
    tSub[i] = phone[i] === 1 ? rng.logistic() - eta : Infinity;
    tCalls[i] = rng.logistic() - (at(ABROAD_BY_POINT, design.point[i] as number) + 0.01 * a);
    callsEligible[i] = phone[i] === 1 && !miss.bernoulli(CALLS_NR) ? 1 : 0;
  }
  // Subscription: universe all respondents (no phone counts as "not a subscription").
  const alphaSub = thresholdFor(tSub, weight, new Uint8Array(n).fill(1), targets.mobile_subscription);
  const alphaCalls = thresholdFor(tCalls, weight, callsEligible, targets.calls_abroad);
  const plan = new Int8Array(n);
  const calls = new Int8Array(n);
  for (let i = 0; i < n; i++) {
    if (phone[i] !== 1) {
      plan[i] = PLAN.none;
      calls[i] = M_BLANK;
      continue;
    }
    plan[i] = (tSub[i] as number) < alphaSub ? PLAN.subscription : PLAN.prepaid;
    calls[i] = callsEligible[i] !== 1 ? M_NR : (tCalls[i] as number) < alphaCalls ? 1 : 0;
  }
  return { plan, calls };
}

/**
 * From 2015 a social tariff is offered: some prepaid owners with modest resources take it. Drawn
 * from its own stream after everything else, so waves without it are unchanged.
 */
export function applySocialTariff(rng: Rng, plan: Int8Array, resources: Float64Array, share: number): void {
  if (share <= 0) return;
  for (let i = 0; i < plan.length; i++) {
    if (plan[i] !== PLAN.prepaid) continue;
    const p = (resources[i] as number) < 900 ? share : share / 3;
    if (rng.bernoulli(p)) plan[i] = PLAN.socialTariff;
  }
}
