/**
 * The whole analysis as one pure function: parsed records → places → flow graph → every measure.
 * The CLI, the notebooks and the benchmarks call this; file reading and writing stay outside.
 */
import type { ColumnTable } from 'arquero';
import { analyzeGraph, type AnalysisSummary } from '../analyses/run-all.ts';
import { buildFlows } from '../graph/build.ts';
import type { FlowStore } from '../flows/store.ts';
import type { FlowGraph } from '../graph/types.ts';
import { createPlaceResolver } from '../places/resolve.ts';
import type { PlaceResolver, ResolutionRecord } from '../places/types.ts';
import { parseMoves } from '../records/parse-moves.ts';
import { parseTimelines } from '../records/parse-timelines.ts';
import { resolveMoves } from '../records/resolve-moves.ts';
import { resolveTimelines } from '../records/resolve-timelines.ts';
import type { ParseOptions } from '../records/table-input.ts';
import { unusableInput } from '../records/usable.ts';
import { countDuplicateRecords, duplicateNote } from '../records/duplicates.ts';
import { matchColumns } from '../records/columns.ts';
import type { MoveRecord, Problem, ReadResult, TimelineRecord } from '../records/types.ts';
import { summariseTimelines } from '../timelines/summarise.ts';
import type { TimelineRows } from '../timelines/rows.ts';
import { intervalsOfRun } from './intervals.ts';
import type { BootstrapResult } from '../analyses/bootstrap.ts';
import { resolveAnalyzeOptions, type AnalyzeOptions, type ResolvedAnalyzeOptions } from './options.ts';
import type { PopulationCheck } from '../analyses/population-check.ts';
import type { PopulationTable } from '../analyses/time-series.ts';

/** Named steps, reported to `onStage` so a caller can show progress. */
export type Stage = 'parse' | 'resolve' | 'derive' | 'graph' | 'analyses';

export interface RunHooks {
  onStage?: (stage: Stage) => void;
  /**
   * Called at the end of each step with its name and wall time in ms: validate, resolve,
   * aggregate, graph, then each measure (`--timings`; the DuckDB engine reports its own steps).
   */
  onTiming?: (stage: string, ms: number) => void;
  /** A resolver to reuse (tests, repeated runs); by default one is made for the level and aliases. */
  resolver?: PlaceResolver;
  /**
   * Called once the graph and its flow store are built, before the first measure, with the run's
   * problems so far: what a caller needs to start writing the files that no measure changes
   * (the CLI writes flows.arrow, problems.csv and timeseries.csv on a second thread meanwhile).
   */
  onPrepared?: (graph: FlowGraph, flows: FlowStore, problems: readonly Problem[]) => void;
}

/** Everything a run produced, ready for the exports and the report. */
export interface AnalysisRun {
  file: string;
  options: ResolvedAnalyzeOptions;
  /** Data rows in the input. */
  rowsRead: number;
  /** Records that passed parsing and place resolution. */
  records: number;
  /** Every problem of parsing and resolution, in input order. */
  problems: Problem[];
  /** Rows skipped: distinct lines with an error-severity problem. */
  skipped: number;
  /**
   * Moves left out of the graph because their arrival year is outside `years` (not problems: the
   * user's choice); null when the engine filtered them before counting (DuckDB).
   */
  movesOutsideYears: number | null;
  /** Researchers and active researchers (timelines only). */
  researchers: { total: number; active: number } | null;
  graph: FlowGraph;
  /** The flows with their breakdowns by year and discipline, as columns (`flows.arrow`). */
  flows: FlowStore;
  analyses: AnalysisSummary;
  /** Place names resolved through something other than their literal name (`resolutions.csv`); absent when the resolver does not record them. */
  resolutions?: readonly ResolutionRecord[];
  /** Bootstrap intervals (intervals.csv); null unless `bootstrap` > 0. */
  intervals: BootstrapResult | null;
  /** The population table given beside the records (`addPopulation`); absent or null without one. */
  population?: RunPopulation | null;
}

/**
 * Parses an arquero table of the given kind and runs the analysis.
 * @throws InputError when a required column is missing or the table has no data row.
 */
export function analyzeTable(table: ColumnTable, parse: ParseOptions, options: AnalyzeOptions = {}, hooks: RunHooks = {}): AnalysisRun {
  const o = resolveAnalyzeOptions(options);
  hooks.onStage?.('parse');
  const parseOptions = { ...parse, columns: o.columns };
  const start = performance.now();
  const read = o.kind === 'moves' ? parseMoves(table, parseOptions) : parseTimelines(table, parseOptions);
  hooks.onTiming?.('validate', performance.now() - start);
  const unusable = unusableInput(read.problems, read.rowsRead, parse.file, table.columnNames());
  if (unusable) throw unusable;
  const run =
    o.kind === 'moves'
      ? analyzeMoveRecords(read as ReadResult<MoveRecord>, parse.file, o, hooks)
      : analyzeTimelineRecords(read as ReadResult<TimelineRecord>, parse.file, o, hooks);
  const countField = o.kind === 'moves' ? 'count' : 'publications';
  const hasCount = matchColumns(table.columnNames(), [countField], o.columns).found.has(countField);
  const note = duplicateNote(countDuplicateRecords(read.records), o.kind, hasCount);
  if (note) run.analyses.warnings.push(note);
  return run;
}

