/**
 * Placing a row by what its source knew of the place, not by its name alone: a GeoNames id,
 * coordinates, or a first-level region. Real sources carry these (ROR: the GeoNames id and point
 * of an organisation's city; ORCID: the address region), and without them the resolver takes the
 * most populous place of a name: the University of Delaware (Newark, DE) would land in the New
 * York metro at Newark, NJ, Indiana University Bloomington in Minnesota.
 *
 * Rules, first that applies:
 * 1. `geonamesId`: the gazetteer place of that id in the row's country (any place of GeoNames'
 *    cities500, or a place only ROR names); an id of another country, or a row without a
 *    country, is not used. The id wins over the name: a row named "Tongshan" with Xuzhou's id
 *    is Xuzhou.
 * 2. `lat`/`lon`: among the gazetteer's places of that name in that country, the one nearest the
 *    coordinates (great circle) if within 50 km; else the nearest within 50 km whose GeoNames
 *    name is that name with a qualifier ("Halle" → "Halle (Saale)"); else the nearest place of
 *    any name within 25 km (a village, ward or park has none of its own); else `unknown-place`:
 *    a row is never placed by its name far from where its source put it (Harlem, Montana is
 *    not Harlem, New York).
 * 3. `region` (US states, Canadian provinces, Australian states, by name or postal abbreviation,
 *    as ORCID and ROR write them): the most populous place of that name in that region. Regions
 *    elsewhere are carried, not used (their GeoNames codes are not the names sources write).
 * 4. Otherwise, or when nothing above finds a place, or when the user aliased the name: the
 *    resolver's own rules by name.
 * A place found by rules 1–3 stands for its city (the gazetteer's district rule: a ward of
 * Yokohama is Yokohama), which becomes a place as the resolver makes one (metro member → metro,
 * else a city, qualified when it is a namesake the name alone does not mean: see `namesakes.ts`).
 */
import { resolveCountry } from './countries.ts';
import { shortKey, type Gazetteer, type GazetteerCity } from './gazetteer.ts';
import { metroOfCity } from './metros.ts';
import { normalizeName } from './normalize.ts';
import { km } from './parent-city.ts';
import { placeOf } from './place-builders.ts';
import type { Place, PlaceHint, PlaceLevel, PlaceResolution } from './types.ts';

export type { PlaceHint } from './types.ts';

/** True when the hint holds anything {@link createHintResolution} can use. */
export function hasPlaceHint(hint: PlaceHint | null | undefined): hint is PlaceHint {
  if (!hint) return false;
  return (hint.geonamesId ?? null) !== null || ((hint.lat ?? null) !== null && (hint.lon ?? null) !== null) || !!hint.region;
}

const US_STATES: Record<string, string> = {
  alabama: 'AL',
  alaska: 'AK',
  arizona: 'AZ',
  arkansas: 'AR',
  california: 'CA',
  colorado: 'CO',
  connecticut: 'CT',
  delaware: 'DE',
  'district of columbia': 'DC',
  florida: 'FL',
  georgia: 'GA',
  hawaii: 'HI',
  idaho: 'ID',
  illinois: 'IL',
  indiana: 'IN',
  iowa: 'IA',
  kansas: 'KS',
  kentucky: 'KY',
  louisiana: 'LA',
  maine: 'ME',
  maryland: 'MD',
  massachusetts: 'MA',
  michigan: 'MI',
  minnesota: 'MN',
  mississippi: 'MS',
  missouri: 'MO',
  montana: 'MT',
  nebraska: 'NE',
  nevada: 'NV',
  'new hampshire': 'NH',
  'new jersey': 'NJ',
  'new mexico': 'NM',
  'new york': 'NY',
  'north carolina': 'NC',
  'north dakota': 'ND',
  ohio: 'OH',
  oklahoma: 'OK',
  oregon: 'OR',
  pennsylvania: 'PA',
  'rhode island': 'RI',
  'south carolina': 'SC',
  'south dakota': 'SD',
  tennessee: 'TN',
  texas: 'TX',
  utah: 'UT',
  vermont: 'VT',
  virginia: 'VA',
  washington: 'WA',
  'west virginia': 'WV',
  wisconsin: 'WI',
  wyoming: 'WY',
  'puerto rico': 'PR',
};
const US_CODES = new Set(Object.values(US_STATES));

/** The US state code (GeoNames admin1) of a state name or postal code, or null. */
export function usStateCode(region: string): string | null {
  const key = normalizeName(region);
  const code = US_STATES[key] ?? key.toUpperCase();
  return US_CODES.has(code) ? code : null;
}

// Canadian provinces and Australian states: name and postal abbreviation → GeoNames admin1 code
// (checked against the capitals in GeoNames: Toronto 08, Montréal 10, Sydney 02, Melbourne 07 ...).
const ADMIN1_CODES: Record<string, Record<string, string>> = {
  CA: {
    alberta: '01',
    ab: '01',
    'british columbia': '02',
    bc: '02',
    manitoba: '03',
    mb: '03',
    'new brunswick': '04',
    nb: '04',
    'newfoundland and labrador': '05',
    newfoundland: '05',
    nl: '05',
    'nova scotia': '07',
    ns: '07',
    ontario: '08',
    on: '08',
    'prince edward island': '09',
    pe: '09',
    quebec: '10',
    qc: '10',
    saskatchewan: '11',
    sk: '11',
    yukon: '12',
    yt: '12',
    'northwest territories': '13',
    nt: '13',
    nunavut: '14',
    nu: '14',
  },
  AU: {
    'australian capital territory': '01',
    act: '01',
    'new south wales': '02',
    nsw: '02',
    'northern territory': '03',
    nt: '03',
    queensland: '04',
    qld: '04',
    'south australia': '05',
    sa: '05',
    tasmania: '06',
    tas: '06',
    victoria: '07',
    vic: '07',
    'western australia': '08',
    wa: '08',
  },
};

