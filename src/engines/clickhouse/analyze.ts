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
import { duplicateNote } from '../../records/duplicates.ts';
import { unusableInput } from '../../records/usable.ts';
import type { AnalysisRun, RunHooks } from '../../pipeline/analyze.ts';
import { finishPrepared, type PreparedRun } from '../../pipeline/prepared.ts';
import { resolveAnalyzeOptions } from '../../pipeline/options.ts';
import { createPlaceResolver } from '../../places/resolve.ts';
import { assembleGraph } from '../duckdb/graph.ts';
import { matchFields } from '../duckdb/validate.ts';
import { CLICKHOUSE } from '../sql/dialect.ts';
import { flowArraysFromRows, flowQueries, flowStoreFromArrays } from '../sql/flows.ts';
import { rowDefinitions, withClause, type Definition } from '../sql/rows.ts';
import { connect, type Connection } from './connection.ts';
import { placeMapping, resolvePairs } from './places.ts';
import { parseTableName, qualified, tableColumns } from './tables.ts';
import { deriveTimelines } from './timelines.ts';
import { loadTag, openInput } from './input.ts';
import { collectProblems } from './problems.ts';
import { DEFAULTS, type ClickHouseAnalyzeOptions, type ClickHouseTarget } from './defaults.ts';

export { DEFAULTS, type ClickHouseAnalyzeOptions, type ClickHouseTarget };

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
  const { input, kind, looksLatin1 } = await openInput(conns, path, options, target);
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
  // The bench tells the two ways of loading apart.
  lap(input.parsedBy === 'client' ? 'read (parsed by the client)' : 'read');

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

  const hashOf = (e: [string, string]) => `cityHash64(${e[0]}, coalesce(${e[1]}, ''))`;
  const mapped: Definition[] = [...defs, ...mapping.definitions(ends.map(hashOf))];
  const mhead = withClause(mapped);
  const hasCount = fields.found.has(kind === 'moves' ? 'count' : 'publications');
  const problems = await collectProblems(conn, { kind, hasCount, bad, input, looksLatin1, mapping, mhead, from, ends });
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
