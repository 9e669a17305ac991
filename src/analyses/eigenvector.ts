/**
 * Weighted eigenvector centrality of each place.
 *
 * Definition (domain.md, "Hubs"; Bonacich 1986, Newman 2010 §7.2): a place is central when
 * central places send researchers to it. x is the leading eigenvector of Wᵀ, with W the matrix
 * of flows W_ij = w(i→j):
 *
 *   λ · x_j = Σ_{i→j} w(i→j) · x_i,       ‖x‖₂ = 1
 *
 * The iteration is graphology-metrics' `centrality/eigenvector.js` (shifted power iteration
 * x ← (I + Wᵀ)x, normalised each step, stopping when Σ|Δx| < N · tolerance) run on typed arrays
 * (`flow-arrays.ts`), term for term, so the same doubles. On a directed graph that is not strongly connected, places that receive nothing
 * from the strongly connected core tend to 0: read PageRank, which has the random jump, there.
 */
import { outboundCsr, toRecord } from './flow-arrays.ts';
import type { OutboundCsr } from './flow-arrays.ts';
import { assignAttribute } from './assign-attribute.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import { ConvergenceError } from '../errors.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { defineMeasure } from './measure.ts';

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
  const csr = outboundCsr(graph, getEdgeWeight);
  return toRecord(csr.nodes, eigenvectorIteration(csr, maxIterations, tolerance));
}

/** graphology-metrics' `safeVariadicHypot`: the Euclidean norm without overflow, same operations. */
function hypot(x: Float64Array): number {
  let max = 0;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const n = Math.abs(x[i]!);
    if (n > max) {
      s *= (max / n) * (max / n);
      max = n;
    }
    s += n === 0 && max === 0 ? 0 : (n / max) * (n / max);
  }
  return max === Infinity ? 1 : max * Math.sqrt(s);
}

/** graphology-metrics' eigenvector loop, term for term. */
function eigenvectorIteration(csr: OutboundCsr, maxIterations: number, tolerance: number): Float64Array {
  const { starts, targets, weights } = csr;
  const N = csr.nodes.length;
  let x = new Float64Array(N).fill(1 / N);
  let spare = new Float64Array(N);
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const last = x;
    x = spare;
    x.set(last);
    spare = last;
    for (let i = 0; i < N; i++) {
      const xi = last[i]!;
      const end = starts[i + 1]!;
      for (let j = starts[i]!; j < end; j++) x[targets[j]!]! += xi * weights[j]!;
    }
    const norm = hypot(x);
    for (let i = 0; i < N; i++) x[i]! /= norm;
    let error = 0;
    for (let i = 0; i < N; i++) error += Math.abs(x[i]! - last[i]!);
    if (error < N * tolerance) return x;
  }
  throw new ConvergenceError('eigenvector');
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

/** Registry entry (`registry.ts`). */
export const eigenvectorMeasure = defineMeasure({
  id: 'eigenvector',
  name: 'eigenvector',
  definition: 'weighted',
  file: 'analyses/eigenvector.ts',
  needsTimelines: false,
  converges: true,
  attributes: [
    {
      attribute: 'eigenvector',
      column: 'eigenvector',
      label: 'Eigenvector centrality',
      description: 'eigenvector centrality',
      format: 'score',
    },
  ],
  defaults: {},
  compute: (graph) => eigenvector.assign(graph),
});
