/** The period comparison of a run (`--compare`), shared by `compare.csv` and the report. */
import { comparePeriods, type ComparisonResult } from '../analyses/compare-periods.ts';
import type { AnalysisRun } from './analyze.ts';

/**
 * The run's period comparison (`--compare`), with its population and balance threshold; null
 * when no periods were given. Shared by `compare.csv` and the report.
 */
export function runComparison(run: AnalysisRun): ComparisonResult | null {
  if (!run.options.compare) return null;
  return comparePeriods(run.graph, {
    periods: run.options.compare,
    population: run.population?.values ?? null,
    balanceThreshold: run.analyses.balanceClasses?.balanceThreshold,
  });
}
