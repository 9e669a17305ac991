/**
 * Weighted PageRank of each place.
 *
 * Definition (domain.md, "Hubs": graph measures that express "central to sending and
 * receiving"; Page, Brin, Motwani & Winograd 1999): a random researcher follows flows in
 * proportion to their weight, and with probability 1 − α jumps to a uniformly random place:
 *
 *   PR(j) = (1 − α)/N + α · ( Σ_{i→j} PR(i) · w(i→j) / s_out(i)  +  Σ_{d dangling} PR(d) / N )
 *
 * where s_out(i) = Σ_k w(i→k) and a dangling place (no outflow) spreads its rank uniformly.
 * Σ_j PR(j) = 1. Computed by graphology-metrics `centrality/pagerank.js` (power iteration,
 * stops when Σ_j |ΔPR(j)| < N · tolerance) on a checked copy of the weights.
 */
import pagerankLib from 'graphology-metrics/centrality/pagerank.js';
import {
  assignAttribute,
  checkEdgeWeightGetter,
  checkGraph,
  checkNumber,
  converging,
  weightedView,
  withDefaults,
} from './options.ts';
import type { AnyGraph, EdgeWeightGetter } from './options.ts';

export interface PagerankOptions {
  /** Edge attribute or function giving the flow on an edge (default moves). */
  getEdgeWeight?: EdgeWeightGetter;
  /** Damping factor α in [0, 1): probability of following a flow rather than jumping. */
  alpha?: number;
  maxIterations?: number;
  /** Convergence threshold per node (mean absolute change). */
  tolerance?: number;
}

/**
 * Defaults of {@link pagerank}: `getEdgeWeight` _string_ ('weight'), `alpha` _number_ (0.85),
 * `maxIterations` _number_ (100), `tolerance` _number_ (1e-6).
 */
export const DEFAULTS: Readonly<Required<PagerankOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  alpha: 0.85,
  maxIterations: 100,
  tolerance: 1e-6,
});

function compute(graph: AnyGraph, options?: PagerankOptions): Record<string, number> {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const alpha = checkNumber('alpha', o.alpha, { min: 0, max: 1, maxExclusive: true });
  const maxIterations = checkNumber('maxIterations', o.maxIterations, { min: 1, integer: true });
  const tolerance = checkNumber('tolerance', o.tolerance, { min: 0, minExclusive: true });
  if (graph.order === 0) return {};
  const view = weightedView(graph, getEdgeWeight);
  return converging('pagerank', () =>
    pagerankLib(view.graph, { getEdgeWeight: view.getEdgeWeight, alpha, maxIterations, tolerance }),
  );
}

/** Writes node attribute `pagerank`. */
function assign(graph: AnyGraph, options?: PagerankOptions): void {
  assignAttribute(graph, 'pagerank', compute(graph, options));
}

/**
 * Weighted PageRank (weights = moves, damping α = 0.85 by default); values sum to 1.
 *
 * @param graph - the flow graph.
 * @param options - see {@link DEFAULTS}.
 * @returns node key → PageRank.
 * @throws OptionError on a bad option or edge weight; TalentFlowError if the iteration does not converge.
 * @example
 * pagerank(graph, { alpha: 0.85 }); // { Beijing: 0.081, Boston: 0.074, ... }
 * pagerank.assign(graph); // node attribute `pagerank`
 */
export const pagerank = Object.assign(compute, { assign });
