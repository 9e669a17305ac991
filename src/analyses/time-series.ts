/**
 * Yearly series of each place: moves in and out by arrival year, and migration rates per
 * researcher.
 *
 * Definition (Scholarly Migration Database, Akbaritabar, Theile, Zagheni 2024, Scientific Data
 * 11:816): for place A in year t, with in(A, t) and out(A, t) the moves arriving in t into and
 * out of A, and P(A, t) the researcher population of A in t,
 *
 *   inflow_rate  = in(A, t) / P(A, t)
 *   outflow_rate = out(A, t) / P(A, t)
 *   net_rate     = (in(A, t) − out(A, t)) / P(A, t)
 *
 * (the SMD's `inmigrationrate = number_of_inmigrations / padded_population_of_researchers`, and
 * likewise for out- and net migration). A rate is null where P is unknown or 0, never a made-up
 * number. P comes from the `population` option (a population file) or, when that is absent, from
 * the node attribute `researchersByYear` that graphs built from timelines carry (researchers
 * placed at A in t, padded over the years between publications: `timelines/population.ts`).
 *
 * Rows: one per place and year with any move or any population, for years within the moves'
 * span (the graph's `years` attribute) unless `years` says otherwise; a population outside those
 * years has no moves to be a rate of and is counted in `populationOutside` instead.
 */
import { compareText } from '../graph/breakdowns.ts';
import { movesByFlowYear } from '../graph/flow-years.ts';
import { flowStoreOf } from '../flows/graph.ts';
import { OptionError } from '../errors.ts';
import { checkGraph } from './graph-input.ts';
import type { AnyGraph } from './graph-input.ts';

/** Researcher population by place key, then year. */
export type PopulationTable = ReadonlyMap<string, ReadonlyMap<number, number>>;

export interface TimeSeriesOptions {
  /** Population by place and year; null or absent: the nodes' `populationByYear` or `researchersByYear`, if any. */
  population?: PopulationTable | null;
  /** Years that get rows, [first, last]; null or absent: the graph's `years` attribute (the moves' span). */
  years?: [number, number] | null;
}

/** Defaults of {@link timeSeries}: population from the graph, years of the moves. */
export const DEFAULTS: Readonly<Required<TimeSeriesOptions>> = Object.freeze({ population: null, years: null });

/** One place in one year. */
export interface TimeSeriesRow {
  place: string;
  year: number;
  inflow: number;
  outflow: number;
  netInflow: number;
  /** Researchers of the place that year; null when unknown. */
  population: number | null;
  inflowRate: number | null;
  outflowRate: number | null;
  netRate: number | null;
}

export interface TimeSeriesResult {
  /** Rows ordered by place key, then year. */
  rows: TimeSeriesRow[];
  /** Where the population came from: the option, the nodes (timelines, or a population added to the graph), or nowhere (rates empty). */
  populationSource: 'given' | 'timelines' | null;
  /** The years rows were kept for; null when the graph has no moves and no years were given. */
  years: [number, number] | null;
  /** Place-years of population outside `years`, left out, and the span of their years. */
  populationOutside: { count: number; years: [number, number] | null };
}

/** Population read from the nodes: `populationByYear` (written by `addPopulation`), else `researchersByYear` (timelines). */
function populationOfNodes(graph: AnyGraph): PopulationTable | null {
  const out = new Map<string, Map<number, number>>();
  graph.forEachNode((node, attr) => {
    const byYear = (attr.populationByYear ?? attr.researchersByYear) as Record<string, number> | undefined | null;
    if (!byYear) return;
    const m = new Map<number, number>();
    for (const [y, n] of Object.entries(byYear)) m.set(Number(y), n);
    out.set(node, m);
  });
  return out.size ? out : null;
}

function checkPopulation(population: unknown): PopulationTable | null {
  if (population === null || population === undefined) return null;
  if (!(population instanceof Map)) throw new OptionError('population', population, 'a Map of place → Map of year → researchers');
  for (const [place, years] of population as Map<unknown, unknown>) {
    if (!(years instanceof Map)) throw new OptionError('population', place, 'a Map of year → researchers for each place');
    for (const [y, n] of years as Map<unknown, unknown>) {
      if (!Number.isInteger(y) || typeof n !== 'number' || !Number.isFinite(n) || n < 0) {
        throw new OptionError('population', `${String(place)} ${String(y)}: ${String(n)}`, 'whole-number years and finite populations ≥ 0');
      }
    }
  }
  return population as PopulationTable;
}

function checkRange(years: unknown): [number, number] | null {
  if (years === null || years === undefined) return null;
  if (!Array.isArray(years) || years.length !== 2 || !years.every(Number.isInteger) || years[0] > years[1]) {
    throw new OptionError('years', years, 'null or [first, last] whole-number years with first ≤ last');
  }
  return [years[0], years[1]];
}

/** Whether ids are in strictly increasing code-unit order. */
function inTextOrder(ids: readonly string[]): boolean {
  for (let i = 1; i < ids.length; i++) if (compareText(ids[i - 1]!, ids[i]!) >= 0) return false;
  return true;
}

/** Place × year cells up to which the moves are summed in arrays rather than maps (8 MB of arrays per million). */
const DENSE_CELLS = 20_000_000;

const rate = (n: number, p: number | null) => (p === null || p === 0 ? null : n / p);

