/**
 * The input as DuckDB sees it: a CSV/TSV scan (`.gz` too) or a Parquet scan, every column read as
 * text, in file order (the row table made from it numbers rows by `rowid`), so that the SQL
 * validation sees exactly the cells the JS readers see.
 *
 * The CSV dialect is fixed to the one `readTable` reads (RFC 4180: `"` quotes, `""` escapes,
 * header row), not sniffed. Rows DuckDB cannot split into the header's fields are set aside in
 * its rejects table (`store_rejects`); `lines.ts` reports them as `malformed-row`.
 */
import { symlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { InputError } from '../../errors.ts';
import { tableFormat } from '../../io/read-table.ts';
import type { TextEncoding } from '../../io/inspect-input.ts';
import { ident, literal, type Session } from './session.ts';

export type SourceFormat = 'csv' | 'tsv' | 'parquet';

/** What the engine reads: `format` and whether the file is gzip-compressed. */
export interface SourceKind {
  format: SourceFormat;
  gzip: boolean;
}

/**
 * The format of a path the DuckDB engine reads: `.csv`, `.tsv`/`.tab` (optionally `.gz`) or
 * `.parquet`/`.parq`; null for anything else (JSON lines are read by the JS engine only).
 * @example sourceKind('flows.parquet') // { format: 'parquet', gzip: false }
 */
export function sourceKind(path: string): SourceKind | null {
  if (/\.(parquet|parq)$/i.test(path)) return { format: 'parquet', gzip: false };
  const kind = tableFormat(path);
  if (!kind || kind.format === 'jsonl') return null;
  return { format: kind.format, gzip: kind.gzip };
}

/** How the CSV scan reads: the header's column count (columns are named `_r0`, `_r1`, ...) and the encoding. */
export interface ScanOptions {
  /** Columns of the header row (see `inspectInput`); the scan names them `_r0`, `_r1`, ... */
  columns?: number;
  encoding?: TextEncoding;
}

/**
 * The table function that scans `path`, every column as VARCHAR. `path` must be one DuckDB reads
 * literally (see {@link literalPath}): DuckDB expands `*`, `?` and `[...]` as a glob.
 */
export function scanSql(path: string, kind: SourceKind, options: ScanOptions = {}): string {
  if (kind.format === 'parquet') return `read_parquet(${literal(path)})`;
  const delimiter = kind.format === 'tsv' ? '\t' : ',';
  // The columns get positional names: the header's own names (any text, repeated or empty ones
  // refused before) stay in JS, and no header name ever reaches the SQL.
  // With the columns known nothing is sniffed: a sniffer guesses (and fails on odd files).
  const columns = options.columns
    ? `auto_detect = false, columns = {${Array.from({ length: options.columns }, (_, i) => `'_r${i}': 'VARCHAR'`).join(', ')}}, `
    : 'all_varchar = true, auto_detect = true, ';
  const encoding = options.encoding === 'latin1' ? `encoding = 'latin-1', ` : '';
  return (
    `read_csv(${literal(path)}, header = true, ${columns}${encoding}delim = ${literal(delimiter)}, ` +
    `quote = '"', escape = '"', compression = ${kind.gzip ? "'gzip'" : "'none'"}, store_rejects = true, ignore_errors = true, ` +
    `rejects_table = 'tf_rejects', rejects_scan = 'tf_reject_scans', max_line_size = 16777216)`
  );
}

/**
 * A path DuckDB reads literally for `path`: a symbolic link in `dir` (a fresh temporary folder
 * whose name holds no pattern character) to the file. DuckDB reads a path with `*`, `?` or `[`
 * as a glob pattern (and `~`, `s3://`, `http://` prefixes specially), so an input called
 * `x*.csv` would also read `xa.csv` beside it.
 */
export async function literalPath(path: string, kind: SourceKind, dir: string): Promise<string> {
  const link = join(dir, `input.${kind.format}${kind.gzip ? '.gz' : ''}`);
  await symlink(resolve(path), link);
  return link;
}

/**
 * Creates the view `src` over the input, its columns as text. Rows come in file order (the
 * session preserves insertion order), so a table created from `src` numbers them by `rowid`.
 * Returns the header (column names in file order).
 *
 * @throws InputError when the file is missing, empty or cannot be scanned.
 */
export async function openSource(
  db: Session,
  path: string,
  kind: SourceKind,
  options: { header?: readonly string[] | null; encoding?: TextEncoding } = {},
): Promise<string[]> {
  const scan = scanSql(await literalPath(path, kind, db.tempDir), kind, {
    ...(options.header ? { columns: options.header.length } : {}),
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  let header: string[];
  try {
    const described = await db.rows(`DESCRIBE SELECT * FROM ${scan}`);
    header = described.map((r) => String(r.column_name));
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
    throw new InputError(path, `cannot be read by the DuckDB engine: ${detail}`, { cause });
  }
  if (options.header && header.length !== options.header.length) {
    throw new InputError(
      path,
      `DuckDB finds ${header.length} columns where the header has ${options.header.length}; read this file with --engine js`,
    );
  }
  // Columns are `_r0`, `_r1`, ... in header order (see createRowsTable).
  const casts = header.map((h, i) => `CAST(${ident(h)} AS VARCHAR) AS _r${i}`).join(', ');
  await db.run(`CREATE OR REPLACE TEMP VIEW src AS SELECT ${casts} FROM ${scan}`);
  return options.header ? [...options.header] : header;
}
