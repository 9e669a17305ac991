/**
 * The record parsers' validation (`parseMoves`, `parseTimelines`) as SQL: one temporary table
 * (`rows_t`, read through the view `rows`) with every data row's cleaned cells, its typed year
 * and count, and a flag per check, so that the same rows are skipped with the same problems.
 * Messages are built in JS from the flagged rows with the parsers' own wording
 * (`describeCountFault`, …); only those rows leave DuckDB.
 *
 * Checks, in the parsers' order (see parse-moves.ts / parse-timelines.ts):
 *   moves      empty-id (no count column), empty-place from, to, bad-year, bad-count, self-move
 *   timelines  empty-id, empty-place, bad-year, bad-count (publications)
 * A row is blank (skipped, not counted) when every cell of every column is white space.
 */
import { checkColumnMap, matchColumns, MOVE_FIELDS, TIMELINE_FIELDS } from '../../records/columns.ts';
import { PLACE_HINT_FIELDS } from '../../records/parse-timelines.ts';
import { describeCountFault, MAX_COUNT, YEAR_RANGE, type CountFault } from '../../records/cells.ts';
import { problem } from '../../records/table-input.ts';
import type { ColumnMap, Problem, RecordKind } from '../../records/types.ts';
import { cellSql } from './source.ts';
import type { Row, Session } from './session.ts';

/** Which canonical fields the input has, by the header (see `matchColumns`). */
export interface FieldMatch {
  /** field → column name. */
  found: Map<string, string>;
  /** `missing-column` problems; when non-empty the input gives no records. */
  problems: Problem[];
}

/** Matches the header as `walkRows` does and words missing required columns the same way. */
export function matchFields(header: readonly string[], kind: RecordKind, columns: ColumnMap, file: string): FieldMatch {
  const fields = kind === 'moves' ? MOVE_FIELDS : TIMELINE_FIELDS;
  const match = matchColumns(header, fields, checkColumnMap(columns, kind));
  const present = new Set(match.found.keys());
  const required =
    kind === 'timelines' ? ['researcher_id', 'year', 'place'] : present.has('count') ? ['from', 'to', 'year'] : ['from', 'to', 'year', 'researcher_id'];
  const problems: Problem[] = [];
  const has = header.length ? header.map((h) => JSON.stringify(h)).join(', ') : 'no columns';
  for (const m of match.missing.filter((m) => required.includes(m.field))) {
    const hint = m.column === m.field ? ` (or map one: option columns { ${m.field}: '<column>' }, --map ${m.field}=<column> on the command line)` : '';
    problems.push(problem(file, 1, m.field, m.column, 'missing-column', `no column "${m.column}" for ${m.field}${hint}; the header has ${has}`));
  }
  return { found: match.found, problems };
}

/** The year grammar exactly (`parseYear`): digits with an optional `.0…` suffix, in range. */
const YEAR_SQL = (text: string) =>
  `CASE WHEN regexp_full_match(${text}, '[0-9]+(\\.0*)?') AND TRY_CAST(${text} AS DOUBLE) BETWEEN ${YEAR_RANGE[0]} AND ${YEAR_RANGE[1]} ` +
  `THEN CAST(TRY_CAST(${text} AS DOUBLE) AS INTEGER) END`;

/**
 * The year of `text`, cheaply for the common case: four digits in range are exactly the texts
 * whose integer cast is in range and prints back as the same text (DuckDB's cast also accepts
 * `19e2`, `+201`, `2_019`, ...). Anything else goes through {@link YEAR_SQL}.
 */
const FAST_YEAR_SQL = (text: string, cast: string) =>
  `CASE WHEN ${cast} BETWEEN ${YEAR_RANGE[0]} AND ${YEAR_RANGE[1]} AND strlen(${text}) = 4 AND CAST(${cast} AS VARCHAR) = ${text} ` +
  `THEN CAST(${cast} AS INTEGER) ELSE ${YEAR_SQL(text)} END`;

/** The count grammar exactly (`parseCount`): NULL when the count is usable, else its fault. */
const COUNT_FAULT_SQL = (text: string) =>
  `CASE WHEN ${text} = '' THEN 'empty' ` +
  `WHEN NOT regexp_full_match(${text}, '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?') THEN 'non-numeric' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) IS NULL OR isinf(TRY_CAST(${text} AS DOUBLE)) THEN 'non-numeric' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) < 0 THEN 'negative' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) <> floor(TRY_CAST(${text} AS DOUBLE)) THEN 'non-integer' ` +
  `WHEN NOT regexp_full_match(${text}, '[0-9]+(\\.0*)?') THEN 'not-plain' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) = 0 THEN 'zero' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) > ${MAX_COUNT} THEN 'too-large' END`;

