/**
 * The flow store: every flow of an analysis and its breakdown by arrival year and discipline, as
 * columns (typed arrays) with string dictionaries for places and disciplines. It is what both
 * engines produce, what `filterFlows` filters, what `flows.arrow` / `flows.parquet` hold and what
 * the viewer and notebooks read; the graphology graph the measures see is built from it and keeps
 * only each flow's weight and researchers.
 *
 * Why columns: a graph edge holding `byYear` / `byDiscipline` / `byYearDiscipline` objects costs
 * hundreds of bytes and several objects per flow, and at a million flows their allocation and
 * garbage collection dominated a run (bench/FINDINGS.md). Here a flow costs about 40 bytes and a
 * breakdown cell 20, with no object per flow or cell.
 *
 * Two tables:
 * - flows, in (source, target) order of the place dictionary (code-unit order of place ids, so
 *   the same as the graph's edges): source, target (place indices), moves (Σ count), researchers
 *   (distinct researcher ids; NaN when unknown, for aggregated input or after a filter that split
 *   the flow), firstYear / lastYear (arrival years with a move; NaN when the flow has no moves);
 * - cells, in (flow, year, discipline) order: flow index, year, discipline index (−1: moves
 *   without a discipline), moves. Σ of a flow's cells = its moves.
 *
 * Pure: no I/O. Read it with the accessors below ({@link flowCells}, {@link forEachCell},
 * {@link flowYearMatrix}, {@link findFlow}) rather than walking the arrays by hand.
 */
import { OptionError } from '../errors.ts';
import { compareText } from '../graph/breakdowns.ts';

/** Per-flow columns, all of the same length (one entry per flow). */
export interface FlowColumns {
  /** Index of the source place in `places`. */
  source: Int32Array;
  /** Index of the target place in `places`. */
  target: Int32Array;
  /** Moves of the flow (its weight). */
  moves: Float64Array;
  /** Distinct researchers behind the moves; NaN when unknown. */
  researchers: Float64Array;
  /** First and last arrival year with a move; NaN when the flow has none. */
  firstYear: Float64Array;
  lastYear: Float64Array;
}

/** Breakdown columns, one entry per (flow, year, discipline) with moves. */
export interface CellColumns {
  /** Index of the flow in the flow columns. */
  flow: Int32Array;
  year: Int32Array;
  /** Index in `disciplines`; −1 for moves without a discipline. */
  discipline: Int32Array;
  moves: Float64Array;
}

/** The flows of an analysis as columns. Treat as read-only: filters return new stores. */
export interface FlowStore {
  /** Place ids by index, in code-unit order: the graph's node keys. */
  places: readonly string[];
  /** Discipline names by index, in code-unit order. */
  disciplines: readonly string[];
  flows: FlowColumns;
  cells: CellColumns;
  /** Where each flow's cells start: flow f's cells are cellStarts[f] … cellStarts[f+1]−1. */
  cellStarts: Int32Array;
}

/**
 * A store from its dictionaries and columns, with the cell offsets computed; checks that the
 * flows are in (source, target) order and the cells in (flow, year, discipline) order, the
 * invariants every reader relies on.
 *
 * @throws OptionError when columns differ in length, an index is out of range, or the order is wrong.
 * @example flowStore({ places: ['A', 'B'], disciplines: [], flows, cells });
 */
export function flowStore(parts: {
  places: readonly string[];
  disciplines: readonly string[];
  flows: FlowColumns;
  cells: CellColumns;
}): FlowStore {
  const { places, disciplines, flows, cells } = parts;
  const n = flows.source.length;
  for (const [name, column] of Object.entries(flows)) {
    if (column.length !== n) throw new OptionError(`flows.${name}`, column.length, `${n} entries, one per flow`);
  }
  const m = cells.flow.length;
  for (const [name, column] of Object.entries(cells)) {
    if (column.length !== m) throw new OptionError(`cells.${name}`, column.length, `${m} entries, one per cell`);
  }
  const p = places.length;
  for (let f = 0; f < n; f++) {
    const s = flows.source[f]!;
    const t = flows.target[f]!;
    if (s < 0 || s >= p || t < 0 || t >= p) throw new OptionError('flows', f, `source and target indices below ${p}`);
    if (f > 0 && (s < flows.source[f - 1]! || (s === flows.source[f - 1]! && t <= flows.target[f - 1]!))) {
      throw new OptionError('flows', f, 'flows in strictly increasing (source, target) order');
    }
  }
  const cellStarts = new Int32Array(n + 1);
  const d = disciplines.length;
  for (let c = 0; c < m; c++) {
    const f = cells.flow[c]!;
    const di = cells.discipline[c]!;
    if (f < 0 || f >= n || di < -1 || di >= d) throw new OptionError('cells', c, `a flow below ${n} and a discipline from −1 to ${d - 1}`);
    if (c > 0) {
      const pf = cells.flow[c - 1]!;
      const py = cells.year[c - 1]!;
      const y = cells.year[c]!;
      if (f < pf || (f === pf && (y < py || (y === py && di <= cells.discipline[c - 1]!)))) {
        throw new OptionError('cells', c, 'cells in strictly increasing (flow, year, discipline) order');
      }
    }
    cellStarts[f + 1]!++;
  }
  for (let f = 0; f < n; f++) cellStarts[f + 1]! += cellStarts[f]!;
  return { places, disciplines, flows, cells, cellStarts };
}

