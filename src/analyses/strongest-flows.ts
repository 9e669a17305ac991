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
import { checkEdgeWeightGetter, checkGraph, checkNumber, withDefaults } from './options.ts';
import type { AnyGraph, EdgeWeightGetter } from './options.ts';

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
  const maxFlows =
    o.maxFlows === Infinity ? Infinity : checkNumber('maxFlows', o.maxFlows, { min: 1, integer: true });
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
  const weights = new Float64Array(e.weight.length);
  let flows = 0;
  for (let k = 0; k < e.weight.length; k++) {
    if (e.source[k] !== e.target[k] && e.weight[k]! > 0) weights[flows++] = e.weight[k]!;
  }
  if (flows <= maxFlows) return { minWeight: null, flows, keptFlows: flows };
  const sorted = weights.subarray(0, flows).sort(); // ascending
  const minWeight = Math.floor(sorted[flows - 1 - maxFlows]!) + 1;
  let keptFlows = 0;
  for (let k = flows - 1; k >= 0 && sorted[k]! >= minWeight; k--) keptFlows++;
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
    if (e.undirected && e.undirected[k]) sub.addUndirectedEdge(s, t, { weight: e.weight[k]! });
    else sub.addDirectedEdge(s, t, { weight: e.weight[k]! });
  }
  return { graph: sub, minWeight, flows, keptFlows };
}
