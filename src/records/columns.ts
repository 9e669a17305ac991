/**
 * Canonical fields of the two record kinds and how they are found in an input's header.
 *
 * A header matches a field when it equals the field's name ignoring case, surrounding spaces,
 * and spaces or hyphens in place of underscores (`Researcher ID` = `researcher_id`). A column
 * map (`--map from=iso3codefrom,to=iso3codeto,count=n_migrations`) names the input column of a
 * field when the input uses other names; mapped names match the header the same way.
 */
import { OptionError } from '../errors.ts';
import type { ColumnMap, RecordKind } from './types.ts';

/** Fields of a moves table, in canonical order. */
export const MOVE_FIELDS = ['researcher_id', 'from', 'to', 'year', 'discipline', 'from_country', 'to_country', 'count'] as const;

/** Fields of an affiliation timeline, in canonical order. */
export const TIMELINE_FIELDS = [
  'researcher_id',
  'year',
  'place',
  'country',
  'discipline',
  'publications',
  'ror_id',
  'geonames_id',
  'lat',
  'lon',
  'region',
] as const;

/** The optional place columns of a timeline (what `talentflow import` knows of each place; see `TimelineRecord`). */
export const TIMELINE_PLACE_FIELDS = ['ror_id', 'geonames_id', 'lat', 'lon', 'region'] as const;

/**
 * Fields of a population table (`--population`): researchers of a place in a year, and
 * optionally the table's own in/out counts to compare the flows with.
 */
export const POPULATION_FIELDS = ['place', 'country', 'year', 'population', 'inflow', 'outflow'] as const;

/** What a table holds: a record kind, or the population beside the records. */
export type TableKind = RecordKind | 'population';

/** A canonical field of a moves table. */
export type MoveField = (typeof MOVE_FIELDS)[number];
/** A canonical field of an affiliation timeline. */
export type TimelineField = (typeof TIMELINE_FIELDS)[number];

/** The fields a record kind knows. */
export function fieldsOf(kind: TableKind): readonly string[] {
  return kind === 'moves' ? MOVE_FIELDS : kind === 'timelines' ? TIMELINE_FIELDS : POPULATION_FIELDS;
}

/** The key a header or a field name is compared by: `" Researcher-ID "` → `"researcher_id"`. */
export function headerKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Parses a column map written as comma-separated `field=column` pairs.
 * Fields must be canonical fields (of `kind` when given, else of either kind); each may appear once.
 *
 * @param option - the option named in errors (`map`, `population-map`).
 * @throws OptionError (option `map`) on a pair without `=`, an empty side, an unknown or repeated field.
 * @example parseColumnMap('from=iso3codefrom,to=iso3codeto,count=n_migrations')
 * // { from: 'iso3codefrom', to: 'iso3codeto', count: 'n_migrations' }
 */
export function parseColumnMap(text: string, kind?: TableKind, option = 'map'): ColumnMap {
  const known = kind ? fieldsOf(kind) : [...new Set<string>([...MOVE_FIELDS, ...TIMELINE_FIELDS])];
  const map: ColumnMap = {};
  if (text.trim() === '') return map;
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    const field = eq < 0 ? '' : headerKey(pair.slice(0, eq));
    const column = eq < 0 ? '' : pair.slice(eq + 1).trim();
    if (eq < 0 || field === '' || column === '') {
      throw new OptionError(
        option,
        text,
        `comma-separated field=column pairs, e.g. from=iso3codefrom,count=n_migrations; "${pair.trim()}" is not one`,
      );
    }
    if (!known.includes(field)) {
      throw new OptionError(option, text, `fields among ${known.join(', ')}; "${field}" is not one`);
    }
    if (map[field] !== undefined) throw new OptionError(option, text, `each field once; "${field}" appears twice`);
    map[field] = column;
  }
  return map;
}

/** Throws OptionError (option `columns`) unless every key of `map` is a field of `kind` and every value a non-empty string. */
export function checkColumnMap(map: ColumnMap | undefined, kind: TableKind): ColumnMap {
  if (map === undefined) return {};
  if (map === null || typeof map !== 'object' || Array.isArray(map)) {
    throw new OptionError('columns', map, 'an object mapping fields to column names');
  }
  const known = fieldsOf(kind);
  const out: ColumnMap = {};
  for (const [field, column] of Object.entries(map)) {
    if (column === undefined) continue;
    const key = headerKey(field);
    if (!known.includes(key)) throw new OptionError('columns', map, `fields among ${known.join(', ')}; "${field}" is not one`);
    if (typeof column !== 'string' || column.trim() === '') {
      throw new OptionError('columns', map, `a non-empty column name for field "${field}"`);
    }
    out[key] = column;
  }
  return out;
}

/** Where each field was found: field → the header's column name, or the name that was looked for and not found. */
export interface ColumnMatch {
  found: Map<string, string>;
  missing: Array<{ field: string; column: string }>;
}

/**
 * Finds each of `fields` in `header`, through `map` where it names the field's column.
 * A mapped column that is absent is missing even if the canonical name is present (the user
 * asked for that column).
 *
 * @example matchColumns(['Year', 'n_migrations'], ['year', 'count'], { count: 'n_migrations' })
 * // found: year → 'Year', count → 'n_migrations'; missing: []
 */
export function matchColumns(header: readonly string[], fields: readonly string[], map: ColumnMap = {}): ColumnMatch {
  const byKey = new Map<string, string>();
  for (const name of header) {
    const key = headerKey(name);
    if (!byKey.has(key)) byKey.set(key, name);
  }
  const found = new Map<string, string>();
  const missing: Array<{ field: string; column: string }> = [];
  for (const field of fields) {
    const wanted = map[field] ?? field;
    const column = byKey.get(headerKey(wanted));
    if (column === undefined) missing.push({ field, column: wanted });
    else found.set(field, column);
  }
  return { found, missing };
}
