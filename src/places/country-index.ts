/**
 * A country's names and places indexed in memory, from place records: what `createGazetteer`
 * builds for a caller's own data, and what scripts/build-gazetteer.ts writes out in the compact
 * form that `loadGazetteer` reads (./country-file.ts), so that both answer alike.
 *
 * Names are looked up in tiers, first match wins: a place's own name (and ROR's spelling of it),
 * then its alternate names and exonyms, then its name without an administrative word
 * ("Seongnam-si" is found as "Seongnam").
 */
import { EXONYMS } from './exonyms.ts';
import type { CountryIndex, GazetteerCity, NameMatch, RawCity } from './gazetteer-types.ts';
import { TIERS } from './gazetteer-types.ts';
import { normalizeName } from './normalize.ts';
import { createParentRule, km } from './parent-city.ts';

/** Historical, abandoned and destroyed places are not where anyone works today. */
export const SKIPPED_FEATURES: ReadonlySet<string> = new Set(['PPLH', 'PPLQ', 'PPLW']);

const ADMIN_SUFFIX = / (?:si|shi|gun|city|stad)$/;
const SHORT_WORDS = new Set(['si', 'shi', 'gun', 'city', 'stad']);

/**
 * A normalised name without a trailing administrative word (`si`, `shi`, `gun`, `city`,
 * `stad`): GeoNames and records spell "Seongnam-si" / "Seongnam", "New York City" / "New York",
 * "Chiyoda City" / "Chiyoda" either way. Returns the key unchanged when it has no such word.
 *
 * @example shortKey('seongnam si') // 'seongnam'
 */
export function shortKey(key: string): string {
  const short = key.replace(ADMIN_SUFFIX, '');
  return short === '' ? key : short;
}

/** One tier of names: key → places, most populous first. */
export type Tier = Map<string, GazetteerCity[]>;

/** A country indexed in memory; `tiers`, `rorCounts` and `rorNamed` are what the compact file holds. */
export interface MemoryCountryIndex extends CountryIndex {
  country: string;
  /** Every place kept, in input order. */
  cities: readonly GazetteerCity[];
  tiers: readonly [Tier, Tier, Tier];
  /** `key|id` of the first-tier entries that are ROR's names. */
  rorNamed: ReadonlySet<string>;
  /** `key|id` → ROR organisations naming the place so. */
  rorCounts: ReadonlyMap<string, number>;
}

const LATIN_KEY = /^[\p{Script=Latin}\p{N} ]+$/u;

/** Places by population, largest first, then by GeoNames id. */
export const byPopulation = (a: GazetteerCity, b: GazetteerCity): number => b.population - a.population || a.id - b.id;

/** Whether a key of the alternate tier only is offered as a suggestion: not in the Latin script. */
export const suggestsAlternate = (key: string): boolean => !LATIN_KEY.test(key);

function add(tier: Tier, key: string, city: GazetteerCity): void {
  if (key === '') return;
  const list = tier.get(key);
  if (!list) tier.set(key, [city]);
  else if (!list.includes(city)) list.push(city);
}

// The short form of a key (see shortKey), indexed in the third tier; cheap for the many keys without one.
function addShort(tier: Tier, key: string, city: GazetteerCity): void {
  const space = key.lastIndexOf(' ');
  if (space > 0 && SHORT_WORDS.has(key.slice(space + 1))) add(tier, key.slice(0, space), city);
}

function addOther(tiers: [Tier, Tier, Tier], other: string, key: string, city: GazetteerCity): void {
  if (other === key) return;
  add(tiers[1], other, city);
  addShort(tiers[2], other, city);
}

