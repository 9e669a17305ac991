/**
 * What the SQL engines (DuckDB, ClickHouse) hand over before the analyses, and the run they
 * finish into: one shape and one finishing step, so that both engines report the same things.
 */
import type { FlowStore } from '../flows/store.ts';
import type { FlowGraph } from '../graph/types.ts';
import type { PlaceResolver } from '../places/types.ts';
import type { Problem } from '../records/types.ts';
import { finish, type AnalysisRun, type RunHooks } from './analyze.ts';
import type { ResolvedAnalyzeOptions } from './options.ts';

/** Everything of a run but the analyses: the graph (no measures yet), its flow store and the counts. */
export interface PreparedRun {
  options: ResolvedAnalyzeOptions;
  graph: FlowGraph;
  /** The flows and their breakdowns by year and discipline, as columns. */
  flows: FlowStore;
  problems: Problem[];
  rowsRead: number;
  records: number;
  researchers: AnalysisRun['researchers'];
  /** The resolver the run used (its non-literal resolutions go to `resolutions.csv`). */
  resolver?: PlaceResolver;
  /** The note on rows repeating an earlier row (see `duplicateNote`), or null. */
  duplicateNote?: string | null;
}

/**
 * Runs the analyses on a prepared run of the input `file` and adds the engine's notes.
 *
 * @example const run = finishPrepared('moves.csv', await prepareWithDuckDB('moves.csv'), {});
 */
export function finishPrepared(file: string, p: PreparedRun, hooks: RunHooks): AnalysisRun {
  const run = finish(
    p.graph,
    p.flows,
    {
      file,
      o: p.options,
      read: { records: [], problems: p.problems, rowsRead: p.rowsRead },
      problems: p.problems,
      researchers: p.researchers,
      records: p.records,
      ...(p.resolver ? { resolver: p.resolver } : {}),
    },
    hooks,
  );
  if (p.duplicateNote) run.analyses.warnings.push(p.duplicateNote);
  return run;
}
