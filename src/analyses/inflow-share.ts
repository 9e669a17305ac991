/**
 * Inflow share of each place: the share of all moves in the graph that arrive there.
 *
 * Definition: inflow share(A) = inflow(A) / Σ_B inflow(B), with inflow the weighted in-degree
 * (see `strength.ts`; self-loops are not moves between places). It sums to 1 over the places of a
 * graph with any flow and says how much of the whole migration a place attracts, independently of
 * the graph's total, so that runs of different sizes (years, disciplines) compare. Every share is
 * null on a graph without flow: there is nothing to share.
 */
import { strengths } from './flow-arrays.ts';
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { defineMeasure } from './measure.ts';
import { withDefaults } from './option-checks.ts';

export interface InflowShareOptions {
  /** Edge attribute or function giving the flow on an edge. */
  getEdgeWeight?: EdgeWeightGetter;
}

/** Defaults of {@link inflowShare}: `getEdgeWeight` _string_ ('weight'): moves. */
export const DEFAULTS: Readonly<Required<InflowShareOptions>> = Object.freeze({ getEdgeWeight: 'weight' });

function compute(graph: AnyGraph, options?: InflowShareOptions): Record<string, number | null> {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const { inflow } = strengths(graph, checkEdgeWeightGetter(o.getEdgeWeight));
  let total = 0;
  for (const v of Object.values(inflow)) total += v;
  const out: Record<string, number | null> = {};
  for (const [node, v] of Object.entries(inflow)) out[node] = total > 0 ? v / total : null;
  return out;
}

/** Writes node attribute `inflowShare`. */
function assign(graph: AnyGraph, options?: InflowShareOptions): void {
  const share = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, inflowShare: share[node] }), { attributes: ['inflowShare'] });
}

/**
 * Inflow share of every place: Σ_B w(B→A) / Σ_{A,B} w(B→A).
 *
 * @param graph - the flow graph.
 * @param options - `getEdgeWeight` (default `'weight'`).
 * @returns node key → share in [0, 1] (null for every place of a graph without flow).
 * @throws OptionError on an unknown option or a bad edge weight.
 * @example
 * // A→B 3, B→A 1
 * inflowShare(graph); // { A: 0.25, B: 0.75 }
 */
export const inflowShare = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const inflowShareMeasure = defineMeasure({
  id: 'inflowShare',
  name: 'inflow share',
  definition:
    'inflow / Σ inflow over all places: the share of all moves that arrive at the place; sums to 1; empty on a graph without flow',
  file: 'analyses/inflow-share.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'inflowShare',
      column: 'inflow_share',
      label: 'Inflow share',
      description: 'share of all moves that arrive here, 0..1',
      format: 'share',
    },
  ],
  defaults: {},
  compute: (graph) => inflowShare.assign(graph),
});
