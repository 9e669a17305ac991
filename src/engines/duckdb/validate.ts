/**
 * The record parsers' validation (`parseMoves`, `parseTimelines`) as SQL: one temporary table
 * `rows` with every data row's cleaned cells, its typed year and count, and a flag per check, so
 * that the same rows are skipped with the same problems. Messages are built in JS from the
 * flagged rows with the parsers' own wording (`describeCountFault`, …); only those rows leave
 * DuckDB.
 *
 * Checks, in the parsers' order (see parse-moves.ts / parse-timelines.ts):
 *   moves      empty-id (no count column), empty-place from, to, bad-year, bad-count, self-move
 *   timelines  empty-id, empty-place, bad-year, bad-count (publications)
 * A row is blank (skipped, not counted) when every cell of every column is white space.
 */
import { checkColumnMap, matchColumns, MOVE_FIELDS, TIMELINE_FIELDS } from '../../records/columns.ts';
import { describeCountFault, YEAR_RANGE, type CountFault } from '../../records/cells.ts';
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
    const hint = m.column === m.field ? ` (or map one with --map ${m.field}=<column>)` : '';
    problems.push(problem(file, 1, m.field, m.column, 'missing-column', `no column "${m.column}" for ${m.field}${hint}; the header has ${has}`));
  }
  return { found: match.found, problems };
}

const YEAR_SQL = (text: string) =>
  `CASE WHEN regexp_full_match(${text}, '[0-9]+(\\.0*)?') AND TRY_CAST(${text} AS DOUBLE) BETWEEN ${YEAR_RANGE[0]} AND ${YEAR_RANGE[1]} ` +
  `THEN CAST(TRY_CAST(${text} AS DOUBLE) AS INTEGER) END`;

const COUNT_FAULT_SQL = (text: string) =>
  `CASE WHEN ${text} = '' THEN 'empty' ` +
  `WHEN NOT regexp_full_match(${text}, '[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?') THEN 'non-numeric' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) IS NULL OR isinf(TRY_CAST(${text} AS DOUBLE)) THEN 'non-numeric' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) < 0 THEN 'negative' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) <> floor(TRY_CAST(${text} AS DOUBLE)) THEN 'non-integer' ` +
  `WHEN TRY_CAST(${text} AS DOUBLE) = 0 THEN 'zero' END`;

/**
 * Creates the temporary table `rows` from the view `src` (see `source.ts`): for moves
 * `ord, blank, id, f, t, fc, tc, ytext, year, ctext, cfault, cnt, disc, self, bad`; for timelines
 * `ord, blank, id, place, country, ytext, year, ctext, cfault, cnt, disc, bad`. `bad` marks a
 * row with any problem (it is skipped, a zero count included).
 */
export async function createRowsTable(db: Session, header: readonly string[], kind: RecordKind, found: Map<string, string>): Promise<void> {
  // Every column is trimmed once (`_c0`, `_c1`, ...): the fields read them, the blank test needs them all.
  const trimmed = `ord, ${header.map((h, i) => `${cellSql(h)} AS _c${i}`).join(', ')}`;
  const cell = (field: string) => (found.has(field) ? `_c${header.indexOf(found.get(field)!)}` : `''`);
  const blank = header.length ? header.map((_h, i) => `_c${i} = ''`).join(' AND ') : 'true';
  const hasCount = kind === 'moves' ? found.has('count') : found.has('publications');
  const countText = hasCount ? cell(kind === 'moves' ? 'count' : 'publications') : `'1'`;
  const common = `ord, ${blank} AS blank, ${cell('researcher_id')} AS id, ${cell('year')} AS ytext, ${countText} AS ctext, nullif(${cell('discipline')}, '') AS disc`;
  const typed = `*, ${YEAR_SQL('ytext')} AS year, ${hasCount ? COUNT_FAULT_SQL('ctext') : 'NULL'} AS cfault`;
  if (kind === 'moves') {
    const idCheck = found.has('count') ? 'false' : `id = ''`;
    await db.run(`CREATE OR REPLACE TEMP TABLE rows AS
      WITH t AS (SELECT ${trimmed} FROM src),
      c AS (SELECT ${common}, ${cell('from')} AS f, ${cell('to')} AS t,
                   nullif(${cell('from_country')}, '') AS fc, nullif(${cell('to_country')}, '') AS tc FROM t),
      v AS (SELECT ${typed},
                   f <> '' AND (f = t OR lower(f) = lower(t)) AND (coalesce(fc, '') = coalesce(tc, '') OR lower(coalesce(fc, '')) = lower(coalesce(tc, ''))) AS self
            FROM c)
      SELECT *, CASE WHEN cfault IS NULL THEN CAST(ctext AS DOUBLE) END AS cnt,
             NOT blank AND (${idCheck} OR f = '' OR t = '' OR year IS NULL OR cfault IS NOT NULL OR self) AS bad
      FROM v`);
  } else {
    await db.run(`CREATE OR REPLACE TEMP TABLE rows AS
      WITH t AS (SELECT ${trimmed} FROM src),
      c AS (SELECT ${common}, ${cell('place')} AS place, nullif(${cell('country')}, '') AS country FROM t),
      v AS (SELECT ${typed} FROM c)
      SELECT *, CASE WHEN cfault IS NULL THEN CAST(ctext AS DOUBLE) END AS cnt,
             NOT blank AND (id = '' OR place = '' OR year IS NULL OR cfault IS NOT NULL) AS bad
      FROM v`);
  }
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
