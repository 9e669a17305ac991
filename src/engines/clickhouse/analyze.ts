/**
 * `analyzeWithClickHouse`: the analysis of an input with reading, validation counts, move
 * derivation and flow aggregation run as SQL on a ClickHouse cluster. The input is either a
 * CSV/TSV file (`.gz` too) streamed into a `Distributed` table, or a table that already holds the
 * rows (`inputTable`). Only aggregates come back: validation counts, the rows with a problem, the
 * distinct (place, country) pairs — resolved here in JS and sent back as a mapping — and the
 * edges with their per-year and per-discipline breakdowns, which go to the same graph assembly
 * as the DuckDB engine's. The result equals the DuckDB and JS engines' on the same file (tested);
 * see docs/large-inputs.md for what differs on an existing table (no line numbers).
 */
import { OptionError } from '../../errors.ts';
import { inspectInput } from '../../io/inspect-input.ts';
import { encodingMessage } from '../../io/read-table.ts';
import { duplicateNote } from '../../records/duplicates.ts';
import { unusableInput } from '../../records/usable.ts';
import type { AnalysisRun, RunHooks } from '../../pipeline/analyze.ts';
import { finishPrepared, type PreparedRun } from '../../pipeline/prepared.ts';
import { detectKind } from '../../pipeline/analyze-file.ts';
import { resolveAnalyzeOptions, type AnalyzeOptions } from '../../pipeline/options.ts';
import { createPlaceResolver } from '../../places/resolve.ts';
import { problem } from '../../records/table-input.ts';
import type { Problem, RecordKind } from '../../records/types.ts';
import { assembleGraph } from '../duckdb/graph.ts';
import { sourceKind } from '../duckdb/source.ts';
import { matchFields, rowProblems } from '../duckdb/validate.ts';
import { CLICKHOUSE } from '../sql/dialect.ts';
import { flowArraysFromRows, flowQueries, flowStoreFromArrays } from '../sql/flows.ts';
import { rowDefinitions, withClause, type Definition } from '../sql/rows.ts';
import { connect, type Connection } from './connection.ts';
import type { MalformedRecord } from './csv-records.ts';
import { loadFile } from './load.ts';
import { placeMapping, resolvePairs } from './places.ts';
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
import { deriveTimelines } from './timelines.ts';
import { DEFAULTS } from './defaults.ts';
import { compareKeys } from '../../compare-keys.ts';

/** Where the cluster is and which tables to use. */
export interface ClickHouseTarget {
  /** HTTP URL of a server of the cluster; several (comma-separated or an array): one per shard, the first is queried. */
  url: string | string[];
  /** The cluster (`remote_servers`); default: the only one the server knows. */
  cluster?: string;
  /** The Distributed table to load the file into (`db.name`; default `default.talentflow_rows`); `<name>_local` on the shards. */
  table?: string;
  /** Analyse this existing table instead of loading a file (its columns are the input's). */
  inputTable?: string;
}

export { DEFAULTS };

/** Options: the analysis options (`kind` may be `'auto'`). */
export type ClickHouseAnalyzeOptions = Omit<AnalyzeOptions, 'kind'> & { kind?: RecordKind | 'auto' };

/** Hooks: the pipeline's, plus each step's duration. */
export interface ClickHouseHooks extends RunHooks {
  onTiming?: (step: string, ms: number) => void;
}

/**
 * Analyses the file at `path` (or, with `target.inputTable`, that table; `path` then names the
 * input in problems and the manifest) on a ClickHouse cluster.
 *
 * @throws OptionError for a bad target or an input format ClickHouse does not load (JSON lines,
 *   Parquet: use the DuckDB engine); InputError when the file cannot be read; TalentFlowError
 *   when the server refuses a query or `@clickhouse/client` is not installed.
 * @example
 * const run = await analyzeWithClickHouse('moves.csv.gz', {}, { url: 'http://127.0.0.1:8123' });
 */