/** A place record as the gazetteer keeps it, or null when it is skipped (historical, or no name). */
export function cityOf(raw: RawCity, country: string): GazetteerCity | null {
  if (raw.featureCode && SKIPPED_FEATURES.has(raw.featureCode)) return null;
  if (normalizeName(raw.name) === '') return null;
  return {
    id: raw.cityId,
    name: raw.name,
    country,
    population: raw.population,
    lat: raw.loc.coordinates[1],
    lon: raw.loc.coordinates[0],
    feature: raw.featureCode ?? 'PPL',
    admin: raw.admin ?? [],
    source: raw.source ?? 'geonames',
    organisations: raw.organisations ?? 0,
  };
}

/**
 * Indexes the places of one country by every name they go by.
 *
 * @example indexCountry('CH', [zurich]).match('zurich')?.cities[0]?.name // 'Zürich'
 */
export function indexCountry(country: string, raws: Iterable<RawCity>): MemoryCountryIndex {
  const tiers: [Tier, Tier, Tier] = [new Map(), new Map(), new Map()];
  const rorNamed = new Set<string>();
  const rorCounts = new Map<string, number>();
  const byId = new Map<number, GazetteerCity>();
  const cities: GazetteerCity[] = [];
  for (const raw of raws) {
    const city = cityOf(raw, country);
    if (!city) continue;
    const key = normalizeName(raw.name);
    cities.push(city);
    byId.set(city.id, city);
    add(tiers[0], key, city);
    addShort(tiers[2], key, city);
    for (const [ror, n] of raw.rorKeys ?? []) {
      rorCounts.set(`${ror}|${city.id}`, n);
      if (ror === key) continue;
      add(tiers[0], ror, city);
      rorNamed.add(`${ror}|${city.id}`);
    }
    // Each half of a bilingual name ("Donostia / San Sebastián") is an alternate name.
    if (raw.name.includes(' / ')) for (const part of raw.name.split(' / ')) addOther(tiers, normalizeName(part), key, city);
    for (const alt of raw.alternateNames ?? []) addOther(tiers, normalizeName(alt), key, city);
    for (const alt of raw.alternateKeys ?? []) addOther(tiers, alt, key, city);
  }
  const names = EXONYMS[country] ?? {};
  for (const [exonym, name] of Object.entries(names)) {
    for (const city of tiers[0].get(normalizeName(name)) ?? []) add(tiers[1], normalizeName(exonym), city);
  }
  for (const tier of tiers) for (const list of tier.values()) if (list.length > 1) list.sort(byPopulation);
  let keys: string[] | null = null;
  let suggestionKeys: string[] | null = null;
  const parents = createParentRule(cities);
  return {
    country,
    cities,
    tiers,
    rorNamed,
    rorCounts,
    match(key, lastTier = 2): NameMatch | null {
      for (let i = 0; i <= lastTier; i++) {
        const found = tiers[i]!.get(key);
        if (!found) continue;
        return {
          tier: TIERS[i]!,
          cities: found,
          viaRor: (c) => i === 0 && rorNamed.has(`${key}|${c.id}`),
          organisations: (c) => rorCounts.get(`${key}|${c.id}`) ?? 0,
        };
      }
      return null;
    },
    byId: (id) => byId.get(id) ?? null,
    places: () => [...cities].sort((a, b) => a.id - b.id),
    parentOf: (city) => parents.parentOf(city),
    nearest: (lat, lon) => {
      let best: { city: GazetteerCity; km: number } | null = null;
      for (const city of cities) {
        if (city.source !== 'geonames') continue;
        const d = km({ lat, lon }, city);
        if (!best || d < best.km || (d === best.km && city.id < best.city.id)) best = { city, km: d };
      }
      return best;
    },
    keys: () => (keys ??= [...new Set(tiers.flatMap((t) => [...t.keys()]))]),
    suggestionKeys: () => {
      if (suggestionKeys) return suggestionKeys;
      suggestionKeys = [...tiers[0].keys()];
      for (const k of tiers[1].keys()) if (!tiers[0].has(k) && suggestsAlternate(k)) suggestionKeys.push(k);
      return suggestionKeys;
    },
  };
}
