// The questionnaire model: columnar, so that 1,000,000 rows stay small and every pass is linear.
//
// Each outcome is drawn once from a model of the joint structure; only the intercepts are then
// calibrated (calibrate.ts) so that the weighted marginals reproduce the published figures.
import { buildDesign, type Design } from "./design.js";
import { drawEmail, drawInternet } from "./internet.js";
import { drawResources, drawSpend } from "./money.js";
import { drawPeople } from "./people.js";
import { applySocialTariff, drawPhones, drawPlansAndCalls } from "./phone.js";
import { stream } from "./rng.js";
import { nonResponseWeights } from "./weights.js";
import { WAVES, type WaveSpec } from "./waves.js";

export { M_BLANK, M_NR, M_NSP } from "./codes.js";

export interface Questionnaire {
  n: number;
  design: Design;
  /** Age as answered, or M_NR; band index, or M_NR. */
  age: Int16Array;
  band: Int8Array;
  /** 0 female, 1 male, 2 other, M_NR. */
  gender: Int8Array;
  housing: Int8Array;
  household: Uint8Array;
  weight: Float64Array;
  /** Euros, with the missing code (M_NSP / M_NR, 0 when known) beside them. */
  resources: Float64Array;
  resourcesMissing: Int8Array;
  spend: Float64Array;
  spendMissing: Int8Array;
  internet: Int8Array;
  access: Int8Array;
  /** 1 yes, 0 no. */
  phone: Uint8Array;
  plan: Int8Array;
  /** 1 yes, 0 no, M_NR, M_BLANK when there is no phone. */
  calls: Int8Array;
  email: Int8Array;
}

/** Stream numbers: one per part of the model (see rng.ts); item non-response has its own. */
const S = { design: 0, people: 1, internet: 2, phone: 3, money: 4, missing: 5, tariff: 6 } as const;

export function generateQuestionnaire(seed: number, n: number, wave: WaveSpec = WAVES[2014] as WaveSpec): Questionnaire {
  const design = buildDesign(stream(seed, S.design), n);
  const miss = stream(seed, S.missing);
  const people = drawPeople(stream(seed, S.people), miss, design);
  const weight = nonResponseWeights(design, people.band);
  const tel = stream(seed, S.phone);
  const phone = drawPhones(tel, people);
  const net = stream(seed, S.internet);
  const internet = drawInternet(net, miss, design, people, phone, weight, wave.targets);
  const email = drawEmail(net, miss, people, internet);
  const money = stream(seed, S.money);
  const trueResources = drawResources(money, people);
  const plansAndCalls = drawPlansAndCalls(tel, miss, design, people, phone, trueResources, weight, wave.targets);
  applySocialTariff(stream(seed, S.tariff), plansAndCalls.plan, trueResources, wave.socialTariff);
  const amounts = drawSpend(money, miss, trueResources, phone, plansAndCalls, weight, wave.targets.telecom_share);
  return {
    n,
    design,
    age: people.age,
    band: people.band,
    gender: people.gender,
    housing: people.housing,
    household: people.household,
    weight,
    ...amounts,
    internet: internet.internet,
    access: internet.access,
    phone,
    ...plansAndCalls,
    email,
  };
}
