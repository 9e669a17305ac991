/**
 * The flow store and graph from the moves table `m(rid, s, t, year, disc, cnt)`: DuckDB
 * aggregates the flows and their breakdown cells, JS only assembles the columns. The result
 * equals `buildFlows` on the same moves: places, flows and cells in the same order, so every
 * output file is byte-identical between engines.
 */
import type { FlowGraph, PlaceStock } from '../../graph/types.ts';
import { graphFromFlows } from '../../flows/graph.ts';
import type { FlowStore } from '../../flows/store.ts';
import type { Place, PlaceLevel } from '../../places/types.ts';
import type { RecordKind } from '../../records/types.ts';
import { emptyPlaceStock } from '../../timelines/summarise.ts';

export interface GraphParts {
  /** Every place, by index (code-unit order of ids). */
  places: readonly Place[];
  /** Indices of the places that are nodes. */
  nodes: readonly number[];
  /** Stock by place index (timelines); null for moves. */
  stock: Map<number, PlaceStock> | null;
  kind: RecordKind;
  level: PlaceLevel;
  window: [number, number] | null;
  movesWithinPlace: number;
}

/**
 * The flow store from the moves table `m` (see ./aggregate.ts). Call {@link assembleGraph} with
 * the result after the session is closed, so that DuckDB's memory is free while the graph grows.
 */
export { flowStoreFromDb } from './aggregate.ts';

/** Builds the flow graph from the flow store and the places, in one pass over the flows. */
export function assembleGraph(store: FlowStore, parts: GraphParts): FlowGraph {
  const nodes = parts.nodes;
  return graphFromFlows(
    store,
    (i) => {
      const { id: _id, ...place } = parts.places[nodes[i]!]!;
      return parts.stock ? { ...place, ...(parts.stock.get(nodes[i]!) ?? emptyPlaceStock(parts.window!)) } : place;
    },
    { level: parts.level, window: parts.window, kind: parts.kind, movesWithinPlace: parts.movesWithinPlace },
  );
}
