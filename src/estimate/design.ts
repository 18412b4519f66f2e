// Survey design: validated once at construction (as R `survey::svydesign`), then read-only.
// Estimators never re-check the structure; the variance engine walks the stages built here.
import { codeArrayFor, type CodeArray } from "../table-schema/index.js";
import { DesignError } from "./errors.js";
import type { EstimateNote } from "./notes.js";

export type LonelyPsu = "fail" | "remove" | "certainty" | "adjust" | "average";
const LONELY_PSU_OPTIONS: readonly LonelyPsu[] = ["fail", "remove", "certainty", "adjust", "average"];

type Id = string | number;

/**
 * Ids given as codes into a list of distinct labels (a coded column): the same design as the
 * labels themselves (`labels[codes[i]]`; -1 = missing), built without a string per row.
 */
export interface CodedIds {
  codes: CodeArray;
  labels: readonly string[];
}

type IdColumn = Id[] | CodedIds;

const isCoded = (c: IdColumn | undefined): c is CodedIds => c !== undefined && !Array.isArray(c);

export interface DesignInput {
  n: number;
  /** One array per sampling stage; [] or absent = each row its own PSU (R `id=~1`). */
  ids?: IdColumn[];
  /** Stage-1 strata. */
  strata?: IdColumn;
  /**
   * Sampling weights; absent => product over stages of N/n from fpc, or 1. A Float64Array is
   * used as given, not copied (a million rows' is 8 MB): it must not change afterwards.
   */
  weights?: Float64Array | number[];
  /** Per stage: population size (> 1) or sampling fraction (<= 1), as R's `fpc`. */
  fpc?: (Float64Array | number[])[];
  /** Relabel clusters within strata (R `nest=TRUE`). */
  nest?: boolean;
  /** Lonely-PSU policy, as R's `options(survey.lonely.psu)`; default "fail". */
  lonelyPsu?: LonelyPsu;
  /** How messages name row i (0-based); default "row i+1". A table read from a file names its line. */
  rowName?: RowName;
  /** The weights' column, as messages name it; default "weights". */
  weightsName?: string;
}

/** How a message names a row of the design (0-based index in, place in the data out). */
type RowName = (row: number) => string;
const defaultRowName: RowName = (row) => `row ${row + 1}`;

/**
 * The smallest normal double: a weight below it (subnormal) has lost precision, and its
 * products underflow to 0, so totals print as 0 with a zero-width interval.
 */
const MIN_NORMAL = 2.2250738585072014e-308;

/** One sampling stage. At stage s >= 2 the strata are the clusters of stage s-1 (R nests them so). */
interface Stage {
  readonly clusterOfRow: Int32Array;
  readonly nClusters: number;
  readonly stratumOfCluster: Int32Array;
  readonly nStrata: number;
  readonly clustersOfStratum: readonly Int32Array[];
  /** Sampled clusters per stratum (R's `fpc$sampsize`): the design count, never a domain count. */
  readonly nPsu: Int32Array;
  /** Population clusters per stratum (Infinity allowed), or null when this stage has no fpc. */
  readonly popSize: Float64Array | null;
  readonly stratumLabels: readonly string[];
  readonly clusterLabels: readonly string[];
}

export interface SurveyDesign {
  readonly n: number;
  readonly weights: Float64Array;
  readonly stages: readonly Stage[];
  readonly lonelyPsu: LonelyPsu;
  /** No design declared at all: R `svydesign(id=~1, data=...)`, weights 1, with replacement. */
  readonly isSrs: boolean;
  readonly hasStrata: boolean;
  readonly hasFpc: boolean;
  readonly nPsu: number;
  readonly nStrata: number;
  /** R `degf`: stage-1 PSUs minus stage-1 strata. */
  readonly df: number;
  /** Suspect-but-computable facts about the design (lonely PSUs handled by policy). */
  readonly warnings: readonly EstimateNote[];
  /** Weighted to population counts (./weighting.ts): the engine uses the scores' residuals. */
  readonly calibration?: Calibration;
  /** Replicate weights (./replicate.ts): every variance comes from the replicates' estimates. */
  readonly replicates?: Replicates;
}

/** Replicate-weight methods (R svrepdesign's types; SDR is its "successive-difference" / "ACS"). */
export type ReplicateType = "JK1" | "JKn" | "BRR" | "Fay" | "bootstrap" | "SDR" | "other";

