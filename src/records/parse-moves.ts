/**
 * Parsing and validating a moves table: one row per move (person-level, with `researcher_id`)
 * or per aggregated flow (with a `count` column, e.g. the Scholarly Migration Database's yearly
 * country → country flows).
 *
 * Columns (matched case-insensitively; see `columns.ts`):
 *   required  from, to, year; researcher_id unless a count column is present (with a count
 *             column an empty researcher_id marks an aggregated row: researcherId null)
 *   optional  discipline, from_country, to_country, count
 *
 * Every bad value is a problem located by file, line, field and value; the row is skipped and
 * reading goes on. Nothing is defaulted: an empty count is an error, not 1.
 *   empty-id     researcher_id is empty (person-level tables)
 *   empty-place  from or to is empty
 *   bad-year     year is not a whole number in 1900–2100
 *   bad-count    count is empty, not a number, negative or fractional (error), or 0 (warning:
 *                the row stands for no move; it is skipped, so it adds no researcher either)
 *   self-move    from equals to (ignoring case) in the same country: not a move
 */
import type { ColumnTable } from 'arquero';
import { MOVE_FIELDS } from './columns.ts';
import { cellText, describeCountFault, parseCount, parseYear, YEAR_RANGE } from './cells.ts';
import { problem, walkRows, type ParseOptions } from './table-input.ts';
import type { MoveRecord, ReadResult } from './types.ts';

const BASE_REQUIRED = ['from', 'to', 'year'] as const;

/**
 * Parses and validates a moves table whose cells are raw text (see `readTable`).
 *
 * @param table - an arquero table, all columns as strings.
 * @param options - `file` for problem locations; `columns` maps fields to other column names.
 * @returns `{ records, problems, rowsRead }`; a missing required column gives no records and
 *   one `missing-column` problem per column (line 1).
 * @example
 * const { records, problems } = parseMoves(fromCSV(text, { autoType: false }), { file: 'moves.csv' });
 * // records[0] → { researcherId: 'r1', from: 'Cambridge', to: 'Boston', year: 2020, count: 1, line: 2, ... }
 */
export function parseMoves(table: ColumnTable, options: ParseOptions): ReadResult<MoveRecord> {
  const { file } = options;
  let hasCount = false;
  return walkRows<MoveRecord>(
    table,
    options,
    'moves',
    MOVE_FIELDS,
    (present) => {
      hasCount = present.has('count');
      return hasCount ? BASE_REQUIRED : [...BASE_REQUIRED, 'researcher_id'];
    },
    (column) => {
      const ids = column('researcher_id');
      const froms = column('from')!;
      const tos = column('to')!;
      const years = column('year')!;
      const counts = column('count');
      const disciplines = column('discipline');
      const fromCountries = column('from_country');
      const toCountries = column('to_country');
      return (row, line, problems) => {
        const before = problems.length;
        const id = ids ? cellText(ids[row]) : '';
        if (counts === null && id === '') problems.push(problem(file, line, 'researcher_id', id, 'empty-id', 'researcher_id is empty'));

        const from = cellText(froms[row]);
        const to = cellText(tos[row]);
        if (from === '') problems.push(problem(file, line, 'from', from, 'empty-place', 'from is empty'));
        if (to === '') problems.push(problem(file, line, 'to', to, 'empty-place', 'to is empty'));

        const yearText = cellText(years[row]);
        const year = parseYear(yearText);
        if (year === null) problems.push(problem(file, line, 'year', yearText, 'bad-year', BAD_YEAR));

        let count = 1;
        if (counts !== null) {
          const countText = cellText(counts[row]);
          const parsed = parseCount(countText);
          if (parsed.fault === undefined) count = parsed.value;
          else {
            const severity = parsed.fault === 'zero' ? 'warning' : 'error';
            problems.push(problem(file, line, 'count', countText, 'bad-count', describeCountFault(parsed.fault, 'count'), severity));
          }
        }

        const fromCountry = fromCountries ? cellText(fromCountries[row]) || null : null;
        const toCountry = toCountries ? cellText(toCountries[row]) || null : null;
        if (from !== '' && sameText(from, to) && sameText(fromCountry ?? '', toCountry ?? '')) {
          const where = fromCountry ? ` (${fromCountry})` : '';
          problems.push(problem(file, line, 'to', to, 'self-move', `from and to are both "${from}"${where}: not a move`));
        }

        // Every problem above skips the row, the zero-count warning included.
        if (problems.length > before) return null;
        return {
          researcherId: id === '' ? null : id,
          from,
          to,
          fromCountry,
          toCountry,
          year: year!,
          discipline: disciplines ? cellText(disciplines[row]) || null : null,
          count,
          line,
        };
      };
    },
  );
}

const BAD_YEAR = `year is not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`;

function sameText(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}
