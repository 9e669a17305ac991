/**
 * Net inflow of each place.
 *
 * Definition (domain.md, "Net inflow"): net inflow = inflow − outflow, with inflow and outflow
 * the weighted in- and out-strength of the place (see `strength.ts`). A "magnet" has inflow far
 * above outflow (the SET Index 2024 report names Shenzhen); a net exporter has the opposite sign.
 * On a closed graph (every flow has both ends in the graph) net inflows sum to zero.
 */
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { strengths } from './flow-arrays.ts';
import { withDefaults } from './option-checks.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { defineMeasure } from './measure.ts';

export interface NetInflowOptions {
  /** Edge attribute or function giving the flow on an edge. */
  getEdgeWeight?: EdgeWeightGetter;
}

/** Defaults of {@link netInflow}: `getEdgeWeight` _string_ ('weight'): moves. */
export const DEFAULTS: Readonly<Required<NetInflowOptions>> = Object.freeze({ getEdgeWeight: 'weight' });

function compute(graph: AnyGraph, options?: NetInflowOptions): Record<string, number> {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const { inflow, outflow } = strengths(graph, checkEdgeWeightGetter(o.getEdgeWeight));
  const out: Record<string, number> = {};
  for (const node of Object.keys(inflow)) out[node] = inflow[node]! - outflow[node]!;
  return out;
}

/** Writes node attribute `netInflow`. */
function assign(graph: AnyGraph, options?: NetInflowOptions): void {
  const net = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, netInflow: net[node] }), { attributes: ['netInflow'] });
}

/**
 * Net inflow of every place: Σ_B w(B→A) − Σ_B w(A→B), in moves by default.
 *
 * @param graph - the flow graph.
 * @param options - `getEdgeWeight` (default `'weight'`).
 * @returns node key → net inflow (positive: gains researchers; negative: net exporter).
 * @throws OptionError on an unknown option or a bad edge weight.
 * @example
 * // A→B 3, B→A 1
 * netInflow(graph); // { A: -2, B: 2 }
 */
export const netInflow = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const netInflowMeasure = defineMeasure({
  id: 'netInflow',
  name: 'net inflow',
  definition: 'inflow − outflow; sums to zero over a closed graph',
  file: 'analyses/net-inflow.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'netInflow',
      column: 'net_inflow',
      label: 'Net inflow',
      description: 'inflow − outflow',
      format: 'signed',
      views: ['card', 'map'],
    },
  ],
  defaults: {},
  compute: (graph) => netInflow.assign(graph),
});
