/**
 * What the record parsers share: the options naming the input, the walk over its data rows
 * (blank rows skipped, rows the reader could not split reported as `malformed-row`), and the
 * construction of problems located by file, line, field and value.
 */
import type { ColumnTable } from 'arquero';
import { checkColumnMap, matchColumns } from './columns.ts';
import { cellText } from './cells.ts';
import type { ColumnMap, Problem, ProblemReason, ReadResult, RecordKind } from './types.ts';

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

/** Reads one row's cells by field, as trimmed text (`''` for an absent column or an empty cell). */
export interface RowCells {
  /** Data row index (0-based). */
  row: number;
  /** 1-based source line. */
  line: number;
  text(field: string): string;
}

/**
 * Walks the data rows of `table` for a parser.
 *
 * 1. Matches the header against `fields` (through `options.columns`); a required field without a
 *    column makes the whole input unusable: one `missing-column` problem per such field (line 1,
 *    value = the column looked for) and no records.
 * 2. Reports each row in `malformedRows` once as `malformed-row` and skips it: its cells are
 *    shifted, so any further check would blame the wrong field.
 * 3. Skips blank rows (every cell empty); they are not data rows and are not counted.
 * 4. Calls `parseRow` on every other row; it returns a record or null (skipped, having pushed its
 *    problems).
 */
export function walkRows<R>(
  table: ColumnTable,
  options: ParseOptions,
  kind: RecordKind,
  fields: readonly string[],
  required: (present: ReadonlySet<string>) => readonly string[],
  parseRow: (cells: RowCells, problems: Problem[]) => R | null,
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
      const hint = m.column === m.field ? ` (or map one with --map ${m.field}=<column>)` : '';
      problems.push(
        problem(file, 1, m.field, m.column, 'missing-column', `no column "${m.column}" for ${m.field}${hint}; the header has ${has}`),
      );
    }
    return { records: [], problems, rowsRead: numRows };
  }

  const columns = new Map<string, unknown[]>();
  for (const [field, name] of match.found) columns.set(field, table.array(name) as unknown[]);
  const all = [...columns.values()];
  // Blank detection must see every column, not only the recognised ones.
  const others = header.filter((h) => ![...match.found.values()].includes(h)).map((h) => table.array(h) as unknown[]);

  const rowLines = options.rowLines ?? null;
  const malformed = options.malformedRows ?? null;
  const cells: RowCells = {
    row: 0,
    line: 2,
    text(field) {
      const col = columns.get(field);
      return col ? cellText(col[this.row]) : '';
    },
  };
  const records: R[] = [];
  let rowsRead = 0;
  for (let row = 0; row < numRows; row++) {
    const bad = malformed?.get(row);
    if (bad === undefined && isBlank(all, row) && isBlank(others, row)) continue;
    rowsRead++;
    cells.row = row;
    cells.line = rowLines ? rowLines[row]! : row + 2;
    if (bad !== undefined) {
      problems.push(
        problem(file, cells.line, 'row', bad, 'malformed-row', `row cannot be split into the header's ${header.length} columns (${bad}); quote values that contain the delimiter`),
      );
      continue;
    }
    const record = parseRow(cells, problems);
    if (record !== null) records.push(record);
  }
  return { records, problems, rowsRead };
}

function isBlank(columns: unknown[][], row: number): boolean {
  for (const col of columns) if (cellText(col[row]) !== '') return false;
  return true;
}
