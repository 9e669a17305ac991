/**
 * The gazetteer: the world's populated places under every name records use.
 *
 * Source (see data/places/README.md): GeoNames "cities500" (every populated place of ≥ 500
 * inhabitants or seat of an administrative division, about 200,000 places; CC-BY 4.0 GeoNames,
 * https://www.geonames.org) with its alternate names in every language and script (北京,
 * Москва, القاهرة, Peking), ASCII forms and admin codes, plus the places and spellings of the
 * bundled ROR registry (CC0) that GeoNames' cities lack (wards, districts, municipalities).
 * `scripts/build-gazetteer.ts` indexes each country and writes it as one compact gzip file
 * (data/places/geonames/, format in ./country-file.ts; the build also writes them inflated in
 * data/places/geonames-raw/); {@link loadGazetteer} reads a country's file only when a lookup
 * first needs that country, and then only the lines its names match.
 *
 * Names are looked up in tiers, first match wins (./country-index.ts): a place's own name, then
 * its alternate names and ROR's spelling, then its name without an administrative word.
 */
import { TalentFlowError } from '../errors.ts';
import { readCountryFile, type BlockTable } from './country-file.ts';
import { byPopulation, indexCountry, SKIPPED_FEATURES } from './country-index.ts';
import type { CountryIndex, Gazetteer, GazetteerCity, NameMatch, RawCity } from './gazetteer-types.ts';
import { normalizeName, normalizerFingerprint } from './normalize.ts';

export { shortKey } from './country-index.ts';

/** Version of the country file layout (./country-file.ts) that index.json records; the loader refuses others. */
export const COUNTRY_FILE_FORMAT = 2;
export type { CountryIndex, Gazetteer, GazetteerCity, NameMatch, NameTier, ParentCity, RawCity } from './gazetteer-types.ts';

/** Where a gazetteer's places come from: the countries it has and each one's index. */
export interface GazetteerSource {
  /** Every country with places, and how many. */
  countries: ReadonlyMap<string, number>;
  /** The index of one country (made on first need). */
  load(country: string): CountryIndex;
}

/**
 * Builds a gazetteer over a source whose countries are loaded one at a time, on first lookup.
 *
 * @example createGazetteerFromSource({ countries: new Map([['CH', 1]]), load: () => indexCountry('CH', [zurich]) }).find('zurich', 'CH')
 */
export function createGazetteerFromSource(source: GazetteerSource, timed = false): Gazetteer {
  const loaded = new Map<string, CountryIndex | null>();
  let loadMs: number | null = timed ? 0 : null;
  const country = (cc: string): CountryIndex | null => {
    let index = loaded.get(cc);
    if (index === undefined) {
      const started = performance.now();
      index = source.countries.has(cc) ? source.load(cc) : null;
      loaded.set(cc, index);
      if (loadMs !== null) loadMs += performance.now() - started;
    }
    return index;
  };
  const everyCountry = (): CountryIndex[] => [...source.countries.keys()].sort().flatMap((cc) => country(cc) ?? []);
  let allKeys: string[] | null = null;
  let allSuggestionKeys: string[] | null = null;
  const best = new Map<string, readonly GazetteerCity[]>();
  const none: readonly never[] = [];
  const timedLookup = <T>(run: () => T): T => {
    if (loadMs === null) return run();
    const started = performance.now();
    const result = run();
    loadMs += performance.now() - started;
    return result;
  };
  const match = (key: string, cc: string): NameMatch | null => country(cc)?.match(key) ?? null;
  return {
    size: [...source.countries.values()].reduce((a, b) => a + b, 0),
    get loadMs() {
      return loadMs;
    },
    match,
    find: (key, cc) => match(key, cc)?.cities ?? none,
    countriesOf: (key) => {
      let list = best.get(key);
      if (!list) {
        // A country's place for a key: the first of its own or alternate names that knows the key.
        list = timedLookup(() =>
          everyCountry()
            .flatMap((index) => index.match(key, 1)?.cities[0] ?? [])
            .sort(byPopulation),
        );
        best.set(key, list);
      }
      return list;
    },
    keys: (cc) => {
      if (cc !== null) return country(cc)?.keys() ?? none;
      return (allKeys ??= timedLookup(() => [...new Set(everyCountry().flatMap((index) => index.keys()))]));
    },
    suggestionKeys: (cc) => {
      if (cc !== null) return country(cc)?.suggestionKeys() ?? none;
      return (allSuggestionKeys ??= timedLookup(() => [...new Set(everyCountry().flatMap((index) => index.suggestionKeys()))]));
    },
    byId: (id, cc) => country(cc)?.byId(id) ?? null,
    countries: () => [...source.countries.keys()].sort(),
    places: (cc) => timedLookup(() => country(cc)?.places() ?? none),
    parentOf: (city) => country(city.country)?.parentOf(city) ?? { city, method: 'self' },
    nearest: (lat, lon, cc) => country(cc)?.nearest(lat, lon) ?? null,
  };
}

/**
 * Builds a gazetteer from place records (for tests, browsers, or a caller's own data). Several
 * places of one name in one country are kept, ordered by population (then GeoNames id).
 *
 * @example createGazetteer([{cityId: 1, name: 'Zürich', country: 'CH', population: 341730, loc: {coordinates: [8.55, 47.37]}}]).find('zurich', 'CH')[0]?.name // 'Zürich'
 */
