// Monthly resources and telecom spend, calibrated to a ratio of weighted totals of 8 %.
import { closestByBisection } from "./calibrate.js";
import { HOUSING_STREET, M_NR, M_NSP, PLAN } from "./codes.js";
import type { People } from "./people.js";
import type { PlansAndCalls } from "./phone.js";
import type { Rng } from "./rng.js";
import { PUBLISHED } from "./vocab.js";

const RATE = {
  resourcesNSP: 0.02,
  resourcesNR: 0.015,
  spendNSP: 0.015,
  spendNR: 0.01,
  spendOverResources: 0.0027,
} as const;
const SPEND_MIN = 8;
const SPEND_MAX = 120;

/** True resources (RSA and benefits level: 250–1,400 €), by household size and housing. */
export function drawResources(rng: Rng, people: People): Float64Array {
  const n = people.household.length;
  const resources = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const base = 500 + 170 * ((people.household[i] as number) - 1) - (people.trueHousing[i] === HOUSING_STREET ? 140 : 0);
    const r = base * Math.exp(0.25 * rng.normal());
    resources[i] = Math.round(Math.min(1400, Math.max(250, r)));
  }
  return resources;
}

export interface Money {
  /** Euros, with the missing code (M_NSP / M_NR, 0 when known) beside them. */
  resources: Float64Array;
  resourcesMissing: Int8Array;
  spend: Float64Array;
  spendMissing: Int8Array;
}

export function drawSpend(
  rng: Rng,
  miss: Rng,
  trueResources: Float64Array,
  phone: Uint8Array,
  { plan, calls }: PlansAndCalls,
  weight: Float64Array,
  telecomShare: number = PUBLISHED.telecom_share,
): Money {
  const n = trueResources.length;
  const resources = new Float64Array(n);
  const resourcesMissing = new Int8Array(n);
  const spend = new Float64Array(n);
  const spendMissing = new Int8Array(n);
  const spendBase = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Spend grows like resources^0.55: the individual share falls as resources rise.
    let b = (trueResources[i] as number) ** 0.55 * Math.exp(0.3 * rng.normal());
    if (plan[i] === PLAN.subscription) b *= 1.35;
    if (plan[i] === PLAN.socialTariff) b *= 0.7;
    if (calls[i] === 1) b *= 1.2;
    if (phone[i] === 0) b *= 0.35;
    spendBase[i] = b;
    resources[i] = trueResources[i] as number;
    const u = miss.uniform();
    resourcesMissing[i] = u < RATE.resourcesNSP ? M_NSP : u < RATE.resourcesNSP + RATE.resourcesNR ? M_NR : 0;
    const v = miss.uniform();
    spendMissing[i] = v < RATE.spendNSP ? M_NSP : v < RATE.spendNSP + RATE.spendNR ? M_NR : 0;
  }
  // A handful of people report a spend above their resources (a month without income): kept,
  // as real data would have them, for the validator's warning.
  const bothKnown: number[] = [];
  for (let i = 0; i < n; i++) if (resourcesMissing[i] === 0 && spendMissing[i] === 0) bothKnown.push(i);
  const fixedSpend = new Uint8Array(n);
  const overCount = Math.max(1, Math.round(n * RATE.spendOverResources));
  for (const i of rng.sample(bothKnown, overCount)) {
    fixedSpend[i] = 1;
    spend[i] = rng.int(25, 60);
    resources[i] = rng.int(5, (spend[i] as number) - 5);
  }
  const clampRound = (x: number): number => Math.min(SPEND_MAX, Math.max(SPEND_MIN, Math.round(x)));

  // Compacted rows with both amounts known: the ratio is evaluated once per bisection step.
  const k = bothKnown.length;
  const kw = new Float64Array(k);
  const kBase = new Float64Array(k);
  let denominator = 0;
  let fixedNumerator = 0;
  bothKnown.forEach((i, j) => {
    const wi = weight[i] as number;
    denominator += wi * (resources[i] as number);
    if (fixedSpend[i] === 1) fixedNumerator += wi * (spend[i] as number);
    else {
      kw[j] = wi;
      kBase[j] = spendBase[i] as number;
    }
  });
  const ratio = (m: number): number => {
    let num = fixedNumerator;
    for (let j = 0; j < k; j++) num += (kw[j] as number) * clampRound(m * (kBase[j] as number));
    return denominator > 0 ? num / denominator : 0;
  };
  const scale = closestByBisection(ratio, 0, 50, telecomShare);
  for (let i = 0; i < n; i++) if (fixedSpend[i] !== 1) spend[i] = clampRound(scale * (spendBase[i] as number));
  return { resources, resourcesMissing, spend, spendMissing };
}
