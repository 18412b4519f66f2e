/**
 * Disclosure control for one-way subgroup tables (two-way: `suppressCrossTable` and, for a
 * distribution's subgroups, `suppressTable` below). A cell from fewer than `minCell` respondents
 * is suppressed (primary). When exactly one cell of a table is suppressed it could
 * be derived from the overall figure and the others, so the smallest remaining cell is
 * suppressed too (secondary), as in standard cell-suppression practice.
 */
export type Suppression = "primary" | "secondary" | null;

export function suppressCells(counts: readonly number[], minCell: number): Suppression[] {
  const marks: Suppression[] = counts.map((n) => (n > 0 && n < minCell ? "primary" : null));
  const suppressed = marks.filter((m) => m !== null).length;
  if (suppressed === 1) {
    let best = -1;
    counts.forEach((n, i) => {
      if (marks[i] === null && n > 0 && (best === -1 || n < counts[best]!)) best = i;
    });
    if (best !== -1) marks[best] = "secondary";
  }
  return marks;
}

/**
 * Disclosure control for a subgroup table of a distribution (levels × categories) whose cells are
 * shown as shares of their row: `suppressCrossTable` with each row's sum known whether or not the
 * level's n is shown (the shares add up to 100 %). A table of one level or one category has no
 * second row or column to hide with, so its rows follow the one-way rule.
 */
export function suppressTable(counts: readonly (readonly number[])[], minCell: number): { cells: Suppression[][]; totals: Suppression[] } {
  const nRows = counts.length;
  const nCols = counts[0]?.length ?? 0;
  if (nCols < 2) {
    // One category: its n is the level's n.
    const totals = suppressCells(
      counts.map((row) => sum(row)),
      minCell,
    );
    return { cells: counts.map((row, i) => row.map((n) => (n > 0 ? totals[i]! : null))), totals };
  }
  if (nRows < 2) {
    const totals = counts.map((row): Suppression => (sum(row) > 0 && sum(row) < minCell ? "primary" : null));
    return { cells: counts.map((row) => suppressCells(row, minCell)), totals };
  }
  const marks = suppressCrossTable(counts.flat(), nRows, nCols, minCell, { rowSumsKnown: true });
  return { cells: counts.map((_, i) => marks.cells.slice(i * nCols, (i + 1) * nCols)), totals: marks.rows };
}

/** The marks of a two-way table: its cells (row-major) and both margins. */
export interface TableSuppression {
  cells: Suppression[];
  rows: Suppression[];
  cols: Suppression[];
}

/**
 * Disclosure control for a cross-table (two fields, rows × columns) whose row and column totals
 * are published, with protection checked exactly rather than line by line. A cell from
 * fewer than `minCell` respondents is suppressed (primary), and so is a margin (with the 1-way
 * rule above). Then, while some hidden number can still be worked out from the published ones,
 * more are suppressed (secondary): for a cell, the cheapest square of cells through it; for a
 * margin, the smallest cell of its line or other margin that protects it, else the smallest.
 *
 * A hidden number is worked out exactly when it is a bridge of the graph of hidden numbers: rows
 * and columns are nodes, a cell joins its row and column, a row total joins its row to a node of
 * all rows (a column total likewise), every node's sum is known. An edge on a cycle can move by
 * ±x around the cycle (alternating signs, every sum unchanged), so its value is not determined;
 * a bridge is (Cox 1980's "linear" protection, without the sliding range of values). With every
 * cell hidden and at least two rows and columns, nothing is a bridge, so the loop ends.
 *
 * `rowSumsKnown`: the cells are also shown as shares of their row, which add up to 100 % whether
 * or not the row's total is shown, so a hidden number must also be undetermined in the graph
 * without the row totals; and the column totals are the overall distribution's, published
 * elsewhere whatever this table hides, so they are never hidden here.
 */
