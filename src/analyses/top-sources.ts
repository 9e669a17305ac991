/**
 * Top sources and top destinations of each place.
 *
 * Definition (domain.md, "Top sources"; SET Index 2024 report): for each destination, the five
 * source places with the most researchers flowing in, shown only if at least 100 (the report
 * draws line width as log(count)). Shenzhen's largest sources were Guangzhou, Shanghai, then
 * Beijing (over 2,700). Top destinations are the mirror image: for each source, where its flows go.
 *
 *   topSources(A)      = the k places B with the largest f(B → A) ≥ minWeight
 *   topDestinations(A) = the k places B with the largest f(A → B) ≥ minWeight
 *
 * f is the edge's `weight` (moves) or, with `rankBy: 'researchers'`, its distinct researchers
 * (available when the input had researcher ids). Ties are broken by place key (code-unit order),
 * so the result never depends on insertion order. Zero flows and self-loops are never listed.
 */
import { storeEdgesOf } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';
import { nodeIndex } from './flow-arrays.ts';
import { checkChoice, checkNumber, withDefaults } from './option-checks.ts';
import { checkGraph, edgeWeightReader } from './graph-input.ts';
import type { AnyGraph } from './graph-input.ts';
import type { TopFlow, TopFlows } from './types.ts';
import { compareKeys } from '../compare-keys.ts';

export interface TopFlowsOptions {
  /** How many flows to keep per place (integer ≥ 1). */
  k?: number;
  /** Smallest flow listed (in the unit of `rankBy`), ≥ 0. */
  minWeight?: number;
  /** Rank by moves ('weight') or distinct researchers ('researchers'). */
  rankBy?: 'weight' | 'researchers';
}

/**
 * Defaults of {@link topSources} and {@link topDestinations} (the report's figure): `k` _number_ (5),
 * `minWeight` _number_ (100), `rankBy` _'weight' | 'researchers'_ ('weight').
 */
export const DEFAULTS: Readonly<Required<TopFlowsOptions>> = Object.freeze({ k: 5, minWeight: 100, rankBy: 'weight' });

interface Acc {
  weight: number;
  researchers: number | null;
}

interface Resolved {
  k: number;
  minWeight: number;
  rankBy: 'weight' | 'researchers';
}

function resolve(graph: AnyGraph, options?: TopFlowsOptions): Resolved {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  return {
    k: checkNumber('k', o.k, { min: 1, integer: true }),
    minWeight: checkNumber('minWeight', o.minWeight, { min: 0 }),
    rankBy: checkChoice('rankBy', o.rankBy, ['weight', 'researchers'] as const),
  };
}

const isSimpleDirected = (graph: AnyGraph) => !graph.multi && graph.type === 'directed';

function top(graph: AnyGraph, direction: 'in' | 'out', options?: TopFlowsOptions): TopFlows {
  const r = resolve(graph, options);
  if (!isSimpleDirected(graph)) return topByPlace(graph, direction, r);
  const both = topOfSimple(graph, [direction], r);
  return direction === 'in' ? both.sources! : both.destinations!;
}

/**
 * A simple directed graph has one flow per ordered pair: nothing to merge, so one pass over the
 * edges keeps each place's k best in a small sorted list. Ranking is a total order (value, then
 * key), so the lists are those of sorting every flow.
 */
function topOfSimple(
  graph: AnyGraph,
  directions: Array<'in' | 'out'>,
  { k, minWeight, rankBy }: Resolved,
): { sources?: TopFlows; destinations?: TopFlows } {
  const readWeight = edgeWeightReader(graph, 'weight');
  const readResearchers = edgeWeightReader(graph, 'researchers', 'rankBy');
  const { nodes, index } = nodeIndex(graph);
  type Kept = { place: string; value: number; weight: number; researchers: number | null };
  const incoming: Kept[][] | null = directions.includes('in') ? nodes.map(() => []) : null;
  const outgoing: Kept[][] | null = directions.includes('out') ? nodes.map(() => []) : null;
  // Insert into a sorted list, largest value first, ties by key; at most k long.
  const keep = (list: Kept[], place: string, value: number, weight: number, researchers: number | null) => {
    let i = list.length;
    while (i > 0 && (value > list[i - 1]!.value || (value === list[i - 1]!.value && place < list[i - 1]!.place))) i--;
    if (i >= k) return;
    if (list.length === k) list.pop();
    list.splice(i, 0, { place, value, weight, researchers });
  };
  const visit = (source: string, target: string, weight: number, researchers: number | null) => {
    const value = rankBy === 'weight' ? weight : (researchers ?? 0);
    if (!(value > 0 && value >= minWeight)) return;
    if (incoming) keep(incoming[index.get(target)!]!, source, value, weight, researchers);
    if (outgoing) keep(outgoing[index.get(source)!]!, target, value, weight, researchers);
  };
  const store = storeEdgesOf(graph);
  if (store && readableStore(store, rankBy)) {
    // The flows' columns, in edge order: the edges' own values (their edges may not exist yet).
    const ids = store.places;
    const { source, target, moves, researchers } = store.flows;
    for (let f = 0; f < moves.length; f++) {
      if (source[f] === target[f]) continue;
      const r = researchers[f]!;
      visit(ids[source[f]!]!, ids[target[f]!]!, moves[f]!, Number.isNaN(r) ? null : r);
    }
  } else {
    graph.forEachEdge((edge, attributes, source, target) => {
      if (source === target) return;
      const weight = readWeight(edge, attributes);
      const researchers =
        rankBy === 'researchers' || (attributes.researchers !== null && attributes.researchers !== undefined)
          ? readResearchers(edge, attributes)
          : null;
      visit(source, target, weight, researchers);
    });
  }
  const collect = (best: Kept[][]) => {
    const out: TopFlows = {};
    for (let i = 0; i < nodes.length; i++) {
      out[nodes[i]!] = best[i]!.map((f, r): TopFlow => ({ place: f.place, weight: f.weight, researchers: f.researchers, rank: r + 1 }));
    }
    return out;
  };
  return {
    ...(incoming ? { sources: collect(incoming) } : {}),
    ...(outgoing ? { destinations: collect(outgoing) } : {}),
  };
}

