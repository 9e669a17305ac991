/**
 * Place resolution: a (name, country) pair from a migration record → the graph node it belongs
 * to, at metro (default), city or country level. Metro areas follow the SET Index 2024 report
 * (see ./metros.ts); city names and coordinates come from GeoNames (./gazetteer.ts); countries
 * from world-countries (./countries.ts). Nothing is guessed silently: every assumption is a
 * warning, every failure says why and what was nearest.
 */
import { OptionError } from '../errors.ts';
import { createHintResolution } from './by-geonames.ts';
import { countryPlace, resolveCountry, suggestCountries } from './countries.ts';
import { loadGazetteer, shortKey, type Gazetteer, type GazetteerCity } from './gazetteer.ts';
import { DOMINANCE, findName, ORGANISATION_DOMINANCE, type NameFound } from './match-name.ts';
import { findMetroByName, findMetroMember, locateMember, metroMemberKeys, METROS } from './metros.ts';
import { qualifyNamesake } from './namesakes.ts';
import { qualifiedCity, qualifiedNameOf, splitQualifier } from './qualified.ts';
import { normalizeName } from './normalize.ts';
import { describeHit, hitCountry, placeOf } from './place-builders.ts';
import { nearestKeys } from './suggest.ts';
import {
  type MatchStep,
  type Place,
  type PlaceAlias,
  type PlaceLevel,
  PLACE_LEVELS,
  type PlaceResolution,
  type PlaceResolver,
  type ResolutionRecord,
} from './types.ts';
import { compareKeys } from '../compare-keys.ts';

/** Options of {@link createPlaceResolver}. */
export interface PlaceResolverOptions {
  /** Which places are the graph's nodes. */
  level?: PlaceLevel;
  /** User aliases (see `parseAliasCsv`), consulted before the built-in tables. */
  aliases?: PlaceAlias[];
  /** City data; by default the GeoNames gazetteer, loaded on first need (Node only). */
  gazetteer?: Gazetteer;
}

/** Defaults of {@link createPlaceResolver}: places are metro areas. */
export const DEFAULTS: Readonly<{ level: PlaceLevel }> = Object.freeze({ level: 'metro' });

const SUGGESTIONS = 3;
const MAX_AMBIGUOUS_SUGGESTIONS = 10;
const METRO_COUNTRIES = [...new Set(METROS.map((m) => m.country))];

type Failure = Extract<PlaceResolution, { ok: false }>;

function fail(reason: Failure['reason'], message: string, suggestions: string[] = []): Failure {
  return Object.freeze({ ok: false as const, reason, message, suggestions: Object.freeze(suggestions) as string[] });
}

function validAliases(aliases: unknown): Map<string, Map<string, PlaceAlias>> {
  if (!Array.isArray(aliases)) throw new OptionError('aliases', aliases, 'an array of PlaceAlias');
  const byKey = new Map<string, Map<string, PlaceAlias>>();
  const countryOf = (alias: PlaceAlias, value: unknown): string | null => {
    if (value === null || value === undefined || value === '') return null;
    const info = typeof value === 'string' ? resolveCountry(value) : null;
    if (!info) throw new OptionError('aliases', alias, 'alias countries that are ISO codes or country names, or null');
    return info.iso2;
  };
  for (const alias of aliases as PlaceAlias[]) {
    const ok = alias && typeof alias.name === 'string' && typeof alias.target === 'string';
    if (!ok || normalizeName(alias.name) === '' || normalizeName(alias.target) === '') {
      throw new OptionError('aliases', alias, 'aliases with a non-empty name and target');
    }
    const country = countryOf(alias, alias.country);
    const clean: PlaceAlias = { ...alias, country, targetCountry: countryOf(alias, alias.targetCountry) };
    const key = normalizeName(alias.name);
    const perCountry = byKey.get(key) ?? new Map<string, PlaceAlias>();
    byKey.set(key, perCountry);
    const earlier = perCountry.get(country ?? '');
    if (earlier && (normalizeName(earlier.target) !== normalizeName(clean.target) || earlier.targetCountry !== clean.targetCountry)) {
      throw new OptionError('aliases', alias, `one target per name and country (${JSON.stringify(alias.name)} has two)`);
    }
    perCountry.set(country ?? '', clean);
  }
  return byKey;
}

