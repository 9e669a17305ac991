/**
 * Building {@link Place}s: a metro, a city, or a country, with the country's name, region and
 * subregion from world-countries and coordinates from the gazetteer.
 */
import { countryByIso2, countryPlace } from './countries.ts';
import type { Gazetteer, GazetteerCity } from './gazetteer.ts';
import { locateMember, locatePrincipal, type Metro, type MetroMatch } from './metros.ts';
import { normalizeName } from './normalize.ts';
import type { Place, PlaceLevel } from './types.ts';

/** What a name was found as, before the level turns it into a place. */
export type PlaceHit = { kind: 'metro'; match: MetroMatch } | { kind: 'city'; city: GazetteerCity };

function withCountry(
  fields: { id: string; label: string; level: PlaceLevel; lat: number | null; lon: number | null },
  country: string,
): Place {
  const info = countryByIso2(country);
  return Object.freeze({
    ...fields,
    country,
    countryName: info?.name ?? null,
    region: info?.region ?? null,
    subregion: info?.subregion ?? null,
  });
}

/**
 * A metro place: id and label = the metro name, coordinates = its principal city's.
 *
 * @example metroPlace(findMetroByName('boston')!, loadGazetteer()).id // 'Boston'
 */
export function metroPlace(metro: Metro, gazetteer: Gazetteer): Place {
  const principal = locatePrincipal(metro, gazetteer);
  return withCountry(
    { id: metro.name, label: metro.name, level: 'metro', lat: principal?.lat ?? null, lon: principal?.lon ?? null },
    metro.country,
  );
}

/**
 * A city place: id = `Name, CC` with the gazetteer's canonical name, label = that name.
 *
 * @example cityPlace(loadGazetteer().find('nanjing', 'CN')[0]!).id // 'Nanjing, CN'
 */
export function cityPlace(city: GazetteerCity): Place {
  return withCountry({ id: `${city.name}, ${city.country}`, label: city.name, level: 'city', lat: city.lat, lon: city.lon }, city.country);
}

/**
 * The city place of a metro member. A member the gazetteer lacks (a neighbourhood such as
 * Boston's Chestnut Hill) keeps the report's spelling and takes its metro's coordinates.
 *
 * @example memberPlace(findMetroMember('chestnut hill', 'US')!, loadGazetteer()).id // 'Chestnut Hill, US'
 */
export function memberPlace(match: MetroMatch, gazetteer: Gazetteer): Place {
  const city = locateMember(match, gazetteer);
  if (city) return cityPlace(city);
  const principal = locatePrincipal(match.metro, gazetteer);
  return withCountry(
    {
      id: `${match.member}, ${match.metro.country}`,
      label: match.member,
      level: 'city',
      lat: principal?.lat ?? null,
      lon: principal?.lon ?? null,
    },
    match.metro.country,
  );
}

/**
 * The ISO2 country of a hit.
 *
 * @example hitCountry({ kind: 'metro', match: findMetroMember('cambridge', 'US')! }) // 'US'
 */
export function hitCountry(hit: PlaceHit): string {
  return hit.kind === 'metro' ? hit.match.metro.country : hit.city.country;
}

/**
 * The place a hit stands for at a level: at `metro` level a member joins its metro and any
 * other city stays itself; at `city` level every hit is a city; at `country` level it is the
 * hit's country. Null only at country level when the gazetteer's country code is not in
 * world-countries.
 *
 * @example placeOf({ kind: 'metro', match: findMetroMember('cambridge', 'US')! }, 'city', loadGazetteer())?.id // 'Cambridge, US'
 */
export function placeOf(hit: PlaceHit, level: PlaceLevel, gazetteer: Gazetteer): Place | null {
  if (level === 'country') {
    const info = countryByIso2(hitCountry(hit));
    return info ? Object.freeze(countryPlace(info)) : null;
  }
  if (hit.kind === 'city') return cityPlace(hit.city);
  return level === 'metro' ? metroPlace(hit.match.metro, gazetteer) : memberPlace(hit.match, gazetteer);
}

/**
 * How a hit reads in a suggestion: `Name, CC`, followed by the metro in parentheses when the
 * city belongs to one (`Cambridge, US (Boston)`); a metro's own city reads `Boston, US`.
 *
 * @example describeHit({ kind: 'metro', match: findMetroMember('cambridge', 'US')! }, loadGazetteer()) // 'Cambridge, US (Boston)'
 */
export function describeHit(hit: PlaceHit, gazetteer: Gazetteer): string {
  if (hit.kind === 'city') return `${hit.city.name}, ${hit.city.country}`;
  const { metro, member, spelling } = hit.match;
  // Name the spelling that matched when it is another place's name (a Tokyo ward), not a variant of the member's.
  const city = normalizeName(spelling) === normalizeName(member) ? memberPlace(hit.match, gazetteer).id : `${spelling}, ${metro.country}`;
  return normalizeName(city) === normalizeName(`${metro.name}, ${metro.country}`) ? city : `${city} (${metro.name})`;
}
