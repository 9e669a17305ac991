/**
 * Parsing and validating an affiliation timeline: each row says that a researcher published in
 * a year with an affiliation in a place (one row = one publication unless a `publications`
 * column says how many).
 *
 * Columns (matched case-insensitively; see `columns.ts`):
 *   required  researcher_id, year, place
 *   optional  country, discipline, publications
 *
 * Problems (row skipped, reading goes on): empty-id, empty-place, bad-year (not a whole number
 * in 1900–2100), bad-count on `publications` (empty, not a number, negative or fractional:
 * error; 0: warning, the row stands for no publication and is skipped).
 */
import type { ColumnTable } from 'arquero';
import { TIMELINE_FIELDS } from './columns.ts';
import { describeCountFault, parseCount, parseYear, YEAR_RANGE } from './cells.ts';
import { problem, walkRows, type ParseOptions } from './table-input.ts';
import type { Problem, ReadResult, TimelineRecord } from './types.ts';

const REQUIRED = ['researcher_id', 'year', 'place'] as const;

/**
 * Parses and validates an affiliation timeline whose cells are raw text (see `readTable`).
 *
 * @param table - an arquero table, all columns as strings.
 * @param options - `file` for problem locations; `columns` maps fields to other column names.
 * @returns `{ records, problems, rowsRead }`; `publications` is 1 when the input has no such column.
 * @example
 * parseTimelines(fromCSV('researcher_id,year,place\nr1,2019,Boston\n', { autoType: false }), { file: 't.csv' }).records
 * // [{ researcherId: 'r1', year: 2019, place: 'Boston', country: null, discipline: null, publications: 1, line: 2 }]
 */
export function parseTimelines(table: ColumnTable, options: ParseOptions): ReadResult<TimelineRecord> {
  const { file } = options;
  let hasPublications = false;
  return walkRows<TimelineRecord>(
    table,
    options,
    'timelines',
    TIMELINE_FIELDS,
    (present) => {
      hasPublications = present.has('publications');
      return REQUIRED;
    },
    (cells, problems) => {
      const { line } = cells;
      const before = problems.length;
      const push = (field: string, value: string, reason: Problem['reason'], message: string, severity?: Problem['severity']) =>
        problems.push(problem(file, line, field, value, reason, message, severity));

      const id = cells.text('researcher_id');
      if (id === '') push('researcher_id', id, 'empty-id', 'researcher_id is empty');
      const place = cells.text('place');
      if (place === '') push('place', place, 'empty-place', 'place is empty');
      const yearText = cells.text('year');
      const year = parseYear(yearText);
      if (year === null) push('year', yearText, 'bad-year', `year is not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`);

      let publications = 1;
      if (hasPublications) {
        const text = cells.text('publications');
        const parsed = parseCount(text);
        if (parsed.fault === undefined) publications = parsed.value;
        else push('publications', text, 'bad-count', describeCountFault(parsed.fault, 'publications'), parsed.fault === 'zero' ? 'warning' : 'error');
      }

      // Every problem above skips the row, the zero-publications warning included.
      if (problems.length > before) return null;
      return {
        researcherId: id,
        year: year!,
        place,
        country: cells.text('country') || null,
        discipline: cells.text('discipline') || null,
        publications,
        line,
      };
    },
  );
}
