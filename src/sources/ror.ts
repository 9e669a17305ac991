/**
 * The ROR index: institutions (Research Organization Registry records, CC0) → city, country and
 * coordinates, by ROR id or by name. Pure: it is built from already parsed records; the Node
 * loader (`node/load-ror.ts`) reads the bundled gazetteer `data/ror/`.
 *
 * Name lookups compare ROR's primary names after `normalizeName` (case, diacritics, punctuation)
 * with "&" read as "and" and a leading "The" dropped, then, for a name that is no organisation's
 * primary name, the other names a full dump gives (aliases, former names, acronyms, labels). They never guess: a name that matches
 * several organisations (after narrowing to the country given, then to active records) is
 * `ambiguous-institution`, one that matches none is `unknown-institution`; both come with the
 * nearest names as suggestions.
 */
import { closest, distance } from 'fastest-levenshtein';
import { normalizeName } from '../places/normalize.ts';
import type { CityPoint, ParentCity } from './districts.ts';
import type { InstitutionIndex, InstitutionMatch, InstitutionPlace, InstitutionQuery } from './types.ts';
import { compareKeys } from '../compare-keys.ts';

/** One ROR organisation, as in the gazetteer's columns. */
export interface RorRecord {
  /** Bare id (`02zhqgq86`). */
  id: string;
  name: string;
  /** Other names: aliases (former and informal names), acronyms, labels in other languages. */
  names?: string[];
  /** GRID and FundRef ids as `grid:grid.5292.c`, `fundref:501100001779` (from a full dump), for ORCID's disambiguated organisations. */
  external?: string[];
  /** active, inactive or withdrawn; every status is indexed (old ids still occur in data). */
  status: string;
  types: string[];
  city: string;
  admin1: string | null;
  /** ISO2. */
  country: string;
  lat: number | null;
  lon: number | null;
  geonamesId: number | null;
}

/** Columns the gazetteer must have (its header may hold more). */
export const ROR_COLUMNS = ['ror_id', 'name', 'status', 'types', 'city', 'admin1', 'country_code', 'lat', 'lng', 'geonames_id'] as const;

const ROR_ID_RE = /^(?:https?:\/\/)?(?:www\.)?(?:ror\.org\/)?(0[a-hj-km-np-tv-z0-9]{6}[0-9]{2})\/?$/i;

/**
 * The bare ROR id of any common spelling, or null when the text is no ROR id.
 *
 * @example normalizeRorId('https://ror.org/02zhqgq86') // '02zhqgq86'
 * @example normalizeRorId('grid.194645.b') // null
 */
export function normalizeRorId(value: string): string | null {
  const m = ROR_ID_RE.exec(value.trim());
  return m ? m[1]!.toLowerCase() : null;
}

function numberOrNull(text: string | undefined): number | null {
  const t = text?.trim() ?? '';
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/**
 * ROR records from the gazetteer's rows (a header row first). Rows without an id, a name or a
 * country are dropped and counted.
 *
 * @throws Error naming the missing columns when the header lacks one of {@link ROR_COLUMNS}.
 * @example rorRecordsFromRows([['ror_id','name',...], ['https://ror.org/02zhqgq86','University of Hong Kong',...]])
 */
export function rorRecordsFromRows(rows: readonly (readonly string[])[]): { records: RorRecord[]; dropped: number } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const missing = ROR_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) throw new Error(`ROR gazetteer lacks column(s) ${missing.join(', ')}; header: ${header.join(', ')}`);
  const at = ROR_COLUMNS.map((c) => header.indexOf(c));
  const [ID, NAME, STATUS, TYPES, CITY, ADMIN1, COUNTRY, LAT, LNG, GEONAMES] = at as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Optional: other names, `|`-separated (the compact form of a full dump, see `ror-dump.ts`).
  const NAMES = header.indexOf('names');
  const EXTERNAL = header.indexOf('external_ids');
  const records: RorRecord[] = [];
  let dropped = 0;
  // No closures in this loop: it runs 51k times and per-row functions dominated its cost.
  for (let i = 1; i < rows.length; i++) {
    const row = rows[i]!;
    const id = normalizeRorId(row[ID] ?? '');
    const name = (row[NAME] ?? '').trim();
    const country = (row[COUNTRY] ?? '').trim().toUpperCase();
    if (!id || !name || !/^[A-Z]{2}$/.test(country)) {
      dropped++;
      continue;
    }
    const types = (row[TYPES] ?? '').trim().toLowerCase();
    records.push({
      id,
      name,
      status: (row[STATUS] ?? '').trim().toLowerCase(),
      types: types === '' ? [] : types.split('|'),
      city: (row[CITY] ?? '').trim(),
      admin1: (row[ADMIN1] ?? '').trim() || null,
      country,
      lat: numberOrNull(row[LAT]),
      lon: numberOrNull(row[LNG]),
      geonamesId: numberOrNull(row[GEONAMES]),
      ...(NAMES >= 0 && row[NAMES]
        ? {
            names: row[NAMES]!.split('|')
              .map((n) => n.trim())
              .filter(Boolean),
          }
        : {}),
      ...(EXTERNAL >= 0 && row[EXTERNAL]
        ? {
            external: row[EXTERNAL]!.split('|')
              .map((n) => n.trim())
              .filter(Boolean),
          }
        : {}),
    });
  }
  return { records, dropped };
}

