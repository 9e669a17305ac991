/**
 * The strongest flows of a graph: those of weight ≥ t, with t the smallest whole number that
 * leaves at most `maxFlows` of them.
 *
 * Why: exact betweenness (Brandes) costs O(places × flows) time, hours on a million flows.
 * Shortest paths with length 1 / weight run along the strong ties, so the strongest flows keep
 * what betweenness measures while bounding its cost. The threshold is a whole number of moves
 * (readable in a caption: "flows of at least 207 moves"), and ties at the threshold are kept or
 * dropped together, never split by an arbitrary order, so fewer than `maxFlows` flows may remain.
 * The benchmark thresholds every implementation's betweenness with this same rule.
 *
 *   t = ⌊w₍ₘ₊₁₎⌋ + 1, w₍ₖ₎ the k-th largest weight and m = maxFlows, when there are more than m flows
 *
 * A flow is an edge of positive weight between two distinct places.
 */
import Graph from 'graphology';
import { edgeArrays } from './flow-arrays.ts';
import type { EdgeArrays } from './flow-arrays.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';

export interface StrongestFlowsOptions {
  /** Most flows kept: an integer ≥ 1, or Infinity to keep every flow. */
  maxFlows?: number;
  getEdgeWeight?: EdgeWeightGetter;
}

/** Defaults of {@link strongestFlows}: `maxFlows` _number_ (5000, the benchmark's), `getEdgeWeight` _string_ ('weight'). */
export const DEFAULTS: Readonly<Required<StrongestFlowsOptions>> = Object.freeze({
  maxFlows: 5000,
  getEdgeWeight: 'weight',
});

export interface StrongestFlows {
  /**
   * The kept flows (same graph type, edges carrying `weight`) and their endpoints only, in the
   * source graph's node order. Places left without a flow are not in it.
   */
  graph: Graph<{ [key: string]: never }, { weight: number }>;
  /** The threshold t (whole number); null when the graph has at most `maxFlows` flows (all kept). */
  minWeight: number | null;
  /** Flows in the source graph. */
  flows: number;
  /** Flows kept (≤ maxFlows). */
  keptFlows: number;
}

function resolve(options?: StrongestFlowsOptions): { maxFlows: number; getEdgeWeight: EdgeWeightGetter } {
  const o = withDefaults(DEFAULTS, options);
  const maxFlows = o.maxFlows === Infinity ? Infinity : checkNumber('maxFlows', o.maxFlows, { min: 1, integer: true });
  return { maxFlows, getEdgeWeight: checkEdgeWeightGetter(o.getEdgeWeight) };
}

/**
 * The threshold t of the strongest `maxFlows` flows (rule above), and how many flows there are
 * and are kept; `minWeight` is null when there are at most `maxFlows` flows.
 *
 * @throws OptionError on a bad option or edge weight.
 * @example
 * // weights 10, 8, 8, 5, 3, 1: at most 3 → t = ⌊5⌋ + 1 = 6 (10, 8, 8); at most 2 → t = 9 (10 alone: the 8s tie)
 * strongestFlowsThreshold(graph, { maxFlows: 3 }); // { minWeight: 6, flows: 6, keptFlows: 3 }
 */
export function strongestFlowsThreshold(
  graph: AnyGraph,
  options?: StrongestFlowsOptions,
): { minWeight: number | null; flows: number; keptFlows: number } {
  checkGraph(graph);
  const { maxFlows, getEdgeWeight } = resolve(options);
  return thresholdOf(edgeArrays(graph, getEdgeWeight), maxFlows);
}

function thresholdOf(e: EdgeArrays, maxFlows: number): { minWeight: number | null; flows: number; keptFlows: number } {
  const { source, target, weight } = e;
  const isFlow = (k: number) => source[k] !== target[k] && weight[k]! > 0;
  let flows = 0;
  for (let k = 0; k < weight.length; k++) if (isFlow(k)) flows++;
  if (flows <= maxFlows) return { minWeight: null, flows, keptFlows: flows };
  // The (maxFlows + 1)-th largest weight: the least of a min-heap of the maxFlows + 1 largest,
  // without copying and sorting every weight.
  const size = maxFlows + 1;
  const heap = new Float64Array(size);
  let filled = 0;
  const siftDown = (at: number) => {
    const w = heap[at]!;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
      if (heap[child]! >= w) break;
      heap[at] = heap[child]!;
      at = child;
    }
    heap[at] = w;
  };
  for (let k = 0; k < weight.length; k++) {
    if (!isFlow(k)) continue;
    const w = weight[k]!;
    if (filled < size) {
      // Fill, then heapify once full.
      heap[filled++] = w;
      if (filled === size) for (let i = (size >> 1) - 1; i >= 0; i--) siftDown(i);
    } else if (w > heap[0]!) {
      heap[0] = w;
      siftDown(0);
    }
  }
  const minWeight = Math.floor(heap[0]!) + 1;
  let keptFlows = 0;
  for (let k = 0; k < weight.length; k++) if (isFlow(k) && weight[k]! >= minWeight) keptFlows++;
  return { minWeight, flows, keptFlows };
}

/**
 * The graph of the strongest flows (rule above): at most `maxFlows` flows of weight ≥ t and the
 * places they join.
 *
 * @param graph - the flow graph.
 * @param options - `maxFlows` (5000), `getEdgeWeight` ('weight').
 * @returns `{ graph, minWeight, flows, keptFlows }`.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * const s = strongestFlows(graph, { maxFlows: 5000 });
 * s.minWeight; // 207: every kept flow has at least 207 moves
 * betweenness(s.graph);
 */
export function strongestFlows(graph: AnyGraph, options?: StrongestFlowsOptions): StrongestFlows {
  checkGraph(graph);
  const { maxFlows, getEdgeWeight } = resolve(options);
  const e = edgeArrays(graph, getEdgeWeight);
  const { minWeight, flows, keptFlows } = thresholdOf(e, maxFlows);
  const threshold = minWeight ?? 0;
  const keep = (k: number) => e.source[k] !== e.target[k] && e.weight[k]! > 0 && e.weight[k]! >= threshold;
  const endpoint = new Uint8Array(e.nodes.length);
  for (let k = 0; k < e.weight.length; k++) {
    if (keep(k)) endpoint[e.source[k]!] = endpoint[e.target[k]!] = 1;
  }
  const sub = new Graph<{ [key: string]: never }, { weight: number }>({ type: graph.type, multi: graph.multi, allowSelfLoops: false });
  for (let i = 0; i < e.nodes.length; i++) if (endpoint[i]) sub.addNode(e.nodes[i]!);
  for (let k = 0; k < e.weight.length; k++) {
    if (!keep(k)) continue;
    const s = e.nodes[e.source[k]!]!;
    const t = e.nodes[e.target[k]!]!;
    if (e.undirected?.[k]) sub.addUndirectedEdge(s, t, { weight: e.weight[k]! });
    else sub.addDirectedEdge(s, t, { weight: e.weight[k]! });
  }
  return { graph: sub, minWeight, flows, keptFlows };
}
