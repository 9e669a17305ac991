/**
 * Filtering flows by arrival years, disciplines and weight on the columns of a {@link FlowStore},
 * without re-reading the input: each flow's weight is the sum of its selected breakdown cells,
 * so the result equals the store built from only the selected moves. Pure (no I/O, no DOM): the
 * viewer runs it in the browser.
 *
 *   moves        of the flow in the selected years and disciplines (a discipline filter leaves
 *                out moves without a discipline)
 *   researchers  kept when the filter keeps all of the flow's moves; otherwise unknown (NaN),
 *                because a distinct count cannot be split by year or discipline
 *   places       all kept (the dictionaries do not change, so indices stay valid)
 */
import { checkNumber, withDefaults } from '../analyses/option-checks.ts';
import { OptionError } from '../errors.ts';
import { checkYears } from '../graph/breakdowns.ts';
import { flowCount, flowStore, type FlowStore } from './store.ts';

/** Options of {@link filterFlows}. */
export interface FilterOptions {
  /** Keep moves arriving in [first, last] (inclusive); null: every year. */
  years?: [number, number] | null;
  /** Keep moves in these disciplines; null: every move, with or without a discipline. */
  disciplines?: readonly string[] | null;
  /** Drop flows whose recomputed weight is below this; 1 drops only flows the filter emptied, 0 keeps them. */
  minWeight?: number;
}

/** Defaults of {@link filterFlows}: no year or discipline filter, drop emptied flows. */
export const DEFAULTS: Readonly<{ years: null; disciplines: null; minWeight: number }> = Object.freeze({
  years: null,
  disciplines: null,
  minWeight: 1,
});

/**
 * A new store with each flow's moves, year span and cells recomputed for the selected years and
 * disciplines, and flows below `minWeight` dropped. The input is not changed. Cost: one pass
 * over the cells and one over the flows, typed arrays only.
 *
 * @throws OptionError on an unknown option, a bad year range, disciplines that are not strings, or
 *   a minWeight that is not a finite number ≥ 0.
 * @example
 * const cs = filterFlows(run.flows, { years: [2021, 2023], disciplines: ['Computer Science'], minWeight: 10 });
 * const graph = graphWithFlows(run.graph, cs);
 */
export function filterFlows(store: FlowStore, options: FilterOptions = {}): FlowStore {
  const { years, disciplines, minWeight } = checkFilterOptions(options);
  const n = flowCount(store);
  const { flow, year, discipline, moves } = store.cells;
  const m = flow.length;

  // Which disciplines are selected, by index (names not in the store select nothing).
  let selected: Uint8Array | null = null;
  if (disciplines !== null) {
    selected = new Uint8Array(store.disciplines.length);
    store.disciplines.forEach((d, i) => (selected![i] = disciplines.has(d) ? 1 : 0));
  }
  const keepCell = new Uint8Array(m);
  const weight = new Float64Array(n);
  const first = new Float64Array(n).fill(NaN);
  const last = new Float64Array(n).fill(NaN);
  for (let c = 0; c < m; c++) {
    const y = year[c]!;
    if (years !== null && (y < years[0] || y > years[1])) continue;
    const d = discipline[c]!;
    if (selected !== null && (d < 0 || !selected[d])) continue;
    keepCell[c] = 1;
    const f = flow[c]!;
    weight[f]! += moves[c]!;
    if (moves[c]! > 0) {
      if (!(first[f]! <= y)) first[f] = y;
      if (!(last[f]! >= y)) last[f] = y;
    }
  }
  const filtering = years !== null || disciplines !== null;
  const newIndex = new Int32Array(n);
  let kept = 0;
  for (let f = 0; f < n; f++) {
    const w = filtering ? weight[f]! : store.flows.moves[f]!;
    newIndex[f] = w >= minWeight ? kept++ : -1;
  }
  const source = new Int32Array(kept);
  const target = new Int32Array(kept);
  const fm = new Float64Array(kept);
  const researchers = new Float64Array(kept);
  const firstYear = new Float64Array(kept);
  const lastYear = new Float64Array(kept);
  for (let f = 0; f < n; f++) {
    const k = newIndex[f]!;
    if (k < 0) continue;
    source[k] = store.flows.source[f]!;
    target[k] = store.flows.target[f]!;
    const w = filtering ? weight[f]! : store.flows.moves[f]!;
    fm[k] = w;
    researchers[k] = w === store.flows.moves[f]! ? store.flows.researchers[f]! : NaN;
    firstYear[k] = filtering ? first[f]! : store.flows.firstYear[f]!;
    lastYear[k] = filtering ? last[f]! : store.flows.lastYear[f]!;
  }
  let cells = 0;
  for (let c = 0; c < m; c++) if (keepCell[c] && newIndex[flow[c]!]! >= 0) cells++;
  const cf = new Int32Array(cells);
  const cy = new Int32Array(cells);
  const cd = new Int32Array(cells);
  const cm = new Float64Array(cells);
  let j = 0;
  for (let c = 0; c < m; c++) {
    const k = newIndex[flow[c]!]!;
    if (!keepCell[c] || k < 0) continue;
    cf[j] = k;
    cy[j] = year[c]!;
    cd[j] = discipline[c]!;
    cm[j++] = moves[c]!;
  }
  return flowStore({
    places: store.places,
    disciplines: store.disciplines,
    flows: { source, target, moves: fm, researchers, firstYear, lastYear },
    cells: { flow: cf, year: cy, discipline: cd, moves: cm },
  });
}

function checkFilterOptions(options: FilterOptions): {
  years: [number, number] | null;
  disciplines: Set<string> | null;
  minWeight: number;
} {
  const o = withDefaults<FilterOptions>(DEFAULTS, options);
  const years = checkYears(o.years);
  const d = o.disciplines ?? null;
  if (d !== null && (!Array.isArray(d) || !d.every((x) => typeof x === 'string'))) {
    throw new OptionError('disciplines', d, 'null or an array of discipline names');
  }
  const minWeight = checkNumber('minWeight', o.minWeight, { min: 0 });
  return { years, disciplines: d === null ? null : new Set(d), minWeight };
}
