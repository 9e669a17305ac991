/**
 * `analyzeFileWithDuckDB`: the whole analysis of a CSV/TSV (`.gz` too) or Parquet file with
 * reading, validation counts, move derivation and flow aggregation streamed through an embedded
 * DuckDB, handing only the aggregated flows and per-place stock to graphology. For inputs larger
 * than memory (DuckDB spills to disk) and for Parquet. Place resolution stays in JS on the
 * distinct (place, country) pairs. The result equals the JS engine's on the same input: the same
 * problems (reasons, lines, values, order), records and graph, so the same output files.
 */
import { InputError, OptionError, TalentFlowError } from '../../errors.ts';
import { inspectInput, openCheck, type InputInspection, type TextEncoding } from '../../io/inspect-input.ts';
import { unusableInput } from '../../records/usable.ts';
import { duplicateNote } from '../../records/duplicates.ts';
import type { FlowGraph } from '../../graph/types.ts';
import type { AnalysisRun, RunHooks } from '../../pipeline/analyze.ts';
import { finishPrepared, type PreparedRun } from '../../pipeline/prepared.ts';
import { detectKind } from '../../pipeline/analyze-file.ts';
import { resolveAnalyzeOptions, type AnalyzeOptions } from '../../pipeline/options.ts';
import { createPlaceResolver } from '../../places/resolve.ts';
import { problem } from '../../records/table-input.ts';
import type { Problem, RecordKind } from '../../records/types.ts';
import { assembleGraph, flowStoreFromDb, type GraphParts } from './graph.ts';
import type { FlowStore } from '../../flows/store.ts';
import { lineMapFor, PLAIN_LINES, type LineMap } from './lines.ts';
import {
  listPairs,
  pairProblem,
  rankDisciplines,
  resolveListed,
  resolvePairs,
  storePairs,
  storePlaces,
  type PlaceIndex,
} from './places.ts';
import type { PlaceResolver } from '../../places/types.ts';
import { openSession, type Session, type SessionOptions } from './session.ts';
import { openSource, sourceKind, type SourceKind } from './source.ts';
import { deriveTimelines, placeStock } from './timelines.ts';
import { badRowsSql, createRowsTable, matchFields, rowProblems } from './validate.ts';

/** Options of {@link analyzeFileWithDuckDB}: the analysis options, `kind` may be `'auto'`. */
export type DuckDBAnalyzeOptions = Omit<AnalyzeOptions, 'kind'> & {
  kind?: RecordKind | 'auto';
  /** Text encoding of a CSV/TSV input: `utf8` (default) or `latin1`. */
  encoding?: TextEncoding;
};

/** Hooks of {@link analyzeFileWithDuckDB}: the pipeline's, plus DuckDB's threads and memory limit. */
export interface DuckDBHooks extends RunHooks {
  session?: SessionOptions;
  /** Called with each step's name and duration in ms (the benchmarks time stages with it). */
  onTiming?: (step: string, ms: number) => void;
}

/**
 * Analyses the file at `path` with DuckDB.
 *
 * @throws InputError when the file cannot be read; OptionError for an unsupported format or a bad
 *   option; TalentFlowError when `@duckdb/node-api` is not installed.
 * @example
 * const run = await analyzeFileWithDuckDB('openalex-affiliations.parquet', { kind: 'timelines' });
 * const files = await buildOutputFiles(run, meta);
 */
export async function analyzeFileWithDuckDB(
  path: string,
  options: DuckDBAnalyzeOptions = {},
  hooks: DuckDBHooks = {},
): Promise<AnalysisRun> {
  return finishPrepared(path, await prepareWithDuckDB(path, options, hooks), hooks);
}

/**
 * The DuckDB steps of {@link analyzeFileWithDuckDB}: reading, validation, resolution, derivation
 * and the flow graph, without the analyses (the benchmarks time those one by one).
 */