/** A replicate design's variance ingredients, as R's svyrep.design holds them. */
export interface Replicates {
  readonly type: ReplicateType;
  /** One column of analysis weights per replicate (R weights(design, "analysis")). */
  readonly weights: readonly Float64Array[];
  readonly scale: number;
  readonly rscales: Float64Array;
  /** Centre the replicates at the full-sample estimate rather than at their mean. */
  readonly mse: boolean;
  readonly rho: number | null;
}

/**
 * What the variance engine needs to replace scores by their residuals (R svyrecvar's
 * postStrata): for margin m, row i adds z·sCoef[i] to slot `offset + codes[i]`; back-fitting
 * finds a coefficient A per slot from those sums, and row i's score loses Σ_m bCoef[i]·A.
 */
export interface Calibration {
  readonly margins: readonly {
    offset: number;
    levels: number;
    codes: ArrayLike<number>;
    sCoef: Float64Array;
    bCoef: Float64Array;
  }[];
  /** Slots: the margins' levels added up. */
  readonly size: number;
  /** Back-fitting sweeps: 1 for a post-stratification, 10 for raking (as R); 0: calibration, solved exactly (R qr.resid). */
  readonly sweeps: number;
  /** size × size: cross[a·size + b] = Σ over rows in slot a and in slot b of sCoef_a·bCoef_b. */
  readonly cross: Float64Array;
}

/** Strata whose variance contribution is zero (self-representing): f = (N-n)/N below this. */
export const CERTAINTY_TOLERANCE = 1e-7;

const SEP = "\u0000";

function label(key: string): string {
  return key.includes(SEP) ? key.split(SEP).join("/") : key;
}

function checkLength(name: string, len: number, n: number): void {
  if (len !== n)
    throw new DesignError(name, `Field "${name}" has ${len} values but the data have ${n} rows.`, {
      code: "length",
      field: name,
      values: len,
      rows: n,
    });
}

function checkId(name: string, v: Id, row: number, rowName: RowName): string {
  if (v === null || v === undefined || (typeof v === "number" && !Number.isFinite(v)) || v === "") {
    throw new DesignError(name, `Field "${name}" is missing at ${rowName(row)}; design variables may not be missing.`, {
      code: "missing-design-value",
      field: name,
      row: rowName(row),
    });
  }
  return String(v);
}

/**
 * Index coded ids in order of first appearance (as indexKeys on their labels); `narrow`: in the
 * narrowest array that holds them (strata, needed only while the design is built).
 */
function indexCodes(name: string, col: CodedIds, rowName: RowName, narrow: true): { index: CodeArray; labels: readonly string[] };
function indexCodes(name: string, col: CodedIds, rowName: RowName): { index: Int32Array; labels: readonly string[] };
function indexCodes(name: string, col: CodedIds, rowName: RowName, narrow = false): { index: CodeArray; labels: readonly string[] } {
  // A column numbers its labels in order of first appearance, as this index does: when every
  // label occurs (and none is missing or blank), its codes and labels are the index and labels,
  // shared rather than copied (8 MB for a million rows of 400,000 clusters).
  if ((narrow || col.codes instanceof Int32Array) && numberedInOrder(col)) return { index: col.codes, labels: col.labels };
  const n = col.codes.length;
  const position = new Int32Array(col.labels.length).fill(-1);
  const index = narrow ? codeArrayFor(col.labels.length - 1, n) : new Int32Array(n);
  const labels: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = col.codes[i]!;
    if (c < 0 || col.labels[c] === "") checkId(name, c < 0 ? (undefined as unknown as Id) : "", i, rowName);
    let j = position[c]!;
    if (j === -1) {
      j = labels.length;
      position[c] = j;
      labels.push(col.labels[c]!);
    }
    index[i] = j;
  }
  return { index, labels };
}

/** Are the codes 0, 1, 2... in order of first appearance, every label used, none blank? */
function numberedInOrder(col: CodedIds): boolean {
  const { codes, labels } = col;
  let next = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c === next) {
      if (labels[c] === "") return false;
      next++;
    } else if (c < 0 || c > next) return false;
  }
  return next === labels.length;
}

/** The id of row i of a column, as text (checked: never missing). */
function idAt(name: string, col: IdColumn, i: number, rowName: RowName): string {
  if (isCoded(col)) {
    const c = col.codes[i]!;
    return checkId(name, c < 0 ? (undefined as unknown as Id) : (col.labels[c] as string), i, rowName);
  }
  return checkId(name, col[i]!, i, rowName);
}