export function suppressCrossTable(
  counts: readonly number[],
  nRows: number,
  nCols: number,
  minCell: number,
  { rowSumsKnown = false }: { rowSumsKnown?: boolean } = {},
): TableSuppression {
  if (counts.length !== nRows * nCols) throw new RangeError(`a ${nRows} × ${nCols} table has ${counts.length} cells`);
  const rowTotals = Array.from({ length: nRows }, (_, i) => sum(counts.slice(i * nCols, (i + 1) * nCols)));
  const colTotals = Array.from({ length: nCols }, (_, j) => sum(counts.filter((_, k) => k % nCols === j)));
  const marks: TableSuppression = {
    cells: counts.map((n) => (n > 0 && n < minCell ? "primary" : null)),
    rows: suppressCells(rowTotals, minCell),
    cols: rowSumsKnown ? colTotals.map(() => null) : suppressCells(colTotals, minCell),
  };
  if (nRows < 2 || nCols < 2) return marks;
  const graphs = [new HiddenGraph(nRows, nCols, false), ...(rowSumsKnown ? [new HiddenGraph(nRows, nCols, true)] : [])];
  const totals = { cell: counts, row: rowTotals, col: colTotals };
  const listOf = (kind: Place["kind"]): Suppression[] => (kind === "cell" ? marks.cells : kind === "row" ? marks.rows : marks.cols);
  const open = (p: Place): boolean => listOf(p.kind)[p.index] === null;
  const size = (p: Place): number => totals[p.kind][p.index]!;
  const every = (kind: Place["kind"]): Place[] => totals[kind].map((_, index) => ({ kind, index }));
  for (;;) {
    let graph = graphs[0] as HiddenGraph;
    let bridge: Edge | undefined;
    for (const g of graphs) {
      bridge = g.firstBridge(g.edgesOf(marks));
      graph = g;
      if (bridge !== undefined) break;
    }
    if (bridge === undefined) return marks;
    if (bridge.margin === null) {
      // A cell: close the cheapest square through it (its row and column, and one other of each).
      for (const k of cheapestSquare(bridge.cell, counts, marks.cells, nRows, nCols)) marks.cells[k] = "secondary";
      continue;
    }
    const near = graph.near(bridge).filter(open);
    const candidates = (near.length > 0 ? near : [...every("cell"), ...every("row"), ...every("col")].filter(open)).sort(
      // Cells before margins; the smallest count first, empty ones last (hiding a 0 protects
      // nothing real); then by place.
      (a, b) =>
        Number(a.kind !== "cell") - Number(b.kind !== "cell") ||
        Number(size(a) === 0) - Number(size(b) === 0) ||
        size(a) - size(b) ||
        a.index - b.index,
    );
    if (candidates.length === 0) return marks;
    const protects = candidates.find((p) => {
      const list = listOf(p.kind);
      list[p.index] = "secondary";
      const still = graph.isBridge(bridge, graph.edgesOf(marks));
      list[p.index] = null;
      return !still;
    });
    const chosen = protects ?? (candidates[0] as Place);
    listOf(chosen.kind)[chosen.index] = "secondary";
  }
}

/**
 * The three other cells of the square (i, j), (i, j′), (i′, j), (i′, j′) that hide the fewest
 * respondents (already hidden cells cost nothing; an empty cell is taken last: hiding a 0 protects
 * nothing real), those not yet hidden.
 */
function cheapestSquare(cell: number, counts: readonly number[], cells: readonly Suppression[], nRows: number, nCols: number): number[] {
  const i = Math.floor(cell / nCols);
  const j = cell % nCols;
  let best: { add: number[]; zeros: number; cost: number } | null = null;
  for (let i2 = 0; i2 < nRows; i2++) {
    for (let j2 = 0; j2 < nCols; j2++) {
      if (i2 === i || j2 === j) continue;
      const add = [i * nCols + j2, i2 * nCols + j, i2 * nCols + j2].filter((k) => cells[k] === null);
      const zeros = add.filter((k) => counts[k] === 0).length;
      const cost = add.reduce((s, k) => s + counts[k]!, 0);
      if (best === null || zeros < best.zeros || (zeros === best.zeros && cost < best.cost)) best = { add, zeros, cost };
    }
  }
  return best?.add ?? [];
}

/** A number of the table: a cell (row-major index), a row total or a column total. */
interface Place {
  kind: "cell" | "row" | "col";
  index: number;
}

function sum(values: readonly number[]): number {
  return values.reduce((s, v) => s + v, 0);
}

