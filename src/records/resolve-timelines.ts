/**
 * Resolving parsed timeline rows to places, producing the columnar `TimelineRows` the timeline
 * derivations walk. A row whose place does not resolve is skipped with a problem (resolver's
 * reason and suggestions); its publications are then missing from the researcher's counts, which
 * is why unresolved places are errors, not warnings. Assumptions are warnings; the row is kept.
 */
import { hasPlaceHint } from '../places/by-geonames.ts';
import type { Place, PlaceResolver } from '../places/types.ts';
import { TimelineRowsBuilder, type TimelineRows } from '../timelines/rows.ts';
import { resolveEnd } from './resolve-moves.ts';
import type { Problem, TimelineRecord } from './types.ts';

/** What {@link resolveTimelines} returns. */
export interface ResolvedTimelines {
  rows: TimelineRows;
  problems: Problem[];
  /** Every place a kept row resolved to, by id. */
  places: Map<string, Place>;
}

/**
 * Resolves each record's `place` (with `country`) to a place id.
 *
 * @param file - the input's name, written into problems.
 * @example
 * const { rows, problems, places } = resolveTimelines(read.records, resolver, 'timelines.csv.gz');
 * const summary = summariseTimelines(rows, { window: [2019, 2023] });
 */
export function resolveTimelines(records: readonly TimelineRecord[], resolver: PlaceResolver, file: string): ResolvedTimelines {
  const builder = new TimelineRowsBuilder(records.length);
  const problems: Problem[] = [];
  const places = new Map<string, Place>();
  const at = resolver.resolveAt?.bind(resolver);
  for (const r of records) {
    // A row whose source knew the place's GeoNames id, coordinates or region is placed by them.
    const hinted =
      at && hasPlaceHint(r) ? { level: resolver.level, resolve: (name: string, country: string | null) => at(name, country, r) } : resolver;
    const place = resolveEnd(hinted, r.place, r.country, 'place', file, r.line, problems);
    if (place === null) continue;
    places.set(place.id, place);
    builder.add(r.researcherId, r.year, place.id, r.publications, r.discipline);
  }
  return { rows: builder.build(), problems, places };
}
