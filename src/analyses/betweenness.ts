/**
 * Weighted betweenness centrality of each place.
 *
 * Definition (domain.md, "Hubs"; Freeman 1977, Brandes 2001): the share of shortest paths
 * between other places that pass through a place,
 *
 *   B(v) = Σ_{s ≠ v ≠ t} σ_st(v) / σ_st
 *
 * with σ_st the number of shortest directed paths s ⇝ t and σ_st(v) those through v.
 * Flows are strengths of ties, not lengths: many moves between two places mean a strong, close
 * tie, so the length of edge i→j is its inverse weight, d(i→j) = 1 / w(i→j). (graphology-metrics
 * `centrality/betweenness.js` reads its `getEdgeWeight` as a distance; passing the raw moves would
 * route paths along the weakest flows.) Zero-weight edges carry no flow and are no path at all.
 * Path lengths are compared exactly (floating point), as graphology does.
 *
 * `normalized` (default true) divides by (N − 1)(N − 2), the number of ordered pairs that can
 * pass through a place in a directed graph, giving values in [0, 1] comparable across graphs.
 *
 * Cost: O(N · E) time (Brandes), hours on a million flows. With `maxFlows`, a graph of more flows
 * is cut to its strongest flows first (`strongest-flows.ts`: weight ≥ t, t the smallest whole
 * number leaving at most maxFlows): paths then run on those flows only, places left without a
 * flow get 0, and N stays the number of places of the whole graph.
 */
import betweennessLib from 'graphology-metrics/centrality/betweenness.js';
import { assignAttribute } from './assign-attribute.ts';
import { checkBoolean, checkNumber, withDefaults } from './option-checks.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { weightedView } from './weighted-copy.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { strongestFlows } from './strongest-flows.ts';
import { brandesSums } from './brandes.ts';
import { outboundCsr, toRecord } from './flow-arrays.ts';
import { defineMeasure } from './measure.ts';
import { checkLimit } from './option-checks.ts';

export interface BetweennessOptions {
  /** Edge attribute or function giving the flow on an edge; its inverse is the edge's length. `null`: every edge has length 1. */
  getEdgeWeight?: EdgeWeightGetter;
  /** Divide by (N − 1)(N − 2). */
  normalized?: boolean;
  /** Above this many flows, compute on the strongest flows only (integer ≥ 1); Infinity: always exact. */
  maxFlows?: number;
}

/**
 * Defaults of {@link betweenness}: `getEdgeWeight` _string_ ('weight'), `normalized` _boolean_ (true),
 * `maxFlows` _number_ (Infinity: exact).
 */
export const DEFAULTS: Readonly<Required<BetweennessOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  normalized: true,
  maxFlows: Infinity,
});

export interface BetweennessResult {
  /** node key → betweenness. */
  values: Record<string, number>;
  /** Weight threshold of the flows used (whole number); null when exact (every flow used). */
  minWeight: number | null;
  /** Flows of the graph and flows used. */
  flows: number;
  keptFlows: number;
}

function detailed(graph: AnyGraph, options?: BetweennessOptions): BetweennessResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const normalized = checkBoolean('normalized', o.normalized);
  const maxFlows = o.maxFlows === Infinity ? Infinity : checkNumber('maxFlows', o.maxFlows, { min: 1, integer: true });
  const exact = (): BetweennessResult => {
    if (graph.order === 0) return { values: {}, minWeight: null, flows: 0, keptFlows: 0 };
    if (typedPath(graph)) {
      const csr = outboundCsr(graph, getEdgeWeight, (w) => 1 / w);
      const sums = brandesSums(csr);
      const N = csr.nodes.length;
      // graphology-metrics' normalisation, the same product per node.
      if (normalized && N > 2) for (let i = 0; i < N; i++) sums[i]! *= 1 / ((N - 1) * (N - 2));
      return { values: toRecord(csr.nodes, sums), minWeight: null, flows: csr.edgeCount, keptFlows: csr.edgeCount };
    }
    const view = weightedView(graph, getEdgeWeight, (w) => 1 / w);
    const values = { ...betweennessLib(view.graph, { getEdgeWeight: view.getEdgeWeight, normalized }) };
    return { values, minWeight: null, flows: view.edgeCount, keptFlows: view.edgeCount };
  };
  if (maxFlows === Infinity) return exact();
  const strongest = strongestFlows(graph, { maxFlows, getEdgeWeight });
  if (strongest.minWeight === null) return exact();
  // Raw sums on the strongest flows, scaled by the whole graph's place count: the values a graph of
  // every place and only those flows would give (a place without a flow is on no path).
  let raw: Record<string, number>;
  if (typedPath(strongest.graph)) {
    const csr = outboundCsr(strongest.graph, 'weight', (w) => 1 / w);
    raw = toRecord(csr.nodes, brandesSums(csr));
  } else {
    const view = weightedView(strongest.graph, 'weight', (w) => 1 / w);
    raw = betweennessLib(view.graph, { getEdgeWeight: view.getEdgeWeight, normalized: false });
  }
  const N = graph.order;
  const scale = normalized && N > 2 ? 1 / ((N - 1) * (N - 2)) : 1;
  const values: Record<string, number> = {};
  graph.forEachNode((node) => (values[node] = (raw[node] ?? 0) * scale));
  return { values, minWeight: strongest.minWeight, flows: strongest.flows, keptFlows: strongest.keptFlows };
}

