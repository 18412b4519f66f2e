// Who answered: age, gender, housing and household, with their item non-response.
import { at, M_NR } from "./codes.js";
import type { Design } from "./design.js";
import type { Rng } from "./rng.js";
import { ageBand } from "./vocab.js";

const GENDER_OTHER_COUNT = 7;

const HOUSING_BY_POINT = {
  paris: [0.15, 0.22, 0.23, 0.4],
  other: [0.09, 0.22, 0.12, 0.57],
};
/** Household size 1–9 by housing: alone on the street, families in hotels. */
const HOUSEHOLD_BY_HOUSING = [
  [0.85, 0.1, 0.03, 0.01, 0.01],
  [0.6, 0.15, 0.1, 0.07, 0.04, 0.02, 0.01, 0.005, 0.005],
  [0.2, 0.2, 0.2, 0.17, 0.11, 0.06, 0.03, 0.02, 0.01],
  [0.3, 0.2, 0.17, 0.13, 0.09, 0.05, 0.03, 0.02, 0.01],
];
const RATE = { ageNR: 0.004, genderNR: 0.004, housingNR: 0.003 } as const;

export interface People {
  /** True values drive the models; the answered ones (with M_NR) are written. */
  trueAge: Int16Array;
  trueHousing: Uint8Array;
  age: Int16Array;
  band: Int8Array;
  /** 0 female, 1 male, 2 other, M_NR. */
  gender: Int8Array;
  housing: Int8Array;
  household: Uint8Array;
}

function drawAge(rng: Rng): number {
  for (let k = 0; k < 20; k++) {
    const a = Math.round(41 + 13.5 * rng.normal());
    if (a >= 16 && a <= 85) return a;
  }
  return 41;
}

export function drawPeople(rng: Rng, miss: Rng, design: Design): People {
  const n = design.point.length;
  const trueAge = new Int16Array(n);
  const age = new Int16Array(n);
  const band = new Int8Array(n);
  const gender = new Int8Array(n);
  const trueHousing = new Uint8Array(n);
  const housing = new Int8Array(n);
  const household = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = design.point[i] as number;
    trueAge[i] = drawAge(rng);
    gender[i] = rng.bernoulli(0.47) ? 0 : 1;
    const h = rng.pick(p <= 1 ? HOUSING_BY_POINT.paris : HOUSING_BY_POINT.other);
    trueHousing[i] = h;
    household[i] = rng.pick(at(HOUSEHOLD_BY_HOUSING, h)) + 1;
    const ageKnown = !miss.bernoulli(RATE.ageNR);
    age[i] = ageKnown ? (trueAge[i] as number) : M_NR;
    band[i] = ageKnown ? ageBand(trueAge[i] as number) : M_NR;
    if (miss.bernoulli(RATE.genderNR)) gender[i] = M_NR;
    housing[i] = miss.bernoulli(RATE.housingNR) ? M_NR : h;
  }
  // Exactly 7 "other", whatever the size: a cell small enough to exercise disclosure control.
  const answeredGender: number[] = [];
  for (let i = 0; i < n; i++) if (gender[i] !== M_NR) answeredGender.push(i);
  for (const i of rng.sample(answeredGender, GENDER_OTHER_COUNT)) gender[i] = 2;
  return { trueAge, trueHousing, age, band, gender, housing, household };
}
