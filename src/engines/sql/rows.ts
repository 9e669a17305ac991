/**
 * The record parsers' checks (`parseMoves`, `parseTimelines`, `src/records/cells.ts`) as named
 * SQL expressions over one input row, written once for every dialect: each definition may use
 * the raw columns and the definitions before it. ClickHouse runs them as `WITH expr AS name`
 * aliases inside each query on the Distributed table (so every shard evaluates them on its own
 * rows); DuckDB and Spark as a chain of `SELECT *, expr AS name` steps.
 *
 * Names (all `tf_`-prefixed, so that no input column can clash):
 *   moves      tf_id, tf_f, tf_t, tf_fc, tf_tc, tf_ytext, tf_ctext, tf_disc, tf_blank, tf_year,
 *              tf_cfault, tf_cnt, tf_self, tf_bad
 *   timelines  tf_id, tf_place, tf_country, tf_hkey, tf_ytext, tf_ctext, tf_disc, tf_blank, tf_year,
 *              tf_cfault, tf_cnt, tf_bad
 * (dialects with shortcuts, `Dialect.fast`, also tf_yv and tf_cv, the integer casts of year and count).
 * `tf_blank`: every cell is white space (skipped, not counted); `tf_bad`: a row with a problem
 * (skipped; a zero count included); `tf_cfault`: NULL or the count fault of `parseCount`;
 * `tf_cnt`: the count (meaningful on rows that are not bad); `tf_hkey`: the place columns' key ('' without them).
 */
import { MAX_COUNT, YEAR_RANGE } from '../../records/cells.ts';
import { PLACE_HINT_FIELDS } from '../../records/parse-timelines.ts';
import type { RecordKind } from '../../records/types.ts';
import { JS_WHITESPACE, type Dialect } from './dialect.ts';

/** One named expression. */
export type Definition = readonly [name: string, expr: string];

/** What the definitions read: the raw columns (text, or any type converted to text) and which fields they hold. */
export interface RowInput {
  kind: RecordKind;
  /** Every column of the input, in order (all take part in the blank-row test). */
  header: readonly string[];
  /** Canonical field → column (see `matchColumns`). */
  found: ReadonlyMap<string, string>;
  /**
   * SQL of a raw column as text ('' for NULL); default: the column as the dialect's raw table
   * names it (`Dialect.column`: by position for DuckDB, by name for the others).
   */
  raw?: (column: string) => string;
}

/** The numbers `parseCount` tells apart (a count must then also be plain digits, at most `MAX_COUNT`). */
const NUMBER_RE = '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?';

/** A cell trimmed as JavaScript trims, '' for NULL (most cells skip the regular expressions where the dialect has a shortcut). */
export function cellSql(d: Dialect, text: string): string {
  const exact = d.replaceFirst(d.replaceFirst(`coalesce(${text}, '')`, `^[${JS_WHITESPACE}]+`, ''), `[${JS_WHITESPACE}]+$`, '');
  return d.fast ? `CASE WHEN ${d.fast.untrimmed(text)} THEN ${text} WHEN ${text} IS NULL THEN '' ELSE ${exact} END` : exact;
}

/**
 * The definitions for one input, in dependency order.
 * @example rowDefinitions(CLICKHOUSE, { kind: 'moves', header, found }).map(([n, e]) => `${e} AS ${n}`)
 */