export async function prepareWithDuckDB(path: string, options: DuckDBAnalyzeOptions = {}, hooks: DuckDBHooks = {}): Promise<PreparedRun> {
  const kind = sourceKind(path);
  if (!kind)
    throw new OptionError(
      'engine',
      'duckdb',
      'a .csv, .tsv (optionally .gz) or .parquet input for the DuckDB engine; JSON lines need --engine js',
    );
  let clock = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    hooks.onTiming?.(step, now - clock);
    clock = now;
  };
  // The same checks as the JS engine's reader, before DuckDB sees the file: one cause for an
  // unusable file in both engines, and the lines whose bytes are not UTF-8.
  const delimiter = kind.format === 'tsv' ? '\t' : ',';
  const seen =
    kind.format === 'parquet'
      ? (await openCheck(path, false), null)
      : await inspectInput(path, { gzip: kind.gzip, delimiter, ...(options.encoding ? { encoding: options.encoding } : {}) });
  const db = await openSession(hooks.session);
  let prepared: Omit<PreparedRun, 'graph' | 'flows'> & {
    graph: { graph: FlowGraph; flows: FlowStore } | { store: FlowStore; parts: GraphParts };
  };
  try {
    prepared = await analyzeWith(db, path, kind, seen, options, hooks, lap);
  } catch (error) {
    throw asInputError(error, path);
  } finally {
    await db.close();
  }
  // The graph is assembled once DuckDB has closed: its tables no longer hold memory while the
  // graph's objects grow.
  const { graph, ...rest } = prepared;
  if ('store' in graph) {
    const assembled = assembleGraph(graph.store, graph.parts);
    lap('graph');
    return { ...rest, graph: assembled, flows: graph.store };
  }
  return { ...rest, ...graph };
}

type Lap = (step: string) => void;

/**
 * DuckDB's own errors on a file's content (a value it cannot convert, bytes it cannot read) are
 * input errors: said in one line with the file, never as a stack trace.
 */
function asInputError(error: unknown, path: string): unknown {
  if (error instanceof TalentFlowError || !(error instanceof Error)) return error;
  if (/^(Conversion|Invalid Input|IO|Out of Range) Error/.test(error.message)) {
    return new InputError(path, `cannot be read by the DuckDB engine: ${error.message.split('\n')[0]}; try --engine js`, { cause: error });
  }
  return error;
}

