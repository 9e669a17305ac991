/**
 * The population step of a run (`--population FILE`): the parsed population table is resolved
 * at the run's level like any place, its problems join the run's, and what it reveals about the
 * flows (places without flows, counts that differ from its own, years beyond the moves) becomes
 * the run's warnings. The yearly series (`timeseries.csv`) then divides by it.
 */
import { checkPopulation, populationWarnings } from '../analyses/population-check.ts';
import type { PopulationTable } from '../analyses/time-series.ts';
import { createPlaceResolver } from '../places/resolve.ts';
import type { PlaceResolver } from '../places/types.ts';
import type { PopulationRecord } from '../records/parse-population.ts';
import { resolvePopulation } from '../records/resolve-population.ts';
import type { ReadResult } from '../records/types.ts';
import type { AnalysisRun } from './analyze.ts';

export type { RunPopulation } from './analyze.ts';

/**
 * Adds a parsed population table to a finished run: resolves its places (with the run's level
 * and aliases, or `resolver`), appends its problems to `run.problems` and its findings to
 * `run.analyses.warnings`, and sets `run.population`.
 *
 * @example
 * const run = await analyzeFile('flows.csv', { level: 'country', columns });
 * addPopulation(run, parsePopulation(table, { file: 'country.csv', columns: popColumns }), 'country.csv');
 * timeSeries(run.graph, { population: run.population!.values });
 */
export function addPopulation(run: AnalysisRun, read: ReadResult<PopulationRecord>, file: string, resolver?: PlaceResolver): AnalysisRun {
  const r = resolver ?? createPlaceResolver({ level: run.options.level, aliases: run.options.aliases });
  const resolved = resolvePopulation(read.records, r, file);
  run.problems.push(...read.problems, ...resolved.problems);
  const check = checkPopulation(run.graph, resolved.population, resolved.reference);
  run.analyses.warnings.push(...populationWarnings(check, file), ...outsideWarning(run, resolved.population, file));
  run.population = { file, rowsRead: read.rowsRead, records: resolved.records, values: resolved.population, check };
  // graph.json carries the population to the viewer (net rate colouring, the card's sparkline).
  run.graph.updateEachNodeAttributes((node, attr) => {
    const years = resolved.population.get(node);
    return years
      ? { ...attr, populationByYear: Object.fromEntries([...years].sort((a, b) => a[0] - b[0]).map(([y, n]) => [String(y), n])) }
      : attr;
  });
  return run;
}

function outsideWarning(run: AnalysisRun, population: PopulationTable, file: string): string[] {
  const span = run.graph.getAttribute('years') ?? null;
  let count = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const years of population.values()) {
    for (const y of years.keys()) {
      if (span && y >= span[0] && y <= span[1]) continue;
      count++;
      first = Math.min(first, y);
      last = Math.max(last, y);
    }
  }
  if (!count) return [];
  const moves = span ? `the moves' years ${span[0]}–${span[1]}` : 'any move (the graph has none)';
  const years = first === last ? String(first) : `${first}–${last}`;
  const n = count === 1 ? '1 place-year' : `${count.toLocaleString('en-US')} place-years`;
  return [`${file}: ${n} (${years}) ${count === 1 ? 'is' : 'are'} outside ${moves}: no rate, not in timeseries.csv`];
}
