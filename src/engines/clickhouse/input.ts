/**
 * The input of the ClickHouse engine as the queries see it: an existing table (`--input-table`:
 * its columns, how to read each as text, the validation columns a load made for it) or a CSV/TSV
 * file loaded into a fresh `Distributed` table with the validation columns computed by the shards
 * as the rows arrive (`load.ts`, `tables.ts`).
 */
import { OptionError } from '../../errors.ts';
import { inspectInput } from '../../io/inspect-input.ts';
import { detectKind } from '../../pipeline/analyze-file.ts';
import { resolveAnalyzeOptions } from '../../pipeline/options.ts';
import type { RecordKind } from '../../records/types.ts';
import { compareKeys } from '../../compare-keys.ts';
import { sourceKind } from '../duckdb/source.ts';
import { matchFields } from '../duckdb/validate.ts';
import { CLICKHOUSE } from '../sql/dialect.ts';
import { rowDefinitions, type Definition } from '../sql/rows.ts';
import type { Connection } from './connection.ts';
import type { MalformedRecord } from './csv-records.ts';
import { DEFAULTS, type ClickHouseAnalyzeOptions, type ClickHouseTarget } from './defaults.ts';
import { loadFile } from './load.ts';
import {
  chooseCluster,
  createRowTables,
  LINE_COLUMN,
  MAP_COLUMN,
  parseTableName,
  qualified,
  tableColumns,
  type TableName,
} from './tables.ts';

/** The input as the queries see it: the Distributed table, its columns, how to read each. */
export interface Input {
  table: TableName;
  file: string;
  header: string[];
  /** SQL of a raw column as text. */
  raw: (column: string) => string;
  /** SQL of the row's line (0 when the table has none). */
  line: string;
  malformed: MalformedRecord[];
  /** For a table with validation columns: the kind and fields they were made for (see `loadTag`). */
  loadedAs: string | null;
  /** For a file: who parsed its records (`load.ts`). */
  parsedBy?: 'server' | 'client';
}

/** The kind and field → column map a row table's validation columns are made for. */
export function loadTag(kind: RecordKind, found: ReadonlyMap<string, string>): string {
  return JSON.stringify({ kind, fields: Object.fromEntries([...found].sort(([a], [b]) => compareKeys(a, b))) });
}

/** The opened input, its kind, and whether its lines that are not UTF-8 look like Latin-1 (the advice of their messages). */
export interface OpenedInput {
  input: Input;
  kind: RecordKind;
  looksLatin1: boolean;
}

/**
 * Opens `target.inputTable`, or loads the file at `path` into the cluster.
 * @throws OptionError for an unknown table or an input format ClickHouse does not load; InputError when the file cannot be read.
 */
export async function openInput(
  conns: Connection[],
  path: string,
  options: ClickHouseAnalyzeOptions,
  target: ClickHouseTarget,
): Promise<OpenedInput> {
  const conn = conns[0]!;
  const columns = options.columns ?? {};
  let input: Input;
  let kind: RecordKind;
  let looksLatin1 = false;
  const detect = (header: string[]): RecordKind =>
    options.kind === undefined || options.kind === 'auto' ? detectKind(header, columns) : options.kind;
  if (target.inputTable !== undefined) {
    const table = parseTableName(target.inputTable, 'input-table');
    const cols = await tableColumns(conn, table);
    if (cols.length === 0) throw new OptionError('input-table', target.inputTable, `an existing table of ${conn.url}`);
    const header = cols.filter((c) => !c.name.startsWith('tf_')).map((c) => c.name);
    const types = new Map(cols.map((c) => [c.name, c.type]));
    kind = detect(header);
    let loadedAs: string | null = null;
    if (types.has(MAP_COLUMN)) {
      const [tag] = await conn.rows(`SELECT any(${MAP_COLUMN}) FROM ${qualified(table)}`);
      loadedAs = tag?.[0] ?? null;
    }
    input = {
      table,
      file: path,
      header,
      raw: (c) => (types.get(c) === 'String' ? CLICKHOUSE.id(c) : `toString(${CLICKHOUSE.id(c)})`),
      line: types.has(LINE_COLUMN) ? LINE_COLUMN : '0',
      malformed: [],
      loadedAs,
    };
  } else {
    const source = sourceKind(path);
    if (!source || source.format === 'parquet') {
      throw new OptionError(
        'engine',
        'clickhouse',
        'a .csv or .tsv input (optionally .gz) for the ClickHouse engine; load Parquet into a table and pass --input-table, or use --engine duckdb',
      );
    }
    // The same file checks as the other engines' readers before a byte is sent: one cause for an
    // unusable file (missing, not gzip, binary, empty, a repeated column, no data row) in all engines.
    const seen = await inspectInput(path, { gzip: source.gzip, delimiter: source.format === 'tsv' ? '\t' : ',' });
    // Rows that are not UTF-8 are skipped as bad-encoding problems, as the other engines do: the
    // loader leaves them out (the text decoder would send them altered).
    looksLatin1 = seen.looksLatin1;
    const table = parseTableName(target.table ?? DEFAULTS.table, 'clickhouse-table');
    const cluster = await chooseCluster(conn, target.cluster);
    let detected: RecordKind = 'moves';
    let tag: string | null = null;
    const loaded = await loadFile(
      conn,
      path,
      source,
      async (header) => {
        detected = detect(header);
        const f = matchFields(header, detected, resolveAnalyzeOptions({ ...options, kind: detected }).columns, path);
        // Validation runs on the shards as the rows arrive: the checks are MATERIALIZED columns.
        const derived: Definition[] = [];
        if (f.problems.length === 0) {
          tag = loadTag(detected, f.found);
          derived.push(...rowDefinitions(CLICKHOUSE, { kind: detected, header, found: f.found, raw: (c) => CLICKHOUSE.id(c) }), [
            MAP_COLUMN,
            CLICKHOUSE.str(tag),
          ]);
        }
        const load = await createRowTables(conns, cluster, table, header, derived, 'rand()');
        return { table: qualified(load), columns: [LINE_COLUMN, ...header].map((h) => CLICKHOUSE.id(h)) };
      },
      seen.badLines,
    );
    kind = detected;
    input = {
      table,
      file: path,
      header: loaded.header,
      raw: (c) => CLICKHOUSE.id(c),
      line: LINE_COLUMN,
      malformed: loaded.malformed,
      loadedAs: tag,
      parsedBy: loaded.parsedBy,
    };
  }
  return { input, kind, looksLatin1 };
}