/** Index keys in order of first appearance. */
function indexKeys(keys: string[]): { index: Int32Array; labels: string[] } {
  const map = new Map<string, number>();
  const index = new Int32Array(keys.length);
  // Rows of a cluster or stratum usually follow one another: skip the lookup for a repeat.
  let prev: string | null = null;
  let prevIndex = -1;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (k === prev) {
      index[i] = prevIndex;
      continue;
    }
    let j = map.get(k);
    if (j === undefined) {
      j = map.size;
      map.set(k, j);
    }
    index[i] = j;
    prev = k;
    prevIndex = j;
  }
  return { index, labels: [...map.keys()] };
}

/** Each stratum's clusters, ascending (counted, then filled: no growing lists of 400k numbers). */
function groupClusters(stratumOfCluster: Int32Array, nStrata: number): Int32Array[] {
  const sizes = new Int32Array(nStrata);
  for (let c = 0; c < stratumOfCluster.length; c++) sizes[stratumOfCluster[c]!]!++;
  const lists = Array.from(sizes, (size) => new Int32Array(size));
  const filled = new Int32Array(nStrata);
  for (let c = 0; c < stratumOfCluster.length; c++) {
    const h = stratumOfCluster[c]!;
    lists[h]![filled[h]!++] = c;
  }
  return lists;
}

/** A stage's population size at a row. */
type PopAt = (i: number) => number;

/**
 * Per stage, the population size at each row from its fpc value, following R's `as.fpc`: a
 * function of the row rather than an array (two full-size arrays per stage otherwise).
 */
function fpcToPopSize(fpc: (Float64Array | number[])[], stages: readonly Stage[], n: number, rowName: RowName): PopAt[] {
  let anyAboveOne = false;
  let anyBelowOne = false;
  fpc.forEach((col, s) => {
    checkLength(`fpc[${s}]`, col.length, n);
    for (let i = 0; i < n; i++) {
      const v = col[i]!;
      if (Number.isNaN(v) || v <= 0) {
        throw new DesignError(`fpc[${s}]`, `Field "fpc" at stage ${s + 1} is missing or not positive at ${rowName(i)}.`, {
          code: "fpc-not-positive",
          stage: s + 1,
          row: rowName(i),
        });
      }
      if (v > 1) anyAboveOne = true;
      if (v < 1) anyBelowOne = true;
    }
  });
  if (anyAboveOne && anyBelowOne) {
    throw new DesignError("fpc", 'Field "fpc" mixes population sizes (> 1) and sampling fractions (< 1); use one form.', {
      code: "fpc-mixed",
    });
  }
  // R: any value > 1 means population sizes; otherwise all are sampling fractions.
  return fpc.map((col, s): PopAt => {
    if (anyAboveOne) return (i) => col[i]!;
    // A fraction: the stratum's sampled clusters over it.
    const st = stages[s]!;
    return (i) => st.nPsu[st.stratumOfCluster[st.clusterOfRow[i]!]!]! / col[i]!;
  });
}

