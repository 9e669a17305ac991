/**
 * HITS hub and authority scores of each place.
 *
 * Definition (domain.md, "Hubs": places central to both sending and receiving; Kleinberg 1999):
 * a good sender (hub) sends many researchers to good receivers (authorities), a good receiver
 * gets many from good senders. With W_ij = w(i→j):
 *
 *   authority_j ∝ Σ_{i→j} w(i→j) · hub_i          hub_i ∝ Σ_{i→j} w(i→j) · authority_j
 *
 * i.e. hub = leading eigenvector of W Wᵀ, authority = of Wᵀ W; each vector is scaled to sum 1.
 * Computed by graphology-metrics `centrality/hits.js` (power iteration from uniform hubs,
 * stopping when Σ|Δhub| < tolerance). That routine refuses multigraphs: it runs here on a simple
 * copy where parallel edges (only possible if a multigraph is passed in) are summed.
 */
import hitsLib from 'graphology-metrics/centrality/hits.js';
import {
  checkEdgeWeightGetter,
  checkGraph,
  checkNumber,
  converging,
  weightedView,
  withDefaults,
} from './options.ts';
import type { AnyGraph, EdgeWeightGetter } from './options.ts';

export interface HitsOptions {
  getEdgeWeight?: EdgeWeightGetter;
  maxIterations?: number;
  tolerance?: number;
}

/**
 * Defaults of {@link hits}: `getEdgeWeight` _string_ ('weight'), `maxIterations` _number_ (1000),
 * `tolerance` _number_ (1e-8, summed over places).
 */
export const DEFAULTS: Readonly<Required<HitsOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  maxIterations: 1000,
  tolerance: 1e-8,
});

export interface HitsResult {
  /** node key → hub score (sending), summing to 1 (all 0 on a graph without flows). */
  hubs: Record<string, number>;
  /** node key → authority score (receiving), summing to 1 (all 0 on a graph without flows). */
  authorities: Record<string, number>;
}

function compute(graph: AnyGraph, options?: HitsOptions): HitsResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const maxIterations = checkNumber('maxIterations', o.maxIterations, { min: 1, integer: true });
  const tolerance = checkNumber('tolerance', o.tolerance, { min: 0, minExclusive: true });
  const view = weightedView(graph, getEdgeWeight);
  if (view.edgeCount === 0) {
    // No flow: the iteration would divide by a zero maximum. Nobody sends or receives.
    const zeros: Record<string, number> = {};
    graph.forEachNode((node) => (zeros[node] = 0));
    return { hubs: { ...zeros }, authorities: { ...zeros } };
  }
  const r = converging('hits', () =>
    hitsLib(view.graph, { getEdgeWeight: view.getEdgeWeight, maxIterations, tolerance, normalize: true }),
  );
  // graphology returns prototype-less objects; give callers plain ones.
  return { hubs: { ...r.hubs }, authorities: { ...r.authorities } };
}

/** Writes node attributes `hubScore` and `authorityScore`. */
function assign(graph: AnyGraph, options?: HitsOptions): void {
  const r = compute(graph, options);
  graph.updateEachNodeAttributes(
    (node, attr) => ({ ...attr, hubScore: r.hubs[node], authorityScore: r.authorities[node] }),
    { attributes: ['hubScore', 'authorityScore'] },
  );
}

/**
 * Weighted HITS: hub (sender) and authority (receiver) scores, each summing to 1.
 *
 * @param graph - the flow graph.
 * @param options - see {@link DEFAULTS}.
 * @returns `{ hubs, authorities }`.
 * @throws OptionError on a bad option or edge weight; TalentFlowError if the iteration does not converge.
 * @example
 * // A→B 1, A→C 1: A is the only hub, B and C share authority
 * hits(graph); // { hubs: { A: 1, B: 0, C: 0 }, authorities: { A: 0, B: 0.5, C: 0.5 } }
 */
export const hits = Object.assign(compute, { assign });
