/**
 * The flow store from resolved moves (the JS engine; the DuckDB engine aggregates in SQL,
 * `src/engines/duckdb/graph.ts`). domain.md "Move": a move from A to B is one unit of flow on
 * A → B; a move within one place is not a flow.
 *
 * The moves are sorted once by (source, target, year, discipline) as integer codes and summed in
 * one pass: no object per flow or per cell. Distinct researchers per flow are counted with one
 * "last flow seen" slot per researcher, since within a flow the moves are ordered by year, not
 * by researcher.
 */
import { OptionError } from '../errors.ts';
import type { ResolvedMove } from '../records/types.ts';
import { compareText } from '../graph/breakdowns.ts';
import { flowStore, type FlowStore } from './store.ts';

/** What {@link flowStoreFromMoves} returns: the store and the moves that stayed within a place. */
export interface MovesAggregate {
  store: FlowStore;
  /** Σ count of the moves (in `years`) whose source and target are the same place. */
  movesWithinPlace: number;
}

/**
 * Aggregates moves into a {@link FlowStore} over `places` (ids; every move's ends must be among
 * them), keeping moves arriving in `years` (inclusive; null: all).
 *
 * @throws OptionError when a move is not a positive whole count with a whole-number year, or names
 *   a place not in `places`.
 * @example flowStoreFromMoves(moves, ['Beijing', 'Shenzhen'], null).store.flows.moves
 */
export function flowStoreFromMoves(
  moves: readonly ResolvedMove[],
  places: Iterable<string>,
  years: [number, number] | null,
): MovesAggregate {
  const ids = [...places].sort(compareText);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));

  for (const m of moves) checkMove(m, index);
  // Disciplines get provisional codes in order of first sight, renumbered by name below.
  const seen = new Map<string, number>();

  const n = moves.length;
  const ms = new Int32Array(n);
  const mt = new Int32Array(n);
  const my = new Int32Array(n);
  const md = new Int32Array(n);
  const mc = new Float64Array(n);
  const mr = new Int32Array(n);
  const researcherIndex = new Map<string, number>();
  let k = 0;
  let movesWithinPlace = 0;
  for (const m of moves) {
    if (years && (m.year < years[0] || m.year > years[1])) continue;
    const s = index.get(m.source)!;
    const t = index.get(m.target)!;
    if (s === t) {
      movesWithinPlace += m.count;
      continue;
    }
    ms[k] = s;
    mt[k] = t;
    my[k] = m.year;
    if (m.discipline === null || m.discipline === '') md[k] = -1;
    else {
      let d = seen.get(m.discipline);
      if (d === undefined) seen.set(m.discipline, (d = seen.size));
      md[k] = d;
    }
    mc[k] = m.count;
    if (m.researcherId === null) mr[k] = -1;
    else {
      let r = researcherIndex.get(m.researcherId);
      if (r === undefined) researcherIndex.set(m.researcherId, (r = researcherIndex.size));
      mr[k] = r;
    }
    k++;
  }

  const disciplines = [...seen.keys()].sort(compareText);
  const code = new Int32Array(seen.size);
  disciplines.forEach((d, i) => (code[seen.get(d)!] = i));
  for (let i = 0; i < k; i++) if (md[i]! >= 0) md[i] = code[md[i]!]!;

  const order = new Int32Array(k);
  for (let i = 0; i < k; i++) order[i] = i;
  order.sort((a, b) => ms[a]! - ms[b]! || mt[a]! - mt[b]! || my[a]! - my[b]! || md[a]! - md[b]!);

  // Upper bounds (k flows, k cells), trimmed below.
  const fs = new Int32Array(k);
  const ft = new Int32Array(k);
  const fm = new Float64Array(k);
  const fr = new Float64Array(k);
  const ff = new Float64Array(k);
  const fl = new Float64Array(k);
  const cf = new Int32Array(k);
  const cy = new Int32Array(k);
  const cd = new Int32Array(k);
  const cm = new Float64Array(k);
  const lastFlow = new Int32Array(researcherIndex.size).fill(-1);
  let flows = 0;
  let cells = 0;
  let distinct = 0;
  let unknown = false;
  for (let i = 0; i < k; i++) {
    const m = order[i]!;
    const newFlow = flows === 0 || ms[m] !== fs[flows - 1] || mt[m] !== ft[flows - 1];
    if (newFlow) {
      if (flows > 0) fr[flows - 1] = unknown ? NaN : distinct;
      fs[flows] = ms[m]!;
      ft[flows] = mt[m]!;
      ff[flows] = my[m]!;
      flows++;
      distinct = 0;
      unknown = false;
    }
    const f = flows - 1;
    fm[f]! += mc[m]!;
    fl[f] = my[m]!;
    const r = mr[m]!;
    if (r < 0) unknown = true;
    else if (lastFlow[r] !== f) {
      lastFlow[r] = f;
      distinct++;
    }
    if (newFlow || cy[cells - 1] !== my[m] || cd[cells - 1] !== md[m]) {
      cf[cells] = f;
      cy[cells] = my[m]!;
      cd[cells] = md[m]!;
      cells++;
    }
    cm[cells - 1]! += mc[m]!;
  }
  if (flows > 0) fr[flows - 1] = unknown ? NaN : distinct;

  const store = flowStore({
    places: ids,
    disciplines,
    flows: {
      source: fs.slice(0, flows),
      target: ft.slice(0, flows),
      moves: fm.slice(0, flows),
      researchers: fr.slice(0, flows),
      firstYear: ff.slice(0, flows),
      lastYear: fl.slice(0, flows),
    },
    cells: { flow: cf.slice(0, cells), year: cy.slice(0, cells), discipline: cd.slice(0, cells), moves: cm.slice(0, cells) },
  });
  return { store, movesWithinPlace };
}

function checkMove(m: ResolvedMove, places: ReadonlyMap<string, number>): void {
  if (!Number.isInteger(m.count) || m.count < 1) throw new OptionError('moves', m, 'moves with a whole count ≥ 1');
  if (!Number.isInteger(m.year)) throw new OptionError('moves', m, 'moves with a whole-number year');
  if (!places.has(m.source)) throw new OptionError('places', m.source, `a place for every move's source (missing "${m.source}")`);
  if (!places.has(m.target)) throw new OptionError('places', m.target, `a place for every move's target (missing "${m.target}")`);
}
