/**
 * Resolving a parsed population table to places at the run's level, like any place name: a
 * name that does not resolve is a problem with suggestions, an assumption a warning. Rows that
 * resolve to the same place and year add up (member cities of one metro; several names of one
 * country), so a population is always that of the place as the graph sees it.
 */
import type { Place, PlaceResolver } from '../places/types.ts';
import type { PopulationRecord } from './parse-population.ts';
import { resolveEnd } from './resolve-moves.ts';
import type { Problem } from './types.ts';

/** The moves into and out of a place in a year as a population table counts them. */
export interface ReferenceCounts {
  inflow: number | null;
  outflow: number | null;
}

/** What {@link resolvePopulation} returns. */
export interface ResolvedPopulation {
  /** Place id → year → researchers. */
  population: Map<string, Map<number, number>>;
  /** Place id → year → the table's own in/out counts; null when the table has neither column. */
  reference: Map<string, Map<number, ReferenceCounts>> | null;
  problems: Problem[];
  /** Every place a row resolved to, by id. */
  places: Map<string, Place>;
  /** Rows used. */
  records: number;
}

const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/**
 * Resolves each record's `place` (with `country`) to a place id and sums rows of one place-year.
 *
 * @param file - the population file's name, written into problems.
 * @example
 * const { population } = resolvePopulation(read.records, createPlaceResolver({ level: 'country' }), 'pop.csv');
 * population.get('CHN')?.get(2018); // 1000
 */
export function resolvePopulation(records: readonly PopulationRecord[], resolver: PlaceResolver, file: string): ResolvedPopulation {
  const population = new Map<string, Map<number, number>>();
  const hasReference = records.some((r) => r.inflow !== null || r.outflow !== null);
  const reference = hasReference ? new Map<string, Map<number, ReferenceCounts>>() : null;
  const problems: Problem[] = [];
  const places = new Map<string, Place>();
  let used = 0;
  for (const r of records) {
    const place = resolveEnd(resolver, r.place, r.country, 'place', file, r.line, problems);
    if (!place) continue;
    used++;
    places.set(place.id, place);
    let years = population.get(place.id);
    if (!years) population.set(place.id, (years = new Map()));
    years.set(r.year, (years.get(r.year) ?? 0) + r.population);
    if (reference) {
      let ref = reference.get(place.id);
      if (!ref) reference.set(place.id, (ref = new Map()));
      const prev = ref.get(r.year);
      ref.set(
        r.year,
        prev ? { inflow: add(prev.inflow, r.inflow), outflow: add(prev.outflow, r.outflow) } : { inflow: r.inflow, outflow: r.outflow },
      );
    }
  }
  return { population, reference, problems, places, records: used };
}
