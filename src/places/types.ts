/** Places: the nodes of the flow graph, at one of three levels. */

export type PlaceLevel = 'metro' | 'city' | 'country';

/**
 * A resolved place. `id` is the graph node key:
 * - metro: the metro name (`Boston`, `Hong Kong`);
 * - city: `City, CC` with the ISO2 country code (`Cambridge, GB`); at metro level a city
 *   outside every metro stays a city with this id;
 * - country: the ISO 3166-1 alpha-3 code (`USA`).
 */
export interface Place {
  id: string;
  label: string;
  level: PlaceLevel;
  /** ISO 3166-1 alpha-2 code, or null when unknown. */
  country: string | null;
  countryName: string | null;
  /** World region (world-countries' region, e.g. "Asia", "Americas", "Europe"). */
  region: string | null;
  /** Subregion (e.g. "Eastern Asia", "Northern America"). */
  subregion: string | null;
  lat: number | null;
  lon: number | null;
}