/**
 * Creates a memoised resolver from (name, country) to places. Rules, in order:
 *
 * 1. An empty name (or one of punctuation only) → `empty-place`.
 * 2. The country value (ISO2, ISO3 or a name; see `resolveCountry`) must be known, else
 *    `unknown-country` with the nearest country names. A missing country is allowed (rule 7).
 * 3. At `country` level the place is the record's country; without one, the name itself when it
 *    is a country or ISO code (the Scholarly Migration Database's from/to are ISO3 codes);
 *    otherwise the country of the city the name resolves to by rules 4–7.
 * 4. User aliases come first: an alias for the name in the record's country, else one for the
 *    name in any country. Its target resolves by rules 5–6 in the alias's target country (the
 *    record's when empty); aliases do not chain.
 * 5. Metro names and members, by country: Cambridge US → Boston (its Cambridge is the one
 *    nearest Boston), Cambridge GB is no member. At `metro` level the place is the metro; at
 *    `city` level the member city itself (`Cambridge, US`, canonical GeoNames name and
 *    coordinates). A city the gazetteer finds under another spelling of a member ("New York
 *    City", "Kongens Lyngby") joins the metro too.
 * 6. The gazetteer: the city of that normalised name in the country; when several share it, the
 *    most populous. Outside every metro it stays a city, `City, CC`, at `metro` level too.
 *    A name found nowhere as written but carrying a qualifier, as namesake ids are written
 *    ("Columbia (South Carolina)", "Columbia, SC", "Marāgheh (GeoNames 124877)", "Nishi-ku
 *    (Osaka)"), is the place the qualifier selects (./qualified.ts); an `ambiguous-place`
 *    problem suggests its candidates in that form.
 *    Found nowhere → `unknown-place` with the 3 nearest names of that country (Levenshtein over
 *    normalised names), never a guess.
 * 7. No country: a metro name ("Boston") → the metro, with an `assumed-country` warning; a name
 *    known in exactly one country → resolved there, with an `assumed-country` warning; known in
 *    several → `ambiguous-place`, suggesting each (`Cambridge, GB`, `Cambridge, US (Boston)`),
 *    most populous first; known nowhere → `unknown-place` with the 3 nearest names worldwide.
 *
 * Places carry the ISO2 `country`, its `countryName`, `region` and `subregion`, and lat/lon:
 * the city's, the metro's principal city's, or the country's centroid. Results are memoised by
 * (name, country) and frozen: share them, do not mutate them.
 *
 * @throws OptionError for an unknown level, malformed aliases, or one name and country aliased twice.
 * @example
 * const places = createPlaceResolver();
 * places.resolve('Cambridge', 'US') // { ok: true, place: { id: 'Boston', level: 'metro', ... } }
 * places.resolve('Cambridge', 'GB') // { ok: true, place: { id: 'Cambridge, GB', level: 'city', ... } }
 * createPlaceResolver({ level: 'country' }).resolve('USA', null) // place.id 'USA'
 */