async function analyzeWith(
  db: Session,
  path: string,
  source: SourceKind,
  seen: InputInspection | null,
  options: DuckDBAnalyzeOptions,
  hooks: DuckDBHooks,
  lap: Lap,
) {
  hooks.onStage?.('parse');
  const header = await openSource(db, path, source, {
    header: seen?.header ?? null,
    ...(options.encoding ? { encoding: options.encoding } : {}),
  });
  const columns = options.columns ?? {};
  const kind: RecordKind = options.kind === undefined || options.kind === 'auto' ? detectKind(header, columns) : options.kind;
  const o = resolveAnalyzeOptions({ ...options, kind });
  const fields = matchFields(header, kind, o.columns, path);
  if (fields.problems.length > 0) throw unusableInput(fields.problems, 1, path, header)!;
  await createRowsTable(db, header, kind, fields.found);
  // Row numbers come from rows_t's rowid; later tables carry `ord` and every read orders explicitly,
  // so DuckDB may now produce rows in any order (less buffering).
  await db.run(`SET preserve_insertion_order = false`);
  lap('read');

  const rejects = await rejectCount(db, source);
  const bad = await db.rows(badRowsSql(kind));
  const [counts] = await db.rows(`SELECT count(*) FILTER (WHERE NOT blank) AS n, count(*) AS rows FROM rows`);
  const hasCountColumn = fields.found.has(kind === 'moves' ? 'count' : 'publications');
  // Moves are counted once joined to their pairs, mostly on integers (see resolveMoves).
  const timelineDuplicates = kind === 'moves' ? 0 : await duplicateTimelines(db);
  lap('validate');

  hooks.onStage?.('resolve');
  const resolver = hooks.resolver ?? createPlaceResolver({ level: o.level, aliases: o.aliases });
  const pairsSql =
    kind === 'moves'
      ? `SELECT f AS name, fc AS country FROM rows WHERE NOT bad AND NOT blank UNION SELECT t, tc FROM rows WHERE NOT bad AND NOT blank`
      : `SELECT DISTINCT place AS name, country, hkey FROM rows WHERE NOT bad AND NOT blank`;
  let index: PlaceIndex;
  let resolvedRows: { flagged: Flagged[] };
  let duplicates: string | null;
  if (kind === 'moves') {
    const joined = await resolveMoves(db, pairsSql, resolver);
    index = joined.index;
    resolvedRows = joined;
    duplicates = duplicateNote(joined.duplicates, kind, hasCountColumn);
  } else {
    index = await resolvePairs(db, pairsSql, resolver);
    resolvedRows = await joinTimelines(db);
    duplicates = duplicateNote(timelineDuplicates, kind, hasCountColumn);
    // Every later step reads the joined tables only.
    await db.run(`DROP VIEW rows; DROP TABLE rows_t; DROP TABLE pmap`);
  }
  lap('resolve');

  const lines: LineMap =
    bad.length + resolvedRows.flagged.length + rejects > 0
      ? await lineMapFor(path, source, Number(counts!.rows), rejects, seen)
      : PLAIN_LINES;
  const hasCount = fields.found.has(kind === 'moves' ? 'count' : 'publications');
  const parseProblems: Array<{ line: number; problems: Problem[] }> = bad.map((row) => {
    const line = lines.line(Number(row.ord));
    return { line, problems: rowProblems(row, kind, hasCount, path, line) };
  });
  for (const m of lines.malformed) {
    if (m.encoding !== undefined) {
      parseProblems.push({ line: m.line, problems: [problem(path, m.line, 'row', m.evidence, 'bad-encoding', m.encoding)] });
      continue;
    }
    const message = `row cannot be split into the header's ${header.length} columns (${m.evidence}); quote values that contain the delimiter`;
    parseProblems.push({ line: m.line, problems: [problem(path, m.line, 'row', m.evidence, 'malformed-row', message)] });
  }
  parseProblems.sort((a, b) => a.line - b.line);
  const problems: Problem[] = parseProblems.flatMap((p) => p.problems);
  for (const r of resolvedRows.flagged) {
    const line = lines.line(r.ord);
    for (const [k, field] of r.ends) {
      const p = pairProblem(index.pairs[k]!, field, path, line);
      if (p) problems.push(p);
    }
  }
  const rowsRead = Number(counts!.n) + lines.malformed.length;
  if (rowsRead === 0) throw unusableInput([], 0, path, header)!;
  lap('problems');

  const parts = { places: index.places, kind, level: o.level };
  if (kind === 'moves') {
    hooks.onStage?.('graph');
    const [s] = await db.rows(`
      SELECT count(*) FILTER (WHERE s <> t) AS flows, count(*) FILTER (WHERE s = t) AS within_rows, coalesce(sum(cnt) FILTER (WHERE s = t), 0) AS within
      FROM mv WHERE s IS NOT NULL AND t IS NOT NULL`);
    await db.run(`CREATE OR REPLACE TEMP VIEW m AS
      SELECT rid, s, t, year, disc, cnt FROM mv
      WHERE s IS NOT NULL AND t IS NOT NULL AND s <> t ${o.years ? `AND year BETWEEN ${o.years[0]} AND ${o.years[1]}` : ''}`);
    const nodes = await placesUsed(
      db,
      `SELECT s AS place FROM mv WHERE s IS NOT NULL AND t IS NOT NULL UNION SELECT t FROM mv WHERE s IS NOT NULL AND t IS NOT NULL`,
    );
    const store = await flowStoreFromDb(db, index.places, nodes);
    lap('aggregate');
    const records = Number(s!.flows) + Number(s!.within_rows);
    const graph = { store, parts: { ...parts, nodes, stock: null, window: null, movesWithinPlace: Number(s!.within) } };
    return { options: o, graph, problems, rowsRead, researchers: null, records, resolver, duplicateNote: duplicates };
  }
  hooks.onStage?.('derive');
  const nodes = await placesUsed(db, `SELECT DISTINCT place FROM k`);
  const [kept] = await db.rows(`SELECT count(*) AS n FROM k`);
  await rankDisciplines(db, `SELECT disc FROM k`);
  const counted = await deriveTimelines(db, o.window, o.years);
  const stock = await placeStock(db, o.window);
  const researchers = { total: counted.researchers, active: counted.active };
  lap('derive');
  hooks.onStage?.('graph');
  const store = await flowStoreFromDb(db, index.places, nodes);
  lap('aggregate');
  const graph = { store, parts: { ...parts, nodes, stock, window: o.window, movesWithinPlace: 0 } };
  return { options: o, graph, problems, rowsRead, researchers, records: Number(kept!.n), resolver, duplicateNote: duplicates };
}

interface Flagged {
  ord: number;
  /** (pair index, field) of each end, in the order the JS engine resolves them. */
  ends: Array<[number, string]>;
}

/**
 * Resolves the moves' distinct (place, country) pairs and joins the rows to them. DuckDB joins
 * the rows to pair indices (`mvk`, texts no longer needed) and counts repeated rows while JS
 * resolves the pairs: both are started as one statement before the resolution, so that they run
 * meanwhile on DuckDB's threads. Then `mv(rid, s, t, year, disc, cnt)` holds the rows with both
 * places resolved.
 */
