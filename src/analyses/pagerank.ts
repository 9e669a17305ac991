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
 * Σ_j PR(j) = 1. The iteration is graphology-metrics' `centrality/pagerank.js` (power iteration
 * from the uniform vector, stopping when Σ_j |ΔPR(j)| < N · tolerance) run on typed arrays
 * (`flow-arrays.ts`): the same operations in the same order, so the same doubles, without the
 * per-edge graphology lookups that took seconds on a million flows.
 */
import { outboundCsr, toRecord } from './flow-arrays.ts';
import type { OutboundCsr } from './flow-arrays.ts';
import { assignAttribute } from './assign-attribute.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import { ConvergenceError } from '../errors.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { defineMeasure } from './measure.ts';

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
  const csr = outboundCsr(graph, getEdgeWeight);
  return toRecord(csr.nodes, pagerankIteration(csr, alpha, maxIterations, tolerance));
}

/**
 * graphology-metrics' PageRank loop, term for term (including where the jump and dangling terms
 * are added to x[i]: after i's own out-flows, before those of later places).
 */
export function pagerankIteration(csr: OutboundCsr, alpha: number, maxIterations: number, tolerance: number): Float64Array {
  const { starts, targets, weights } = csr;
  const N = csr.nodes.length;
  const p = 1 / N;
  const normalized = new Float64Array(weights.length);
  const dangling: number[] = [];
  let x = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    x[i] = p;
    let d = 0;
    for (let j = starts[i]!; j < starts[i + 1]!; j++) d += weights[j]!;
    if (d === 0) dangling.push(i);
    for (let j = starts[i]!; j < starts[i + 1]!; j++) normalized[j] = weights[j]! / d;
  }
  let spare = new Float64Array(N);
  const jump = (1 - alpha) * p;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const last = x;
    x = spare;
    x.fill(0);
    spare = last;
    let dangleSum = 0;
    for (let k = 0; k < dangling.length; k++) dangleSum += last[dangling[k]!]!;
    dangleSum *= alpha;
    const constant = dangleSum * p + jump;
    for (let i = 0; i < N; i++) {
      const share = alpha * last[i]!;
      const end = starts[i + 1]!;
      for (let j = starts[i]!; j < end; j++) x[targets[j]!]! += share * normalized[j]!;
      x[i]! += constant;
    }
    let error = 0;
    for (let i = 0; i < N; i++) error += Math.abs(x[i]! - last[i]!);
    if (error < N * tolerance) return x;
  }
  throw new ConvergenceError('pagerank');
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

/** Registry entry (`registry.ts`). */
export const pagerankMeasure = defineMeasure({
  id: 'pagerank',
  name: 'PageRank',
  definition: 'weighted by moves, α = 0.85 (`alpha`)',
  file: 'analyses/pagerank.ts',
  needsTimelines: false,
  converges: true,
  attributes: [
    {
      attribute: 'pagerank',
      column: 'pagerank',
      label: 'PageRank',
      description: 'weighted PageRank, sums to 1',
      format: 'score',
      views: ['card', 'map'],
    },
  ],
  defaults: { alpha: DEFAULTS.alpha },
  compute: (graph, o) => pagerank.assign(graph, { alpha: o.alpha }),
});
