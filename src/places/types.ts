/** Places: the nodes of the flow graph, at one of three levels. */
import type { PlaceHint } from './by-geonames.ts';

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

/** Outcome of resolving one (name, country) pair. */
export type PlaceResolution =
  | {
      ok: true;
      place: Place;
      /** Set when the place was resolved by an assumption (e.g. no country given); reported as a warning. */
      warning?: { reason: 'assumed-country'; message: string };
    }
  | {
      ok: false;
      reason: 'unknown-place' | 'ambiguous-place' | 'unknown-country' | 'empty-place';
      message: string;
      /** Nearest known names ("Cambridge, GB", "Boston"), best first. */
      suggestions: string[];
    };

/** Resolves raw names to places at one level. Memoises, so calling it once per row is cheap. */
export interface PlaceResolver {
  readonly level: PlaceLevel;
  resolve(name: string, country: string | null): PlaceResolution;
  /**
   * Like `resolve`, placing the row by what its source knew besides the name (GeoNames id,
   * coordinates, region; see `by-geonames.ts`) when it knew anything. Optional: a resolver
   * without it places by name only.
   */
  resolveAt?(name: string, country: string | null, hint: PlaceHint): PlaceResolution;
}

/** A user alias: `name` (in `country`, optional) is the place `target` (in `targetCountry`, optional). */
export interface PlaceAlias {
  name: string;
  country: string | null;
  target: string;
  targetCountry: string | null;
}
