/**
 * The bootstrap step of a run: builds the resampling units (researchers of the timeline rows, or
 * the graph's moves) and runs `bootstrap` with the run's seed, after every other measure.
 */
import { bootstrap, type BootstrapResult } from '../analyses/bootstrap.ts';
import { moveUnits } from '../analyses/bootstrap-units.ts';
import { edgeArrays } from '../analyses/flow-arrays.ts';
import type { FlowGraph } from '../graph/types.ts';
import { researcherUnits } from '../timelines/researcher-units.ts';
import type { TimelineRows } from '../timelines/rows.ts';
import type { ResolvedAnalyzeOptions } from './options.ts';

/**
 * Bootstrap intervals of a run, or null when `bootstrap` is 0. Timelines need their rows (the JS
 * engine): without them the intervals are left out and a note says so in `warnings`.
 */
export function intervalsOfRun(
  graph: FlowGraph,
  o: ResolvedAnalyzeOptions,
  rows: TimelineRows | null,
  warnings: string[],
): BootstrapResult | null {
  if (o.bootstrap === 0) return null;
  const options = { replicates: o.bootstrap, seed: o.seed };
  if (graph.getAttribute('kind') !== 'timelines') return bootstrap(moveUnits(graph), options);
  if (rows === null) {
    warnings.push('bootstrap skipped: resampling researchers needs the timeline records in memory; run with --engine js');
    return null;
  }
  return bootstrap(researcherUnits(rows, edgeArrays(graph, 'weight'), { window: o.window, years: o.years }), options);
}