/** Runs the analysis on parsed moves (one row per move, or aggregated rows with `count`). */
export function analyzeMoveRecords(
  read: ReadResult<MoveRecord>,
  file: string,
  options: AnalyzeOptions = {},
  hooks: RunHooks = {},
): AnalysisRun {
  const o = resolveAnalyzeOptions(options);
  hooks.onStage?.('resolve');
  const resolver = hooks.resolver ?? createPlaceResolver({ level: o.level, aliases: o.aliases });
  const start = performance.now();
  const resolved = resolveMoves(read.records, resolver, file);
  const problems = [...read.problems, ...resolved.problems];
  hooks.onTiming?.('resolve', performance.now() - start);
  hooks.onStage?.('graph');
  const { graph, flows } = buildFlows(
    {
      moves: resolved.moves,
      places: resolved.places,
      kind: 'moves',
      level: o.level,
      movesWithinPlace: resolved.movesWithinPlace,
    },
    { years: o.years },
    hooks.onTiming,
  );
  // Every record (row) resolves to one flow row or one within-place row, or is skipped with a
  // problem; rows are counted, not their `count`, so that records + skipped = rows read.
  const records = resolved.moves.length + resolved.rowsWithinPlace;
  return finish(graph, flows, { file, o, read, problems, researchers: null, records, moves: totalMoves(resolved.moves), resolver }, hooks);
}

/** Runs the analysis on parsed affiliation timelines: derives moves, stock, young and SET inflow first. */
export function analyzeTimelineRecords(
  read: ReadResult<TimelineRecord>,
  file: string,
  options: AnalyzeOptions = {},
  hooks: RunHooks = {},
): AnalysisRun {
  const o = resolveAnalyzeOptions(options);
  hooks.onStage?.('resolve');
  const resolver = hooks.resolver ?? createPlaceResolver({ level: o.level, aliases: o.aliases });
  let start = performance.now();
  const resolved = resolveTimelines(read.records, resolver, file);
  const problems = [...read.problems, ...resolved.problems];
  hooks.onTiming?.('resolve', performance.now() - start);
  hooks.onStage?.('derive');
  start = performance.now();
  const summary = summariseTimelines(resolved.rows, { window: o.window });
  hooks.onTiming?.('derive', performance.now() - start);
  hooks.onStage?.('graph');
  const { graph, flows } = buildFlows(
    {
      moves: summary.moves,
      places: resolved.places,
      stock: summary.stock,
      kind: 'timelines',
      level: o.level,
      window: o.window,
    },
    { years: o.years },
    hooks.onTiming,
  );
  return finish(
    graph,
    flows,
    {
      file,
      o,
      read,
      problems,
      researchers: { total: summary.researchers, active: summary.active },
      moves: totalMoves(summary.moves),
      records: resolved.rows.length,
      resolver,
      rows: resolved.rows,
    },
    hooks,
  );
}

/** Runs every analysis on a built graph and assembles the run; shared with the DuckDB engine (`src/engines/`). */
export function finish(
  graph: FlowGraph,
  flows: FlowStore,
  ctx: {
    file: string;
    o: ResolvedAnalyzeOptions;
    read: ReadResult<unknown>;
    problems: Problem[];
    researchers: AnalysisRun['researchers'];
    records: number;
    /** Moves handed to the graph builder, before the `years` filter; absent when unknown. */
    moves?: number;
    /** The resolver, whose non-literal resolutions the run reports. */
    resolver?: PlaceResolver;
    /** The resolved timeline rows (the bootstrap resamples their researchers); absent for moves and the DuckDB engine. */
    rows?: TimelineRows;
  },
  hooks: RunHooks,
): AnalysisRun {
  hooks.onPrepared?.(graph, flows, ctx.problems);
  hooks.onStage?.('analyses');
  const analyses = analyzeGraph(
    graph,
    {
      seed: ctx.o.seed,
      resolution: ctx.o.resolution,
      topK: ctx.o.topK,
      topMinWeight: ctx.o.topMinWeight,
      stabilityRuns: ctx.o.stabilityRuns,
      betweennessMaxFlows: ctx.o.betweennessMaxFlows,
      stabilityMaxFlows: ctx.o.stabilityMaxFlows,
      flows,
      backboneAlpha: ctx.o.backboneAlpha,
      gravityMaxPlaces: ctx.o.gravityMaxPlaces,
    },
    hooks.onTiming ? { onTiming: hooks.onTiming } : {},
  );
  const intervals = intervalsOfRun(graph, ctx.o, ctx.rows ?? null, analyses.warnings);
  return {
    file: ctx.file,
    options: ctx.o,
    rowsRead: ctx.read.rowsRead,
    records: ctx.records,
    problems: ctx.problems,
    skipped: ctx.read.rowsRead - ctx.records,
    researchers: ctx.researchers,
    movesOutsideYears: ctx.moves === undefined ? null : ctx.moves - analyses.totals.moves,
    graph,
    flows,
    analyses,
    ...(ctx.resolver?.resolutions ? { resolutions: ctx.resolver.resolutions() } : {}),
    intervals,
  };
}

function totalMoves(moves: readonly { count: number }[]): number {
  let n = 0;
  for (const m of moves) n += m.count;
  return n;
}

/** The population a run's rates divide by, when a population table was given. */
export interface RunPopulation {
  /** The population file's name, as written into problems. */
  file: string;
  /** Data rows in the file, and rows used. */
  rowsRead: number;
  records: number;
  /** Place id → year → researchers. */
  values: PopulationTable;
  /** How the table compares with the flows. */
  check: PopulationCheck;
}
