/**
 * Districts → cities. ROR places each organisation at a GeoNames feature, and that feature is
 * sometimes not a city but a part of one: the University of Hong Kong is at "Pok Fu Lam",
 * Tokyo organisations at "Minato" or "Chiyoda City", Australian hospitals at "Darlinghurst".
 * The metro resolver knows cities, so such a place is mapped to the city it belongs to.
 *
 * Rule (all thresholds in {@link DISTRICT_DEFAULTS}):
 * 1. A place whose GeoNames id is a populated place of known population (any size), or the seat
 *    of an administrative division (PPLA…, PPLC) even of unknown population, and not a "section
 *    of populated place" (feature code PPLX), is a city: kept as is. Small towns stay themselves
 *    (Jülich stays Jülich); joining towns into metros is the metro resolver's job. (Seats of
 *    unknown population were mapped by pull before: Xuzhou became Tongshan, Sagamihara Hachiōji.)
 * 2. Any other place (PPLX, other population 0 = unknown, or a GeoNames id that is no populated place:
 *    wards, districts, municipalities-as-areas, localities) is a district. Its candidates are the
 *    cities of the same country with at least `minPopulation` inhabitants within
 *    `maxDistanceKm` (great-circle) of its coordinates.
 *    a. A candidate with the same name ("Zaragoza Municipality" → Zaragoza, "Kota Malang" →
 *       Malang) wins.
 *    b. Otherwise the candidate with the strongest pull, population / distance² (Reilly's law of
 *       retail gravitation; distance floored at 1 km), wins. Nearest-city alone fails inside
 *       large metros: Adachi (a Tokyo ward) is nearer to Sōka (Saitama) than to the Tokyo
 *       point; by pull Tokyo wins, 8.3 M/13.3² against 0.24 M/8.2².
 *    c. No candidate: the place is kept as is (`unmatched`).
 *
 * The importers now use the place resolver's rule (src/places/parent-city.ts, by GeoNames feature
 * and admin codes; `gazetteerParentCity` in node/load-ror.ts); this distance-only rule remains for
 * callers that pass their own thresholds (`districtOptions`).
 *
 * Measured on the bundled 51,370 ROR records: 47,530 sit at cities (rule 1) and 3,840 at
 * districts; of the 2,171 distinct districts (name and country), 195 map to a city of the same
 * name, 1,124 to the city of strongest pull, and 852 have no city within 30 km and are kept.
 */

import { OptionError } from '../errors.ts';

/** A GeoNames populated place (the gazetteer's GeoNames places, reshaped: see `loadGeoCities`). */
export interface GeoCity {
  id: number;
  name: string;
  /** ISO2. */
  country: string;
  /** GeoNames feature code: PPL, PPLA, PPLC, PPLX (section of populated place) ... */
  featureCode: string;
  /** 0 when GeoNames does not know it. */
  population: number;
  lat: number;
  lon: number;
}

/** A place to map: ROR's city with its GeoNames id and coordinates. */
export interface CityPoint {
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
}

/**
 * How a place's city was found: itself (`ror`), the city whose wards include it (`ward`,
 * src/places/wards.ts), a city of the same name, the seat of the smallest division it shares
 * (`admin-seat`), the capital of a city-state (`city-state`), the city of strongest pull
 * (`gravity`), or none (`unmatched`: kept as is).
 */
export type ParentCityMethod = 'ror' | 'ward' | 'same-name' | 'admin-seat' | 'city-state' | 'gravity' | 'unmatched';

/** The city a place belongs to. `method` is `ror` when the place is itself a city (rule 1). */
export interface ParentCity {
  name: string;
  country: string;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
  method: ParentCityMethod;
  /** Great-circle distance from the district to the chosen city, km (0 for `ror`/`unmatched`). */
  distanceKm: number;
}

/** Options of {@link createDistrictResolver}; defaults in {@link DISTRICT_DEFAULTS}. */
export interface DistrictOptions {
  /** Smallest population of a city a district may be mapped to. */
  minPopulation?: number;
  /** Largest great-circle distance from district to city, km. */
  maxDistanceKm?: number;
}

/** Defaults of {@link createDistrictResolver}: cities of ≥ 100,000 inhabitants within 30 km. */
export const DISTRICT_DEFAULTS: Required<DistrictOptions> = { minPopulation: 100_000, maxDistanceKm: 30 };