/**
 * The lookup key of an external id: `grid:grid.5292.c`, `fundref:100008582` (a FundRef DOI such as
 * `http://dx.doi.org/10.13039/100008582` reduced to its number), or null for other registries.
 *
 * @example externalKey('FUNDREF', 'http://dx.doi.org/10.13039/100008582') // 'fundref:100008582'
 */
export function externalKey(source: string, id: string): string | null {
  const s = source.trim().toLowerCase();
  const v = id.trim();
  if (s === 'grid') return /^grid\.\d+\.[0-9a-f]+$/i.test(v) ? `grid:${v.toLowerCase()}` : null;
  if (s === 'fundref') {
    const n = /(\d{6,})\s*$/.exec(v)?.[1];
    return n ? `fundref:${n}` : null;
  }
  return null;
}

/** Options of {@link createRorIndex}. */
export interface RorIndexOptions {
  /** Maps ROR's city to the city it belongs to (districts → cities); default: ROR's city as is. */
  parentCity?: (place: CityPoint) => ParentCity;
  /** How many suggestions an unknown or ambiguous name gets. */
  maxSuggestions?: number;
}

/** Defaults of {@link createRorIndex}. */
export const ROR_INDEX_DEFAULTS = { maxSuggestions: 5 } as const;

/**
 * Normalised institution name: {@link normalizeName} with "&" → "and" and a leading "the" dropped.
 *
 * @example institutionKey('The University of Hong Kong') === institutionKey('university of hong-kong') // 'university of hong kong'
 */
export function institutionKey(name: string): string {
  return normalizeName(name.replace(/&/g, ' and ')).replace(/^the /, '');
}

/** True when each word of `words` starts a word of `key`, in order ("harvard univ" → "harvard university"). */
function abbreviates(words: readonly string[], key: string): boolean {
  if (words.length < 2) return false;
  const target = key.split(' ');
  let at = 0;
  for (const w of words) {
    while (at < target.length && !target[at]!.startsWith(w)) at++;
    if (at === target.length) return false;
    at++;
  }
  return true;
}

/**
 * Builds the institution index.
 *
 * @param records - ROR records (see {@link rorRecordsFromRows}).
 * @param options - `parentCity` for district → city mapping (`createDistrictResolver`).
 * @example
 * const index = createRorIndex(records, { parentCity: createDistrictResolver(cities) });
 * index.resolve({ ror: 'https://ror.org/02zhqgq86' })
 * // { ok: true, via: 'ror', institution: { name: 'University of Hong Kong', city: 'Hong Kong', rorCity: 'Pok Fu Lam', country: 'HK', ... } }
 */