export function createGazetteer(cities: Iterable<RawCity>): Gazetteer {
  const byCountry = new Map<string, RawCity[]>();
  let kept = 0;
  for (const raw of cities) {
    const list = byCountry.get(raw.country);
    if (list) list.push(raw);
    else byCountry.set(raw.country, [raw]);
    if (!(raw.featureCode && SKIPPED_FEATURES.has(raw.featureCode)) && normalizeName(raw.name) !== '') kept++;
  }
  const counts = new Map([...byCountry].map(([cc, list]) => [cc, list.length]));
  const g = createGazetteerFromSource({ countries: counts, load: (cc) => indexCountry(cc, byCountry.get(cc) ?? []) });
  return Object.defineProperty(g, 'size', { value: kept });
}

let shared: Gazetteer | null = null;

type GetBuiltin = ((id: string) => unknown) | undefined;
type ReadFile = {
  readFileSync(path: URL): Uint8Array;
  readFileSync(path: URL, enc: 'utf8'): string;
  openSync(path: URL, flags: 'r'): number;
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
};

function readAt(fs: ReadFile, path: URL, offset: number, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  const fd = fs.openSync(path, 'r');
  try {
    for (let at = 0; at < length; ) {
      const n = fs.readSync(fd, bytes, at, length - at, offset + at);
      if (n === 0) throw new TalentFlowError(`${path.pathname} ends before its block table says: rebuild it with node scripts/build.mjs`);
      at += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return bytes;
}

/**
 * The country files as plain text with their block table (data/places/geonames-raw, made by
 * `node scripts/build.mjs` from the compressed ones), when present and made from this `index.json`
 * (its SHA-256); null otherwise, and the compressed files are read.
 */
function plainCountryFiles(
  fs: ReadFile,
  dir: URL,
  indexText: string,
  getBuiltin: GetBuiltin,
): { dir: URL; blocks: Record<string, BlockTable> } | null {
  const crypto = getBuiltin?.('node:crypto') as
    | { createHash(algorithm: string): { update(text: string): { digest(enc: 'hex'): string } } }
    | undefined;
  let raw: { source?: string; blocks?: Record<string, BlockTable> };
  try {
    raw = JSON.parse(fs.readFileSync(new URL('index.json', dir), 'utf8'));
  } catch {
    return null;
  }
  if (!crypto || !raw.blocks || raw.source !== crypto.createHash('sha256').update(indexText).digest('hex')) return null;
  return { dir, blocks: raw.blocks };
}

/**
 * The built-in gazetteer (data/places/geonames), shared by every resolver of the process. A
 * country's file (US, the largest) is read on the first lookup in that country, and each lookup
 * reads only the lines of the names it asks for; a lookup without a country reads every file.
 * `loadMs` holds the time spent. Needs Node (it reads files); elsewhere pass a gazetteer built
 * with {@link createGazetteer}.
 *
 * @throws TalentFlowError when the runtime cannot read files synchronously.
 * @example loadGazetteer().find('nanjing', 'CN')[0]?.lat // 32.06
 */
export function loadGazetteer(): Gazetteer {
  if (shared) return shared;
  // Resolved at call time, not imported, so that this module stays importable in a browser.
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const fs = getBuiltin?.('node:fs') as ReadFile | undefined;
  const zlib = getBuiltin?.('node:zlib') as { gunzipSync(bytes: Uint8Array): Uint8Array } | undefined;
  if (!fs || !zlib) {
    throw new TalentFlowError(
      'the built-in gazetteer needs Node ≥ 20.16 (it reads data/places/geonames from disk); ' +
        'build one with createGazetteer(cities) and pass it as the `gazetteer` option',
    );
  }
  // Through a variable: bundlers rewrite `new URL(literal, import.meta.url)` into an asset, and
  // this folder is read from disk by Node only.
  const here = import.meta.url;
  const dir = new URL('../../data/places/geonames/', here);
  const text = fs.readFileSync(new URL('index.json', dir), 'utf8');
  const index = JSON.parse(text) as {
    countries: Record<string, number>;
    blocks?: Record<string, BlockTable>;
    normalizer: string;
    format?: number;
  };
  if (index.normalizer !== normalizerFingerprint() || index.format !== COUNTRY_FILE_FORMAT || !index.blocks) {
    throw new TalentFlowError(
      'data/places/geonames was built with another name normaliser or file layout: run npx tsx scripts/build-gazetteer.ts',
    );
  }
  const plain = plainCountryFiles(fs, new URL('../../data/places/geonames-raw/', here), text, getBuiltin);
  const blocks = plain?.blocks ?? index.blocks;
  shared = createGazetteerFromSource(
    {
      countries: new Map(Object.entries(index.countries)),
      load: (cc) => {
        const table = blocks[cc] ?? { places: [], names: [] };
        if (plain) {
          // Inflated at build time: each block is read when first needed (a 2-row run reads a
          // few kilobytes of the US's 5 MB, a large one most of every file).
          const path = new URL(`${cc}.tsv`, plain.dir);
          return readCountryFile(table, (offset, length) => readAt(fs, path, offset, length), cc);
        }
        // The compressed file (1.3 MB for the US) is read whole; only the blocks a lookup needs are inflated.
        const file = fs.readFileSync(new URL(`${cc}.tsv.gz`, dir));
        return readCountryFile(table, (offset, length) => zlib.gunzipSync(file.subarray(offset, offset + length)), cc);
      },
    },
    true,
  );
  return shared;
}
