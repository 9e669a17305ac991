/**
 * Parsing and validating an affiliation timeline: each row says that a researcher published in
 * a year with an affiliation in a place (one row = one publication unless a `publications`
 * column says how many).
 *
 * Columns (matched case-insensitively; see `columns.ts`):
 *   required  researcher_id, year, place
 *   optional  country, discipline, publications; and the place columns that `talentflow import`
 *             writes: ror_id, geonames_id (whole number), lat, lon (degrees), region. A place
 *             column that is not a number where one is expected is ignored for that row (the row
 *             is then placed by its name).
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
      const hints = placeHintColumns(column);
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
            problems.push(
              problem(file, line, 'publications', text, 'bad-count', describeCountFault(parsed.fault, 'publications'), severity),
            );
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
          ...(hints ? hints(row) : {}),
        };
      };
    },
  );
}

type Cells = ArrayLike<unknown>;

/** Reads the optional place columns of a row, or null when the input has none of them. */
function placeHintColumns(column: (field: string) => Cells | null): ((row: number) => Partial<TimelineRecord>) | null {
  const ror = column('ror_id');
  const geonames = column('geonames_id');
  const lat = column('lat');
  const lon = column('lon');
  const region = column('region');
  if (!ror && !geonames && !lat && !lon && !region) return null;
  const text = (cells: Cells | null, row: number) => (cells ? cellText(cells[row]) : '');
  return (row) => ({
    rorId: text(ror, row) || null,
    ...placeHintOfCells(text(geonames, row), text(lat, row), text(lon, row), text(region, row)),
  });
}

/** The place columns a row is placed by, in the order of a DuckDB pair key. */
export const PLACE_HINT_FIELDS = ['geonames_id', 'lat', 'lon', 'region'] as const;

/**
 * The place hint of a row's cells (trimmed texts): a GeoNames id that is a positive whole number,
 * coordinates when both are numbers within ±90/±180, a non-empty region; anything else is null.
 *
 * @example placeHintOfCells('4143861', '39.68', '-75.75', 'Delaware') // { geonamesId: 4143861, lat: 39.68, lon: -75.75, region: 'Delaware' }
 */
export function placeHintOfCells(
  geonames: string,
  lat: string,
  lon: string,
  region: string,
): Pick<TimelineRecord, 'geonamesId' | 'lat' | 'lon' | 'region'> {
  const num = (t: string): number | null => {
    if (t === '') return null;
    const n = Number(t);
    return Number.isFinite(n) ? n : null;
  };
  const id = num(geonames);
  const la = num(lat);
  const lo = num(lon);
  const coordinates = la !== null && lo !== null && Math.abs(la) <= 90 && Math.abs(lo) <= 180;
  return {
    geonamesId: id !== null && Number.isInteger(id) && id > 0 ? id : null,
    lat: coordinates ? la : null,
    lon: coordinates ? lo : null,
    region: region || null,
  };
}

/** {@link placeHintOfCells} of a DuckDB pair key (the four cells joined by U+0001). */
export function placeHintOfKey(key: string): Pick<TimelineRecord, 'geonamesId' | 'lat' | 'lon' | 'region'> {
  const [g = '', la = '', lo = '', r = ''] = key.split('\u0001');
  return placeHintOfCells(g.trim(), la.trim(), lo.trim(), r.trim());
}

const BAD_YEAR = `year is not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`;
