/**
 * CSV formatting (RFC 4180 quoting) for every table the toolkit writes.
 *
 * A table is a list of column names and rows keyed by those names. Cells are written so that
 * reading them back gives the same value: numbers at full precision (never rounded, never in
 * exponent notation), text quoted when it holds a comma, a quote, a line break or edge spaces,
 * and an empty cell where a value is missing or a measure does not apply (null, undefined, NaN).
 */
import { OptionError } from '../errors.ts';
import { CHUNK_CHARS, chunksToString } from './chunks.ts';
import { asText, BYTE_CHUNK, ByteChunks, utf8 } from './byte-chunks.ts';
import { formatNumber } from './format-number.ts';

export { formatNumber };

/** A table ready to be written: `columns` fixes the order, each row maps a column to its cell value. */
export interface Table {
  columns: string[];
  rows: Record<string, unknown>[];
}

/** Options of {@link toCsv}. */
export interface CsvOptions {
  /**
   * Line terminator (default `"\n"`). RFC 4180 specifies `"\r\n"`; every common reader
   * (pandas, R, DuckDB, Excel, LibreOffice) accepts both, and `"\n"` keeps diffs of golden files clean.
   */
  lineEnding?: '\n' | '\r\n';
}

/** Defaults of {@link toCsv}. */
export const CSV_DEFAULTS: Required<CsvOptions> = { lineEnding: '\n' };

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/**
 * One cell's text, before quoting. null, undefined and NaN give an empty cell; numbers use
 * {@link formatNumber}; booleans `true`/`false`; dates ISO 8601; arrays are `;`-joined;
 * other objects are written as JSON.
 *
 * @example formatCell(['Boston', 'Tokyo']) // "Boston;Tokyo"
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(formatCell).join(';');
  return JSON.stringify(value);
}

/**
 * Quotes a field when RFC 4180 requires it (comma, double quote, CR or LF), doubling inner
 * quotes; also quotes leading or trailing whitespace, which some readers would trim.
 *
 * @example quoteField('Hong Kong SAR, China') // "\"Hong Kong SAR, China\""
 * @example quoteField('say "hi"')             // "\"say \"\"hi\"\"\""
 */
export function quoteField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Formats rows as CSV: a header line with `columns`, then one line per row with the cells in
 * column order (a column missing from a row is an empty cell). Ends with a line terminator.
 *
 * @example
 * toCsv(['place', 'pagerank'], [{ place: 'Boston', pagerank: 0.125 }, { place: 'Oslo, NO', pagerank: null }])
 * // "place,pagerank\nBoston,0.125\n\"Oslo, NO\",\n"
 */
export function toCsv(columns: string[], rows: Record<string, unknown>[], options: CsvOptions = {}): string {
  return chunksToString(csvChunks(columns, rows, options));
}

/** {@link toCsv} of a {@link Table}. */
export function tableToCsv(table: Table, options: CsvOptions = {}): string {
  return toCsv(table.columns, table.rows, options);
}

/**
 * {@link toCsv}'s text as chunks of about 64 K characters (whole lines), for writing large tables
 * without building one string. The line ending is checked at once (`OptionError`); rows are read
 * as the chunks are asked for.
 *
 * @example await writeFileAtomic('out/places.csv', csvChunks(table.columns, table.rows));
 */
export function csvChunks(
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
  options: CsvOptions = {},
): Generator<string, void, undefined> {
  const eol = checkLineEnding(options);
  return asText(writeCsv(columns, rows, eol, CHUNK_CHARS));
}

/**
 * {@link csvChunks}'s file as UTF-8 byte chunks of about 1 MiB, what the writers of an analysis
 * folder use: each cell is written into the buffer as it is formatted, numbers digit by digit.
 */
export function csvBytes(
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
  options: CsvOptions = {},
): Generator<Uint8Array, void, undefined> {
  const eol = checkLineEnding(options);
  return writeCsv(columns, rows, eol, BYTE_CHUNK);
}

function* writeCsv(
  columns: readonly string[],
  rows: Iterable<Record<string, unknown>>,
  eol: string,
  limit: number,
): Generator<Uint8Array, void, undefined> {
  const out = new ByteChunks(limit);
  out.text(columns.map(quoteField).join(',') + eol);
  // Per column, the last text cell and, once it repeats, its bytes: a place or basis repeated down
  // a column is quoted and encoded once; a column whose cells all differ pays one comparison.
  const lastValue: unknown[] = columns.map(() => undefined);
  const lastBytes: ((Uint8Array & { chars: number }) | null)[] = columns.map(() => null);
  for (const row of rows) {
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) out.byte(44);
      const value = row[columns[c]!];
      // A number's text never needs quotes (digits, sign, point, "Infinity").
      if (typeof value === 'number') out.plain(value);
      else if (typeof value === 'string') {
        if (value !== lastValue[c]) {
          lastValue[c] = value;
          lastBytes[c] = null;
          out.text(quoteField(value));
        } else {
          const bytes = (lastBytes[c] ??= utf8(quoteField(value)));
          out.bytes(bytes, bytes.chars);
        }
      } else out.text(quoteField(formatCell(value)));
    }
    out.ascii(eol);
    if (out.full) yield out.take();
  }
  yield out.rest();
}

/** {@link csvBytes} of a {@link Table}. */
export function tableCsvBytes(table: Table, options: CsvOptions = {}): Generator<Uint8Array, void, undefined> {
  return csvBytes(table.columns, table.rows, options);
}

/** {@link csvChunks} of a {@link Table}. */
export function tableCsvChunks(table: Table, options: CsvOptions = {}): Generator<string, void, undefined> {
  return csvChunks(table.columns, table.rows, options);
}

/** The line terminator of `options`, or `OptionError` when it is not `"\n"` or `"\r\n"`. */
export function checkLineEnding(options: CsvOptions): '\n' | '\r\n' {
  const eol = options.lineEnding ?? CSV_DEFAULTS.lineEnding;
  if (eol !== '\n' && eol !== '\r\n') throw new OptionError('lineEnding', eol, '"\\n" or "\\r\\n"');
  return eol;
}
