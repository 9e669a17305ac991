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
import { describeCountFault, YEAR_RANGE, type CountFault } from '../../records/cells.ts';
import { problem } from '../../records/table-input.ts';
import type { ColumnMap, Problem, RecordKind } from '../../records/types.ts';
import { DUCKDB } from '../sql/dialect.ts';
import { rowDefinitions, stepChain } from '../sql/rows.ts';
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
    kind === 'timelines'
      ? ['researcher_id', 'year', 'place']
      : present.has('count')
        ? ['from', 'to', 'year']
        : ['from', 'to', 'year', 'researcher_id'];
  const problems: Problem[] = [];
  const has = header.length ? header.map((h) => JSON.stringify(h)).join(', ') : 'no columns';
  for (const m of match.missing.filter((m) => required.includes(m.field))) {
    const hint =
      m.column === m.field ? ` (or map one: option columns { ${m.field}: '<column>' }, --map ${m.field}=<column> on the command line)` : '';
    problems.push(
      problem(file, 1, m.field, m.column, 'missing-column', `no column "${m.column}" for ${m.field}${hint}; the header has ${has}`),
    );
  }
  return { found: match.found, problems };
}

/**
 * Creates the temporary table `rows_t` from the view `src` (see `source.ts`) and the view `rows`
 * over it with `ord`, the 1-based data-row number in file order (the table's `rowid` + 1). Columns:
 * for moves `ord, blank, id, f, t, fc, tc, year, cnt, disc, bad, ytext, ctext, cfault, self`; for
 * timelines `ord, blank, id, place, country, hkey, year, cnt, disc, bad, ytext, ctext, cfault` (`hkey`:
 * the place columns' key). `bad` marks a row with any problem (it is skipped, a zero count
 * included); `ytext`, `ctext`, `cfault` and `self` are kept for those rows only, the messages need them.
 *
 * The checks are the shared definitions of `src/engines/sql/rows.ts` rendered for DuckDB (the
 * ClickHouse engine runs the same ones), with DuckDB's vectorised shortcuts for the common case.
 */
export async function createRowsTable(db: Session, header: readonly string[], kind: RecordKind, found: Map<string, string>): Promise<void> {
  const defs = rowDefinitions(DUCKDB, { kind, header, found });
  const columns =
    kind === 'moves'
      ? ['blank', 'id', 'f', 't', 'fc', 'tc', 'year', 'cnt', 'disc', 'bad', 'ytext', 'ctext', 'cfault', 'self']
      : ['blank', 'id', 'place', 'country', 'hkey', 'year', 'cnt', 'disc', 'bad', 'ytext', 'ctext', 'cfault'];
  const out = columns
    .map((c) => (c === 'ytext' || c === 'ctext' ? `CASE WHEN tf_bad THEN tf_${c} END AS ${c}` : `tf_${c} AS ${c}`))
    .join(', ');
  await db.run(`CREATE OR REPLACE TEMP TABLE rows_t AS
    SELECT ${out} FROM (${stepChain(defs, 'src')});
    CREATE OR REPLACE TEMP VIEW rows AS SELECT rowid + 1 AS ord, * FROM rows_t`);
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
    out.push(
      problem(file, line, field, text('ctext'), 'bad-count', describeCountFault(fault, field), fault === 'zero' ? 'warning' : 'error'),
    );
  }
  if (kind === 'moves' && row.self === true) {
    const from = text('f');
    const fromCountry = row.fc === null ? null : text('fc');
    const where = fromCountry ? ` (${fromCountry})` : '';
    out.push(problem(file, line, 'to', text('t'), 'self-move', `from and to are both "${from}"${where}: not a move`));
  }
  return out;
}
