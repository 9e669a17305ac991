/**
 * Countries: ISO codes and names → one record per country, from the `world-countries`
 * package (mledoze/countries, ODbL), which carries ISO 3166-1 alpha-2/alpha-3 codes, common,
 * official, native and alternative names, UN region and subregion, and a centroid.
 */
import countries from 'world-countries';
import { distance } from 'fastest-levenshtein';
import type { Place } from './types.ts';
import { normalizeCountryName } from './normalize.ts';
import { compareKeys } from '../compare-keys.ts';

/** One country as the toolkit uses it. */
export interface CountryInfo {
  /** ISO 3166-1 alpha-2 (`US`). */
  iso2: string;
  /** ISO 3166-1 alpha-3 (`USA`). */
  iso3: string;
  /** Common English name (`United States`). */
  name: string;
  /** World region (`Americas`, `Asia`, `Europe`, `Africa`, `Oceania`, `Antarctic`). */
  region: string;
  /** Subregion (`Northern America`, `Eastern Asia` ...). */
  subregion: string;
  /** Centroid latitude in degrees (world-countries' `latlng`). */
  lat: number;
  /** Centroid longitude in degrees. */
  lon: number;
}

/**
 * Names that world-countries lacks but migration data uses: World Bank spellings (the Scholarly
 * Migration Database labels countries this way), UK constituent countries (affiliation strings
 * name them), and older or shortened forms. "Korea" alone is South Korea, as in Scopus and
 * the World Bank tables.
 */
const EXTRA_NAMES: Record<string, string[]> = {
  BS: ['Bahamas, The'],
  CD: ['Congo, Dem. Rep.', 'Congo, Democratic Republic'],
  CG: ['Congo, Rep.'],
  CV: ['Cabo Verde'],
  CZ: ['Czech Republic'],
  EG: ['Egypt, Arab Rep.'],
  FM: ['Micronesia, Fed. Sts.'],
  GB: ['England', 'Scotland', 'Wales', 'Northern Ireland', 'Britain'],
  GM: ['Gambia, The'],
  HK: ['Hong Kong SAR, China', 'Hong Kong, China', 'Hong Kong SAR'],
  IR: ['Iran, Islamic Rep.'],
  KG: ['Kyrgyz Republic'],
  KN: ['St. Kitts and Nevis'],
  KP: ["Korea, Dem. People's Rep.", 'Korea, Dem. Rep.'],
  KR: ['Korea, Rep.', 'Korea'],
  LA: ['Lao PDR'],
  LC: ['St. Lucia'],
  MF: ['St. Martin (French part)'],
  MO: ['Macao SAR, China', 'Macau, China', 'Macao, China'],
  PS: ['West Bank and Gaza', 'Palestinian Territories'],
  SK: ['Slovak Republic'],
  SX: ['Sint Maarten (Dutch part)'],
  TR: ['Turkey'],
  TW: ['Taiwan, China'],
  VC: ['St. Vincent and the Grenadines'],
  VE: ['Venezuela, RB'],
  VG: ['British Virgin Islands'],
  VI: ['Virgin Islands (U.S.)'],
  VN: ['Viet Nam'],
  XK: ['XKX'],
  YE: ['Yemen, Rep.'],
};

// Lower tiers never override higher ones; a clash within one tier makes the key ambiguous
// (it is then dropped rather than guessed).
const TIER_CODE = 0;
const TIER_NAME = 1;
const TIER_EXTRA = 2;
const TIER_ALT = 3;
const TIER_NATIVE = 4;

interface Index {
  byKey: Map<string, CountryInfo>;
  byIso2: Map<string, CountryInfo>;
  all: CountryInfo[];
  /** Readable names used for suggestions, with the country each names. */
  names: { key: string; label: string }[];
}

let index: Index | null = null;

