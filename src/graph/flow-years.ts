/**
 * The one place that reads per-year moves off the flow graph. Everything that needs moves by
 * (source, target, arrival year) — the yearly series, the period comparison, the viewer's
 * sparkline — goes through {@link movesByFlowYear}. The per-year figures live in the graph's flow
 * store (`src/flows/`, attached to graphs built from it and to the viewer's graph.json read with
 * flows.arrow); a graph without one is read from each edge's `byYear` breakdown, if it has one.
 */
import type { AnyGraph } from '../analyses/graph-input.ts';
import { flowStoreOf } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';

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
  const store = flowStoreOf(graph);
  if (store) {
    yield* storeFlowYears(store);
    return;
  }
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

/** The store's cells summed over disciplines: flows in store order (the graph's edge order), years ascending. */
function* storeFlowYears(store: FlowStore): Generator<FlowYearMoves> {
  const { source, target } = store.flows;
  const { year, moves } = store.cells;
  for (let f = 0; f < source.length; f++) {
    const s = store.places[source[f]!]!;
    const t = store.places[target[f]!]!;
    const end = store.cellStarts[f + 1]!;
    for (let c = store.cellStarts[f]!; c < end; ) {
      const y = year[c]!;
      let n = 0;
      for (; c < end && year[c] === y; c++) n += moves[c]!;
      if (n > 0) yield { source: s, target: t, year: y, moves: n };
    }
  }
}