export function buildDesign(spec: DesignInput): SurveyDesign {
  const n = spec.n;
  if (!Number.isInteger(n) || n < 1) throw new DesignError("n", `The design needs at least one row, got n = ${n}.`, { code: "no-rows", n });
  const ids = spec.ids ?? [];
  const lonelyPsu = spec.lonelyPsu ?? "fail";
  if (!LONELY_PSU_OPTIONS.includes(lonelyPsu)) {
    throw new DesignError("lonelyPsu", `Unknown lonely_psu "${String(lonelyPsu)}"; use one of ${LONELY_PSU_OPTIONS.join(", ")}.`, {
      code: "unknown-lonely-psu",
      value: String(lonelyPsu),
      options: LONELY_PSU_OPTIONS,
    });
  }
  const nest = spec.nest ?? false;
  const rowName = spec.rowName ?? defaultRowName;
  const hasStrata = spec.strata !== undefined;
  const nStages = Math.max(1, ids.length);
  for (const [s, col] of ids.entries()) checkLength(`ids[${s}]`, isCoded(col) ? col.codes.length : col.length, n);
  if (spec.fpc && spec.fpc.length > nStages) {
    throw new DesignError("fpc", `Field "fpc" has ${spec.fpc.length} stages but the design has ${nStages}.`, {
      code: "fpc-stages",
      given: spec.fpc.length,
      stages: nStages,
    });
  }

  // Coded columns (a validated table's) skip the per-row strings where the key is the id itself.
  const stratumKey = (): string[] => {
    const keys: string[] = new Array<string>(n);
    if (hasStrata) for (let i = 0; i < n; i++) keys[i] = idAt("strata", spec.strata!, i, rowName);
    else keys.fill("1");
    return keys;
  };
  if (hasStrata) checkLength("strata", isCoded(spec.strata) ? spec.strata.codes.length : spec.strata!.length, n);
  let stratumKeys: string[] | null = null;
  const strat1 = isCoded(spec.strata) ? indexCodes("strata", spec.strata, rowName, true) : indexKeys((stratumKeys = stratumKey()));

  // Cluster keys per stage: subclusters are nested in clusters (R always does this), and
  // clusters in strata when nest = TRUE.
  const clusterKeys: (string[] | null)[] = [];
  const keysOf = (s: number): string[] => {
    let keys = clusterKeys[s];
    if (keys) return keys;
    keys = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      const own = ids.length === 0 ? String(i + 1) : idAt(`ids[${s}]`, ids[s]!, i, rowName);
      const prefix = s === 0 ? (nest && hasStrata ? (stratumKeys ??= stratumKey())[i] + SEP : "") : keysOf(s - 1)[i] + SEP;
      keys[i] = prefix + own;
    }
    clusterKeys[s] = keys;
    return keys;
  };
  const direct = (s: number): boolean => s === 0 && ids.length > 0 && isCoded(ids[0]) && !(nest && hasStrata);
  // Every stage's ids are checked (missing ids) before any structure is, stage by stage.
  const stage1Direct = direct(0) ? indexCodes("ids[0]", ids[0] as CodedIds, rowName) : null;
  for (let s = 0; s < nStages; s++) if (!direct(s)) keysOf(s);

  const stages: Stage[] = [];
  for (let s = 0; s < nStages; s++) {
    const cl = s === 0 && stage1Direct ? stage1Direct : indexKeys(keysOf(s));
    const nClusters = cl.labels.length;
    const stratumOfCluster = new Int32Array(nClusters).fill(-1);
    const stratumOfRow = s === 0 ? strat1.index : stages[s - 1]!.clusterOfRow;
    for (let i = 0; i < n; i++) {
      const c = cl.index[i]!;
      const h = stratumOfRow[i]!;
      const prev = stratumOfCluster[c]!;
      if (prev === -1) stratumOfCluster[c] = h;
      else if (prev !== h) {
        throw new DesignError(
          "ids",
          `Cluster "${label(cl.labels[c]!)}" appears in strata "${strat1.labels[prev]}" and "${strat1.labels[h]}": clusters must be nested in strata (set nest: true if cluster ids are reused across strata).`,
          { code: "not-nested", cluster: label(cl.labels[c]!), first: String(strat1.labels[prev]), second: String(strat1.labels[h]) },
        );
      }
    }
    const nStrata = s === 0 ? strat1.labels.length : stages[s - 1]!.nClusters;
    const clustersOfStratum = groupClusters(stratumOfCluster, nStrata);
    const nPsu = Int32Array.from(clustersOfStratum.map((l) => l.length));
    const stratumLabels = s === 0 ? strat1.labels : stages[s - 1]!.clusterLabels.slice();
    stages.push({
      clusterOfRow: cl.index,
      nClusters,
      stratumOfCluster,
      nStrata,
      clustersOfStratum,
      nPsu,
      popSize: null,
      stratumLabels,
      clusterLabels: cl.labels.some((k) => k.includes(SEP)) ? cl.labels.map(label) : cl.labels,
    });
  }

  const stage1 = stages[0]!;
  if (stage1.nClusters === 1 && !(nest && hasStrata)) {
    throw new DesignError("ids", "The design has only one primary sampling unit, so no variance can be estimated.", { code: "one-psu" });
  }

  // Finite population corrections, per stratum and stage.
  let popByRow: PopAt[] = [];
  if (spec.fpc && spec.fpc.length > 0) {
    popByRow = fpcToPopSize(spec.fpc, stages, n, rowName);
    popByRow.forEach((popAt, s) => {
      const st = stages[s]!;
      const perStratum = new Float64Array(st.nStrata).fill(NaN);
      for (let i = 0; i < n; i++) {
        const h = st.stratumOfCluster[st.clusterOfRow[i]!]!;
        const prev = perStratum[h]!;
        const pop = popAt(i);
        if (Number.isNaN(prev)) perStratum[h] = pop;
        else if (prev !== pop) {
          throw new DesignError(
            "fpc",
            `Field "fpc" varies within stratum "${st.stratumLabels[h]}" at stage ${s + 1} (${prev} and ${pop}); it must be constant within a stratum.`,
            { code: "fpc-varies", stratum: String(st.stratumLabels[h]), stage: s + 1, first: prev, second: pop },
          );
        }
      }
      for (let h = 0; h < st.nStrata; h++) {
        if (perStratum[h]! < st.nPsu[h]!) {
          throw new DesignError(
            "fpc",
            `Field "fpc" implies ${perStratum[h]} population units in stratum "${st.stratumLabels[h]}" at stage ${s + 1}, fewer than the ${st.nPsu[h]} sampled.`,
            { code: "fpc-too-small", stratum: String(st.stratumLabels[h]), stage: s + 1, population: perStratum[h]!, sampled: st.nPsu[h]! },
          );
        }
      }
      stages[s] = { ...st, popSize: perStratum };
    });
  }

  const weights = resolveWeights(spec, stages, popByRow, n, rowName);
  const warnings = checkLonely(stages, lonelyPsu);

  return {
    n,
    weights,
    stages,
    lonelyPsu,
    isSrs: ids.length === 0 && !hasStrata && spec.weights === undefined && !(spec.fpc && spec.fpc.length > 0),
    hasStrata,
    hasFpc: popByRow.length > 0,
    nPsu: stage1.nClusters,
    nStrata: stage1.nStrata,
    df: stage1.nClusters - stage1.nStrata,
    warnings,
  };
}