export function rowDefinitions(d: Dialect, input: RowInput): Definition[] {
  const { kind, header, found } = input;
  const raw = input.raw ?? ((c: string) => d.column(header, c));
  const fast = d.fast;
  const cell = (field: string) => (found.has(field) ? cellSql(d, raw(found.get(field)!)) : `''`);
  const optional = (field: string) => (found.has(field) ? d.nullIfEmpty(cell(field)) : d.nullText);
  const countField = kind === 'moves' ? 'count' : 'publications';
  const hasCount = found.has(countField);
  const defs: Definition[] = [['tf_id', cell('researcher_id')]];
  if (kind === 'moves') {
    defs.push(['tf_f', cell('from')], ['tf_t', cell('to')], ['tf_fc', optional('from_country')], ['tf_tc', optional('to_country')]);
  } else {
    defs.push(['tf_place', cell('place')], ['tf_country', optional('country')], ['tf_hkey', hintKey(d, found, cell)]);
  }
  defs.push(['tf_ytext', cell('year')], ['tf_ctext', hasCount ? cell(countField) : `'1'`], ['tf_disc', optional('discipline')]);
  const lead = kind === 'moves' ? 'tf_f' : 'tf_place';
  // Only a row whose first required field is empty can be blank: the other columns are trimmed for those rows only.
  const allEmpty = header.length ? header.map((h) => `${cellSql(d, raw(h))} = ''`).join(' AND ') : '(1 = 1)';
  defs.push(['tf_blank', `CASE WHEN ${lead} <> '' THEN (1 = 0) ELSE (${allEmpty}) END`]);
  // parseYear: digits with an optional `.0…`, in range. Every year in range has four digits once
  // leading zeros are gone, which also keeps the integer cast from overflowing.
  const digits = d.replaceFirst(d.replaceFirst('tf_ytext', '\\..*$', ''), '^0+', '');
  const year =
    `CASE WHEN ${d.fullMatch('tf_ytext', '[0-9]+(\\.0*)?')} AND ${d.length(digits)} = 4 AND ${d.toInt(digits)} BETWEEN ${YEAR_RANGE[0]} AND ${YEAR_RANGE[1]} ` +
    `THEN ${d.toInt(digits)} END`;
  const v = d.toDouble('tf_ctext');
  const fault =
    `CASE WHEN tf_ctext = '' THEN 'empty' WHEN NOT ${d.fullMatch('tf_ctext', NUMBER_RE)} THEN 'non-numeric' ` +
    `WHEN ${v} IS NULL OR ${d.isInf(v)} THEN 'non-numeric' WHEN ${v} < 0 THEN 'negative' ` +
    `WHEN ${v} <> floor(${v}) THEN 'non-integer' WHEN NOT ${d.fullMatch('tf_ctext', '[0-9]+(\\.0*)?')} THEN 'not-plain' ` +
    `WHEN ${v} = 0 THEN 'zero' WHEN ${v} > ${MAX_COUNT} THEN 'too-large' ELSE NULL END`;
  // Read on clean rows only, where the count is a number.
  const cnt = `coalesce(${v}, 0)`;
  if (fast) {
    // A four-digit year in range and a count from 1 to MAX_COUNT written as plain digits are
    // exactly the texts whose integer cast is in range and prints back as the same text (the
    // casts also accept `19e2`, `+201`, `2_019`, ..., which print back otherwise).
    defs.push(['tf_yv', fast.year('tf_ytext')], ['tf_cv', fast.count('tf_ctext')]);
    const plainYear = `tf_yv BETWEEN ${YEAR_RANGE[0]} AND ${YEAR_RANGE[1]} AND ${d.length('tf_ytext')} = 4 AND ${fast.text('tf_yv')} = tf_ytext`;
    const plainCount = `${fast.text('tf_cv')} = tf_ctext`;
    defs.push(['tf_year', `CASE WHEN ${plainYear} THEN ${fast.int32('tf_yv')} ELSE ${year} END`]);
    defs.push(['tf_cfault', `CASE WHEN tf_cv >= 1 AND tf_cv <= ${MAX_COUNT} AND ${plainCount} THEN NULL ELSE ${fault} END`]);
    defs.push(['tf_cnt', `CASE WHEN ${plainCount} THEN ${fast.double('tf_cv')} ELSE ${cnt} END`]);
  } else {
    defs.push(['tf_year', year], ['tf_cfault', fault], ['tf_cnt', cnt]);
  }
  if (kind === 'moves') {
    // Lower case maps code point to code point in every dialect: texts of different lengths are never the same.
    const same = (a: string, b: string) => `(${a} = ${b} OR (${d.length(a)} = ${d.length(b)} AND ${d.lower(a)} = ${d.lower(b)}))`;
    defs.push([
      'tf_self',
      `CASE WHEN tf_f = '' THEN (1 = 0) WHEN NOT ${same('tf_f', 'tf_t')} THEN (1 = 0) ELSE ${same(`coalesce(tf_fc, '')`, `coalesce(tf_tc, '')`)} END`,
    ]);
    const idCheck = found.has('count') ? '(1 = 0)' : `tf_id = ''`;
    defs.push([
      'tf_bad',
      `(NOT tf_blank AND (${idCheck} OR tf_f = '' OR tf_t = '' OR tf_year IS NULL OR tf_cfault IS NOT NULL OR tf_self))`,
    ]);
  } else {
    defs.push(['tf_bad', `(NOT tf_blank AND (tf_id = '' OR tf_place = '' OR tf_year IS NULL OR tf_cfault IS NOT NULL))`]);
  }
  return defs;
}

/**
 * The text key of a timeline row's place columns (geonames_id, lat, lon, region joined by U+0001),
 * or '' when the input has none of them: pairs are resolved per (name, country, key), the key
 * parsed back with `placeHintOfKey` as the JS reader does.
 */
function hintKey(d: Dialect, found: ReadonlyMap<string, string>, cell: (field: string) => string): string {
  if (!PLACE_HINT_FIELDS.some((f) => found.has(f))) return `''`;
  return `concat(${PLACE_HINT_FIELDS.map((f) => cell(f)).join(`, ${d.str('\u0001')}, `)})`;
}

/** The definitions as ClickHouse `WITH` aliases, the head of a query. */
export function withClause(defs: readonly Definition[]): string {
  return defs.length ? `WITH ${defs.map(([name, expr]) => `${expr} AS ${name}`).join(',\n  ')}\n` : '';
}

/** The definitions as a chain of CTE steps over `from` (DuckDB, Spark): `WITH r0 AS (…), … SELECT * FROM rN`. */
export function stepChain(defs: readonly Definition[], from: string): string {
  const steps = defs.map(([name, expr], i) => `r${i + 1} AS (SELECT *, ${expr} AS ${name} FROM ${i === 0 ? from : `r${i}`})`);
  return `WITH ${steps.join(',\n  ')}\nSELECT * FROM r${defs.length}`;
}
