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
 */
import betweennessLib from 'graphology-metrics/centrality/betweenness.js';
import {
  assignAttribute,
  checkBoolean,
  checkEdgeWeightGetter,
  checkGraph,
  weightedView,
  withDefaults,
} from './options.ts';
import type { AnyGraph, EdgeWeightGetter } from './options.ts';

export interface BetweennessOptions {
  /** Edge attribute or function giving the flow on an edge; its inverse is the edge's length. `null`: every edge has length 1. */
  getEdgeWeight?: EdgeWeightGetter;
  /** Divide by (N − 1)(N − 2). */
  normalized?: boolean;
}

/** Defaults of {@link betweenness}: `getEdgeWeight` _string_ ('weight'), `normalized` _boolean_ (true). */
export const DEFAULTS: Readonly<Required<BetweennessOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  normalized: true,
});

function compute(graph: AnyGraph, options?: BetweennessOptions): Record<string, number> {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const normalized = checkBoolean('normalized', o.normalized);
  if (graph.order === 0) return {};
  const view = weightedView(graph, getEdgeWeight, (w) => 1 / w);
  return { ...betweennessLib(view.graph, { getEdgeWeight: view.getEdgeWeight, normalized }) };
}

/** Writes node attribute `betweenness`. */
function assign(graph: AnyGraph, options?: BetweennessOptions): void {
  assignAttribute(graph, 'betweenness', compute(graph, options));
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
 */
export const betweenness = Object.assign(compute, { assign });
