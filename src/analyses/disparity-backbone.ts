/**
 * The disparity backbone of the flows: the flows that are too large, for the places they join,
 * to be an even share of those places' flows.
 *
 * Definition (Serrano, Boguñá & Vespignani 2009, "Extracting the multiscale backbone of complex
 * weighted networks", PNAS 106:6483, eq. 2, in its directed form): under the null hypothesis that
 * a place with k flows splits its strength s at random (k − 1 uniform cuts of [0, 1]), the share
 * p = w/s of one flow has P(share ≥ p) = (1 − p)^(k − 1). For a flow i → j of weight w, with
 * i's out-strength s_out and out-degree k_out and j's in-strength s_in and in-degree k_in:
 *
 *   α_out = (1 − w/s_out)^(k_out − 1)   if k_out > 1, else 1
 *   α_in  = (1 − w/s_in)^(k_in − 1)     if k_in > 1, else 1
 *   disparity α = min(α_out, α_in)
 *
 * and the flow is in the backbone when α < `alpha` (default 0.05): it is significant for its
 * source's sending or its destination's receiving. A place with a single flow out (or in) gives
 * that flow no evidence on that side (α = 1 there), as in the paper.
 *
 * Degrees and strengths count flows of positive weight between distinct places; a self-loop or a
 * zero-weight flow has α = 1 and is never in the backbone. Edges are read as directed
 * source → target; a multigraph's parallel edges count as separate flows.
 */
import { withEdgeKeys } from '../flows/graph.ts';
import { writeEdgeColumns } from '../flows/lazy-edges.ts';
import { edgeArrays } from './flow-arrays.ts';
import type { EdgeArrays } from './flow-arrays.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';

export interface DisparityBackboneOptions {
  /** Edge attribute or function giving the flow on an edge (default moves). */
  getEdgeWeight?: EdgeWeightGetter;
  /** Significance level: a flow with disparity α below it is in the backbone, in (0, 1]. */
  alpha?: number;
}

/** Defaults of {@link disparityBackbone}: `getEdgeWeight` _string_ ('weight'), `alpha` _number_ (0.05). */
export const DEFAULTS: Readonly<Required<DisparityBackboneOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  alpha: 0.05,
});

export interface DisparityBackboneResult {
  /** Edge keys in `forEachEdge` order; the arrays below are aligned with it. */
  edges: string[];
  /** Disparity α of each flow, in [0, 1]. */
  disparityAlpha: Float64Array;
  /** 1 where the flow is in the backbone (α < alpha). */
  backbone: Uint8Array;
  /** The significance level used. */
  alpha: number;
  /** Flows and moves in the graph, and in the backbone. */
  flows: number;
  keptFlows: number;
  moves: number;
  keptMoves: number;
}

/** α = (1 − w/s)^(k − 1) for k > 1, else 1 (a share p of a strength split at random by k − 1 cuts). */
export function disparityTail(weight: number, strength: number, degree: number): number {
  if (degree <= 1 || !(strength > 0)) return 1;
  return Math.max(0, 1 - weight / strength) ** (degree - 1);
}

/** Disparity α of every edge of the arrays, in their order. */
export function disparityAlphas(e: EdgeArrays): Float64Array {
  const n = e.nodes.length;
  const m = e.weight.length;
  const sOut = new Float64Array(n);
  const sIn = new Float64Array(n);
  const kOut = new Int32Array(n);
  const kIn = new Int32Array(n);
  for (let k = 0; k < m; k++) {
    const w = e.weight[k]!;
    if (e.source[k] === e.target[k] || w === 0) continue;
    sOut[e.source[k]!]! += w;
    kOut[e.source[k]!]!++;
    sIn[e.target[k]!]! += w;
    kIn[e.target[k]!]!++;
  }
  const alpha = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const w = e.weight[k]!;
    const s = e.source[k]!;
    const t = e.target[k]!;
    if (s === t || w === 0) {
      alpha[k] = 1;
      continue;
    }
    alpha[k] = Math.min(disparityTail(w, sOut[s]!, kOut[s]!), disparityTail(w, sIn[t]!, kIn[t]!));
  }
  return alpha;
}

function compute(graph: AnyGraph, options?: DisparityBackboneOptions): DisparityBackboneResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const level = checkNumber('alpha', o.alpha, { min: 0, minExclusive: true, max: 1 });
  const e = edgeArrays(graph, getEdgeWeight);
  const disparityAlpha = disparityAlphas(e);
  const m = e.weight.length;
  const backbone = new Uint8Array(m);
  let keptFlows = 0;
  let moves = 0;
  let keptMoves = 0;
  for (let k = 0; k < m; k++) {
    moves += e.weight[k]!;
    if (disparityAlpha[k]! < level) {
      backbone[k] = 1;
      keptFlows++;
      keptMoves += e.weight[k]!;
    }
  }
  return withEdgeKeys({ disparityAlpha, backbone, alpha: level, flows: m, keptFlows, moves, keptMoves }, graph);
}

/** Writes edge attributes `disparityAlpha` (number) and `backbone` (boolean); returns the result. */
function assign(graph: AnyGraph, options?: DisparityBackboneOptions): DisparityBackboneResult {
  const result = compute(graph, options);
  // Columns until the edges exist (`lazy-edges.ts`): the same attributes, in the same order.
  writeEdgeColumns(graph, [
    { name: 'disparityAlpha', kind: 'number', values: result.disparityAlpha, nanIsNull: false },
    { name: 'backbone', kind: 'boolean', values: result.backbone },
  ]);
  return result;
}

/**
 * Disparity α of every flow and the directed disparity backbone (Serrano, Boguñá & Vespignani
 * 2009): α = min over the flow's two ends of (1 − w/s)^(k − 1), backbone = α < `alpha`.
 *
 * @param graph - the flow graph.
 * @param options - see {@link DEFAULTS}.
 * @returns arrays aligned with `graph.edges()`, and counts of the flows and moves kept.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * // A→B 8, A→C 1, A→D 1: α_out(A→B) = (1 − 0.8)² = 0.04
 * const b = disparityBackbone(graph, { alpha: 0.05 });
 * b.keptFlows; // 1
 * disparityBackbone.assign(graph); // edge attributes disparityAlpha, backbone
 */
export const disparityBackbone = Object.assign(compute, { assign });