/** An empty store over some places. */
export function emptyFlowStore(places: readonly string[] = [], disciplines: readonly string[] = []): FlowStore {
  return flowStore({
    places,
    disciplines,
    flows: {
      source: new Int32Array(0),
      target: new Int32Array(0),
      moves: new Float64Array(0),
      researchers: new Float64Array(0),
      firstYear: new Float64Array(0),
      lastYear: new Float64Array(0),
    },
    cells: { flow: new Int32Array(0), year: new Int32Array(0), discipline: new Int32Array(0), moves: new Float64Array(0) },
  });
}

/** Number of flows. */
export function flowCount(store: FlowStore): number {
  return store.flows.source.length;
}

/**
 * The cells of flow `f` as a half-open range of cell positions.
 *
 * @example const [from, to] = flowCells(store, 0); // store.cells.year.subarray(from, to)
 */
export function flowCells(store: FlowStore, f: number): [number, number] {
  return [store.cellStarts[f]!, store.cellStarts[f + 1]!];
}

/**
 * Calls `visit(year, discipline, moves)` for each breakdown cell of flow `f`, in year then
 * discipline order; `discipline` is null for moves without one.
 *
 * @example forEachCell(store, f, (year, discipline, moves) => console.log(year, discipline, moves));
 */
export function forEachCell(store: FlowStore, f: number, visit: (year: number, discipline: string | null, moves: number) => void): void {
  const { year, discipline, moves } = store.cells;
  for (let c = store.cellStarts[f]!; c < store.cellStarts[f + 1]!; c++) {
    const d = discipline[c]!;
    visit(year[c]!, d < 0 ? null : store.disciplines[d]!, moves[c]!);
  }
}

/**
 * Position of the flow source → target (place ids), or −1 when there is none. Binary search:
 * O(log flows), after one O(places) lookup of the ids.
 */
export function findFlow(store: FlowStore, source: string, target: string): number {
  const s = placeIndex(store, source);
  const t = placeIndex(store, target);
  if (s < 0 || t < 0) return -1;
  const { source: fs, target: ft } = store.flows;
  let lo = 0;
  let hi = fs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = fs[mid]! - s || ft[mid]! - t;
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function placeIndex(store: FlowStore, id: string): number {
  const places = store.places;
  let lo = 0;
  let hi = places.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareText(places[mid]!, id);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** First and last arrival year with a move over every flow, or null without moves. */
export function storeYears(store: FlowStore): [number, number] | null {
  let first = Infinity;
  let last = -Infinity;
  const { year, moves } = store.cells;
  for (let c = 0; c < year.length; c++) {
    if (!(moves[c]! > 0)) continue;
    if (year[c]! < first) first = year[c]!;
    if (year[c]! > last) last = year[c]!;
  }
  return first <= last ? [first, last] : null;
}

/**
 * Moves of every flow in every year of [first, last] (default: the store's span): a dense
 * flows × years matrix, row-major (`matrix[f * years + (y − first)]`), for analyses of change
 * over time. Disciplines are summed, moves without a discipline included.
 *
 * @example
 * const { first, years, matrix } = flowYearMatrix(store);
 * matrix[f * years + (2020 - first)]; // moves of flow f arriving in 2020
 */
export function flowYearMatrix(
  store: FlowStore,
  span: [number, number] | null = storeYears(store),
): { first: number; years: number; matrix: Float64Array } {
  if (span === null) return { first: 0, years: 0, matrix: new Float64Array(0) };
  const [first, last] = span;
  const years = last - first + 1;
  const matrix = new Float64Array(flowCount(store) * years);
  const { flow, year, moves } = store.cells;
  for (let c = 0; c < flow.length; c++) {
    const y = year[c]!;
    if (y >= first && y <= last) matrix[flow[c]! * years + (y - first)]! += moves[c]!;
  }
  return { first, years, matrix };
}

/**
 * Total moves by discipline over the flows into each place (target), in discipline index order:
 * `counts[place * disciplines + d]`; moves without a discipline are left out (RAI by inflow).
 */
export function inflowByDiscipline(store: FlowStore): Float64Array {
  const d = store.disciplines.length;
  const counts = new Float64Array(store.places.length * d);
  const { flow, discipline, moves } = store.cells;
  const target = store.flows.target;
  for (let c = 0; c < flow.length; c++) {
    const di = discipline[c]!;
    if (di >= 0) counts[target[flow[c]!]! * d + di]! += moves[c]!;
  }
  return counts;
}