export async function analyzeWithClickHouse(
  path: string,
  options: ClickHouseAnalyzeOptions,
  target: ClickHouseTarget,
  hooks: ClickHouseHooks = {},
): Promise<AnalysisRun> {
  return finishPrepared(path, await prepareWithClickHouse(path, options, target, hooks), hooks);
}

/** The cluster steps of {@link analyzeWithClickHouse}, without the analyses (the benchmark times those apart). */
export async function prepareWithClickHouse(
  path: string,
  options: ClickHouseAnalyzeOptions,
  target: ClickHouseTarget,
  hooks: ClickHouseHooks = {},
): Promise<PreparedRun> {
  const urls = (Array.isArray(target.url) ? target.url : target.url.split(',')).map((u) => u.trim()).filter(Boolean);
  if (urls.length === 0)
    throw new OptionError('clickhouse-url', String(target.url), 'the HTTP URL of a server of the cluster, e.g. http://127.0.0.1:8123');
  for (const u of urls) {
    try {
      new URL(u);
    } catch {
      throw new OptionError('clickhouse-url', u, 'an HTTP URL such as http://127.0.0.1:8123');
    }
  }
  let clock = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    hooks.onTiming?.(step, now - clock);
    clock = now;
  };
  const conns: Connection[] = [];
  try {
    for (const u of urls) conns.push(await connect(u));
    return await run(conns, path, options, target, hooks, lap);
  } finally {
    for (const c of conns) await c.close();
  }
}

type Lap = (step: string) => void;

/** The input as the queries see it: the Distributed table, its columns, how to read each. */
interface Input {
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
}

/** The kind and field → column map a row table's validation columns are made for. */
function loadTag(kind: RecordKind, found: ReadonlyMap<string, string>): string {
  return JSON.stringify({ kind, fields: Object.fromEntries([...found].sort(([a], [b]) => compareKeys(a, b))) });
}

