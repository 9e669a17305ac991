/**
 * Inflow and outflow strength of each place.
 *
 * Definition (domain.md, "Inflow / outflow"): the inflow of place A is the flow arriving in A,
 * its outflow the flow leaving A. On the flow graph these are the weighted in- and out-degree
 * (strength):
 *
 *   inflow(A)  = Σ_{B ≠ A} w(B → A)        outflow(A) = Σ_{B ≠ A} w(A → B)
 *
 * With the default `getEdgeWeight: 'weight'` the unit is moves. With `'researchers'` each edge
 * counts its distinct researchers; summed over edges this is an upper bound of a place's
 * distinct inflowing researchers (someone arriving twice from two sources counts twice).
 * Self-loops are not moves between places (the graph builder never writes them) and are ignored.
 */
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { strengths } from './flow-arrays.ts';
import { withDefaults } from './option-checks.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { defineMeasure } from './measure.ts';

export interface StrengthOptions {
  /** Edge attribute or function giving the flow on an edge; `null` counts edges. */
  getEdgeWeight?: EdgeWeightGetter;
}

/** Defaults of {@link strength}: `getEdgeWeight` _string_ ('weight'): edge attribute holding moves. */
export const DEFAULTS: Readonly<Required<StrengthOptions>> = Object.freeze({ getEdgeWeight: 'weight' });

export interface StrengthResult {
  /** node key → weighted in-degree (moves in). */
  inflow: Record<string, number>;
  /** node key → weighted out-degree (moves out). */
  outflow: Record<string, number>;
}

function compute(graph: AnyGraph, options?: StrengthOptions): StrengthResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  return strengths(graph, checkEdgeWeightGetter(o.getEdgeWeight));
}

/** Writes node attributes `inflow` and `outflow`. */
function assign(graph: AnyGraph, options?: StrengthOptions): void {
  const { inflow, outflow } = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, inflow: inflow[node], outflow: outflow[node] }), {
    attributes: ['inflow', 'outflow'],
  });
}

/**
 * Weighted in- and out-strength of every place: inflow(A) = Σ_B w(B→A), outflow(A) = Σ_B w(A→B).
 *
 * @param graph - the flow graph.
 * @param options - `getEdgeWeight` (default `'weight'`, i.e. moves).
 * @returns `{ inflow, outflow }`, each node key → moves.
 * @throws OptionError when an option is unknown or out of range, or an edge weight is missing, negative or not finite.
 * @example
 * // A→B 3 moves, B→A 1 move
 * strength(graph); // { inflow: { A: 1, B: 3 }, outflow: { A: 3, B: 1 } }
 * strength.assign(graph); // graph.getNodeAttribute('A', 'inflow') === 1
 */
export const strength = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const strengthMeasure = defineMeasure({
  id: 'strength',
  name: 'inflow, outflow',
  definition: 'moves into / out of a place (weighted in/out degree)',
  file: 'analyses/strength.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'inflow',
      column: 'inflow',
      label: 'Inflow (moves in)',
      description: 'moves in (weighted in-degree)',
      format: 'integer',
      views: ['card'],
    },
    {
      attribute: 'outflow',
      column: 'outflow',
      label: 'Outflow (moves out)',
      description: 'moves out (weighted out-degree)',
      format: 'integer',
      views: ['card'],
    },
  ],
  defaults: {},
  compute: (graph) => strength.assign(graph),
});
