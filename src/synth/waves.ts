// Yearly waves of the synthetic study: what a wave changes (targets, the export's column names,
// answer categories). 2014 is the published study; later waves are invented for the
// comparison workflow (docs/waves.md) and say so in their fixture's README.
import { PUBLISHED } from "./vocab.js";

export type Targets = { -readonly [K in keyof typeof PUBLISHED]: number };

export interface WaveSpec {
  wave: number;
  /** Calibration targets: the weighted marginals the wave reproduces. */
  targets: Targets;
  /** Schema field → the column name the export uses instead. */
  exportNames: Readonly<Record<string, string>>;
  /** Share of prepaid phone owners (with modest resources) who answer the new `social_tariff`. */
  socialTariff: number;
}

export const WAVES: Readonly<Record<number, WaveSpec>> = {
  2014: { wave: 2014, targets: { ...PUBLISHED }, exportNames: {}, socialTariff: 0 },
  // One year on: non-use down 4 points (so no private access down as much), subscriptions up,
  // a social tariff offered, spending share a little lower, young people slightly better equipped.
  2015: {
    wave: 2015,
    targets: {
      internet_never: 0.33,
      no_private_access: 0.74,
      access_relative: 0.32,
      access_cybercafe: 0.09,
      mobile_subscription: 0.23,
      telecom_share: 0.075,
      calls_abroad: 0.7,
      youth_no_email: 0.46,
    },
    exportNames: { internet_use: "internet_frequency" },
    socialTariff: 0.12,
  },
};

export const DEFAULT_WAVE = 2014;

export function waveSpec(wave: number): WaveSpec {
  const spec = WAVES[wave];
  if (!spec) throw new RangeError(`wave ${wave} is not defined; known waves: ${Object.keys(WAVES).join(", ")}`);
  return spec;
}