function buildIndex(): Index {
  const byKey = new Map<string, { info: CountryInfo; tier: number } | null>();
  const byIso2 = new Map<string, CountryInfo>();
  const all: CountryInfo[] = [];
  const add = (raw: string, info: CountryInfo, tier: number): void => {
    const key = normalizeCountryName(raw);
    if (key === '') return;
    const seen = byKey.get(key);
    if (seen === undefined) byKey.set(key, { info, tier });
    else if (seen === null) return;
    else if (seen.info.iso2 === info.iso2) seen.tier = Math.min(seen.tier, tier);
    else if (tier < seen.tier) byKey.set(key, { info, tier });
    else if (tier === seen.tier) byKey.set(key, null);
  };
  for (const c of countries) {
    const info: CountryInfo = {
      iso2: c.cca2,
      iso3: c.cca3,
      name: c.name.common,
      region: c.region,
      subregion: c.subregion,
      lat: c.latlng[0],
      lon: c.latlng[1],
    };
    all.push(info);
    byIso2.set(info.iso2, info);
  }
  for (const c of countries) {
    const info = byIso2.get(c.cca2)!;
    add(c.cca2, info, TIER_CODE);
    add(c.cca3, info, TIER_CODE);
    add(c.name.common, info, TIER_NAME);
    add(c.name.official, info, TIER_NAME);
    for (const extra of EXTRA_NAMES[c.cca2] ?? []) add(extra, info, TIER_EXTRA);
    for (const alt of c.altSpellings) add(alt, info, TIER_ALT);
    for (const native of Object.values(c.name.native)) {
      add(native.common, info, TIER_NATIVE);
      add(native.official, info, TIER_NATIVE);
    }
  }
  const resolved = new Map<string, CountryInfo>();
  for (const [key, entry] of byKey) if (entry) resolved.set(key, entry.info);
  const names = all.map((info) => ({ key: normalizeCountryName(info.name), label: info.name }));
  return { byKey: resolved, byIso2, all, names };
}

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

/**
 * Resolves a country value (ISO 3166-1 alpha-2 or alpha-3 code, common, official, native or
 * alternative name, World Bank spelling) to its {@link CountryInfo}. Matching ignores case,
 * diacritics, punctuation and a leading or trailing "the". A historical value "X (now Y)"
 * resolves to Y; any other trailing parenthesis is dropped when the full value matches
 * nothing ("Faroe Islands (Denmark)" → FO). Returns null when nothing matches,
 * or when a name is shared by two countries at the same level of authority (never a guess).
 *
 * @example resolveCountry('USA')?.iso2 // 'US'
 * @example resolveCountry('the Netherlands')?.iso3 // 'NLD'
 * @example resolveCountry('Korea, Rep.')?.iso2 // 'KR'
 */
export function resolveCountry(value: string): CountryInfo | null {
  const key = normalizeCountryName(value);
  if (key === '') return null;
  const found = getIndex().byKey.get(key);
  if (found) return found;
  // Historical data names a former state and its successor: "Prussia (now Germany)" is Germany;
  // a plain qualifier ("Faroe Islands (Denmark)") is dropped.
  const qualified = /^(.*?)\s*\(\s*(now\s+)?([^()]+)\)\s*$/i.exec(value);
  if (!qualified) return null;
  return resolveCountry(qualified[2] ? (qualified[3] ?? '') : (qualified[1] ?? ''));
}

/**
 * The country with this ISO 3166-1 alpha-2 code (exact, upper case), or null.
 *
 * @example countryByIso2('JP')?.iso3 // 'JPN'
 */
export function countryByIso2(iso2: string): CountryInfo | null {
  return getIndex().byIso2.get(iso2) ?? null;
}

/**
 * Every country world-countries knows (250), in its order.
 *
 * @example allCountries().length // 250
 */
export function allCountries(): readonly CountryInfo[] {
  return getIndex().all;
}

/**
 * The `limit` country names nearest to `value` by Levenshtein distance over normalised
 * names (common names and ISO codes), best first; used to suggest a fix for an unknown country.
 *
 * @example suggestCountries('Germny') // ['Germany', ...]
 */
export function suggestCountries(value: string, limit = 3): string[] {
  const key = normalizeCountryName(value);
  const scored = getIndex().names.map((n) => ({ label: n.label, d: distance(key, n.key) }));
  scored.sort((a, b) => a.d - b.d || compareKeys(a.label, b.label));
  return scored.slice(0, limit).map((s) => s.label);
}

/**
 * The country-level place of a country: id = ISO3 (the graph node key), label = common name,
 * coordinates = world-countries' centroid.
 *
 * @example countryPlace(resolveCountry('US')!).id // 'USA'
 */
export function countryPlace(info: CountryInfo): Place {
  return {
    id: info.iso3,
    label: info.name,
    level: 'country',
    country: info.iso2,
    countryName: info.name,
    region: info.region,
    subregion: info.subregion,
    lat: info.lat,
    lon: info.lon,
  };
}
