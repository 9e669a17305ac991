/**
 * The report's sections on the per-flow and per-place statistical measures: the disparity
 * backbone, expected flows (gravity), stock against momentum and the bootstrap intervals. Pure:
 * each reads a finished run and returns lines of text (empty when the measure did not run).
 */
import type { AnalysisRun } from '../pipeline/analyze.ts';
import { formatInt, formatPercent } from './text-table.ts';

/** "Disparity backbone (α < 0.05): 120 of 4,830 flows (2.5%) carry 41.0% of the 90,210 moves." */
export function backboneLines(run: AnalysisRun): string[] {
  const b = run.analyses.backbone;
  if (!b || b.flows === 0) return [];
  const flowShare = formatPercent(b.keptFlows / b.flows);
  const moveShare = b.moves > 0 ? formatPercent(b.keptMoves / b.moves) : '';
  return [
    `Disparity backbone (flows whose share of their source's sending or destination's receiving is significant, α < ${b.alpha}):`,
    `  ${formatInt(b.keptFlows)} of ${formatInt(b.flows)} flows (${flowShare}) carry ${moveShare} of the ${formatInt(b.moves)} moves (flows.csv backbone, disparity_alpha).`,
  ];
}