export function createRorIndex(records: readonly RorRecord[], options: RorIndexOptions = {}): InstitutionIndex {
  const parentCity = options.parentCity;
  const maxSuggestions = options.maxSuggestions ?? ROR_INDEX_DEFAULTS.maxSuggestions;
  const byId = new Map<string, RorRecord>();
  const byExternal = new Map<string, RorRecord>();
  for (const r of records) {
    byId.set(r.id, r);
    for (const x of r.external ?? []) if (!byExternal.has(x)) byExternal.set(x, r);
  }
  // The name index costs about 0.4 s on the full gazetteer and inputs keyed by ROR id never need
  // it: built on the first name lookup.
  let byKey: Map<string, RorRecord[]> | null = null;
  let keys: string[] = [];
  const nameIndex = (): Map<string, RorRecord[]> => {
    if (byKey) return byKey;
    byKey = new Map();
    const add = (key: string, r: RorRecord) => {
      const list = byKey!.get(key);
      if (!list) byKey!.set(key, [r]);
      else if (!list.includes(r)) list.push(r);
    };
    for (const r of records) add(institutionKey(r.name), r);
    // Other names (aliases, acronyms, labels) in a second index: a primary name wins over them.
    for (const r of records)
      for (const n of r.names ?? []) {
        const key = institutionKey(n);
        if (key !== '' && !byKey.has(key)) add(`\u0001${key}`, r);
      }
    keys = [...byKey.keys()].filter((k) => !k.startsWith('\u0001'));
    return byKey;
  };
  const placed = new Map<string, InstitutionPlace>();
  const nameMemo = new Map<string, InstitutionMatch>();

  const place = (r: RorRecord): InstitutionPlace => {
    let p = placed.get(r.id);
    if (p) return p;
    const point: CityPoint = { name: r.city, country: r.country, lat: r.lat, lon: r.lon, geonamesId: r.geonamesId };
    const parent = parentCity ? parentCity(point) : null;
    p = {
      rorId: r.id,
      name: r.name,
      city: parent?.name ?? r.city,
      country: parent?.country ?? r.country,
      lat: parent ? parent.lat : r.lat,
      lon: parent ? parent.lon : r.lon,
      rorCity: r.city,
      geonamesId: parent ? parent.geonamesId : r.geonamesId,
      // A district's subdivision ("Southern" for Pok Fu Lam) is not its city's.
      region: !parent || parent.method === 'ror' || parent.method === 'unmatched' ? r.admin1 : null,
      cityMethod: parent?.method ?? 'ror',
    };
    placed.set(r.id, p);
    return p;
  };
  const describe = (r: RorRecord) => `${r.name} (${r.city}, ${r.country}; ${r.id})`;

  const suggestFor = (key: string, country: string | null): string[] => {
    if (key === '') return [];
    const names = nameIndex();
    const words = key.split(' ');
    // Two ways a name comes near: a few typing edits ("Hongkong"), or abbreviated words
    // ("Harvard Univ" → "Harvard University"): every word of the query starts a word of the
    // name, in order. Levenshtein runs only on names of similar length (a full scan is too slow per miss).
    const slack = Math.max(3, Math.floor(key.length * 0.3));
    const scored: { r: RorRecord; d: number }[] = [];
    for (const k of keys) {
      let d = Math.abs(k.length - key.length) <= slack ? distance(k, key) : Infinity;
      if (d > slack && abbreviates(words, k)) d = slack + Math.abs(k.length - key.length) / 100;
      if (d > slack + 1) continue;
      for (const r of names.get(k)!) if (!country || r.country === country) scored.push({ r, d });
    }
    scored.sort((a, b) => a.d - b.d || compareKeys(a.r.name, b.r.name) || compareKeys(a.r.id, b.r.id));
    if (scored.length === 0 && country === null) {
      const near = closest(key, keys);
      return names.get(near)!.slice(0, maxSuggestions).map(describe);
    }
    return scored.slice(0, maxSuggestions).map((x) => describe(x.r));
  };

  const byName = (name: string, country: string | null): InstitutionMatch => {
    const key = institutionKey(name);
    const memoKey = `${key}|${country ?? ''}`;
    const hit = nameMemo.get(memoKey);
    if (hit) return hit;
    const all = nameIndex().get(key) ?? nameIndex().get(`\u0001${key}`) ?? [];
    const inCountry = country ? all.filter((r) => r.country === country) : all;
    const active = inCountry.filter((r) => r.status === 'active');
    const pick = inCountry.length === 1 ? inCountry : active.length === 1 ? active : inCountry;
    const where = country ? ` in ${country}` : '';
    let result: InstitutionMatch;
    if (pick.length === 1) result = { ok: true, institution: place(pick[0]!), via: 'name' };
    else if (pick.length > 1)
      result = {
        ok: false,
        reason: 'ambiguous-institution',
        message: `institution name ${JSON.stringify(name)} matches ${pick.length} ROR organisations${where}; give its ROR id${country ? '' : ' or a country'}`,
        suggestions: pick.slice(0, maxSuggestions).map(describe),
      };
    else
      result = {
        ok: false,
        reason: 'unknown-institution',
        message: `no ROR organisation is named ${JSON.stringify(name)}${where}`,
        suggestions: suggestFor(key, country),
      };
    nameMemo.set(memoKey, result);
    return result;
  };

  return {
    size: byId.size,
    byRor(id) {
      const bare = normalizeRorId(id);
      const r = bare ? byId.get(bare) : undefined;
      return r ? place(r) : null;
    },
    byExternalId(source, id) {
      const key = externalKey(source, id);
      const r = key ? byExternal.get(key) : undefined;
      return r ? place(r) : null;
    },
    resolve(query: InstitutionQuery): InstitutionMatch {
      const country = query.country ? query.country.trim().toUpperCase() : null;
      const name = query.name?.trim() ?? '';
      if (query.ror) {
        const found = this.byRor(query.ror);
        if (found) return { ok: true, institution: found, via: 'ror' };
        const missing = `ROR id ${JSON.stringify(query.ror)} is not in the ROR gazetteer (${byId.size} organisations)`;
        if (name === '') return { ok: false, reason: 'unknown-ror', message: missing, suggestions: [] };
        const fallback = byName(name, country);
        if (fallback.ok) {
          return {
            ...fallback,
            note: { reason: 'unknown-ror', message: `${missing}; placed by its name ${JSON.stringify(name)} instead` },
          };
        }
        return {
          ok: false,
          reason: 'unknown-ror',
          message: `${missing}, and by name: ${fallback.message}`,
          suggestions: fallback.suggestions,
        };
      }
      if (name === '')
        return { ok: false, reason: 'unknown-institution', message: 'institution has neither a ROR id nor a name', suggestions: [] };
      return byName(name, country);
    },
  };
}