async function run(
  conns: Connection[],
  path: string,
  options: ClickHouseAnalyzeOptions,
  target: ClickHouseTarget,
  hooks: ClickHouseHooks,
  lap: Lap,
): Promise<PreparedRun> {
  const conn = conns[0]!;
  hooks.onStage?.('parse');
  const columns = options.columns ?? {};
  let input: Input;
  let kind: RecordKind;
  // Whether the lines that are not UTF-8 look like Latin-1 (the advice of their messages).
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
    };
  }
  const o = resolveAnalyzeOptions({ ...options, kind });
  const fields = matchFields(input.header, kind, o.columns, input.file);
  const from = qualified(input.table);
  // A missing required column makes the input unusable, as in the other engines (exit 3).
  if (fields.problems.length > 0) throw unusableInput(fields.problems, 1, input.file, input.header)!;
  // A table with validation columns is read through them when they were made for this kind and
  // these fields; the checks are otherwise computed in each query from the input columns.
  const tag = loadTag(kind, fields.found);
  if (input.loadedAs !== null && input.loadedAs !== tag) {
    throw new OptionError(
      'input-table',
      target.inputTable ?? '',
      `a table loaded for ${tag}; it was loaded for ${input.loadedAs}: load the file again with these options`,
    );
  }
  lap('read');

  const defs: Definition[] =
    input.loadedAs !== null ? [] : rowDefinitions(CLICKHOUSE, { kind, header: input.header, found: fields.found, raw: input.raw });
  defs.unshift(['tf_ln', input.line]);
  const head = withClause(defs);
  const [counts] = await conn.rows(`${head}SELECT count(), countIf(NOT tf_blank) FROM ${from}`);
  const bad = await conn.rows(
    kind === 'moves'
      ? `${head}SELECT tf_ln, tf_id, tf_f, tf_t, tf_fc, tf_tc, tf_ytext, tf_year, tf_ctext, tf_cfault, tf_self FROM ${from} WHERE tf_bad ORDER BY tf_ln, tf_id, tf_f, tf_t, tf_ytext, tf_ctext`
      : `${head}SELECT tf_ln, tf_id, tf_place, tf_ytext, tf_year, tf_ctext, tf_cfault FROM ${from} WHERE tf_bad ORDER BY tf_ln, tf_id, tf_place, tf_ytext, tf_ctext`,
  );
  // The fields countDuplicateRecords compares, of the rows that parsed; NULL apart from ''.
  const opt = (x: string) => `isNull(${x}), coalesce(${x}, '')`;
  const same = kind === 'moves' ? `tf_id, tf_f, ${opt('tf_fc')}, tf_t, ${opt('tf_tc')}` : `tf_id, tf_place, ${opt('tf_country')}`;
  const [dups] = await conn.rows(
    `${head}SELECT count() - uniqExact(${same}, coalesce(tf_year, 0), ${opt('tf_disc')}, tf_cnt) FROM ${from} WHERE NOT tf_bad AND NOT tf_blank`,
  );
  const duplicates = duplicateNote(Number(dups![0]), kind, fields.found.has(kind === 'moves' ? 'count' : 'publications'));
  lap('validate');

  hooks.onStage?.('resolve');
  const resolver = hooks.resolver ?? createPlaceResolver({ level: o.level, aliases: o.aliases });
  const ends: Array<[string, string]> =
    kind === 'moves'
      ? [
          ['tf_f', 'tf_fc'],
          ['tf_t', 'tf_tc'],
        ]
      : [['tf_place', 'tf_country']];
  const index = await resolvePairs(conn, head, from, ends, resolver);
  const mapping = placeMapping(index);
  lap('resolve');

  const fieldsOf = kind === 'moves' ? ['from', 'to'] : ['place'];
  const hashOf = (e: [string, string]) => `cityHash64(${e[0]}, coalesce(${e[1]}, ''))`;
  const mapped: Definition[] = [...defs, ...mapping.definitions(ends.map(hashOf))];
  const mhead = withClause(mapped);
  const hasCount = fields.found.has(kind === 'moves' ? 'count' : 'publications');
  const parseProblems: Array<{ line: number; problems: Problem[] }> = bad.map((r) => {
    const line = Number(r[0]);
    const row =
      kind === 'moves'
        ? {
            id: r[1],
            f: r[2],
            t: r[3],
            fc: r[4],
            tc: r[5],
            ytext: r[6],
            year: r[7] === null ? null : Number(r[7]),
            ctext: r[8],
            cfault: r[9],
            self: r[10] === '1',
          }
        : { id: r[1], place: r[2], ytext: r[3], year: r[4] === null ? null : Number(r[4]), ctext: r[5], cfault: r[6] };
    return { line, problems: rowProblems(row, kind, hasCount, input.file, line) };
  });
  for (const m of input.malformed) {
    if (m.encoding !== undefined) {
      const message = encodingMessage(m.encoding.line, m.encoding.byte, looksLatin1, input.file);
      parseProblems.push({ line: m.line, problems: [problem(input.file, m.line, 'row', m.evidence, 'bad-encoding', message)] });
      continue;
    }
    const message = `row cannot be split into the header's ${input.header.length} columns (${m.evidence}); quote values that contain the delimiter`;
    parseProblems.push({ line: m.line, problems: [problem(input.file, m.line, 'row', m.evidence, 'malformed-row', message)] });
  }
  parseProblems.sort((a, b) => a.line - b.line);
  const problems: Problem[] = parseProblems.flatMap((p) => p.problems);
  if (mapping.flagged.length > 0) {
    const keys = ends.map((_e, i) => `tf_k${i}`);
    const flaggedRows = await conn.rows(
      `${mhead}SELECT tf_ln, ${keys.join(', ')} FROM ${from} WHERE NOT tf_bad AND NOT tf_blank AND (${keys.map((k) => `has(tf_flagged, ${k})`).join(' OR ')}) ORDER BY tf_ln, ${keys.join(', ')}`,
    );
    for (const r of flaggedRows) {
      const line = Number(r[0]);
      fieldsOf.forEach((field, i) => {
        const p = mapping.problem(r[i + 1]!, field, input.file, line);
        if (p) problems.push(p);
      });
    }
  }
  const rowsRead = Number(counts![1]) + input.malformed.length;
  if (rowsRead === 0) throw unusableInput([], 0, input.file, input.header)!;
  lap('problems');

  const parts = { places: index.places, kind, level: o.level };
  const ok = `NOT tf_bad AND NOT tf_blank AND ${ends.map((_e, i) => `tf_p${i} >= 0`).join(' AND ')}`;
  if (kind === 'moves') {
    hooks.onStage?.('graph');
    const [s] = await conn.rows(
      `${mhead}SELECT countIf(tf_p0 <> tf_p1), countIf(tf_p0 = tf_p1), sumIf(tf_cnt, tf_p0 = tf_p1), arraySort(groupUniqArray(tf_p0)), arraySort(groupUniqArray(tf_p1)) FROM ${from} WHERE ${ok}`,
    );
    const nodes = [...new Set([...JSON.parse(s![3]!), ...JSON.parse(s![4]!)] as number[])].sort((a, b) => a - b);
    const years = o.years ? ` AND tf_year BETWEEN ${o.years[0]} AND ${o.years[1]}` : '';
    const q = flowQueries(CLICKHOUSE, {
      head: mhead,
      from,
      where: `${ok} AND tf_p0 <> tf_p1${years}`,
      rid: `nullIf(tf_id, '')`,
      s: 'tf_p0',
      t: 'tf_p1',
      year: 'tf_year',
      disc: `ifNull(tf_disc, '')`,
      cnt: 'tf_cnt',
    });
    const flows = flowArraysFromRows({ edges: await conn.rows(q.edges), cells: await conn.rows(q.cells), span: await conn.rows(q.span) });
    lap('aggregate');
    const store = flowStoreFromArrays(parts.places, nodes, flows);
    const graph = assembleGraph(store, { ...parts, nodes, stock: null, window: null, movesWithinPlace: Number(s![2]) });
    lap('graph');
    return {
      options: o,
      graph,
      flows: store,
      problems,
      rowsRead,
      researchers: null,
      records: Number(s![0]) + Number(s![1]),
      resolver,
      duplicateNote: duplicates,
    };
  }
  hooks.onStage?.('derive');
  const derived = await deriveTimelines(conn, { head: mhead, from, where: ok, db: input.table.db, window: o.window, years: o.years });
  lap('derive');
  hooks.onStage?.('graph');
  const store = flowStoreFromArrays(parts.places, derived.nodes, derived.flows);
  const graph = assembleGraph(store, { ...parts, nodes: derived.nodes, stock: derived.stock, window: o.window, movesWithinPlace: 0 });
  lap('graph');
  return {
    options: o,
    graph,
    flows: store,
    problems,
    rowsRead,
    researchers: derived.researchers,
    records: derived.records,
    resolver,
    duplicateNote: duplicates,
  };
}

/**
 * A SHA-256 (hex) standing for the content of an existing table, for the manifest: of its row
 * count and the sum of its rows' 64-bit hashes, so it does not depend on row order or shards.
 */
export async function tableFingerprint(url: string, table: string): Promise<string> {
  const name = parseTableName(table, 'input-table');
  const conn = await connect(url.split(',')[0]!.trim());
  try {
    const cols = await tableColumns(conn, name);
    const hash = `cityHash64(${cols.map((c) => `toString(${CLICKHOUSE.id(c.name)})`).join(', ')})`;
    const [r] = await conn.rows(`SELECT count(), sum(${hash}) FROM ${qualified(name)}`);
    const { createHash } = await import('node:crypto');
    return createHash('sha256')
      .update(`${name.db}.${name.name}\n${cols.map((c) => c.name).join('\t')}\n${r![0]}\n${r![1]}`)
      .digest('hex');
  } finally {
    await conn.close();
  }
}
