/** Places: the nodes of the flow graph, at one of three levels. */

export type PlaceLevel = 'metro' | 'city' | 'country';

/** The levels a graph's places can be at: metro areas, cities, countries. */
export const PLACE_LEVELS: readonly PlaceLevel[] = Object.freeze(['metro', 'city', 'country']);

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
      /** GeoNames id of the city the name resolved to (before the level joins it to a metro), or null (a metro member GeoNames lacks, a country). */
      geonamesId?: number | null;
      /** Set when the match was not literal (an alternate name, a district, a choice among namesakes ...): what a user audits. */
      via?: PlaceVia;
    }
  | {
      ok: false;
      reason: 'unknown-place' | 'ambiguous-place' | 'unknown-country' | 'empty-place';
      message: string;
      /** Nearest known names ("Cambridge, GB", "Boston"), best first. */
      suggestions: string[];
    };

/**
 * A step of a non-literal match, in the order taken:
 * - `alias`: a user alias;
 * - `member-spelling`: another spelling of a metro member (Peking, a Tokyo ward, a NYC borough);
 * - `alternate-name`: a GeoNames alternate name (another language or script, an exonym, an ASCII form);
 * - `ror-name`: the ROR registry's name for the place, where GeoNames names it otherwise;
 * - `short-form`: the name without an administrative word (Seongnam-si → Seongnam, Chūō-ku → Chūō);
 * - `ror-place`: a place only the ROR registry names (a ward, a municipality);
 * - `district`: a district, ward or neighbourhood mapped to its city (Northridge → Los Angeles);
 * - `most-organisations`: one of several places of that name, holding far more ROR organisations than the others;
 * - `most-populous`: one of several places of that name, far more populous than the others;
 * - `ror-spelling`: one of several places of that name, the only one ROR spells so ("Nishi Ku", Yokohama's; "Nishi-ku" names several).
 */
export type MatchStep =
  | 'alias'
  | 'qualifier'
  | 'member-spelling'
  | 'alternate-name'
  | 'ror-name'
  | 'short-form'
  | 'ror-place'
  | 'district'
  | 'most-organisations'
  | 'most-populous'
  | 'ror-spelling';

/** How a name was matched when not literally. */
export interface PlaceVia {
  steps: MatchStep[];
  /** What was matched, in words ("alternate name of Beijing", "Northridge (section of populated place) → Los Angeles, admin seat"). */
  detail: string;
}

/** One non-literal resolution: a (name, country) pair and how it was matched (a row of `resolutions.csv`). */
export interface ResolutionRecord {
  name: string;
  /** The record's country value as given, or null. */
  country: string | null;
  place: Place;
  geonamesId: number | null;
  via: PlaceVia;
}

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
  /**
   * The distinct pairs this resolver has resolved through something other than their literal
   * name (alternate names, districts, ROR, a choice among namesakes, aliases), sorted by name then
   * country in code-unit order. Optional for other implementations.
   */
  resolutions?(): ResolutionRecord[];
}

/** A user alias: `name` (in `country`, optional) is the place `target` (in `targetCountry`, optional). */
export interface PlaceAlias {
  name: string;
  country: string | null;
  target: string;
  targetCountry: string | null;
}

/** What a source knew of a row's place besides its name and country; every field optional. */
export interface PlaceHint {
  /** GeoNames id of the city. */
  geonamesId?: number | null;
  /** WGS84 degrees. */
  lat?: number | null;
  lon?: number | null;
  /** First-level subdivision as the source writes it ("Delaware", "DE", "Massachusetts"). */
  region?: string | null;
}