/**
 * Creates the temporary table `rows_t` from the view `src` (see `source.ts`) and the view `rows`
 * over it with `ord`, the 1-based data-row number in file order (the table's `rowid` + 1). Columns:
 * for moves `ord, blank, id, f, t, fc, tc, year, cnt, disc, bad, ytext, ctext, cfault, self`; for
 * timelines `ord, blank, id, place, country, hkey, year, cnt, disc, bad, ytext, ctext, cfault` (`hkey`:
 * the place columns' cells, see {@link hintKeySql}). `bad`
 * marks a row with any problem (it is skipped, a zero count included); `ytext`, `ctext`, `cfault`
 * and `self` are kept for those rows only, the messages need them.
 *
 * Every check has a cheap vectorised test for the common case (a clean cell, a four-digit year, a
 * count written as a plain integer) and falls back to the exact grammar only on the other rows.
 */
export async function createRowsTable(db: Session, header: readonly string[], kind: RecordKind, found: Map<string, string>): Promise<void> {
  // Raw columns are renamed `_r0`, `_r1`, ... so that no header name can clash with the derived ones.
  const rawName = (column: string) => `_r${header.indexOf(column)}`;
  const cell = (field: string) => (found.has(field) ? cellSql(rawName(found.get(field)!)) : `''`);
  // A row is blank when every cell is white space: only rows whose first required field is empty
  // can be, so the other columns are trimmed for those rows only.
  const lead = kind === 'moves' ? 'f' : 'place';
  const blankSql = header.length ? `CASE WHEN ${lead} <> '' THEN false ELSE ${header.map((_h, i) => `${cellSql(`_r${i}`)} = ''`).join(' AND ')} END` : 'true';
  const hasCount = kind === 'moves' ? found.has('count') : found.has('publications');
  const countField = kind === 'moves' ? 'count' : 'publications';
  const fields =
    kind === 'moves'
      ? `${cell('from')} AS f, ${cell('to')} AS t, nullif(${cell('from_country')}, '') AS fc, nullif(${cell('to_country')}, '') AS tc`
      : `${cell('place')} AS place, nullif(${cell('country')}, '') AS country, ${hintKeySql(found, cell)} AS hkey`;
  const raw = header.map((_h, i) => `_r${i}`).join(', ');
  const trimmed = `SELECT *, ${cell('researcher_id')} AS id, ${fields}, ${cell('year')} AS ytext,
      ${hasCount ? cell(countField) : `'1'`} AS ctext, nullif(${cell('discipline')}, '') AS disc FROM s`;
  const casts = `SELECT *, TRY_CAST(ytext AS SMALLINT) AS yv, ${hasCount ? 'TRY_CAST(ctext AS UINTEGER)' : '1'} AS cv FROM t`;
  // A count ≥ 1 whose integer cast prints back as the same text is a plain integer: usable as it is.
  const countSql = hasCount
    ? `CASE WHEN cv >= 1 AND cv <= ${MAX_COUNT} AND CAST(cv AS VARCHAR) = ctext THEN NULL ELSE ${COUNT_FAULT_SQL('ctext')} END`
    : 'NULL';
  const cntSql = hasCount ? `CASE WHEN cfault IS NOT NULL THEN NULL WHEN CAST(cv AS VARCHAR) = ctext THEN CAST(cv AS DOUBLE) ELSE CAST(ctext AS DOUBLE) END` : '1.0';
  const typed = `SELECT *, ${blankSql} AS blank, ${FAST_YEAR_SQL('ytext', 'yv')} AS year, ${countSql} AS cfault FROM c`;
  const sameText = (a: string, b: string) => `(${a} = ${b} OR (length(${a}) = length(${b}) AND lower(${a}) = lower(${b})))`;
  let checks: string;
  let columns: string;
  if (kind === 'moves') {
    // DuckDB's lower maps code point to code point, so texts of different lengths never compare equal.
    const self = `CASE WHEN f = '' THEN false WHEN NOT ${sameText('f', 't')} THEN false ELSE ${sameText(`coalesce(fc, '')`, `coalesce(tc, '')`)} END`;
    const idCheck = found.has('count') ? 'false' : `id = ''`;
    columns = `blank, id, f, t, fc, tc, year, cnt, disc, bad, ytext, ctext, cfault, self`;
    checks = `SELECT *, NOT blank AND (${idCheck} OR f = '' OR t = '' OR year IS NULL OR cfault IS NOT NULL OR self) AS bad
      FROM (SELECT *, ${self} AS self FROM v)`;
  } else {
    columns = `blank, id, place, country, hkey, year, cnt, disc, bad, ytext, ctext, cfault`;
    checks = `SELECT *, NOT blank AND (id = '' OR place = '' OR year IS NULL OR cfault IS NOT NULL) AS bad FROM v`;
  }
  const out = columns
    .split(', ')
    .map((col) => (col === 'ytext' || col === 'ctext' ? `CASE WHEN bad THEN ${col} END AS ${col}` : col === 'cnt' ? `${cntSql} AS cnt` : col))
    .join(', ');
  await db.run(`CREATE OR REPLACE TEMP TABLE rows_t AS
    WITH s AS (SELECT ${raw} FROM src), t AS (${trimmed}), c AS (${casts}), v AS (${typed}), w AS (${checks})
    SELECT ${out} FROM w;
    CREATE OR REPLACE TEMP VIEW rows AS SELECT rowid + 1 AS ord, * FROM rows_t`);
}

