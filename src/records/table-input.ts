/**
 * What the record parsers share: the options naming the input, the walk over its data rows
 * (blank rows skipped, rows the reader could not split reported as `malformed-row`), and the
 * construction of problems located by file, line, field and value.
 */
import type { ColumnTable } from 'arquero';
import { checkColumnMap, matchColumns } from './columns.ts';
import { cellText } from './cells.ts';
import type { ColumnMap, Problem, ProblemReason, ReadResult } from './types.ts';
import type { TableKind } from './columns.ts';

/**
 * Options of the record parsers. `readTable`'s result carries `file`, `rowLines` and
 * `malformedRows`, so `parseMoves(read.table, { ...read, columns })` passes them all on.
 */
export interface ParseOptions {
  /** The input's name, written into every problem. */
  file: string;
  /** Field → input column name, for inputs that do not use the canonical names. */
  columns?: ColumnMap;
  /** 1-based line of each data row when it is not `row + 2` (quoted line breaks); null = `row + 2`. */
  rowLines?: ArrayLike<number> | null;
  /** Rows the reader could not split into the header's fields: row index → the raw evidence (e.g. "5 fields"). */
  malformedRows?: ReadonlyMap<number, string> | null;
  /** Rows with bytes that are not UTF-8: row index → the problem's message (`bad-encoding`). */
  encodingRows?: ReadonlyMap<number, string> | null;
}

/** Builds a problem. */
export function problem(
  file: string,
  line: number,
  field: string,
  value: string,
  reason: ProblemReason,
  message: string,
  severity: Problem['severity'] = 'error',
): Problem {
  return { file, line, field, value, reason, severity, message };
}

/** The cells of one column, by data row; look them up with {@link cellText}. */
export type Column = ArrayLike<unknown>;

/** Parses the data row `row` (on source line `line`) into a record, or returns null after pushing its problems. */
export type RowParser<R> = (row: number, line: number, problems: Problem[]) => R | null;

/**
 * Walks the data rows of `table` for a parser.
 *
 * 1. Matches the header against `fields` (through `options.columns`); a required field without a
 *    column makes the whole input unusable: one `missing-column` problem per such field (line 1,
 *    value = the column looked for) and no records.
 * 2. Calls `setup` once with the column of each field (null when absent); it returns the row parser.
 * 3. Reports each row in `malformedRows` once as `malformed-row` and skips it: its cells are
 *    shifted, so any further check would blame the wrong field.
 *    A row with bytes that are not UTF-8 is reported as `bad-encoding` and skipped the same way.
 * 4. Skips blank rows (every cell empty); they are not data rows and are not counted.
 * 5. Calls the row parser on every other row.
 */
export function walkRows<R>(
  table: ColumnTable,
  options: ParseOptions,
  kind: TableKind,
  fields: readonly string[],
  required: (present: ReadonlySet<string>) => readonly string[],
  setup: (column: (field: string) => Column | null) => RowParser<R>,
): ReadResult<R> {
  const { file } = options;
  const header = table.columnNames();
  const match = matchColumns(header, fields, checkColumnMap(options.columns, kind));
  const present = new Set(match.found.keys());
  const problems: Problem[] = [];
  const numRows = table.numRows();

  const absent = match.missing.filter((m) => required(present).includes(m.field));
  if (absent.length > 0) {
    const has = header.length ? header.map((h) => JSON.stringify(h)).join(', ') : 'no columns';
    for (const m of absent) {
      // The library's option first (this runs for analyzeFile and parsePopulation too), the CLI's flag after.
      const flag = kind === 'population' ? '--population-map' : '--map';
      const hint =
        m.column === m.field
          ? ` (or map one: option columns { ${m.field}: '<column>' }, ${flag} ${m.field}=<column> on the command line)`
          : '';
      problems.push(
        problem(file, 1, m.field, m.column, 'missing-column', `no column "${m.column}" for ${m.field}${hint}; the header has ${has}`),
      );
    }
    return { records: [], problems, rowsRead: numRows };
  }

  const byName = new Map(header.map((h) => [h, table.array(h) as unknown[]]));
  const parseRow = setup((field) => {
    const name = match.found.get(field);
    return name === undefined ? null : byName.get(name)!;
  });
  // Blank detection looks at every column, recognised or not.
  const all = [...byName.values()];

  const rowLines = options.rowLines ?? null;
  const malformed = options.malformedRows ?? null;
  const encoding = options.encodingRows ?? null;
  const records: R[] = [];
  let rowsRead = 0;
  for (let row = 0; row < numRows; row++) {
    const bad = malformed?.get(row);
    if (bad === undefined && isBlankRow(all, row)) continue;
    rowsRead++;
    const line = rowLines ? rowLines[row]! : row + 2;
    if (bad !== undefined) {
      problems.push(
        problem(
          file,
          line,
          'row',
          bad,
          'malformed-row',
          `row cannot be split into the header's ${header.length} columns (${bad}); quote values that contain the delimiter`,
        ),
      );
      continue;
    }
    const undecodable = encoding?.get(row);
    if (undecodable !== undefined) {
      problems.push(
        problem(file, line, 'row', undecodable.slice(undecodable.indexOf('(') + 1, undecodable.indexOf(')')), 'bad-encoding', undecodable),
      );
      continue;
    }
    const record = parseRow(row, line, problems);
    if (record !== null) records.push(record);
  }
  return { records, problems, rowsRead };
}

function isBlankRow(columns: Column[], row: number): boolean {
  for (const col of columns) {
    const v = col[row];
    // Fast path: a string starting with a visible ASCII character is not blank (no-break and
    // other Unicode spaces are above 127, so they take the exact test).
    if (typeof v === 'string' && v.length > 0) {
      const c = v.charCodeAt(0);
      if (c > 32 && c < 127) return false;
    }
    if (cellText(v) !== '') return false;
  }
  return true;
}
