/**
 * Place resolution for the DuckDB engine stays in JS, on the distinct (name, country) pairs only:
 * DuckDB hands over each pair once, the `PlaceResolver` resolves it, and the table `pmap`
 * (pair → place index) goes back for a join. Place indices follow the code-unit order of the
 * place ids, so `ORDER BY place` and `min(place)` in SQL are the JS engine's id order and
 * alphabetical tie-breaks.
 */
import { compareText } from '../../graph/breakdowns.ts';
import { hasPlaceHint } from '../../places/by-geonames.ts';
import { placeHintOfKey } from '../../records/parse-timelines.ts';
import type { Place, PlaceResolution, PlaceResolver } from '../../places/types.ts';
import type { Problem } from '../../records/types.ts';
import type { Session } from './session.ts';

/** One distinct (name, country) pair and what it resolved to. */
export interface Pair {
  name: string;
  country: string | null;
  /** The place columns' key ('' or absent when none). */
  hkey?: string;
  resolution: PlaceResolution;
}

/** The pairs (index = `k` in `pmap`) and the places they reached (index = `place`, in id order). */
export interface PlaceIndex {
  pairs: Pair[];
  places: Place[];
}

/**
 * Resolves the distinct pairs of `pairsSql` (columns `name`, `country`) and creates `pmap(k, name,
 * ckey, place, flag)`: `ckey` is the country or '' (an empty country is no country), `place` null
 * when the pair does not resolve, `flag` true when it gives a problem (failure or warning).
 */
export async function resolvePairs(db: Session, pairsSql: string, resolver: PlaceResolver): Promise<PlaceIndex> {
  const index = resolveListed(await listPairs(db, pairsSql), resolver);
  await storePlaces(db, index, true);
  return index;
}

/** The distinct pairs of a query, in the order that numbers them (`k`), before resolution. */
export interface ListedPairs {
  names: string[];
  countries: Array<string | null>;
  /** The place columns' key of each pair ('' when none). */
  keys: string[];
}

/**
 * The distinct pairs of `pairsSql` (columns `name`, `country`, and `hkey` for timelines with
 * place columns) ordered by name, country (none first) and key: pair k is the k-th.
 */
export async function listPairs(db: Session, pairsSql: string): Promise<ListedPairs> {
  // Timelines hand over the place columns' key too (`hkey`, see validate.ts): a pair is then
  // placed by its GeoNames id, coordinates or region when it has them, as `resolveTimelines` does.
  const probe = await db.columns(`SELECT * FROM (${pairsSql}) LIMIT 0`);
  const keyed = 'hkey' in probe;
  const rows = await db.columns(
    `SELECT name, country, ${keyed ? 'hkey' : `'' AS hkey`} FROM (${pairsSql}) ORDER BY name, country NULLS FIRST, hkey`,
  );
  return {
    names: (rows.name ?? []) as string[],
    countries: ((rows.country ?? []) as Array<string | null>).map((c) => c ?? null),
    keys: ((rows.hkey ?? []) as string[]).map((k) => k ?? ''),
  };
}

/**
 * Creates `pairs(k, name, ckey)` from listed pairs (no key column: moves), so that rows can be
 * joined to their pair indices while the pairs are resolved.
 */
export async function storePairs(db: Session, listed: ListedPairs): Promise<void> {
  await db.run(`CREATE OR REPLACE TEMP TABLE pairs (k INTEGER, name VARCHAR, ckey VARCHAR)`);
  await db.append(
    'pairs',
    listed.names.map((name, k) => [k, name, listed.countries[k] ?? '']),
  );
}

/** Resolves each listed pair once; places are numbered in the code-unit order of their ids. */
export function resolveListed(listed: ListedPairs, resolver: PlaceResolver): PlaceIndex {
  const at = resolver.resolveAt?.bind(resolver);
  const pairs: Pair[] = listed.names.map((name, i) => {
    const country = listed.countries[i] ?? null;
    const key = listed.keys[i] ?? '';
    const hint = key ? placeHintOfKey(key) : null;
    return {
      name,
      country,
      hkey: key,
      resolution: at && hasPlaceHint(hint) ? at(name, country, hint) : resolver.resolve(name, country),
    };
  });
  const byId = new Map<string, Place>();
  for (const p of pairs) if (p.resolution.ok) byId.set(p.resolution.place.id, p.resolution.place);
  const ids = [...byId.keys()].sort(compareText);
  return { pairs, places: ids.map((id) => byId.get(id)!) };
}

/**
 * Creates `pmap(k, place, flag)`, with the pairs' texts (`name`, `ckey`, `hkey`) when `texts`:
 * `place` is null when the pair does not resolve, `flag` true when it gives a problem (failure or warning).
 */
export async function storePlaces(db: Session, index: PlaceIndex, texts: boolean): Promise<void> {
  const number = new Map(index.places.map((p, i) => [p.id, i]));
  const place = (p: Pair) => (p.resolution.ok ? number.get(p.resolution.place.id)! : null);
  const flag = (p: Pair) => !p.resolution.ok || p.resolution.warning !== undefined;
  if (texts) {
    await db.run(`CREATE OR REPLACE TEMP TABLE pmap (k INTEGER, name VARCHAR, ckey VARCHAR, hkey VARCHAR, place INTEGER, flag BOOLEAN)`);
    await db.append(
      'pmap',
      index.pairs.map((p, k) => [k, p.name, p.country ?? '', p.hkey ?? '', place(p), flag(p)]),
    );
  } else {
    await db.run(`CREATE OR REPLACE TEMP TABLE pmap (k INTEGER, place INTEGER, flag BOOLEAN)`);
    await db.append(
      'pmap',
      index.pairs.map((p, k) => [k, place(p), flag(p)]),
    );
  }
}

/** The problem `resolveEnd` reports for a pair on one row, or null when it resolved cleanly. */
export function pairProblem(pair: Pair, field: string, file: string, line: number): Problem | null {
  const res = pair.resolution;
  if (res.ok) {
    if (!res.warning) return null;
    return { file, line, field, value: pair.name, reason: res.warning.reason, severity: 'warning', message: res.warning.message };
  }
  const countryField = field === 'place' ? 'country' : `${field}_country`;
  const onCountry = res.reason === 'unknown-country' && pair.country !== null;
  return {
    file,
    line,
    field: onCountry ? countryField : field,
    value: onCountry ? pair.country! : pair.name,
    reason: res.reason,
    severity: 'error',
    message: res.message,
    suggestions: res.suggestions,
  };
}

/**
 * Ranks distinct disciplines in code-unit order into the table `drank(disc, rank)`, for the
 * primary-discipline tie-break.
 */
export async function rankDisciplines(db: Session, disciplinesSql: string): Promise<void> {
  const rows = await db.columns(`SELECT DISTINCT disc FROM (${disciplinesSql}) WHERE disc IS NOT NULL`);
  const sorted = ((rows.disc ?? []) as string[]).slice().sort(compareText);
  await db.run(`CREATE OR REPLACE TEMP TABLE drank (disc VARCHAR, rank INTEGER)`);
  await db.append(
    'drank',
    sorted.map((d, i) => [d, i]),
  );
}