/**
 * The text key of a row's place columns (geonames_id, lat, lon, region joined by U+0001), or ''
 * when the input has none of them: pairs are resolved per (name, country, key), the key parsed
 * back with `placeHintOfCells` as the JS reader does.
 */
function hintKeySql(found: Map<string, string>, cell: (field: string) => string): string {
  if (!PLACE_HINT_FIELDS.some((f) => found.has(f))) return `''`;
  return `concat(${PLACE_HINT_FIELDS.map((f) => cell(f)).join(`, chr(1), `)})`;
}

const BAD_YEAR = `year is not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`;

/** The flagged rows (`bad`), in file order, with what their messages need. */
export function badRowsSql(kind: RecordKind): string {
  return kind === 'moves'
    ? `SELECT ord, id, f, t, fc, tc, ytext, year, ctext, cfault, self FROM rows WHERE bad ORDER BY ord`
    : `SELECT ord, id, place, ytext, year, ctext, cfault FROM rows WHERE bad ORDER BY ord`;
}

/**
 * The problems of one flagged row, worded as the parsers word them, in their order.
 * `hasCount`: the input has a count (moves) or publications (timelines) column.
 */
export function rowProblems(row: Row, kind: RecordKind, hasCount: boolean, file: string, line: number): Problem[] {
  const out: Problem[] = [];
  const text = (k: string) => String(row[k] ?? '');
  if (kind === 'moves') {
    const id = text('id');
    if (!hasCount && id === '') out.push(problem(file, line, 'researcher_id', id, 'empty-id', 'researcher_id is empty'));
    if (text('f') === '') out.push(problem(file, line, 'from', '', 'empty-place', 'from is empty'));
    if (text('t') === '') out.push(problem(file, line, 'to', '', 'empty-place', 'to is empty'));
  } else {
    if (text('id') === '') out.push(problem(file, line, 'researcher_id', '', 'empty-id', 'researcher_id is empty'));
    if (text('place') === '') out.push(problem(file, line, 'place', '', 'empty-place', 'place is empty'));
  }
  if (row.year === null) out.push(problem(file, line, 'year', text('ytext'), 'bad-year', BAD_YEAR));
  const fault = row.cfault as CountFault | null;
  if (fault !== null) {
    const field = kind === 'moves' ? 'count' : 'publications';
    out.push(problem(file, line, field, text('ctext'), 'bad-count', describeCountFault(fault, field), fault === 'zero' ? 'warning' : 'error'));
  }
  if (kind === 'moves' && row.self === true) {
    const from = text('f');
    const fromCountry = row.fc === null ? null : text('fc');
    const where = fromCountry ? ` (${fromCountry})` : '';
    out.push(problem(file, line, 'to', text('t'), 'self-move', `from and to are both "${from}"${where}: not a move`));
  }
  return out;
}