/** The GeoNames admin1 code of a region written by name or abbreviation, in the US, Canada or Australia; else null. */
export function admin1Code(country: string, region: string): string | null {
  if (country === 'US') return usStateCode(region);
  return ADMIN1_CODES[country]?.[normalizeName(region)] ?? null;
}

const title = (words: string): string => words.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/ (Of|And) /g, (w) => w.toLowerCase());

/**
 * The name of a first-level subdivision from its GeoNames admin1 code, in the US, Canada or
 * Australia (the tables above); else null.
 *
 * @example admin1Name('US', 'DE') // 'Delaware'
 */
export function admin1Name(country: string, code: string): string | null {
  const table = country === 'US' ? US_STATES : ADMIN1_CODES[country];
  let best: string | null = null;
  for (const [name, c] of Object.entries(table ?? {})) if (c === code && (best === null || name.length > best.length)) best = name;
  return best === null ? null : title(best);
}

/** How near a same-name city must be to the row's coordinates before a qualified name ("Halle (Saale)") is looked for, km. */
const QUALIFIED_KM = 50;
/** How near the nearest city of any name must be when no city of the row's name is near its coordinates, km. */
const NEAREST_KM = 25;
const FAR = Symbol('far');

/** What {@link createHintResolution} needs of the resolver it extends. */
export interface HintResolutionContext {
  level: PlaceLevel;
  gazetteer: () => Gazetteer;
  /** The resolver's own rules, by name (rule 4). */
  resolve: (name: string, country: string | null) => PlaceResolution;
  /** The place of a city that is no metro member, as the resolver makes it (namesakes told apart, see `namesakes.ts`); default: as is. */
  cityPlace?: (place: Place, city: GazetteerCity) => Place;
  /** True when the row must be placed by its name whatever its hint (a user alias for it). */
  byName?: (name: string, country: string | null) => boolean;
}

/**
 * The hint-aware resolution of one resolver: `(name, country, hint) → PlaceResolution`,
 * memoised by all four. See the rules at the top of this file.
 *
 * @example
 * const at = createHintResolution({ level: 'metro', gazetteer: loadGazetteer, resolve: places.resolve });
 * at('Newark', 'US', { geonamesId: 4143861 }).place.id // 'Newark (Delaware), US', not 'New York'
 */
export function createHintResolution(
  context: HintResolutionContext,
): (name: string, country: string | null, hint: PlaceHint) => PlaceResolution {
  const memo = new Map<string, PlaceResolution>();
  // A place of the gazetteer as the row's city: a ward or district (ROR files organisations under
  // them) is its city, as when the name alone finds it.
  const cityOfPlace = (c: GazetteerCity): GazetteerCity => context.gazetteer().parentOf(c).city;

  const cityFor = (name: string, iso2: string | null, hint: PlaceHint): GazetteerCity | typeof FAR | null => {
    const g = context.gazetteer();
    const id = hint.geonamesId ?? null;
    const key = normalizeName(name);
    const named = iso2 && key !== '' ? [...new Set([...g.find(key, iso2), ...g.find(shortKey(key), iso2)])] : [];
    if (id !== null && iso2) {
      const own = named.find((c) => c.id === id) ?? g.byId(id, iso2);
      if (own) return cityOfPlace(own);
    }
    const { lat, lon } = hint;
    if (lat != null && lon != null && Number.isFinite(lat) && Number.isFinite(lon) && iso2) {
      const nearest = (list: readonly GazetteerCity[]) => {
        let best: GazetteerCity | null = null;
        let bestKm = Infinity;
        for (const c of list) {
          const d = km({ lat, lon }, c);
          if (d < bestKm) [best, bestKm] = [c, d];
        }
        return { best, bestKm };
      };
      const same = nearest(named);
      if (same.best && same.bestKm <= QUALIFIED_KM) return cityOfPlace(same.best);
      // "Halle" at Halle (Saale)'s coordinates: GeoNames writes the name with a qualifier.
      const qualifiedKeys = key === '' ? [] : g.keys(iso2).filter((k) => k.startsWith(`${key} `));
      const qualified = nearest([...new Set(qualifiedKeys.flatMap((k) => g.find(k, iso2)))]);
      if (qualified.best && qualified.bestKm <= QUALIFIED_KM) return cityOfPlace(qualified.best);
      // No city of that name near the point (a village under 500 inhabitants, a ward, a
      // national park): the nearest place there is, if one is close; never one far away.
      const around = g.nearest(lat, lon, iso2);
      if (around && around.km <= NEAREST_KM) return cityOfPlace(around.city);
      return FAR;
    }
    if (hint.region && iso2 && key !== '') {
      const code = admin1Code(iso2, hint.region);
      const inRegion = code ? named.filter((c) => c.admin[0] === code) : [];
      if (inRegion.length > 0) return cityOfPlace(inRegion.reduce((a, b) => (b.population > a.population ? b : a)));
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
      const made = placeOf(member ? { kind: 'metro', match: member } : { kind: 'city', city }, context.level, g);
      const place = made && !member && context.cityPlace ? context.cityPlace(made, city) : made;
      result = place ? Object.freeze({ ok: true as const, place, geonamesId: city.id }) : context.resolve(name, country);
    } else result = context.resolve(name, country);
    memo.set(memoKey, result);
    return result;
  };
}
