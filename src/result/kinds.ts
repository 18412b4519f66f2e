/**
 * The kinds of indicator a study declares and a result reports. A module of its own so that
 * loading a study does not build the result's zod schema, which only tests parse against.
 */
export const indicatorKinds = [
  "proportion",
  "distribution",
  "mean",
  "total",
  "ratio",
  "mean_of_ratios",
  "quantile",
  "count",
  "crosstab",
] as const;
