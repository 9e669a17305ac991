/**
 * `resolutions.csv`: every place name of the input that was resolved through something other than
 * its literal name (an alternate name or script, ROR's spelling, a ward or district mapped to its
 * city, a choice among namesakes, a user alias), so that a user can audit each such match and
 * override it with an alias.
 */
import type { ResolutionRecord } from '../places/types.ts';
import type { Table } from './csv.ts';

/** The columns of `resolutions.csv`, in order. */
export const RESOLUTIONS_COLUMNS: readonly string[] = ['name', 'country', 'place', 'geonames_id', 'match', 'detail'];

/**
 * The resolutions table: the name and country as written in the input, the place (graph node id)
 * it became, the GeoNames id of the city it resolved to (empty when unknown), the match steps
 * (`+`-joined, see `MatchStep`), and what was matched in words. One row per distinct (name,
 * country), sorted by name then country.
 *
 * @example resolutionsTable(resolver.resolutions()).rows[0] // { name: 'Northridge', country: 'US', place: 'Los Angeles, US', geonames_id: 5368361, match: 'most-organisations+district', detail: '…' }
 */
export function resolutionsTable(records: readonly ResolutionRecord[]): Table {
  const rows = records.map((r) => ({
    name: r.name,
    country: r.country,
    place: r.place.id,
    geonames_id: r.geonamesId,
    match: r.via.steps.join('+'),
    detail: r.via.detail,
  }));
  return { columns: [...RESOLUTIONS_COLUMNS], rows };
}
