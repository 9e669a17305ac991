/**
 * Building the flow graph (domain.md "Move": a move from A to B is one unit of flow on the
 * directed edge A → B).
 *
 * The moves are aggregated into a flow store (`src/flows/`: flows and their breakdowns by year
 * and discipline as columns), and the graph is built from it in one pass.
 *
 * Nodes: every place given (places with stock but no flows, and places whose moves fall outside
 * `years`, included), sorted by id, with the place's attributes and, for timelines, its stock
 * figures (zeros where the place has none). Edges: one per ordered pair with moves, sorted by
 * (source, target), carrying
 *   weight       Σ count of the moves A → B
 *   researchers  distinct researcher ids among them; null when any of them is an aggregated row
 *                without an id (distinct people cannot be counted)
 * The breakdowns by year and discipline are in the store, not on the edges.
 * A move whose source and target are the same place is not a flow: it is added to the graph's
 * `movesWithinPlace` instead of becoming a self-loop.
 */
import { OptionError } from '../errors.ts';
import { flowStoreFromMoves } from '../flows/from-moves.ts';
import { graphFromFlows } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';
import type { Place, PlaceLevel } from '../places/types.ts';
import type { RecordKind, ResolvedMove } from '../records/types.ts';
import { emptyPlaceStock } from '../timelines/summarise.ts';
import type { FlowGraph, PlaceAttributes, PlaceStock } from './types.ts';
import { checkYears } from './breakdowns.ts';

/** What {@link buildFlowGraph} builds from. */
export interface FlowGraphInput {
  moves: readonly ResolvedMove[];
  /** Every place seen, by id or as a list; every move's source and target must be among them. */
  places: ReadonlyMap<string, Place> | readonly Place[];
  /** Per-place stock from timelines (`summariseTimelines`); needs `window`. */
  stock?: ReadonlyMap<string, PlaceStock> | null;
  kind: RecordKind;
  level: PlaceLevel;
  /** The window the stock was computed over. */
  window?: [number, number] | null;
  /** Moves already found to stay within one place during resolution. */
  movesWithinPlace?: number;
}

/** Options of {@link buildFlowGraph}. */
export interface BuildOptions {
  /** Keep only moves arriving in [first, last] (inclusive); null keeps all. */
  years?: [number, number] | null;
}

/** Defaults of {@link buildFlowGraph}: every year. */
export const DEFAULTS: Readonly<Required<BuildOptions>> = Object.freeze({ years: null });

/**
 * Builds the flow graph from resolved moves, places and (for timelines) stock.
 *
 * @throws OptionError when an option is invalid, a move is not a positive whole count with a
 *   whole-number year, a move or stock entry names a place not in `places`, or stock comes without a window.
 * @example
 * const graph = buildFlowGraph({ moves, places, kind: 'moves', level: 'metro' }, { years: [2019, 2023] });
 * graph.getEdgeAttributes('Beijing', 'Shenzhen').weight;
 */
export function buildFlowGraph(input: FlowGraphInput, options?: BuildOptions): FlowGraph {
  return buildFlows(input, options).graph;
}

/**
 * {@link buildFlowGraph}, also returning the flow store the graph was built from (with the
 * breakdowns by year and discipline): what the pipeline keeps for the exports and filters.
 *
 * @example const { graph, flows } = buildFlows({ moves, places, kind: 'moves', level: 'metro' });
 */
export function buildFlows(
  input: FlowGraphInput,
  options?: BuildOptions,
  onTiming?: (stage: 'aggregate' | 'graph', ms: number) => void,
): { graph: FlowGraph; flows: FlowStore } {
  const years = checkYears(options?.years ?? DEFAULTS.years);
  const places = checkPlaces(input.places);
  const window = input.window ?? null;
  if (input.stock && !window) throw new OptionError('window', input.window, 'the [first, last] window the stock was computed over');
  if (window) checkYears(window, 'window');
  const within = input.movesWithinPlace ?? 0;
  if (!Number.isInteger(within) || within < 0) throw new OptionError('movesWithinPlace', within, 'a whole number ≥ 0');

  let start = performance.now();
  const { store, movesWithinPlace } = flowStoreFromMoves(input.moves, places.keys(), years);
  onTiming?.('aggregate', performance.now() - start);
  start = performance.now();
  if (input.stock) {
    for (const id of input.stock.keys()) {
      if (!places.has(id)) throw new OptionError('stock', id, 'stock only for places in `places`');
    }
  }
  const nodeAttributes = (_i: number, id: string): PlaceAttributes => {
    const { id: _id, ...place } = places.get(id)!;
    const stock = input.stock ? (input.stock.get(id) ?? emptyPlaceStock(window!)) : undefined;
    return stock ? { ...place, ...copyStock(stock) } : place;
  };
  const graph = graphFromFlows(store, nodeAttributes, {
    level: input.level,
    window,
    kind: input.kind,
    movesWithinPlace: within + movesWithinPlace,
  });
  onTiming?.('graph', performance.now() - start);
  return { graph, flows: store };
}

function checkPlaces(places: FlowGraphInput['places']): Map<string, Place> {
  if (places instanceof Map) return places as Map<string, Place>;
  if (!Array.isArray(places)) throw new OptionError('places', places, 'a Map of id → Place or an array of Place');
  const out = new Map<string, Place>();
  for (const p of places as readonly Place[]) {
    if (out.has(p.id)) throw new OptionError('places', p.id, 'each place id once');
    out.set(p.id, p);
  }
  return out;
}

function copyStock(s: PlaceStock): PlaceStock {
  return {
    ...s,
    youngByYear: { ...s.youngByYear },
    byDiscipline: { ...s.byDiscipline },
    ...(s.researchersByYear ? { researchersByYear: { ...s.researchersByYear } } : {}),
  };
}