const EARTH_RADIUS_KM = 6371.0088;

/**
 * Great-circle distance (haversine) between two points given in degrees, in km (mean Earth radius 6,371.0088 km).
 *
 * @example haversineKm(22.26861, 114.12924, 22.27832, 114.17469) // ≈ 4.8 (Pok Fu Lam → Hong Kong)
 */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
}

// Administrative words around a district's name that the city's own name lacks.
const ADMIN_WORDS = new Set([
  'municipality',
  'city',
  'district',
  'shi',
  'ku',
  'gu',
  'si',
  'qu',
  'kota',
  'urban',
  'okrug',
  'upazila',
  'municipio',
  'de',
]);

function nameKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '' && !ADMIN_WORDS.has(w))
    .join(' ');
}

/**
 * Builds the district → city mapping over a list of GeoNames cities (pure; the Node loader
 * passes the gazetteer's GeoNames places, `loadGeoCities`). Memoised per place.
 *
 * @param cities - GeoNames populated places; ids must be GeoNames ids (ROR's `geonames_id`).
 * @param options - {@link DISTRICT_DEFAULTS}.
 * @returns a function from a place to the city it belongs to.
 * @example
 * const parentCity = createDistrictResolver(cities);
 * parentCity({ name: 'Pok Fu Lam', country: 'HK', lat: 22.26861, lon: 114.12924, geonamesId: 1819091 })
 * // { name: 'Hong Kong', country: 'HK', method: 'gravity', distanceKm: 4.8, ... }
 */
export function createDistrictResolver(cities: readonly GeoCity[], options: DistrictOptions = {}): (place: CityPoint) => ParentCity {
  const minPopulation = options.minPopulation ?? DISTRICT_DEFAULTS.minPopulation;
  const maxDistanceKm = options.maxDistanceKm ?? DISTRICT_DEFAULTS.maxDistanceKm;
  if (!(minPopulation >= 0)) throw new OptionError('minPopulation', minPopulation, 'a population ≥ 0');
  if (!(maxDistanceKm > 0) || !Number.isFinite(maxDistanceKm))
    throw new OptionError('maxDistanceKm', maxDistanceKm, 'a finite distance > 0 km');

  const byId = new Map<number, GeoCity>();
  const bigByCountry = new Map<string, GeoCity[]>();
  for (const c of cities) {
    byId.set(c.id, c);
    if (c.population >= minPopulation && c.featureCode !== 'PPLX') {
      let list = bigByCountry.get(c.country);
      if (!list) bigByCountry.set(c.country, (list = []));
      list.push(c);
    }
  }
  const memo = new Map<string, ParentCity>();

  return (place) => {
    const key = `${place.geonamesId}|${place.name}|${place.country}|${place.lat}|${place.lon}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const keep = (method: ParentCityMethod): ParentCity => ({ ...place, method, distanceKm: 0 });
    let result: ParentCity;
    const own = place.geonamesId === null ? undefined : byId.get(place.geonamesId);
    // A seat of an administrative division is a city even when GeoNames has no population for it
    // (Xuzhou, Sagamihara, Chiayi City: population 0, PPLA2); mapping those by pull renamed them.
    if (own && own.featureCode !== 'PPLX' && (own.population > 0 || /^PPL(A\d?|C)$/.test(own.featureCode))) result = keep('ror');
    else if (place.lat === null || place.lon === null) result = keep('unmatched');
    else {
      const { lat, lon } = place;
      const near = (bigByCountry.get(place.country) ?? [])
        .map((c) => ({ c, d: haversineKm(lat, lon, c.lat, c.lon) }))
        .filter((x) => x.d <= maxDistanceKm);
      const want = nameKey(place.name);
      const pull = (x: { c: GeoCity; d: number }) => x.c.population / Math.max(x.d, 1) ** 2;
      const sameName = near.filter((x) => want !== '' && nameKey(x.c.name) === want).sort((a, b) => a.d - b.d)[0];
      const best = sameName ?? near.sort((a, b) => pull(b) - pull(a) || a.c.id - b.c.id)[0];
      result = best
        ? {
            name: best.c.name,
            country: best.c.country,
            lat: best.c.lat,
            lon: best.c.lon,
            geonamesId: best.c.id,
            method: sameName ? 'same-name' : 'gravity',
            distanceKm: best.d,
          }
        : keep('unmatched');
    }
    memo.set(key, result);
    return result;
  };
}
