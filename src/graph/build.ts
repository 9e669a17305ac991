/**
 * Building the flow graph (domain.md "Move": a move from A to B is one unit of flow on the
 * directed edge A → B).
 *
 * Nodes: every place given (places with stock but no flows, and places whose moves fall outside
 * `years`, included), sorted by id, with the place's attributes and, for timelines, its stock
 * figures (zeros where the place has none). Edges: one per ordered pair with moves, sorted by
 * (source, target), carrying
 *   weight            Σ count of the moves A → B
 *   researchers       distinct researcher ids among them; null when any of them is an
 *                     aggregated row without an id (distinct people cannot be counted)
 *   byYear            Σ count by arrival year
 *   byDiscipline      Σ count by discipline (moves without one appear only in weight and byYear)
 *   byYearDiscipline  Σ count by year, then discipline
 * A move whose source and target are the same place is not a flow: it is added to the graph's
 * `movesWithinPlace` instead of becoming a self-loop.
 */
import { DirectedGraph } from 'graphology';
import { OptionError } from '../errors.ts';
import type { Place, PlaceLevel } from '../places/types.ts';
import type { RecordKind, ResolvedMove } from '../records/types.ts';
import { emptyPlaceStock } from '../timelines/summarise.ts';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes, PlaceStock } from './types.ts';
import { checkYears, compareText, edgeKey, increment } from './breakdowns.ts';

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

interface EdgeAccumulator {
  source: string;
  target: string;
  weight: number;
  ids: Set<string> | null;
  byYear: Record<string, number>;
  byDiscipline: Record<string, number>;
  byYearDiscipline: Record<string, Record<string, number>>;
}

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
  const years = checkYears(options?.years ?? DEFAULTS.years);
  const places = checkPlaces(input.places);
  const window = input.window ?? null;
  if (input.stock && !window) throw new OptionError('window', input.window, 'the [first, last] window the stock was computed over');
  if (window) checkYears(window, 'window');
  const within = input.movesWithinPlace ?? 0;
  if (!Number.isInteger(within) || within < 0) throw new OptionError('movesWithinPlace', within, 'a whole number ≥ 0');

  const edges = new Map<string, EdgeAccumulator>();
  let movesWithinPlace = within;
  let first = Infinity;
  let last = -Infinity;
  for (const m of input.moves) {
    checkMove(m, places);
    if (years && (m.year < years[0] || m.year > years[1])) continue;
    if (m.source === m.target) {
      movesWithinPlace += m.count;
      continue;
    }
    first = Math.min(first, m.year);
    last = Math.max(last, m.year);
    const key = edgeKey(m.source, m.target);
    let e = edges.get(key);
    if (!e) {
      e = { source: m.source, target: m.target, weight: 0, ids: new Set(), byYear: {}, byDiscipline: {}, byYearDiscipline: {} };
      edges.set(key, e);
    }
    e.weight += m.count;
    if (m.researcherId === null) e.ids = null;
    else e.ids?.add(m.researcherId);
    const y = String(m.year);
    increment(e.byYear, y, m.count);
    if (m.discipline !== null && m.discipline !== '') {
      increment(e.byDiscipline, m.discipline, m.count);
      increment((e.byYearDiscipline[y] ??= {}), m.discipline, m.count);
    }
  }

  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: false });
  const attributes: FlowGraphAttributes = {
    level: input.level,
    years: first <= last ? [first, last] : null,
    window,
    kind: input.kind,
    movesWithinPlace,
  };
  graph.replaceAttributes(attributes);

  if (input.stock) {
    for (const id of input.stock.keys()) {
      if (!places.has(id)) throw new OptionError('stock', id, 'stock only for places in `places`');
    }
  }
  for (const id of [...places.keys()].sort(compareText)) {
    const { id: _id, ...place } = places.get(id)!;
    const stock = input.stock ? (input.stock.get(id) ?? emptyPlaceStock(window!)) : undefined;
    graph.addNode(id, stock ? { ...place, ...copyStock(stock) } : place);
  }
  const sorted = [...edges.values()].sort((a, b) => compareText(a.source, b.source) || compareText(a.target, b.target));
  for (const e of sorted) {
    graph.addDirectedEdgeWithKey(edgeKey(e.source, e.target), e.source, e.target, {
      weight: e.weight,
      researchers: e.ids === null ? null : e.ids.size,
      byYear: e.byYear,
      byDiscipline: e.byDiscipline,
      byYearDiscipline: e.byYearDiscipline,
    });
  }
  return graph;
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

function checkMove(m: ResolvedMove, places: ReadonlyMap<string, Place>): void {
  if (!Number.isInteger(m.count) || m.count < 1) throw new OptionError('moves', m, 'moves with a whole count ≥ 1');
  if (!Number.isInteger(m.year)) throw new OptionError('moves', m, 'moves with a whole-number year');
  if (!places.has(m.source)) throw new OptionError('places', m.source, `a place for every move's source (missing "${m.source}")`);
  if (!places.has(m.target)) throw new OptionError('places', m.target, `a place for every move's target (missing "${m.target}")`);
}

function copyStock(s: PlaceStock): PlaceStock {
  return {
    ...s,
    youngByYear: { ...s.youngByYear },
    byDiscipline: { ...s.byDiscipline },
    ...(s.researchersByYear ? { researchersByYear: { ...s.researchersByYear } } : {}),
  };
}