export function createPlaceResolver(options: PlaceResolverOptions = {}): PlaceResolver {
  if (options === null || typeof options !== 'object') throw new OptionError('options', options, 'an object');
  const level = options.level ?? DEFAULTS.level;
  if (!PLACE_LEVELS.includes(level)) throw new OptionError('level', level, "'metro', 'city' or 'country'");
  const aliases = validAliases(options.aliases ?? []);
  const given = options.gazetteer;
  if (
    given !== undefined &&
    (typeof given?.find !== 'function' ||
      typeof given.match !== 'function' ||
      typeof given.parentOf !== 'function' ||
      typeof given.countriesOf !== 'function' ||
      typeof given.keys !== 'function')
  ) {
    throw new OptionError('gazetteer', given, 'a Gazetteer (createGazetteer or loadGazetteer)');
  }
  let gazetteerCache: Gazetteer | null = given ?? null;
  const gazetteer = (): Gazetteer => (gazetteerCache ??= loadGazetteer());
  const memo = new Map<string, PlaceResolution>();

  const aliasFor = (key: string, country: string | null): PlaceAlias | null => {
    const perCountry = aliases.get(key);
    return (country !== null ? perCountry?.get(country) : undefined) ?? perCountry?.get('') ?? null;
  };

  const findIn = (key: string, country: string, name?: string): NameFound | null => findName(key, country, gazetteer(), name);
  // The city a canonical name means by itself; another city of that name gets a qualified id.
  const nameCity = new Map<string, number | null>();
  const namesake = (place: Place, city: GazetteerCity): Place => {
    const memoKey = `${city.name}\u0000${city.country}`;
    let id = nameCity.get(memoKey);
    if (id === undefined) {
      const found = findIn(normalizeName(city.name), city.country);
      id = found?.kind === 'hit' ? found.geonamesId : null;
      nameCity.set(memoKey, id);
    }
    return qualifyNamesake(place, city, id, gazetteer());
  };

  const success = (
    found: Extract<NameFound, { kind: 'hit' }>,
    warning?: string,
    extraSteps: MatchStep[] = [],
    extraDetail = '',
  ): PlaceResolution => {
    const { hit } = found;
    const made = placeOf(hit, level, gazetteer());
    const place = made && hit.kind === 'city' ? namesake(made, hit.city) : made;
    if (!place) return fail('unknown-country', `country code ${hitCountry(hit)} is not in world-countries`);
    const steps = [...extraSteps, ...found.steps];
    const detail = [extraDetail, found.detail].filter((d) => d !== '').join('; ');
    return Object.freeze({
      ok: true as const,
      place,
      geonamesId: found.geonamesId,
      ...(warning ? { warning: Object.freeze({ reason: 'assumed-country' as const, message: warning }) } : {}),
      ...(steps.length > 0 ? { via: Object.freeze({ steps: Object.freeze(steps) as MatchStep[], detail }) } : {}),
    });
  };

  const ambiguousIn = (name: string, country: string, candidates: readonly GazetteerCity[], why = ''): Failure => {
    // Each candidate as the name that means it ("Columbia (South Carolina)", "Nishi-ku (Osaka)"), which reads back as that place.
    const shown = candidates.slice(0, MAX_AMBIGUOUS_SUGGESTIONS).map((c) => {
      const notes = [
        c.admin[0] ? `admin1 ${c.admin[0]}` : '',
        c.population > 0 ? `pop. ${c.population.toLocaleString('en-US')}` : '',
      ].filter((n) => n !== '');
      return `${qualifiedNameOf(name, c, gazetteer())}, ${c.country}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}`;
    });
    const example = candidates[0] ? ` (${JSON.stringify(qualifiedNameOf(name, candidates[0], gazetteer()))})` : '';
    return fail(
      'ambiguous-place',
      `${why}${JSON.stringify(name)} names ${candidates.length} places in ${country}: none is named so by ${ORGANISATION_DOMINANCE}× as many ROR organisations nor is ${DOMINANCE}× as populous as the others; ` +
        `write the one meant as suggested${example}, give the row its geonames_id or region (timelines), or map the name with --aliases`,
      shown,
    );
  };

  // "Columbia (South Carolina)", "Columbia, SC", "Nishi-ku (Osaka)": a name the gazetteer lacks as written, read as a name and a qualifier (./qualified.ts).
  const qualified = (name: string, country: string): PlaceResolution | null => {
    const q = splitQualifier(name);
    if (!q) return null;
    const city = qualifiedCity(q, country, gazetteer());
    const via = (result: PlaceResolution, detail: string): PlaceResolution =>
      result.ok
        ? Object.freeze({ ...result, via: Object.freeze({ steps: ['qualifier', ...(result.via?.steps ?? [])] as MatchStep[], detail }) })
        : result;
    // "Santiago, Chile": the qualifier is the row's own country.
    if (!city && resolveCountry(q.qualifier)?.iso2 === country) {
      return via(inCountry(q.base, normalizeName(q.base), country, true), `${JSON.stringify(q.qualifier)} is the row's country`);
    }
    if (!city) {
      const base = findIn(normalizeName(q.base), country);
      return base?.kind === 'ambiguous'
        ? ambiguousIn(
            q.base,
            country,
            base.candidates,
            `${JSON.stringify(q.qualifier)} is no region, GeoNames id or city of these places; `,
          )
        : null;
    }
    return via(
      resolveAt(q.base, country, { geonamesId: city.id }),
      `${JSON.stringify(q.qualifier)} selects ${city.name} (GeoNames ${city.id}) among the places named ${JSON.stringify(q.base)}`,
    );
  };

  const populationIn = (key: string, country: string): number => gazetteer().find(key, country)[0]?.population ?? 0;

  const unknown = (name: string, key: string, country: string | null): Failure => {
    const g = gazetteer();
    const aliasKeys = [...aliases]
      .filter(([, perCountry]) => perCountry.has('') || (country !== null && perCountry.has(country)))
      .map(([k]) => k);
    // Several keys name one place (its name, its ASCII form, an alternate): ask for more, keep distinct places.
    const keys =
      country !== null
        ? nearestKeys(key, [g.suggestionKeys(country), metroMemberKeys(country), aliasKeys], SUGGESTIONS * 3, (k) =>
            populationIn(k, country),
          )
        : nearestKeys(
            key,
            [g.suggestionKeys(null), metroMemberKeys(null), aliasKeys],
            SUGGESTIONS * 3,
            (k) => g.countriesOf(k)[0]?.population ?? 0,
          );
    const suggestions = [...new Set(keys.map((k) => describeKey(k, country)))].slice(0, SUGGESTIONS);
    const where = country !== null ? ` in ${country}` : '';
    const isCountry = resolveCountry(name) ? `; ${JSON.stringify(name)} is a country: use level 'country'` : '';
    return fail('unknown-place', `no place named ${JSON.stringify(name)}${where}${isCountry}`, suggestions);
  };

  const describeKey = (key: string, country: string | null): string => {
    const alias = aliasFor(key, country);
    if (alias) return `${alias.name}${country ? `, ${country}` : ''} (alias of ${alias.target})`;
    const metro = country === null ? findMetroByName(key) : null;
    if (metro) return metro.name;
    const cc = country ?? bestCountries(key, true)[0]?.country;
    const found = cc ? findIn(key, cc) : null;
    if (found?.kind === 'hit') return describeHit(found.hit, gazetteer());
    const first = found?.candidates[0];
    return first ? `${first.name}, ${first.country}` : key;
  };

  // Countries in which a normalised name is known, most populous first.
  const bestCountries = (key: string, useAliases: boolean): { country: string; population: number }[] => {
    const found = new Map<string, number>();
    for (const k of new Set([key, shortKey(key)])) {
      for (const city of gazetteer().countriesOf(k)) if (!found.has(city.country)) found.set(city.country, city.population);
      for (const cc of METRO_COUNTRIES) if (!found.has(cc) && findMetroMember(k, cc)) found.set(cc, 0);
    }
    if (useAliases) for (const cc of aliases.get(key)?.keys() ?? []) if (cc !== '' && !found.has(cc)) found.set(cc, 0);
    return [...found]
      .map(([country, population]) => ({ country, population }))
      .sort((a, b) => b.population - a.population || compareKeys(a.country, b.country));
  };

  const inCountry = (name: string, key: string, country: string, useAliases: boolean): PlaceResolution => {
    const alias = useAliases ? aliasFor(key, country) : null;
    if (alias) return viaAlias(alias, country);
    const found = findIn(key, country, name);
    if (!found) return qualified(name, country) ?? unknown(name, key, country);
    return found.kind === 'hit' ? success(found) : ambiguousIn(name, country, found.candidates);
  };

  const anywhere = (name: string, key: string, useAliases: boolean): PlaceResolution => {
    const alias = useAliases ? aliasFor(key, null) : null;
    if (alias) return viaAlias(alias, null);
    const metro = findMetroByName(key);
    if (metro) {
      const match = { metro, member: metro.principal, spelling: metro.principal };
      return success(
        { kind: 'hit', hit: { kind: 'metro', match }, geonamesId: locateMember(match, gazetteer())?.id ?? null, steps: [], detail: '' },
        `${JSON.stringify(name)} has no country; assumed ${metro.country} (the metro ${metro.name})`,
      );
    }
    const countries = bestCountries(key, useAliases);
    const only = countries[0];
    if (!only) return unknown(name, key, null);
    if (countries.length === 1) {
      const result = inCountry(name, key, only.country, useAliases);
      if (!result.ok) return result;
      const warning = `${JSON.stringify(name)} has no country; assumed ${only.country}, the only country with a place of that name`;
      return Object.freeze({ ...result, warning: Object.freeze({ reason: 'assumed-country' as const, message: warning }) });
    }
    const suggestions = countries.slice(0, MAX_AMBIGUOUS_SUGGESTIONS).map((c) => describeKey(key, c.country));
    return fail(
      'ambiguous-place',
      `${JSON.stringify(name)} has no country and names places in ${countries.length} countries (${countries.map((c) => c.country).join(', ')}); give its country`,
      suggestions,
    );
  };

  const viaAlias = (alias: PlaceAlias, recordCountry: string | null): PlaceResolution => {
    const country = alias.targetCountry ?? recordCountry;
    const key = normalizeName(alias.target);
    const result = country !== null ? inCountry(alias.target, key, country, false) : anywhere(alias.target, key, false);
    if (result.ok) {
      const steps: MatchStep[] = ['alias', ...(result.via?.steps ?? [])];
      const detail = [`alias ${JSON.stringify(alias.name)} → ${JSON.stringify(alias.target)}`, result.via?.detail ?? '']
        .filter((d) => d !== '')
        .join('; ');
      return Object.freeze({ ...result, via: Object.freeze({ steps, detail }) });
    }
    return fail(
      result.reason,
      `alias ${JSON.stringify(alias.name)} → ${JSON.stringify(alias.target)}: ${result.message}`,
      result.suggestions,
    );
  };

  const compute = (name: string, countryValue: string | null): PlaceResolution => {
    const key = typeof name === 'string' ? normalizeName(name) : '';
    if (key === '') return fail('empty-place', 'the place name is empty');
    let country: string | null = null;
    if (typeof countryValue === 'string' && countryValue.trim() !== '') {
      const info = resolveCountry(countryValue);
      if (!info) {
        return fail(
          'unknown-country',
          `unknown country ${JSON.stringify(countryValue)}; use an ISO code such as GB or GBR`,
          suggestCountries(countryValue, SUGGESTIONS),
        );
      }
      if (level === 'country') return Object.freeze({ ok: true as const, place: Object.freeze(countryPlace(info)), geonamesId: null });
      country = info.iso2;
    }
    if (level === 'country' && country === null) {
      const info = resolveCountry(name);
      if (info) return Object.freeze({ ok: true as const, place: Object.freeze(countryPlace(info)), geonamesId: null });
    }
    return country !== null ? inCountry(name, key, country, true) : anywhere(name, key, true);
  };

  const resolve = (name: string, country: string | null): PlaceResolution => {
    const memoKey = `${name}\u0000${country ?? ''}`;
    let result = memo.get(memoKey);
    if (result === undefined) {
      result = compute(name, country);
      memo.set(memoKey, result);
    }
    return result;
  };
  const resolutions = (): ResolutionRecord[] => {
    const out: ResolutionRecord[] = [];
    for (const [memoKey, result] of memo) {
      if (!result.ok || !result.via) continue;
      const cut = memoKey.indexOf('\u0000');
      const country = memoKey.slice(cut + 1);
      out.push({
        name: memoKey.slice(0, cut),
        country: country === '' ? null : country,
        place: result.place,
        geonamesId: result.geonamesId ?? null,
        via: result.via,
      });
    }
    const cmp = (a: string, b: string): number => compareKeys(a, b);
    return out.sort((a, b) => cmp(a.name, b.name) || cmp(a.country ?? '', b.country ?? ''));
  };
  // Rows that carry a GeoNames id, coordinates or a region are placed by them (./by-geonames.ts).
  // A user alias for the name still comes first (rule 4).
  const aliased = (name: string, country: string | null) =>
    aliases.size > 0 && aliasFor(normalizeName(name), country ? (resolveCountry(country)?.iso2 ?? null) : null) !== null;
  const resolveAt = createHintResolution({ level, gazetteer, resolve, byName: aliased, cityPlace: namesake });
  return { level, resolve, resolveAt, resolutions };
}
