/**
 * Does a population table describe the same places and moves as the flows? Two checks, whose
 * findings a run states as warnings (nothing is changed):
 *
 * - places the table names that have no flow in the graph (their rates are all 0 or empty): a
 *   sign that the flows leave out places the table counts;
 * - when the table carries its own in/out counts (`inflow`, `outflow` columns), the place-years
 *   whose counts differ from the moves summed from the flows. The SMD's per-country file is such
 *   a table: its counts are sums of the database's raw bilateral flows, while the enriched flows
 *   file leaves out Taiwan (TWN) and about 20 territories, so every country that exchanges
 *   scholars with them is short in the flows (China by 343 in-moves in 2018).
 *
 * Only years within the moves' span (the graph's `years`) are compared: outside it the flows
 * hold nothing to compare.
 */
import { compareText } from '../graph/breakdowns.ts';
import { movesByFlowYear } from '../graph/flow-years.ts';
import type { ReferenceCounts } from '../records/resolve-population.ts';
import { checkGraph, type AnyGraph } from './graph-input.ts';
import type { PopulationTable } from './time-series.ts';

/** A place-year whose moves in the flows differ from the population table's own counts. */
export interface CountMismatch {
  place: string;
  year: number;
  /** Moves summed from the flows. */
  inflow: number;
  outflow: number;
  /** The table's counts (null where it has none). */
  referenceInflow: number | null;
  referenceOutflow: number | null;
}

export interface PopulationCheck {
  /** Places of the table without any flow in the graph, sorted. */
  placesWithoutFlows: string[];
  /** Place-years compared (table rows within the moves' years that carry counts). */
  compared: number;
  /** Those whose counts differ, by place then year. */
  mismatches: CountMismatch[];
}

/**
 * Compares a population table (and its own counts, if any) with the flows of `graph`.
 *
 * @example
 * checkPopulation(graph, population, reference).mismatches[0];
 * // { place: 'AFG', year: 2002, inflow: 3, outflow: 1, referenceInflow: 4, referenceOutflow: 1 }
 */
export function checkPopulation(
  graph: AnyGraph,
  population: PopulationTable,
  reference: ReadonlyMap<string, ReadonlyMap<number, ReferenceCounts>> | null = null,
): PopulationCheck {
  checkGraph(graph);
  const withFlow = new Set<string>();
  graph.forEachEdge((_e, _a, source, target) => {
    withFlow.add(source);
    withFlow.add(target);
  });
  const placesWithoutFlows = [...population.keys()].filter((p) => !withFlow.has(p)).sort(compareText);

  const mismatches: CountMismatch[] = [];
  let compared = 0;
  const span = (graph.getAttribute('years') as [number, number] | null | undefined) ?? null;
  if (reference && span) {
    const counts = new Map<string, [number, number]>();
    const key = (place: string, year: number) => `${place}\u0000${year}`;
    for (const f of movesByFlowYear(graph)) {
      const a = counts.get(key(f.target, f.year)) ?? [0, 0];
      a[0] += f.moves;
      counts.set(key(f.target, f.year), a);
      const b = counts.get(key(f.source, f.year)) ?? [0, 0];
      b[1] += f.moves;
      counts.set(key(f.source, f.year), b);
    }
    for (const place of [...reference.keys()].sort(compareText)) {
      const years = reference.get(place)!;
      for (const year of [...years.keys()].sort((a, b) => a - b)) {
        if (year < span[0] || year > span[1]) continue;
        const ref = years.get(year)!;
        if (ref.inflow === null && ref.outflow === null) continue;
        compared++;
        const [inflow, outflow] = counts.get(key(place, year)) ?? [0, 0];
        if ((ref.inflow !== null && ref.inflow !== inflow) || (ref.outflow !== null && ref.outflow !== outflow)) {
          mismatches.push({ place, year, inflow, outflow, referenceInflow: ref.inflow, referenceOutflow: ref.outflow });
        }
      }
    }
  }
  return { placesWithoutFlows, compared, mismatches };
}

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The findings of {@link checkPopulation} as warning sentences (none when all is consistent).
 *
 * @example populationWarnings(check, 'country.csv');
 * // ['country.csv names 1 place without any flow in the input: CUW', …]
 */
export function populationWarnings(check: PopulationCheck, file: string): string[] {
  const out: string[] = [];
  const n = check.placesWithoutFlows.length;
  if (n) {
    const shown = check.placesWithoutFlows.slice(0, 10).join(', ');
    out.push(`${file} names ${fmt(n)} place${n === 1 ? '' : 's'} without any flow in the input: ${shown}${n > 10 ? ', …' : ''}`);
  }
  const m = check.mismatches;
  if (m.length) {
    let shortIn = 0;
    let shortOut = 0;
    for (const x of m) {
      shortIn += (x.referenceInflow ?? x.inflow) - x.inflow;
      shortOut += (x.referenceOutflow ?? x.outflow) - x.outflow;
    }
    const gap = (x: CountMismatch) =>
      Math.abs((x.referenceInflow ?? x.inflow) - x.inflow) + Math.abs((x.referenceOutflow ?? x.outflow) - x.outflow);
    const largest = [...m].sort((a, b) => gap(b) - gap(a) || compareText(a.place, b.place) || a.year - b.year).slice(0, 3);
    const examples = largest
      .map(
        (x) =>
          `${x.place} ${x.year}: in ${fmt(x.inflow)} vs ${fmt(x.referenceInflow ?? x.inflow)}, out ${fmt(x.outflow)} vs ${fmt(x.referenceOutflow ?? x.outflow)}`,
      )
      .join('; ');
    out.push(
      `${file}: the moves in the flows differ from its own counts in ${fmt(m.length)} of ${fmt(check.compared)} place-years ` +
        `(${fmt(shortIn)} in-moves and ${fmt(shortOut)} out-moves more in the table); largest: ${examples}. ` +
        `The flows probably leave out places the table counts (the SMD's enriched flows file has no Taiwan and about 20 territories); ` +
        `rates of those place-years divide fewer moves than the table's`,
    );
  }
  return out;
}