/**
 * The yearly series of every place (rule above).
 *
 * @param graph - the flow graph.
 * @param options - `population` (default: from the timelines, if any), `years` (default: the moves' span).
 * @returns `{ rows, populationSource, years, populationOutside }`.
 * @throws OptionError on a malformed population or year range.
 * @example
 * timeSeries(graph, { population: new Map([['CHN', new Map([[2018, 1_000_000]])]]) }).rows;
 * // [{ place: 'CHN', year: 2018, inflow: 10488, outflow: 9016, netInflow: 1472, population: 1000000,
 * //    inflowRate: 0.010488, outflowRate: 0.009016, netRate: 0.001472 }, …]
 */
export function timeSeries(graph: AnyGraph, options?: TimeSeriesOptions): TimeSeriesResult {
  checkGraph(graph);
  const given = checkPopulation(options?.population);
  const population = given ?? populationOfNodes(graph);
  const span = (graph.getAttribute('years') as [number, number] | null | undefined) ?? null;
  const years = checkRange(options?.years) ?? span;

  // place → year → [in, out]
  const moves = new Map<string, Map<number, [number, number]>>();
  const cell = (place: string, year: number) => {
    let m = moves.get(place);
    if (!m) moves.set(place, (m = new Map()));
    let c = m.get(year);
    if (!c) m.set(year, (c = [0, 0]));
    return c;
  };
  const store = flowStoreOf(graph);
  if (store && years && store.places.length * (years[1] - years[0] + 1) <= DENSE_CELLS) {
    // The same sums in the same order, into place × year arrays instead of a Map lookup per flow-year.
    const first = years[0];
    const span = years[1] - first + 1;
    const inflow = new Float64Array(store.places.length * span);
    const outflow = new Float64Array(store.places.length * span);
    const seen = new Uint8Array(store.places.length * span);
    const { source, target } = store.flows;
    const { year, moves: cellMoves } = store.cells;
    for (let f = 0; f < source.length; f++) {
      const end = store.cellStarts[f + 1]!;
      for (let c = store.cellStarts[f]!; c < end; ) {
        const y = year[c]!;
        let n = 0;
        for (; c < end && year[c] === y; c++) n += cellMoves[c]!;
        if (!(n > 0) || y < first || y > years[1]) continue;
        const t = target[f]! * span + (y - first);
        const s = source[f]! * span + (y - first);
        inflow[t]! += n;
        seen[t] = 1;
        outflow[s]! += n;
        seen[s] = 1;
      }
    }
    if (population === null && inTextOrder(store.places)) {
      // Without a population every row is a (place, year) with moves, in place then year order:
      // the arrays' own order when the places are in code-unit order (a store's always are).
      const rows: TimeSeriesRow[] = [];
      for (let p = 0; p < store.places.length; p++) {
        for (let k = p * span; k < (p + 1) * span; k++) {
          if (!seen[k]) continue;
          const moved = inflow[k]!;
          const left = outflow[k]!;
          rows.push({
            place: store.places[p]!,
            year: first + k - p * span,
            inflow: moved,
            outflow: left,
            netInflow: moved - left,
            population: null,
            inflowRate: null,
            outflowRate: null,
            netRate: null,
          });
        }
      }
      return { rows, populationSource: null, years, populationOutside: { count: 0, years: null } };
    }
    for (let p = 0; p < store.places.length; p++) {
      let m: Map<number, [number, number]> | undefined;
      for (let k = p * span; k < (p + 1) * span; k++) {
        if (!seen[k]) continue;
        if (!m) moves.set(store.places[p]!, (m = new Map()));
        m.set(first + k - p * span, [inflow[k]!, outflow[k]!]);
      }
    }
  } else {
    for (const f of movesByFlowYear(graph)) {
      if (years && (f.year < years[0] || f.year > years[1])) continue;
      cell(f.target, f.year)[0] += f.moves;
      cell(f.source, f.year)[1] += f.moves;
    }
  }

  let outside = 0;
  let outsideFirst = Infinity;
  let outsideLast = -Infinity;
  const keys = new Map<string, Set<number>>();
  for (const [place, m] of moves) keys.set(place, new Set(m.keys()));
  for (const [place, m] of population ?? []) {
    for (const year of m.keys()) {
      if (!years || year < years[0] || year > years[1]) {
        outside++;
        outsideFirst = Math.min(outsideFirst, year);
        outsideLast = Math.max(outsideLast, year);
        continue;
      }
      let set = keys.get(place);
      if (!set) keys.set(place, (set = new Set()));
      set.add(year);
    }
  }

  const rows: TimeSeriesRow[] = [];
  for (const place of [...keys.keys()].sort(compareText)) {
    for (const year of [...keys.get(place)!].sort((a, b) => a - b)) {
      const [inflow, outflow] = moves.get(place)?.get(year) ?? [0, 0];
      const p = population?.get(place)?.get(year) ?? null;
      rows.push({
        place,
        year,
        inflow,
        outflow,
        netInflow: inflow - outflow,
        population: p,
        inflowRate: rate(inflow, p),
        outflowRate: rate(outflow, p),
        netRate: rate(inflow - outflow, p),
      });
    }
  }
  return {
    rows,
    populationSource: given ? 'given' : population ? 'timelines' : null,
    years,
    populationOutside: { count: outside, years: outside ? [outsideFirst, outsideLast] : null },
  };
}