/** Simple directed graphs (flow graphs) run on typed arrays (`brandes.ts`); others through graphology-metrics. */
function typedPath(graph: AnyGraph): boolean {
  return graph.type === 'directed' && !graph.multi;
}

function compute(graph: AnyGraph, options?: BetweennessOptions): Record<string, number> {
  return detailed(graph, options).values;
}

/** Writes node attribute `betweenness`; returns the threshold used (see {@link BetweennessResult}). */
function assign(graph: AnyGraph, options?: BetweennessOptions): Omit<BetweennessResult, 'values'> {
  const { values, ...used } = detailed(graph, options);
  assignAttribute(graph, 'betweenness', values);
  return used;
}

/**
 * Betweenness with edge length 1 / moves (a heavy flow is a short hop), normalised by default.
 *
 * @param graph - the flow graph.
 * @param options - see {@link DEFAULTS}.
 * @returns node key → betweenness.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * // A→B 2, B→C 2, A→C 1: A→B→C has length 1/2 + 1/2 = 1 = A→C; B lies on 1 of 2 shortest paths
 * betweenness(graph, { normalized: false }); // { A: 0, B: 0.5, C: 0 }
 * betweenness.detailed(graph, { maxFlows: 5000 }).minWeight; // 207 on 1.5 M flows: flows of ≥ 207 moves used
 */
export const betweenness = Object.assign(compute, { assign, detailed });

/** Place·flow steps exact betweenness may take with `betweennessMaxFlows: 'auto'`. */
export const BETWEENNESS_WORK = 25_000_000;

/**
 * The flow cap `betweennessMaxFlows: 'auto'` sets: max(5,000, ⌊BETWEENNESS_WORK / places⌋), so that
 * exact betweenness (O(places × flows)) stays near 25 million place·flow steps, a few seconds.
 *
 * @example autoBetweennessMaxFlows(70); // 357142
 */
export function autoBetweennessMaxFlows(places: number): number {
  return Math.max(5000, Math.floor(BETWEENNESS_WORK / Math.max(1, places)));
}

/** How betweenness was computed: exactly (minWeight null) or on the flows of at least minWeight. */
export interface BetweennessUse {
  /** The cap in force (Infinity: always exact; JSON writes Infinity as null). */
  maxFlows: number;
  /** Threshold of the flows used, in moves; null when exact. */
  minWeight: number | null;
  /** Flows of the graph, and flows betweenness ran on. */
  flows: number;
  keptFlows: number;
}

const count = (n: number) => n.toLocaleString('en-US');

/** Registry entry (`registry.ts`): exact up to `betweennessMaxFlows` flows, on the strongest flows beyond (with a warning). */
export const betweennessMeasure = defineMeasure({
  id: 'betweenness',
  name: 'betweenness',
  definition: 'shortest paths with distance = 1 / moves (a heavy flow is a short, strong tie), normalised',
  file: 'analyses/betweenness.ts',
  needsTimelines: false,
  attributes: [
    { attribute: 'betweenness', column: 'betweenness', label: 'Betweenness', description: 'betweenness centrality', format: 'score' },
  ],
  defaults: { betweennessMaxFlows: 'auto' as number | 'auto' },
  compute: (graph, o, context): BetweennessUse => {
    const cap =
      o.betweennessMaxFlows === 'auto'
        ? autoBetweennessMaxFlows(graph.order)
        : checkLimit('betweennessMaxFlows', o.betweennessMaxFlows, true);
    const used = { maxFlows: cap, ...betweenness.assign(graph, { maxFlows: cap }) };
    if (used.minWeight !== null) {
      context.warnings.push(
        `betweenness computed on the ${count(used.keptFlows)} strongest of ${count(used.flows)} flows (at least ${count(used.minWeight)} moves each), ` +
          `not exactly: exact betweenness takes places × flows steps; raise betweennessMaxFlows (--betweenness-max-flows), 0 for exact`,
      );
    }
    return used;
  },
});
