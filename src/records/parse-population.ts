/**
 * Parsing and validating a population table (`--population FILE`): the researchers of a place in
 * a year, the denominator of the yearly migration rates (`analyses/time-series.ts`).
 *
 * Columns (matched case-insensitively; other names mapped with `--population-map`):
 *   required  place, year, population
 *   optional  country (resolves ambiguous names, as in a moves table); inflow, outflow: the
 *             table's own counts of moves in and out that year, compared with the flows'
 *             (`resolve-population.ts`) so that flows missing from the input are noticed
 *
 * Problems, each located by file, line, field and value; the row is skipped:
 *   empty-place     place is empty
 *   bad-year        year is not a whole number in 1900–2100 (`2000.0` is read as 2000)
 *   bad-population  population is empty, not a number or negative (0 is kept: its rates are empty)
 *   bad-count       inflow or outflow is not a whole number ≥ 0
 *   duplicate-row   the same place, country and year as an earlier row
 */
import type { ColumnTable } from 'arquero';
import { POPULATION_FIELDS } from './columns.ts';
import { cellText, parseYear, YEAR_RANGE } from './cells.ts';
import { problem, walkRows, type ParseOptions } from './table-input.ts';
import type { ReadResult } from './types.ts';

/** One row of a population table. */
export interface PopulationRecord {
  place: string;
  country: string | null;
  year: number;
  /** Researchers (a number ≥ 0; the SMD's padded population is a whole number). */
  population: number;
  /** The table's own count of moves into / out of the place that year; null when the column is absent. */
  inflow: number | null;
  outflow: number | null;
  line: number;
}

const NUMBER_TEXT = /^[+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const WHOLE_TEXT = /^\d+(?:\.0*)?$/;

/**
 * Parses and validates a population table whose cells are raw text (see `readTable`).
 *
 * @param options - `file` for problem locations; `columns` maps fields to other column names.
 * @returns `{ records, problems, rowsRead }`.
 * @example
 * parsePopulation(fromCSV('place,year,population\nCHN,2018,1000\n', { autoType: false }), { file: 'pop.csv' }).records;
 * // [{ place: 'CHN', country: null, year: 2018, population: 1000, inflow: null, outflow: null, line: 2 }]
 */
export function parsePopulation(table: ColumnTable, options: ParseOptions): ReadResult<PopulationRecord> {
  const { file } = options;
  const seen = new Map<string, number>();
  return walkRows<PopulationRecord>(
    table,
    options,
    'population',
    POPULATION_FIELDS,
    () => ['place', 'year', 'population'],
    (column) => {
      const places = column('place')!;
      const countries = column('country');
      const years = column('year')!;
      const populations = column('population')!;
      const inflows = column('inflow');
      const outflows = column('outflow');
      return (row, line, problems) => {
        const before = problems.length;
        const place = cellText(places[row]);
        if (place === '') problems.push(problem(file, line, 'place', place, 'empty-place', 'place is empty'));
        const country = countries ? cellText(countries[row]) || null : null;
        const yearText = cellText(years[row]);
        const year = parseYear(yearText);
        if (year === null) {
          problems.push(
            problem(file, line, 'year', yearText, 'bad-year', `year is not a whole number in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]}`),
          );
        }
        const populationText = cellText(populations[row]);
        const population = Number(populationText);
        if (!NUMBER_TEXT.test(populationText) || !Number.isFinite(population)) {
          const what = populationText === '' ? 'is empty' : 'is not a number ≥ 0';
          problems.push(problem(file, line, 'population', populationText, 'bad-population', `population ${what}`));
        }
        const count = (field: 'inflow' | 'outflow', cells: ArrayLike<unknown> | null): number | null => {
          if (cells === null) return null;
          const text = cellText(cells[row]);
          if (WHOLE_TEXT.test(text)) return Number(text);
          problems.push(problem(file, line, field, text, 'bad-count', `${field} is not a whole number ≥ 0`));
          return null;
        };
        const inflow = count('inflow', inflows);
        const outflow = count('outflow', outflows);
        if (problems.length > before) return null;
        const key = `${place.toLowerCase()}\u0000${(country ?? '').toLowerCase()}\u0000${year}`;
        const first = seen.get(key);
        if (first !== undefined) {
          problems.push(
            problem(file, line, 'place', place, 'duplicate-row', `${place} ${year} is already on line ${first}; the row is skipped`),
          );
          return null;
        }
        seen.set(key, line);
        return { place, country, year: year!, population, inflow, outflow, line };
      };
    },
  );
}
