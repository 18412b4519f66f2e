/**
 * English message catalogue: the source of truth for the keys. Every function receives values
 * already formatted and escaped, so a catalogue never formats numbers or escapes data itself.
 */
export const en = {
  syntheticNoticeLead: "Synthetic data.",
  syntheticNotice:
    "The data are synthetic: they were generated to reproduce the published figures of the study, and describe no real person. The figures illustrate the method, not the population.",
  syntheticNoticePlain: "The data are synthetic: they were generated for illustration and describe no real person.",
  notesHeading: "Notes",
  untranslated: (paths: string) => `These texts of the study have no version in the report's language and are shown in English: ${paths}.`,

  keyFindings: "Key findings",
  ci: (level: string) => `${level} CI`,
  ciValue: (level: string, interval: string) => `${level} CI ${interval}`,
  findingProportion: (value: string, ci: string, predicate: string) => `${value} (${ci}) ${predicate}.`,
  findingProportionUniverse: (universe: string) => ` Universe: ${universe}.`,
  findingBaseline: (label: string, value: string, ci: string, baseline: string, baselineLabel: string) =>
    `${label}: ${value} (${ci}), against ${baseline} (${baselineLabel}).`,
  findingDistribution: (label: string, top: string, value: string, ci: string) =>
    `${label}: the most frequent answer is “${top}”, ${value} (${ci}).`,
  findingValue: (label: string, value: string, ci: string) => `${label}: ${value} (${ci}).`,
  findingValueWithoutInterval: (label: string, value: string, reason: string) => `${label}: ${value} (no interval: ${reason}).`,
  findingNotAvailable: (label: string, reason: string) => `${label}: no estimate can be given (${reason}).`,
  findingPublished: (reproduced: number, total: number) =>
    total === 1
      ? `The published figure is ${reproduced === 1 ? "" : "not "}reproduced.`
      : `${reproduced} of ${total} published figures are reproduced.`,
  findingNotReproduced: (label: string, published: string, estimate: string) =>
    `Not reproduced: ${label} (published ${published}, estimated ${estimate}).`,

  dataAndMethod: "Data and method",
  sampleTable: ["Dataset", "Rows used", "Design", "PSUs", "df", "Sum of weights"],
  designWeighting: (method: string) => `${method} to population counts`,
  weightingMethods: { "post-stratify": "post-stratified", rake: "raked", calibrate: "calibrated" } as Record<string, string>,
  weightingHeading: (dataset: string) => `Weighting of ${dataset}`,
  weightingSummary: (dataset: string, method: string, iterations: string, control: string | null) =>
    `The weights of ${dataset} were ${method} to the population counts and totals the study states (${iterations} ${iterations === "1" ? "iteration" : "iterations"}${control === null ? "" : ` ${control}`}, as R survey’s postStratify, rake and calibrate); standard errors use the residuals of the scores on the weighting variables (R svyrecvar), so they count the precision the known totals bring.`,
  weightingControl: (tolerance: string, maxIterations: string) => `of at most ${maxIterations}, convergence tolerance ${tolerance}`,
  designTrimmed: "weights trimmed",
  // A bound not given (null) has no count: only the bounds the study states are told.
  trimSummary: (
    dataset: string,
    afterWeighting: boolean,
    bounds: string,
    lower: string | null,
    upper: string | null,
    passes: string,
    strict: boolean,
  ) =>
    `${afterWeighting ? "Then the weights" : `The weights of ${dataset}`} were trimmed to ${bounds} (R survey’s trimWeights${strict ? ", strict" : ""}, ${passes} ${passes === "1" ? "pass" : "passes"}): ${[
      lower === null ? null : `${lower} ${lower === "1" ? "weight was" : "weights were"} raised to the lower bound`,
      upper === null
        ? null
        : `${upper} ${lower === null ? (upper === "1" ? "weight was " : "weights were ") : ""}lowered to the upper bound`,
    ]
      .filter((x) => x !== null)
      .join(
        " and ",
      )}, what they lost or gained shared equally by the other weights, so the sum of the weights is kept${afterWeighting ? " and the margins are no longer met exactly; standard errors keep the weighting’s residuals, as R’s" : ""}.`,
  trimNone: (dataset: string, afterWeighting: boolean, bounds: string) =>
    `${afterWeighting ? "No weight" : `No weight of ${dataset}`} was outside the trimming bounds ${bounds} (R survey’s trimWeights), so none was trimmed.`,
  weightsBeforeTrim: "before trimming",
  weightsAfterTrim: "after trimming",
  weightsTable: ["Weights", "Minimum", "Maximum", "CV", "Effective sample size (Kish)", "Sum"],
  weightsBefore: "before weighting",
  weightsAfter: "after weighting",
  marginsTable: ["Margin", "Category", "Population count", "Before weighting", "Reached"],
  totalRow: "total",
  designStrata: (field: string, n: string) => `strata ${field} (${n})`,
  designClusters: (fields: string) => `clusters ${fields}`,
  designWeights: (field: string) => `weights ${field}`,
  designFpc: (fields: string) => `finite population correction ${fields}`,
  designReplicates: (method: string, count: string, scale: string, mse: boolean) =>
    `${count} ${method} replicate weights (scale ${scale}${mse ? ", centred at the full-sample estimate" : ""})`,
  replicateMethods: {
    JK1: "JK1 jackknife",
    JKn: "JKn jackknife",
    BRR: "BRR",
    Fay: "Fay’s BRR",
    bootstrap: "bootstrap",
    SDR: "successive-difference",
    other: "custom",
  } as Record<string, string>,
  replicateMethod: (datasets: string) =>
    `Standard errors in ${datasets} come from the replicate weights (as R survey’s svrepdesign): each estimate is recomputed with each replicate’s weights, and its variance is the scaled sum of squares of the replicates about their mean; degrees of freedom are the rank of the replicate weights less one (R degf), and a proportion’s logit interval uses the replicates’ logits (as svyciprop). Design effects are not shown for them.`,
  designJoin: (parts: string[]) => parts.join("; "),
  noDesign: "simple random sample (no design declared)",
  notEstimated: (datasets: string, count: number, qualitative: boolean) =>
    `Not used for estimates (no sampling design): ${datasets}${qualitative ? `; ${count === 1 ? "this table feeds" : "these tables feed"} the qualitative analysis` : ""}.`,
  datasetRows: (name: string, rows: string) => `${name} (${rows} rows)`,
  lonelyPsu: (dataset: string, policy: string) => `Strata with a single PSU in ${dataset}: ${policy}.`,
  lonelyPsuPolicies: {
    fail: "not allowed (the analysis stops and names the stratum)",
    remove: "removed (they contribute no variance)",
    certainty: "treated as certainty units",
    adjust: "centred at the grand mean (as R survey’s “adjust”)",
    average: "given the average variance of the other strata (as R survey’s “average”)",
  } as Record<string, string>,
  missingPolicy: (policy: string) => `Missing values: ${policy}.`,
  missingPolicies: {
    "exclude-as-domain":
      "Missing values (blank, don’t know, refused and any other code the schema declares) are excluded from each estimate as a domain of the full design: every cluster stays in the variance estimation (as R survey’s na.rm = TRUE), and each estimate reports how many values are missing, by code.",
  } as Record<string, string>,
  confidenceLevel: (level: string) => `Confidence level: ${level}.`,
  intervalMethods: (list: string) => `Interval methods: ${list}.`,
  intervalMethodUse: (method: string, count: string) => `${method} (${count})`,
  deffCaution: (dataset: string, sumWeights: string, rows: string) =>
    `Design effects in ${dataset} compare with simple random sampling without replacement from a population of Σw = ${sumWeights} units (R's deff = TRUE); its weights sum to little more than its ${rows} rows, as normalised non-response weights do, so those design effects overstate the loss of precision: read the intervals instead.`,
  reliabilityRule: (marker: string, maxCv: string, minN: string) =>
    `Reliability: an estimate whose coefficient of variation (standard error over the estimate) is above ${maxCv}, or that rests on fewer than ${minN} respondents, is marked ${marker}: use it with caution. For a share, the coefficient of variation tested is that of the smaller of the share and its complement, so that a share and its complement are marked alike.`,
  disclosureRule: (minCell: string) =>
    `Disclosure control: any subgroup or category built from fewer than ${minCell} respondents is suppressed. Secondary suppression stops a suppressed value being derived from a total: subgroup counts add up to the indicator's n, so when exactly one count is hidden the next smallest count is hidden too; category shares add up to 100%, so the next smallest category is hidden whole.`,
  /** Short names for the indicators table; the long ones are in "Data and method". */
  methodShortNames: {
    logit: "logit",
    beta: "Korn–Graubard",
    wilson: "Wilson",
    "clopper-pearson": "Clopper–Pearson",
    mean: "Wald",
    wald: "Wald",
    t: "t",
    linearised: "linearisation",
    linearized: "linearisation",
    woodruff: "Woodruff",
  } as Record<string, string>,
  methodNames: {
    logit: "logit (design-based, as R svyciprop)",
    beta: "Korn–Graubard (beta)",
    wilson: "Wilson",
    "clopper-pearson": "Clopper–Pearson",
    mean: "Wald",
    wald: "Wald",
    t: "Student t",
    linearised: "Taylor linearisation",
    linearized: "Taylor linearisation",
    woodruff: "Woodruff (quantiles, from the design-based distribution function)",
  } as Record<string, string>,

  dataQuality: "Data quality",
  fileTable: ["Property", "Value"],
  file: "File",
  sha256: "SHA-256",
  encoding: "Encoding",
  delimiter: "Delimiter",
  delimiterNames: { ",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe", "": "none (not a text file)" } as Record<string, string>,
  rows: "Rows",
  rowsReconciliation: (read: string, accepted: string, rejected: string, ok: boolean) =>
    `${read} read = ${accepted} accepted + ${rejected} rejected${ok ? "" : " (does not add up)"}`,
  blankRows: "Blank lines",
  blankRowsSkipped: (n: string) => `${n} skipped (every cell empty): not rows`,
  decimalMarks: "Decimal mark",
  decimalMarksDetected: (comma: string, point: string) =>
    [comma === "" ? "" : `comma in ${comma}`, point === "" ? "" : `point in ${point}`].filter((x) => x !== "").join("; ") +
    " (not declared: detected from the values)",
  issuesByCode: ["Issue code", "Errors", "Warnings"],
  noIssues: "No issues.",
  firstIssues: (shown: string, total: string) => `First ${shown} of ${total} issues:`,
  issuesTable: ["Line", "Field", "Code", "Severity", "Value", "Message"],
  severity: { error: "error", warning: "warning" } as Record<string, string>,
  issuesOmitted: (n: string) => `${n} further issues are counted above but not listed in the result.`,

  indicators: "Indicators",
  indicatorsTable: (ci: string) => [
    "Indicator",
    "Estimate",
    ci,
    "n",
    "Missing",
    "Deff",
    "df",
    "Interval",
    "Published",
    "Reproduced",
    "In CI",
  ],
  notAvailable: "n/a",
  seeDistributions: "see Distributions",
  notAvailableWithReason: (reason: string) => `n/a (${reason})`,
  quantileIntervalNotAvailable: "a bound's share F ± t·se leaves [0, 1], see the warnings",
  blankCode: "blank",
  yes: "yes",
  no: "no",
  none: "—",
  warningsHeading: "Warnings",
  indicatorWarning: (label: string, warning: string) => `${label}: ${warning}`,
  htmlTableCaption: (section: string, rank: number, count: number) => (count === 1 ? section : `${section}, table ${rank} of ${count}`),
  chartProportions: "Proportions with their confidence intervals",

  baselineComparison: "Baseline comparison",
  baselineTable: (ci: string) => ["Indicator", "Estimate", ci, "Baseline", "Baseline value", "Difference (points)", "t", "df", "p"],
  baselineSource: (label: string, source: string) => `${label}: ${source}.`,

  distributions: "Distributions",
  distributionTable: (ci: string) => ["Category", "Estimate", ci, "n"],
  meanChosenLabel: (label: string) => `${label} (mean number of options chosen; shares under Distributions)`,
  choicesTable: (ci: string) => ["Option", "Share choosing it", ci, "n"],
  choicesNote: (mean: string, ci: string) =>
    `Several answers possible: each share is that of respondents choosing the option, and the shares do not add up to 100%. Mean number of options chosen: ${mean} (${ci}).`,

  crossTabs: "Cross-tables",
  seeCrossTabs: "see Cross-tables",
  crossTabRowShares: (rows: string, columns: string, ci: string) =>
    `Row percentages: ${columns} within each category of ${rows}, with their ${ci}.`,
  crossTabCounts: (ci: string) => `Estimated population counts with their ${ci}, and respondents (n).`,
  crossTabTotal: "Total",
  crossTabCell: (value: string, ci: string) => `${value} (${ci})`,
  crossTabCount: (value: string, ci: string, n: string) => `${value} (${ci}); n = ${n}`,
  crossTabTestF: (stat: string, ndf: string, ddf: string, p: string) => `Rao–Scott F = ${stat}, df = ${ndf} and ${ddf}, ${p}`,
  crossTabTestChisq: (stat: string, df: string, p: string) => `first-order Rao–Scott χ² = ${stat}, df = ${df}, ${p}`,
  crossTabTest: (f: string, chisq: string) => `Test of independence (design-based): ${f}; ${chisq}.`,
  crossTabTestNotAvailable: (reason: string) => `Test of independence not available: ${reason}.`,
  crossTabNoRespondent: (field: string, label: string) => `no respondent in ${field} = “${label}”; drop or merge the category to test`,
  crossTabTestReasons: {
    "too-few-categories": "the test needs at least two categories in each field",
    "no-df": "the design has no degrees of freedom for the test",
    "no-variance": "the cell shares have no design variance to test with",
  },
  crossTabDisclosure:
    "In cross-tables, whose row and column totals are published, cells and totals below the threshold are suppressed, and as many other cells as it takes so that no suppressed number can be worked out from the totals.",
  crossTabMethod:
    "Cross-tables: shares and estimated population counts are design-based (as R survey’s svymean, svyby and svytotal); the test of independence is Pearson’s X² with the Rao–Scott second-order correction, an F test (R svychisq’s default), with the first-order corrected χ² beside it.",
  findingCrossTab: (label: string, test: string) => `${label}: ${test}.`,
  findingCrossTabNoTest: (label: string) => `${label}: see the cross-table; no test of independence.`,
  regressions: "Regression models",
  seeRegressions: "see Regression models",
  regressionFamilies: { gaussian: "Linear model", binomial: "Logistic model" } as Record<string, string>,
  regressionModel: (family: string, formula: string, n: string, df: string) => `${family} \`${formula}\`; n = ${n}, df = ${df}.`,
  regressionReferences: (levels: string) => `Reference levels: ${levels}.`,
  regressionTable: (ci: string) => ["Term", "Coefficient", "SE", "t", "p", ci],
  regressionOddsRatio: (ci: string) => `Odds ratio (${ci})`,
  regressionIntercept: "Intercept",
  regressionNotAvailable: (reason: string) => `Model not available: ${reason}.`,
  regressionMethod:
    "Regression models: coefficients by iteratively reweighted least squares with the sampling weights (R glm), standard errors by the design-based sandwich estimator (as svyglm of the R survey package), t tests and intervals on the design degrees of freedom less the coefficients plus one; a logistic model's dispersion is not fixed (quasibinomial) and its coefficients are also shown as odds ratios.",
  findingRegression: (label: string, family: string, n: string) =>
    `${label}: ${family.toLowerCase()} on ${n} respondents; see Regression models.`,
  chartCrossTabTitle: (label: string) => `${label}: row percentages`,
  chartCrossTabItem: (row: string, shares: string) => `${row}: ${shares}`,

  subgroups: "Subgroups",
  subgroupTable: (field: string, ci: string) => [field, "Estimate", ci, "n", "Deff"],
  subgroupHeader: "Subgroup",
  subgroupGroupRow: (title: string) => `**${title}**`,
  distributionSubgroupTable: (grouping: string, categories: readonly string[]) => [grouping, ...categories, "n"],
  distributionSubgroupNote: (ci: string) =>
    `Each cell: the category's share of the subgroup's respondents, with its ${ci} in brackets; the shares of a row add up to 100%. Each subgroup is a domain of the full design.`,
  contrastTable: (ci: string) => ["Contrast", "Difference", ci, "t", "df", "p"],
  contrastLabel: (field: string, a: string, b: string) => `${field}: ${a} − ${b}`,
  contrastNote:
    "Contrasts are differences between two subgroups of the full design, with the covariance of the two estimates (design-based t test, design degrees of freedom).",
  suppressedPrimary: (marker: string, minCell: string) => `${marker} Suppressed (primary): fewer than ${minCell} respondents in the cell.`,
  suppressedSecondary: (marker: string) =>
    `${marker} Suppressed (secondary): hidden so that a primary-suppressed value cannot be derived from the total.`,
  suppressedLabel: "suppressed",
  lowReliability: (marker: string, maxCv: string, minN: string) =>
    `${marker} Use with caution: a coefficient of variation above ${maxCv} (for a share, that of the smaller of the share and its complement) or fewer than ${minN} respondents.`,

  qualitative: "Qualitative interviews",
  units: (interviews: string, groups: string, coded: string, coder: string, doubleCoded: string) =>
    `${interviews} interviews (${groups}); ${coded} coded by the primary coder (${coder}), the denominator of every share below; ${doubleCoded} coded by two coders or more, the units of the agreement statistics.`,
  primaryCoderFirst: "the first coder listed for each interview",
  primaryCoderNamed: (coder: string) => `coder ${coder}`,
  parentsLeftOut: (codes: string) =>
    `Parent codes never applied directly (${codes}) are left out of the code tables below; their totals are in the themes table.`,
  missingGroup: "not stated",
  groupCount: (group: string, n: string) => `${group}: ${n}`,
  qualitativeInvalid: (reason: string) => `The qualitative results could not be read (${reason}); they are left out.`,
  codeHeader: "Code",
  codeShares: "Codes by group",
  codeSharesTable: (groups: string[]) => ["Code", "Label", "Parent", "All (n/N)", ...groups],
  shareWithCount: (share: string, n: string, of: string) => `${share} (${n}/${of})`,
  agreement: "Inter-coder agreement",
  agreementIntro: "Presence or absence of each code in the interviews coded by two coders or more.",
  agreementTable: (level: string, marks: { cohen_kappa: string; krippendorff_alpha: string; fleiss_kappa: string }) => [
    "Code",
    "Units",
    "Agreement",
    `Cohen’s κ (${level} CI)${marks.cohen_kappa === "" ? "" : `, band ${marks.cohen_kappa}`}`,
    `Krippendorff’s α${marks.krippendorff_alpha === "" ? "" : `, band ${marks.krippendorff_alpha}`}`,
    `Fleiss’ κ${marks.fleiss_kappa === "" ? "" : `, band ${marks.fleiss_kappa}`}`,
  ],
  notAvailableNote: (n: string) => `n/a (note ${n})`,
  reasonNote: (n: string, reason: string) => `Note ${n}: ${reason}.`,
  bandNames: {
    poor: "poor",
    slight: "slight",
    fair: "fair",
    moderate: "moderate",
    substantial: "substantial",
    almost_perfect: "almost perfect",
    reliable: "reliable",
    tentative: "tentative",
    unreliable: "unreliable",
  } as Record<string, string>,
  bandSource: (marker: string, source: string) => `${marker} Bands: ${source}`,
  cooccurrence: "Co-occurrence of codes (interviews)",
  cooccurrenceIntro: "Interviews in which the primary coder applied both codes; the diagonal counts each code alone.",
  parents: "Themes (parent codes)",
  parentsTable: (groups: string[]) => ["Theme", "Label", "Codes", "All (n/N)", ...groups],
  crosstab: (attribute: string) => `Codes by ${attribute} (interviews)`,
  total: "Total",
  quotes: "Quotes",
  quoteHeading: (label: string, code: string) => `${label} (${code})`,
  quoted: (excerpt: string) => `“${excerpt}”`,
  acceptanceLead: "Warning: the data did not pass validation.",
  acceptanceDataset: (name: string, rejected: string, read: string) => `${name} (${rejected} of ${read} rows rejected)`,
  acceptanceFileErrors: (name: string, codes: string) =>
    `${name} does not match its schema (${codes}): whatever the tolerance of rejected rows, fix the file or the schema; estimates that need the affected columns are not available. See the Data quality section.`,
  acceptanceWarning: (datasets: string, tolerance: string, files: string[]) =>
    `More rows were rejected than tolerated (at most ${tolerance} per dataset) in ${datasets}. The estimates below use the accepted rows only. See the Data quality section${files.length > 0 ? ` and ${files.join(", ")}` : ""}.`,

  appendix: "Appendix",
  codebook: "Codebook",
  codebookTable: ["Indicator", "Label", "Kind", "Dataset", "Definition", "Universe"],
  variables: "Variables",
  variablesTable: ["Dataset", "Field", "Title", "Type", "Categories", "Missing codes"],
  asAbove: "as above",
  commonMissing: (codes: string) => `Missing-value codes, unless a row says otherwise: ${codes}.`,
  derivedTitle: (title: string, definition: string) => `${title} (derived: ${definition})`,
  derivedMissing: "those of its inputs",
  valueLabel: (value: string, label: string) => `${value} = ${label}`,
  typeNames: { string: "text", integer: "integer", number: "number", boolean: "yes/no", date: "date" } as Record<string, string>,
  kindNames: {
    proportion: "proportion",
    distribution: "distribution",
    mean: "mean",
    total: "total",
    ratio: "ratio",
    mean_of_ratios: "mean of ratios",
    quantile: "quantile",
    count: "count",
    multi_select: "multiple choice",
    crosstab: "cross-table",
    regression: "regression",
  } as Record<string, string>,
  provenance: "Provenance",
  tool: (name: string, version: string) => `Tool: ${name} ${version}.`,
  generated: (date: string) => `Generated: ${date}.`,
  study: (id: string) => `Study: ${id}.`,
  hashesTable: ["Dataset", "File", "SHA-256"],
  rerun: "To regenerate this report:",

  chartBaselineTitle: (label: string) => `${label} against the baseline`,
  chartSubgroupTitle: (label: string, field: string) => `${label} by ${field}`,
  chartDistributionTitle: (label: string) => label,
  chartAlt: (title: string) => `Chart: ${title}`,
  chartReference: (label: string, value: string) => `${label}: ${value}`,
  chartBaselineDesc: (label: string, value: string, ci: string, baselineLabel: string, baseline: string) =>
    `${label}: ${value} (${ci}); ${baselineLabel}: ${baseline}.`,
  chartItem: (label: string, value: string, ci: string, n: string) => `${label}: ${value} (${ci}, n = ${n})`,

  terminalHeader: ["Indicator", "Estimate", "CI", "n", "Reproduced"],
  reproductionHeader: ["Figure", "Published", "Computed", "CI", "Reproduced", "In CI"],
  reproducedCount: (reproduced: number, total: number) => `${reproduced} of ${total} published figures reproduced`,
  issuesHeader: ["line", "field", "issue", "message"],
  datasetLine: (
    status: string,
    name: string,
    path: string,
    read: string,
    accepted: string,
    rejected: string,
    blank: string,
    counts: string,
    dialect: string,
  ) => `${status} ${name} (${path}): ${read} rows read = ${accepted} accepted + ${rejected} rejected${blank}; ${counts} [${dialect}]`,
  blankSkipped: (count: string, n: number) => ` (${count} blank line${n === 1 ? "" : "s"} skipped)`,
  issueCounts: (errors: number, warnings: number) =>
    `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
  sheetIs: (name: string) => `sheet ${name}`,
  delimiterIs: (d: string) => `delimiter ${d}`,
  decimalCommaDetected: (fields: string) => `decimal comma detected: ${fields}`,
  moreIssues: (count: string) => `… and ${count} more (see --json or the report's data-quality section)`,
};

export type Messages = typeof en;
