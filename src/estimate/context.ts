// The estimation context of one dataset run: its design, the facts that depend only on the design
// and a row set (degrees of freedom, the split of a universe by level), and working memory reused
// from one estimate to the next. Made by the caller, passed down, dropped with the run: nothing
// outlives it and no module keeps state of its own.
import type { CodeArray } from "../table-schema/index.js";
import type { SurveyDesign } from "./design.js";

export class EstimationContext {
  // Working memory. Cluster totals for 400k clusters, per-cluster marks and a proportion's
  // indicator are megabytes per estimate; fresh arrays for each would cost page faults, and V8
  // frees a dead typed array only at its next collection, so tens of them would pile up in the
  // process's memory before it does. A view is valid until the next request of the same kind.
  private totals = new Float64Array(0);
  private marks = new Int32Array(0);
  private values = new Float64Array(0);
  private indicator = new Float64Array(0);
  private allRows: Int32Array | null = null;
  private keptRoom = new Int32Array(0);
  private universeRoom = new Int32Array(0);
  private oneLevel: Int8Array | null = null;

  // Facts per row set, keyed by the array object: a row set is never changed while its indicator
  // runs, and one written in a room (below) is a new view for each indicator.
  private readonly rowDf = new WeakMap<Int32Array, number>();
  private readonly levelDf = new WeakMap<Int32Array, WeakMap<CodeArray, Int32Array>>();
  private lastSplit: { codes: CodeArray; universe: Int32Array; parts: Int32Array[] } | null = null;

  constructor(readonly design: SurveyDesign) {}

  /** n zeros of float64 (cluster totals of scores). */
  zeroedTotals(n: number): Float64Array {
    if (this.totals.length < n) this.totals = new Float64Array(n);
    const view = this.totals.subarray(0, n);
    view.fill(0);
    return view;
  }

  /** n zeros of int32 (per-cluster and per-stratum marks of the df count; the rows sorted by cluster of category-variance.ts). */
  zeroedMarks(n: number): Int32Array {
    if (this.marks.length < n) this.marks = new Int32Array(n);
    const view = this.marks.subarray(0, n);
    view.fill(0);
    return view;
  }

  /**
   * Room for one value per row (not zeroed: the writer writes every row it reads), apart from the
   * totals, which the same estimate uses: a mean of ratios' ratios, a quantile's CDF indicator, a
   * cross-table's ones (its counts' y). A writer may call no estimator that writes it too.
   */
  rowValues(): Float64Array {
    if (this.values.length < this.design.n) this.values = new Float64Array(this.design.n);
    return this.values.subarray(0, this.design.n);
  }

  /** Room for a proportion's 0/1/NaN indicator, which lives through the indicator's estimates. */
  indicatorValues(): Float64Array {
    if (this.indicator.length < this.design.n) this.indicator = new Float64Array(this.design.n);
    return this.indicator.subarray(0, this.design.n);
  }

  /**
   * Room for an indicator's row sets (not zeroed): the rows it keeps and the rows of its
   * universe, each as long as the sample, valid until the next indicator asks. A row set is a
   * new view each time, and the facts kept per row set are keyed by the view, never its content,
   * so that a fact about one indicator's rows is never read for the next one's.
   */
  keptRowsRoom(): Int32Array {
    if (this.keptRoom.length < this.design.n) this.keptRoom = new Int32Array(this.design.n);
    return this.keptRoom;
  }

  universeRowsRoom(): Int32Array {
    if (this.universeRoom.length < this.design.n) this.universeRoom = new Int32Array(this.design.n);
    return this.universeRoom;
  }

  /** 0..n-1 of the design: one array, so the facts cached per row set hit for every caller. */
  everyRow(): Int32Array {
    if (this.allRows === null) {
      const rows = new Int32Array(this.design.n);
      for (let i = 0; i < rows.length; i++) rows[i] = i;
      this.allRows = rows;
    }
    return this.allRows;
  }

  /** Level 0 for every row: a whole domain is the one level of this grouping. */
  singleLevel(): Int8Array {
    this.oneLevel ??= new Int8Array(this.design.n);
    return this.oneLevel;
  }

  /** Degrees of freedom of a row set, counted by `count` once per row set. */
  dfOfRows(rows: Int32Array, count: () => number): number {
    let df = this.rowDf.get(rows);
    if (df === undefined) this.rowDf.set(rows, (df = count()));
    return df;
  }

  /** Degrees of freedom of each level of `codes` within `rows`, counted by `count` once per pair. */
  dfOfLevels(rows: Int32Array, codes: CodeArray, count: () => Int32Array): Int32Array {
    let byCodes = this.levelDf.get(rows);
    if (!byCodes) this.levelDf.set(rows, (byCodes = new WeakMap()));
    let dfs = byCodes.get(codes);
    if (!dfs) byCodes.set(codes, (dfs = count()));
    return dfs;
  }

  /**
   * Each level's rows of `universe` (levels 0..nLevels-1 of `codes`; -1: in no level), ascending:
   * one counting pass, one filling pass (read only). The last split is kept for a request over
   * the same rows and grouping; no more, since a split is as long as its rows (4 MB a million).
   */
  splitByLevel(universe: Int32Array, codes: CodeArray, nLevels: number): Int32Array[] {
    const hit = this.lastSplit;
    if (hit && hit.codes === codes && hit.universe === universe && hit.parts.length === nLevels) return hit.parts;
    const sizes = new Int32Array(nLevels);
    for (let k = 0; k < universe.length; k++) {
      const c = codes[universe[k]!]!;
      if (c >= 0) sizes[c]!++;
    }
    const parts = Array.from(sizes, (size) => new Int32Array(size));
    const filled = new Int32Array(nLevels);
    for (let k = 0; k < universe.length; k++) {
      const i = universe[k]!;
      const c = codes[i]!;
      if (c >= 0) parts[c]![filled[c]!++] = i;
    }
    this.lastSplit = { codes, universe, parts };
    return parts;
  }
}

/** An estimator's first argument: the run's context, or a bare design (a context for that call alone). */
export type Estimation = EstimationContext | SurveyDesign;

export function contextOf(e: Estimation): EstimationContext {
  return e instanceof EstimationContext ? e : new EstimationContext(e);
}
