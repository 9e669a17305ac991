/**
 * Weighted eigenvector centrality of each place.
 *
 * Definition (domain.md, "Hubs"; Bonacich 1986, Newman 2010 §7.2): a place is central when
 * central places send researchers to it. x is the leading eigenvector of Wᵀ, with W the matrix
 * of flows W_ij = w(i→j):
 *
 *   λ · x_j = Σ_{i→j} w(i→j) · x_i,       ‖x‖₂ = 1
 *
 * Computed by graphology-metrics `centrality/eigenvector.js` (shifted power iteration
 * x ← (I + Wᵀ)x, normalised each step, stopping when Σ|Δx| < N · tolerance) on a checked copy of
 * the weights. On a directed graph that is not strongly connected, places that receive nothing
 * from the strongly connected core tend to 0: read PageRank, which has the random jump, there.
 */
import eigenvectorLib from 'graphology-metrics/centrality/eigenvector.js';
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

export interface EigenvectorOptions {
  getEdgeWeight?: EdgeWeightGetter;
  maxIterations?: number;
  tolerance?: number;
}

/**
 * Defaults of {@link eigenvector}: `getEdgeWeight` _string_ ('weight'), `maxIterations` _number_
 * (1000: the shifted iteration converges more slowly than PageRank), `tolerance` _number_ (1e-6).
 */
export const DEFAULTS: Readonly<Required<EigenvectorOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  maxIterations: 1000,
  tolerance: 1e-6,
});

function compute(graph: AnyGraph, options?: EigenvectorOptions): Record<string, number> {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const maxIterations = checkNumber('maxIterations', o.maxIterations, { min: 1, integer: true });
  const tolerance = checkNumber('tolerance', o.tolerance, { min: 0, minExclusive: true });
  if (graph.order === 0) return {};
  const view = weightedView(graph, getEdgeWeight);
  return converging('eigenvector', () =>
    eigenvectorLib(view.graph, { getEdgeWeight: view.getEdgeWeight, maxIterations, tolerance }),
  );
}

/** Writes node attribute `eigenvector`. */
function assign(graph: AnyGraph, options?: EigenvectorOptions): void {
  assignAttribute(graph, 'eigenvector', compute(graph, options));
}

/**
 * Weighted (in-)eigenvector centrality, unit Euclidean norm.
 *
 * @param graph - the flow graph.
 * @param options - see {@link DEFAULTS}.
 * @returns node key → centrality in [0, 1].
 * @throws OptionError on a bad option or edge weight; TalentFlowError if the iteration does not converge.
 * @example
 * // A⇄B 1 each way, C→A 1: A and B share the cycle; C receives nothing and tends to 0
 * eigenvector(graph); // { A: 0.7071, B: 0.7071, C: 9e-7 }
 */
export const eigenvector = Object.assign(compute, { assign });