/** An edge of the hidden numbers' graph: its two nodes and, for a cell, its index. */
interface Edge {
  a: number;
  b: number;
  cell: number;
  margin: "row" | "col" | null;
  index: number;
}

/** Nodes: rows 0..r−1, columns r..r+c−1, the node of all rows r+c, of all columns r+c+1. */
class HiddenGraph {
  constructor(
    private readonly nRows: number,
    private readonly nCols: number,
    private readonly withoutRowTotals: boolean,
  ) {}

  edgesOf(marks: TableSuppression): Edge[] {
    const { nRows: r, nCols: c } = this;
    const edges: Edge[] = [];
    marks.cells.forEach((m, k) => {
      if (m !== null) edges.push({ a: Math.floor(k / c), b: r + (k % c), cell: k, margin: null, index: k });
    });
    marks.rows.forEach((m, i) => {
      if (m !== null && !this.withoutRowTotals) edges.push({ a: i, b: r + c, cell: -1, margin: "row", index: i });
    });
    marks.cols.forEach((m, j) => {
      if (m !== null) edges.push({ a: r + j, b: r + c + 1, cell: -1, margin: "col", index: j });
    });
    return edges;
  }

  /** Whether `edge`'s two nodes are disconnected once it is removed (a walk over the others). */
  isBridge(edge: Edge, edges: readonly Edge[]): boolean {
    const adjacent = this.adjacency(edges);
    const seen = new Uint8Array(this.nRows + this.nCols + 2);
    seen[edge.a] = 1;
    const stack = [edge.a];
    while (stack.length > 0) {
      for (const [next, e] of adjacent[stack.pop() as number]!) {
        if (seen[next] === 1 || (e.margin === edge.margin && e.index === edge.index)) continue;
        if (next === edge.b) return false;
        seen[next] = 1;
        stack.push(next);
      }
    }
    return true;
  }

  /**
   * The first edge, in the order of `edges`, that is a bridge: all bridges at once by Tarjan's
   * low-link walk (one pass, linear in the edges), so each round of suppression costs one walk.
   */
  firstBridge(edges: readonly Edge[]): Edge | undefined {
    const adjacent = this.adjacency(edges);
    const order = new Int32Array(adjacent.length).fill(-1);
    const low = new Int32Array(adjacent.length);
    const bridges = new Set<Edge>();
    let time = 0;
    const visit = (node: number, via: Edge | null): void => {
      order[node] = low[node] = time++;
      for (const [next, e] of adjacent[node]!) {
        if (e === via) continue;
        if (order[next] === -1) {
          visit(next, e);
          low[node] = Math.min(low[node]!, low[next]!);
          if (low[next]! > order[node]!) bridges.add(e);
        } else low[node] = Math.min(low[node]!, order[next]!);
      }
    };
    for (let node = 0; node < adjacent.length; node++) if (order[node] === -1) visit(node, null);
    return edges.find((e) => bridges.has(e));
  }

  private adjacency(edges: readonly Edge[]): [number, Edge][][] {
    const adjacent = Array.from({ length: this.nRows + this.nCols + 2 }, (): [number, Edge][] => []);
    for (const e of edges) {
      adjacent[e.a]!.push([e.b, e]);
      adjacent[e.b]!.push([e.a, e]);
    }
    return adjacent;
  }

  /** What can protect the edge: the cells that share its row or column; for a margin, also the other margins of its side. */
  near(edge: Edge): Place[] {
    const { nRows: r, nCols: c } = this;
    const cells = Array.from({ length: r * c }, (_, k): Place => ({ kind: "cell", index: k }));
    if (edge.margin !== null) {
      const count = edge.margin === "row" ? r : c;
      const inLine = (k: number): boolean => (edge.margin === "row" ? Math.floor(k / c) : k % c) === edge.index;
      const margins = Array.from({ length: count }, (_, index): Place => ({ kind: edge.margin as "row" | "col", index }));
      return [...cells.filter((p) => inLine(p.index)), ...margins.filter((p) => p.index !== edge.index)];
    }
    const i = Math.floor(edge.cell / c);
    const j = edge.cell % c;
    return cells.filter((p) => p.index !== edge.cell && (Math.floor(p.index / c) === i || p.index % c === j));
  }
}