function resolveWeights(spec: DesignInput, stages: Stage[], popByRow: PopAt[], n: number, rowName: RowName): Float64Array {
  if (spec.weights !== undefined) {
    checkLength("weights", spec.weights.length, n);
    const name = spec.weightsName ?? "weights";
    const w = spec.weights instanceof Float64Array ? spec.weights : Float64Array.from(spec.weights);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (!(wi >= MIN_NORMAL) || wi === Infinity) {
        const tiny = wi > 0 && wi < MIN_NORMAL;
        const rule = tiny ? "at least 2.2e-308 (a smaller weight loses precision)" : "positive and finite";
        throw new DesignError("weights", `Field "${name}" must be ${rule}, got ${wi} at ${rowName(i)}.`, {
          code: tiny ? "tiny-weight" : "bad-weight",
          field: name,
          value: wi,
          row: rowName(i),
        });
      }
      sum += wi;
    }
    // Every total, mean and share divides or multiplies by sums of weights: they must exist.
    if (sum === Infinity) {
      throw new DesignError(
        "weights",
        `Field "${name}" has weights whose sum exceeds the largest number (about 1.8e308); rescale the weights.`,
        { code: "weights-overflow", field: name },
      );
    }
    return w;
  }
  const w = new Float64Array(n).fill(1);
  if (popByRow.length === 0) return w;
  if (popByRow.length < stages.length) {
    throw new DesignError("weights", 'Weights are required when "fpc" is not given for every stage.', { code: "weights-needed" });
  }
  // R: probability = product over stages of n_s / N_s.
  stages.forEach((st, s) => {
    for (let i = 0; i < n; i++) {
      const h = st.stratumOfCluster[st.clusterOfRow[i]!]!;
      w[i] = w[i]! * (popByRow[s]!(i) / st.nPsu[h]!);
    }
  });
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(w[i]!))
      throw new DesignError("weights", 'Weights cannot be derived from an infinite "fpc"; give weights.', { code: "infinite-fpc" });
  }
  return w;
}

/**
 * Strata with one sampled PSU at a stage the variance recursion reaches (stage 1, and stage
 * s+1 when stage s has an fpc). Certainty strata (f ~ 0) are not lonely, as in R's onestrat.
 */
function checkLonely(stages: Stage[], policy: LonelyPsu): EstimateNote[] {
  const warnings: EstimateNote[] = [];
  for (let s = 0; s < stages.length; s++) {
    const st = stages[s]!;
    for (let h = 0; h < st.nStrata; h++) {
      if (st.nPsu[h] !== 1) continue;
      const N = st.popSize ? st.popSize[h]! : Infinity;
      const f = N === Infinity ? 1 : (N - 1) / N;
      if (f < CERTAINTY_TOLERANCE) continue;
      const where = s === 0 ? `Stratum "${st.stratumLabels[h]}"` : `Cluster "${st.stratumLabels[h]}" (stage ${s})`;
      if (policy === "fail") {
        throw new DesignError(
          s === 0 ? "strata" : "ids",
          `${where} has only one sampled unit at stage ${s + 1}, so its variance is undefined; set lonely_psu to remove, certainty, adjust or average.`,
          { code: "lonely-psu", unit: String(st.stratumLabels[h]), stage: s + 1 },
        );
      }
      warnings.push({ code: "lonely-psu", unit: String(st.stratumLabels[h]), stage: s + 1, policy });
    }
    if (!st.popSize) break; // R recurses to the next stage only when this stage has an fpc.
  }
  return warnings;
}
