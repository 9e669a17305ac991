/**
 * Reading single cells as text, years and counts. Each function either returns the value the
 * text stands for or says why the text is unusable; none of them substitutes a default.
 */
import { OptionError } from '../errors.ts';

/** Years outside this range are rejected as `bad-year` (a typo such as 219 or 20190, not a date). */
export const YEAR_RANGE: readonly [number, number] = [1900, 2100];

/**
 * A [first, last] pair of years within the years records may hold ({@link YEAR_RANGE}), first ≤
 * last: the one check of the year-range options (`window`, `years`, `compare`) in the library and the CLI.
 */
export function checkYearRange(name: string, value: unknown): [number, number] {
  const expected = `a [first, last] pair of integer years in ${YEAR_RANGE[0]}–${YEAR_RANGE[1]} with first ≤ last`;
  if (!Array.isArray(value) || value.length !== 2) throw new OptionError(name, value, expected);
  const [first, last] = value as unknown[];
  for (const year of [first, last]) {
    if (typeof year !== 'number' || !Number.isInteger(year) || year < YEAR_RANGE[0] || year > YEAR_RANGE[1]) {
      throw new OptionError(name, value, expected);
    }
  }
  if ((first as number) > (last as number)) throw new OptionError(name, value, expected);
  return [first as number, last as number];
}

/** A cell as trimmed text: null, undefined and whitespace-only cells become `''`. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return (typeof value === 'string' ? value : String(value)).trim();
}

const INTEGER_TEXT = /^\d+(?:\.0*)?$/;

/**
 * A publication or arrival year: digits (an integral `.0` suffix, as written by spreadsheet and
 * pandas exports, is accepted) within {@link YEAR_RANGE}.
 *
 * @returns the year, or null when the text is not such a year.
 * @example parseYear('2019') // 2019
 * @example parseYear('2019.5') // null
 */
export function parseYear(text: string): number | null {
  if (!INTEGER_TEXT.test(text)) return null;
  const year = Number(text);
  return year >= YEAR_RANGE[0] && year <= YEAR_RANGE[1] ? year : null;
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The largest count one row may stand for (moves of an aggregated flow, publications of a
 * timeline row): 10^9. Real tables hold at most millions; a larger value is a unit or parsing
 * mistake, and keeping every count this small keeps sums exact in doubles (below 2^53 − 1) for
 * any table of fewer than nine million such rows.
 */
export const MAX_COUNT = 1_000_000_000;

/** Counts are written as years are: digits, with an optional `.0…` suffix (no sign, no exponent). */
const PLAIN_COUNT_TEXT = /^\d+(?:\.0*)?$/;

/** Why a count cell is unusable. `zero` is the one case reported as a warning (the row stands for nothing). */
export type CountFault = 'empty' | 'non-numeric' | 'negative' | 'non-integer' | 'not-plain' | 'zero' | 'too-large';

/**
 * A count of moves or publications: a whole number in 1…{@link MAX_COUNT} written in plain
 * digits (`12`, `12.0`; not `1e3` or `+12`).
 *
 * @returns `{ value }` or `{ fault }` naming what is wrong.
 * @example parseCount('12') // { value: 12 }
 * @example parseCount('-1') // { fault: 'negative' }
 */
export function parseCount(text: string): { value: number; fault?: undefined } | { value?: undefined; fault: CountFault } {
  if (text === '') return { fault: 'empty' };
  if (!NUMBER_TEXT.test(text)) return { fault: 'non-numeric' };
  const n = Number(text);
  if (!Number.isFinite(n)) return { fault: 'non-numeric' };
  if (n < 0) return { fault: 'negative' };
  if (!Number.isInteger(n)) return { fault: 'non-integer' };
  if (!PLAIN_COUNT_TEXT.test(text)) return { fault: 'not-plain' };
  if (n === 0) return { fault: 'zero' };
  if (n > MAX_COUNT) return { fault: 'too-large' };
  return { value: n };
}

/** Human wording of a count fault, for problem messages. */
export function describeCountFault(fault: CountFault, field: string): string {
  switch (fault) {
    case 'empty':
      return `${field} is empty; every row needs a whole number ≥ 1`;
    case 'non-numeric':
      return `${field} is not a number`;
    case 'negative':
      return `${field} is negative`;
    case 'non-integer':
      return `${field} is not a whole number`;
    case 'not-plain':
      return `${field} is not written in plain digits (no sign or exponent: 1000, not 1e3)`;
    case 'too-large':
      return `${field} is above ${MAX_COUNT.toLocaleString('en-US')}, the most one row may stand for`;
    case 'zero':
      return `${field} is 0: the row stands for nothing and is skipped`;
  }
}
