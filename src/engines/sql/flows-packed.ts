/**
 * Flow aggregation with each cell handed back as two numbers: one key that packs (source, target,
 * year, discipline) in that order, and its moves; each flow as one (its researchers), the flows'
 * moves and first and last years being sums and ends of their cells. The same aggregation as
 * {@link flowQueries} (./flows.ts), whose researcher count and grouping it shares, with fewer
 * values to read back: a driver that copies every vector of every chunk reads 2 per cell and 1
 * per flow instead of 5 and 4. The disciplines must be integer codes in the store's order (JS
 * order of their names), so that the key order is already the store's cell order; the key must
 * stay exact in a double (places² × years × disciplines < 2^53, see {@link keyFits}).
 */
import { flowStore, type FlowStore } from '../../flows/store.ts';
import type { Place } from '../../places/types.ts';
import type { Dialect } from './dialect.ts';
import { grouped, researchersOf, type MovesRelation } from './flows.ts';

/** How a cell key packs (source, target, year, discipline). */
export interface Packing {
  perSource: number;
  perFlow: number;
  perDiscipline: number;
  y0: number;
}

/**
 * The store from the results of {@link packedFlowQueries}: the cells' keys and moves (key order)
 * and the flows' researchers (flow order, −1: unknown), over the places `nodes` (indices into
 * `places`, ascending) and `disciplines` in the order their codes were given.
 */
export function flowStoreFromKeys(
  places: readonly Place[],
  nodes: readonly number[],
  disciplines: string[],
  p: Packing,
  keys: Float64Array,
  cellMoves: Float64Array,
  flowResearchers: Int32Array,
): FlowStore {
  const position = new Int32Array(places.length).fill(-1);
  nodes.forEach((place, i) => (position[place] = i));
  const m = keys.length;
  const flow = new Int32Array(m);
  const year = new Int32Array(m);
  const discipline = new Int32Array(m);
  const n = flowResearchers.length;
  const source = new Int32Array(n);
  const target = new Int32Array(n);
  const moves = new Float64Array(n);
  const firstYear = new Float64Array(n);
  const lastYear = new Float64Array(n);
  let e = -1;
  let previous = -1;
  for (let c = 0; c < m; c++) {
    // Every part is an exact integer in a double: `%` is exact and so is dividing out an exact multiple.
    const k = keys[c]!;
    const within = k % p.perFlow;
    const pair = (k - within) / p.perFlow;
    const d = within % p.perDiscipline;
    const y = (within - d) / p.perDiscipline + p.y0;
    if (pair !== previous) {
      previous = pair;
      e++;
      const t = pair % p.perSource;
      source[e] = position[(pair - t) / p.perSource]!;
      target[e] = position[t]!;
      firstYear[e] = y;
    }
    lastYear[e] = y;
    moves[e]! += cellMoves[c]!;
    flow[c] = e;
    year[c] = y;
    discipline[c] = d - 1;
  }
  if (e + 1 !== n) throw new Error(`packed flow aggregation: ${e + 1} flows in the cells, ${n} in the flows`);
  const researchers = Float64Array.from(flowResearchers, (r) => (r < 0 ? NaN : r));
  return flowStore({
    places: nodes.map((i) => places[i]!.id),
    disciplines,
    flows: { source, target, moves, researchers, firstYear, lastYear },
    cells: { flow, year, discipline, moves: cellMoves },
  });
}

/** Whether cell keys of this packing are exact integers in a double. */
export function keyFits(p: Packing): boolean {
  return p.perSource * p.perSource * p.perFlow < 2 ** 53;
}

/**
 * The two queries: `cells` gives k (the key, as a double) and n (moves) in key order; `flows`
 * gives r (researchers) in (source, target) order. `cells.year` must be an integer and
 * `cells.disc` the discipline's code (−1: none); `flows` may be a lighter relation over the
 * same moves (it needs rid, s, t only).
 *
 * @example packedFlowQueries(DUCKDB, cellsRelation, flowsRelation, { perSource: 4506, perFlow: 25 * 28, perDiscipline: 28, y0: 2000 }).cells
 */
export function packedFlowQueries(d: Dialect, cells: MovesRelation, flows: MovesRelation, p: Packing): { cells: string; flows: string } {
  const key = `(CAST(${cells.s} AS BIGINT) * ${p.perSource} + ${cells.t}) * ${p.perFlow} + (${cells.year} - ${p.y0}) * ${p.perDiscipline} + ${cells.disc} + 1`;
  return {
    cells: `${cells.head}SELECT CAST(key AS DOUBLE) AS k, n FROM (
      SELECT ${key} AS key, sum(${cells.cnt}) AS n FROM ${cells.from} WHERE ${cells.where} GROUP BY key
    ) ORDER BY key`,
    flows: grouped(flows, `${researchersOf(d, flows)} AS r`, `${flows.s}, ${flows.t}`),
  };
}
