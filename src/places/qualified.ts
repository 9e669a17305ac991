/**
 * Names written with what tells namesakes apart: "Columbia (South Carolina)", "Columbia, SC",
 * "Marāgheh (GeoNames 124877)", "Nishi-ku (Osaka)". These are the forms the ids of namesake
 * cities take (./namesakes.ts), so a place id from an output reads back as the same place, and
 * what an `ambiguous-place` problem suggests writing: a moves table has no region or GeoNames
 * column per place, so the name itself must say which one.
 *
 * A qualifier, in a trailing "(…)" or after the last comma, selects among the places of the name
 * that precedes it in the row's country:
 * 1. "GeoNames N": the place of that id, or the city such a place belongs to;
 * 2. a first-level region by name or abbreviation where this project reads them (US states,
 *    Canadian provinces, Australian states): the most populous place of the name there;
 * 3. the name of the city a place belongs to: a ward names its city ("Nishi-ku (Osaka)").
 * Read only when the name as written is no place: "Halle (Saale)" is GeoNames' own name.
 */
import { admin1Code } from './by-geonames.ts';
import { shortKey, type Gazetteer, type GazetteerCity } from './gazetteer.ts';
import { namesakeQualifier } from './namesakes.ts';
import { normalizeName } from './normalize.ts';

/** A name split into the place's name and its qualifier. */
export interface QualifiedName {
  base: string;
  qualifier: string;
}

/**
 * The name and qualifier of "Name (Qualifier)" or "Name, Qualifier", or null.
 *
 * @example splitQualifier('Columbia (South Carolina)') // { base: 'Columbia', qualifier: 'South Carolina' }
 * @example splitQualifier('Columbia, SC') // { base: 'Columbia', qualifier: 'SC' }
 */
export function splitQualifier(name: string): QualifiedName | null {
  const m = /^(.*[^\s(])\s*\(([^()]+)\)\s*$/.exec(name) ?? /^(.*[^\s,]),\s*([^,]+)$/.exec(name);
  if (!m) return null;
  const base = m[1]!.trim();
  const qualifier = m[2]!.trim();
  return base !== '' && qualifier !== '' ? { base, qualifier } : null;
}

/**
 * The city a qualified name means: the place among those of `base` in `country` that the
 * qualifier selects, as its city (a ward is its city). Null when the qualifier selects none, or
 * (rule 3) several cities.
 *
 * @example qualifiedCity({ base: 'Columbia', qualifier: 'SC' }, 'US', loadGazetteer())?.id // 4575352
 */
export function qualifiedCity(q: QualifiedName, country: string, g: Gazetteer): GazetteerCity | null {
  const key = normalizeName(q.base);
  if (key === '') return null;
  const places = [...new Set([...g.find(key, country), ...g.find(shortKey(key), country)])];
  if (places.length === 0) return null;
  const cityOf = (c: GazetteerCity): GazetteerCity => g.parentOf(c).city;
  const id = /^geonames\s*(\d+)$/i.exec(q.qualifier);
  if (id) {
    const n = Number(id[1]);
    const own = places.find((c) => c.id === n || cityOf(c).id === n);
    return own ? cityOf(own) : null;
  }
  const code = admin1Code(country, q.qualifier);
  if (code) {
    const inRegion = places.filter((c) => c.admin[0] === code);
    return inRegion.length > 0 ? cityOf(inRegion.reduce((a, b) => (b.population > a.population ? b : a))) : null;
  }
  const want = normalizeName(q.qualifier);
  const cities = [...new Set(places.map(cityOf))].filter((c) => normalizeName(c.name) === want || shortKey(normalizeName(c.name)) === want);
  return cities.length === 1 ? cities[0]! : null;
}

/**
 * How to write `name` so that it means `city` (one of the cities the name is shared by): the
 * city's name with its namesake qualifier when the name is the city's own ("Columbia (South
 * Carolina)"), else the name qualified by its city ("Nishi-ku (Osaka)").
 *
 * @example qualifiedNameOf('Columbia', columbiaSC, loadGazetteer()) // 'Columbia (South Carolina)'
 */
export function qualifiedNameOf(name: string, city: GazetteerCity, g: Gazetteer): string {
  const key = normalizeName(name);
  const own = normalizeName(city.name);
  return own === key || own === shortKey(key) ? `${city.name} (${namesakeQualifier(city, g)})` : `${name} (${city.name})`;
}
