/**
 * English words of the codebook: what each indicator and derived variable is, as the result's
 * `definition`, `universe` and `derived` say it. The source of truth for the keys.
 */
export const en = {
  share: (condition: string) => `share of rows where ${condition}`,
  count: (condition: string) => `number of rows where ${condition}`,
  distribution: (field: string) => `distribution of ${field}`,
  categoryCounts: (field: string) => `number of rows in each category of ${field}`,
  mean: (field: string) => `mean of ${field}`,
  total: (field: string) => `total of ${field}`,
  quantile: (p: string, field: string) => `quantile ${p} of ${field}`,
  ratio: (numerator: string, denominator: string) => `ratio of totals: sum of ${numerator} / sum of ${denominator}`,
  meanOfRatios: (numerator: string, denominator: string) => `mean over rows of ${numerator} / ${denominator}`,
  recoded: (field: string, mapping: string) => `${field} recoded: ${mapping}`,
  banded: (field: string, bands: string) => `${field} in bands: ${bands}; other values missing (outside_bands)`,
  flag: (condition: string) => `true where ${condition}`,
  quotient: (numerator: string, denominator: string) =>
    `${numerator} / ${denominator}; missing where ${denominator} is 0 (zero_denominator)`,
  crossTabTooFewCategories: (field: string, n: number) => `a cross-table needs at least two categories in each field; "${field}" has ${n}`,
  crossTabNoRows: "no rows with both fields in the universe",
  testEmptyLevel: (field: string, label: string) => `no respondent in ${field} = "${label}": drop or merge the category to test`,
  testTooFewCategories: "the test needs at least two categories in each field",
  testNoDf: "the design has no degrees of freedom for the test",
  testNoVariance: "the cell shares have no design variance to test with",
  listSeparator: "; ",
  and: " and ",
  or: " or ",
  not: (condition: string) => `not (${condition})`,
  isMissing: (field: string) => `${field} is missing`,
  isNotMissing: (field: string) => `${field} is not missing`,
};

export type Definitions = typeof en;
