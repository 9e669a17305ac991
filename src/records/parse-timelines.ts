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
import { cellText, describeCountFault, parseCount, parseYear, YEAR_RANGE } from './cells.ts';
import { problem, walkRows, type ParseOptions } from './table-input.ts';
import type { ReadResult, TimelineRecord } from './types.ts';

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
  return walkRows<TimelineRecord>(
    table,
    options,
    'timelines',
    TIMELINE_FIELDS,
    () => REQUIRED,
    (column) => {
      const ids = column('researcher_id')!;
      const years = column('year')!;
      const places = column('place')!;
      const countries = column('country');
      const disciplines = column('discipline');
      const publications = column('publications');
      return (row, line, problems) => {
        const before = problems.length;
        const id = cellText(ids[row]);
        if (id === '') problems.push(problem(file, line, 'researcher_id', id, 'empty-id', 'researcher_id is empty'));
        const place = cellText(places[row]);
        if (place === '') problems.push(problem(file, line, 'place', place, 'empty-place', 'place is empty'));
        const yearText = cellText(years[row]);
        const year = parseYear(yearText);
        if (year === null) problems.push(problem(file, line, 'year', yearText, 'bad-year', BAD_YEAR));

        let count = 1;
        if (publications !== null) {
          const text = cellText(publications[row]);
          const parsed = parseCount(text);
          if (parsed.fault === undefined) count = parsed.value;
          else {
            const severity = parsed.fault === 'zero' ? 'warning' : 'error';
            problems.push(problem(file, line, 'publications', text, 'bad-count', describeCountFault(parsed.fault, 'publications'), severity));
          }
        }

        // Every problem above skips the row, the zero-publications warning included.
        if (problems.length > before) return null;
        return {
          researcherId: id,
          year: year!,
          place,
          country: countries ? cellText(countries[row]) || null : null,
          discipline: disciplines ? cellText(disciplines[row]) || null : null,
          publications: count,
          line,
        };
      };
    },
  );
}

const BAD_YEAR = `year is not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`;
