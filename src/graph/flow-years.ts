/**
 * The one place that reads per-year moves off the flow graph. Everything that needs moves by
 * (source, target, arrival year) — the yearly series, the period comparison, the viewer's
 * sparkline — goes through {@link movesByFlowYear}, so that where the per-year figures live (today
 * each edge's `byYear` breakdown) can change in this file alone.
 */
import type { AnyGraph } from '../analyses/options.ts';

/** Moves from `source` to `target` arriving in `year`. */
export interface FlowYearMoves {
  source: string;
  target: string;
  year: number;
  moves: number;
}

/**
 * Every (flow, year) with at least one move, in edge order then year order.
 *
 * @param graph - a flow graph (`buildFlowGraph`, or `graph.json` read back).
 * @example
 * for (const { source, target, year, moves } of movesByFlowYear(graph)) …
 * // { source: 'Beijing', target: 'Shenzhen', year: 2019, moves: 12 }, …
 */
export function* movesByFlowYear(graph: AnyGraph): Generator<FlowYearMoves> {
  for (const { source, target, attributes } of graph.edgeEntries()) {
    const byYear = attributes.byYear as Record<string, number> | undefined;
    if (!byYear) continue;
    const years = Object.keys(byYear)
      .map(Number)
      .sort((a, b) => a - b);
    for (const year of years) {
      const moves = byYear[String(year)]!;
      if (moves > 0) yield { source, target, year, moves };
    }
  }
}