/**
 * Whether every flow of the store passes the checks the edge readers make (weight finite ≥ 0,
 * researchers finite ≥ 0 where known, known when ranking by them), so that reading the columns
 * gives what reading the edges would; otherwise the edges are read and the reader reports.
 */
function readableStore(store: FlowStore, rankBy: Resolved['rankBy']): boolean {
  const { moves, researchers } = store.flows;
  for (let f = 0; f < moves.length; f++) {
    const w = moves[f]!;
    const r = researchers[f]!;
    if (!(w >= 0 && w !== Infinity)) return false;
    if (Number.isNaN(r) ? rankBy === 'researchers' : !(r >= 0 && r !== Infinity)) return false;
  }
  return true;
}

/** Any graph: a place's flows with the same other end (parallel edges of a multigraph) are summed first. */
function topByPlace(graph: AnyGraph, direction: 'in' | 'out', { k, minWeight, rankBy }: Resolved): TopFlows {
  const readWeight = edgeWeightReader(graph, 'weight');
  const readResearchers = edgeWeightReader(graph, 'researchers', 'rankBy');
  const out: TopFlows = {};
  graph.forEachNode((node) => {
    const byPlace = new Map<string, Acc>();
    const visit = (edge: string, attributes: Record<string, unknown>, source: string, target: string) => {
      const other = direction === 'in' ? source : target;
      if (source === target) return;
      const weight = readWeight(edge, attributes);
      let researchers: number | null;
      if (rankBy === 'researchers' || (attributes.researchers !== null && attributes.researchers !== undefined))
        researchers = readResearchers(edge, attributes);
      else researchers = null;
      const acc = byPlace.get(other);
      if (acc) {
        acc.weight += weight;
        acc.researchers = acc.researchers === null || researchers === null ? null : acc.researchers + researchers;
      } else byPlace.set(other, { weight, researchers });
    };
    if (direction === 'in') graph.forEachInEdge(node, visit);
    else graph.forEachOutEdge(node, visit);

    const value = (a: Acc) => (rankBy === 'weight' ? a.weight : (a.researchers ?? 0));
    const flows = [...byPlace.entries()]
      .filter(([, a]) => value(a) > 0 && value(a) >= minWeight)
      .sort(([pa, a], [pb, b]) => value(b) - value(a) || compareKeys(pa, pb))
      .slice(0, k)
      .map(([place, a], i): TopFlow => ({ place, weight: a.weight, researchers: a.researchers, rank: i + 1 }));
    out[node] = flows;
  });
  return out;
}

/**
 * For every place, its k largest sources (flows B → place) of at least `minWeight`, largest
 * first, ties by place key. Every node has an entry (an empty list when nothing qualifies).
 *
 * @param graph - the flow graph.
 * @param options - `k` (5), `minWeight` (100), `rankBy` ('weight').
 * @returns place key → flows, each `{ place: source, weight, researchers, rank }`.
 * @throws OptionError on a bad option, a bad edge weight, or `rankBy: 'researchers'` on aggregated input.
 * @example
 * topSources(graph).Shenzhen;
 * // [{ place: 'Guangzhou', weight: 3120, researchers: 2950, rank: 1 }, { place: 'Shanghai', ... }, ...]
 */
export function topSources(graph: AnyGraph, options?: TopFlowsOptions): TopFlows {
  return top(graph, 'in', options);
}

/**
 * For every place, its k largest destinations (flows place → B) of at least `minWeight`, largest
 * first, ties by place key. Mirror of {@link topSources}.
 *
 * @example
 * topDestinations(graph, { k: 3, minWeight: 0 }).Beijing; // [{ place: 'Shenzhen', ... }, ...]
 */
export function topDestinations(graph: AnyGraph, options?: TopFlowsOptions): TopFlows {
  return top(graph, 'out', options);
}

/**
 * {@link topSources} and {@link topDestinations} together, in one pass over the edges of a simple
 * directed graph (what `analyzeGraph` calls).
 *
 * @example
 * const { sources, destinations } = topFlows(graph, { k: 5, minWeight: 100 });
 */
export function topFlows(graph: AnyGraph, options?: TopFlowsOptions): { sources: TopFlows; destinations: TopFlows } {
  const r = resolve(graph, options);
  if (!isSimpleDirected(graph)) return { sources: topByPlace(graph, 'in', r), destinations: topByPlace(graph, 'out', r) };
  const both = topOfSimple(graph, ['in', 'out'], r);
  return { sources: both.sources!, destinations: both.destinations! };
}
