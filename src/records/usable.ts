/**
 * Whether a parsed input can be analysed at all. A required column that is missing, or a table
 * without a single data row, makes the whole input unusable: that is an `InputError` (the CLI's
 * exit 3), not an empty analysis that looks complete.
 */
import { InputError } from '../errors.ts';
import type { Problem } from './types.ts';

const OTHER_DELIMITERS: Array<[string, string]> = [
  [';', 'semicolon'],
  ['\t', 'tab'],
  ['|', 'bar'],
  [',', 'comma'],
];

/**
 * The error that makes the input unusable, or null when it can be analysed.
 *
 * @param header - the input's column names, to recognise a table split at another delimiter.
 * @example unusableInput(read.problems, read.rowsRead, 'moves.csv', ['researcher_id;from;to;year'])
 * // InputError: moves.csv: no column "from" for from ...; the header looks semicolon-separated ...
 */
export function unusableInput(problems: readonly Problem[], rowsRead: number, file: string, header: readonly string[]): InputError | null {
  const missing = problems.filter((p) => p.reason === 'missing-column');
  if (missing.length > 0) {
    let hint = '';
    if (header.length === 1) {
      const other = OTHER_DELIMITERS.find(([d]) => header[0]!.includes(d));
      if (other) {
        hint = `; the header is one column, so the file looks ${other[1]}-separated: .csv files are read at commas, .tsv at tabs (convert it, or rename a tab-separated file to .tsv)`;
      }
    }
    return new InputError(
      file,
      `line 1: ${missing.map((p) => p.message.split('; the header has')[0]).join('; ')}; the header has ${describeHeader(header)}${hint}`,
    );
  }
  if (rowsRead === 0) return new InputError(file, 'has a header and no data rows');
  return null;
}

function describeHeader(header: readonly string[]): string {
  if (header.length === 0) return 'no columns';
  const shown = header.slice(0, 20).map((h) => JSON.stringify(h.length > 60 ? `${h.slice(0, 60)}…` : h));
  return shown.join(', ') + (header.length > 20 ? `, … (${header.length} columns)` : '');
}