async function resolveMoves(
  db: Session,
  pairsSql: string,
  resolver: PlaceResolver,
): Promise<{ index: PlaceIndex; flagged: Flagged[]; duplicates: number }> {
  const listed = await listPairs(db, pairsSql);
  await storePairs(db, listed);
  const joining = db.rows(`
    CREATE OR REPLACE TEMP TABLE mvk AS
      SELECT r.ord, nullif(r.id, '') AS rid, a.k AS fk, b.k AS tk, r.year, r.disc, r.cnt
      FROM rows r
      JOIN pairs a ON a.name = r.f AND a.ckey = coalesce(r.fc, '')
      JOIN pairs b ON b.name = r.t AND b.ckey = coalesce(r.tc, '')
      WHERE NOT r.bad AND NOT r.blank;
    DROP VIEW rows; DROP TABLE rows_t; DROP TABLE pairs;
    ${repeatedRowsSql('mvk', 'rid, fk, tk, year, disc, cnt')}`);
  let index: PlaceIndex;
  try {
    index = resolveListed(listed, resolver);
  } catch (error) {
    await joining.catch(() => undefined);
    throw error;
  }
  const [dups] = await joining;
  await storePlaces(db, index, false);
  const c = await db.columns(`
    SELECT ord, fk, tk FROM mvk
    WHERE fk IN (SELECT k FROM pmap WHERE flag) OR tk IN (SELECT k FROM pmap WHERE flag) ORDER BY ord`);
  await db.run(`CREATE OR REPLACE TEMP TABLE mv AS
      SELECT mvk.rid, a.place AS s, b.place AS t, mvk.year, mvk.disc, mvk.cnt
      FROM mvk JOIN pmap a ON a.k = mvk.fk JOIN pmap b ON b.k = mvk.tk
      WHERE a.place IS NOT NULL AND b.place IS NOT NULL;
    DROP TABLE mvk; DROP TABLE pmap`);
  return {
    index,
    // Rows that repeat another in the fields countDuplicateRecords compares: a row's pairs are
    // each one index and `rid` is the id or NULL for an empty one, so (rid, fk, tk, year, disc,
    // cnt) compares the same fields, mostly as integers instead of five texts.
    duplicates: Number(dups!.n),
    flagged: (c.ord ?? []).map((ord, i) => ({
      ord: Number(ord),
      ends: [
        [Number(c.fk![i]), 'from'],
        [Number(c.tk![i]), 'to'],
      ],
    })),
  };
}

/**
 * Rows of `from` (a table, or a query in parentheses) that repeat another in `fields`, counted
 * exactly: rows are grouped by a 64-bit hash of those fields first, and only rows whose hash
 * repeats (every true repeat, and the rare collision) are compared field by field. Distinct rows
 * of 10^7 would otherwise all go into one hash table of the fields themselves, the id's text
 * included: 3.0 against 1.9 s, and the run's peak memory, at 10^7 moves.
 */
function repeatedRowsSql(from: string, fields: string): string {
  return `WITH twice AS (SELECT h FROM (SELECT hash(${fields}) AS h FROM ${from}) GROUP BY h HAVING count(*) > 1),
      candidates AS (SELECT ${fields} FROM ${from} WHERE hash(${fields}) IN (SELECT h FROM twice))
    SELECT (SELECT count(*) FROM candidates) - (SELECT count(*) FROM (SELECT DISTINCT * FROM candidates)) AS n`;
}

async function joinTimelines(db: Session): Promise<{ flagged: Flagged[] }> {
  await db.run(`CREATE OR REPLACE TEMP TABLE tl AS
    SELECT r.ord, r.id AS rid, r.year, p.place, CAST(r.cnt AS BIGINT) AS pubs, r.disc, p.k, p.flag
    FROM rows r JOIN pmap p ON p.name = r.place AND p.ckey = coalesce(r.country, '') AND p.hkey = r.hkey
    WHERE NOT r.bad AND NOT r.blank;
    CREATE OR REPLACE TEMP TABLE k AS SELECT ord, rid, year, place, pubs, disc FROM tl WHERE place IS NOT NULL`);
  const c = await db.columns(`SELECT ord, k FROM tl WHERE flag ORDER BY ord`);
  await db.run(`DROP TABLE tl`);
  return { flagged: (c.ord ?? []).map((ord, i) => ({ ord: Number(ord), ends: [[Number(c.k![i]), 'place']] })) };
}

/** Rows that repeat another in the fields countDuplicateRecords compares, of the rows that parsed (resolution aside). */
async function duplicateTimelines(db: Session): Promise<number> {
  const [dups] = await db.rows(repeatedRowsSql('(SELECT * FROM rows WHERE NOT bad AND NOT blank)', 'id, place, country, year, disc, cnt'));
  return Number(dups!.n);
}

async function placesUsed(db: Session, sql: string): Promise<number[]> {
  const c = await db.columns(`SELECT DISTINCT place FROM (${sql}) ORDER BY place`);
  return (c.place ?? []).map(Number);
}

async function rejectCount(db: Session, source: SourceKind): Promise<number> {
  if (source.format === 'parquet') return 0;
  try {
    const [r] = await db.rows(`SELECT count(*) AS n FROM tf_rejects`);
    return Number(r!.n);
  } catch {
    return 0;
  }
}

export type { PlaceIndex };
