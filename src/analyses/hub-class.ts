/**
 * Size class of each place: hub, large, medium or peripheral, by how much flow passes through it.
 * Whether a place gains or loses researchers is a separate question, answered by its balance
 * class (`balance-class.ts`): a hub can be a magnet, balanced or an exporter (on the SMD country
 * flows India is a hub and an exporter).
 *
 * Definition (domain.md, "Hubs": places central to both sending and receiving; the SET Index
 * 2024 report finds Beijing and Boston to be the two hubs): with in(A), out(A) the weighted
 * in/out strength (moves) and turnover t(A) = in + out, the classes are tried in this order:
 *   1. hub         in(A) AND out(A) are both among the k largest of all places, with
 *                  k = max(minHubs, ⌈hubShare · N⌉) (ties at the k-th value included).
 *                  Large on one side only is not a hub.
 *   2. peripheral  t = 0, or t below the `peripheralQuantile` of all places' turnovers (type-7
 *                  quantile): too little flow to weigh in the network.
 *   3. large       t at or above the `largeQuantile` of all turnovers.
 *   4. medium      otherwise.
 *
 * With the defaults (hubShare 0.1, minHubs 2, largeQuantile 0.75, peripheralQuantile 0.25) the
 * hubs are at most the top tenth on both sides, large places the rest of the top quarter by
 * turnover, peripheral places the bottom quarter. The classes are relative to the compared places
 * (a peripheral place among world capitals may be large in absolute terms); the thresholds are
 * options so that an analysis can state its own.
 */
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import { strengths } from './flow-arrays.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import { OptionError } from '../errors.ts';
import { quantile } from './quantile.ts';
import type { HubClass } from './types.ts';
import { defineMeasure } from './measure.ts';
import { assignAttribute } from './assign-attribute.ts';

export interface HubClassOptions {
  getEdgeWeight?: EdgeWeightGetter;
  /** Share of places whose in- and out-strength count as "top" for hubs, in (0, 1]. */
  hubShare?: number;
  /** Lower bound of the number of top places k, however small the graph (integer ≥ 1). */
  minHubs?: number;
  /** Places whose turnover is at or above this quantile of all turnovers are large, in (0, 1]. */
  largeQuantile?: number;
  /** Places whose in + out is below this quantile of all places' in + out are peripheral, in [0, 1). */
  peripheralQuantile?: number;
}

/**
 * Defaults of {@link hubClass}: `getEdgeWeight` _string_ ('weight'), `hubShare` _number_ (0.1),
 * `minHubs` _number_ (2), `largeQuantile` _number_ (0.75), `peripheralQuantile` _number_ (0.25).
 */
export const DEFAULTS: Readonly<Required<HubClassOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  hubShare: 0.1,
  minHubs: 2,
  largeQuantile: 0.75,
  peripheralQuantile: 0.25,
});

export interface HubClassResult {
  /** node key → size class. */
  classes: Record<string, HubClass>;
  /** The cut-offs used, for captions and manifests. */
  thresholds: {
    /** k: how many places count as top senders / receivers. */
    hubCount: number;
    /** The k-th largest in-strength and out-strength. */
    inflowCutoff: number;
    outflowCutoff: number;
    /** in + out at or above this is large (when not a hub). */
    largeCutoff: number;
    /** in + out below this is peripheral. */
    peripheralCutoff: number;
  };
}

function kthLargest(values: number[], k: number): number {
  const sorted = [...values].sort((a, b) => b - a);
  return sorted[Math.min(k, sorted.length) - 1] ?? 0;
}

function compute(graph: AnyGraph, options?: HubClassOptions): HubClassResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const hubShare = checkNumber('hubShare', o.hubShare, { min: 0, minExclusive: true, max: 1 });
  const minHubs = checkNumber('minHubs', o.minHubs, { min: 1, integer: true });
  const largeQuantile = checkNumber('largeQuantile', o.largeQuantile, { min: 0, minExclusive: true, max: 1 });
  const peripheralQuantile = checkNumber('peripheralQuantile', o.peripheralQuantile, {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  if (peripheralQuantile >= largeQuantile) {
    throw new OptionError('peripheralQuantile', peripheralQuantile, `a quantile below largeQuantile (${largeQuantile})`);
  }

  const { inflow, outflow } = strengths(graph, getEdgeWeight);
  const nodes = graph.nodes();
  const hubCount = Math.min(nodes.length, Math.max(minHubs, Math.ceil(hubShare * nodes.length)));
  const inflowCutoff = kthLargest(
    nodes.map((n) => inflow[n]!),
    hubCount,
  );
  const outflowCutoff = kthLargest(
    nodes.map((n) => outflow[n]!),
    hubCount,
  );
  const totals = nodes.map((n) => inflow[n]! + outflow[n]!);
  const peripheralCutoff = nodes.length ? quantile(totals, peripheralQuantile) : 0;
  const largeCutoff = nodes.length ? quantile(totals, largeQuantile) : 0;

  const classes: Record<string, HubClass> = {};
  for (const n of nodes) {
    const i = inflow[n]!;
    const out = outflow[n]!;
    const total = i + out;
    if (total === 0) classes[n] = 'peripheral';
    else if (i > 0 && out > 0 && i >= inflowCutoff && out >= outflowCutoff) classes[n] = 'hub';
    else if (total < peripheralCutoff) classes[n] = 'peripheral';
    else if (total >= largeCutoff) classes[n] = 'large';
    else classes[n] = 'medium';
  }
  return { classes, thresholds: { hubCount, inflowCutoff, outflowCutoff, largeCutoff, peripheralCutoff } };
}

/** Writes node attribute `hubClass`. */
function assign(graph: AnyGraph, options?: HubClassOptions): void {
  const { classes } = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, hubClass: classes[node] }), { attributes: ['hubClass'] });
}

/**
 * Classifies every place by size as 'hub' | 'large' | 'medium' | 'peripheral' (rule above).
 *
 * @param graph - the flow graph.
 * @param options - thresholds, see {@link DEFAULTS}.
 * @returns `{ classes, thresholds }`.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * hubClass(graph).classes; // { Beijing: 'hub', Boston: 'hub', Shenzhen: 'large', ... }
 * hubClass(graph, { hubShare: 0.2 }); // more places may qualify as hubs
 */
export const hubClass = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const hubClassMeasure = defineMeasure({
  id: 'hubClass',
  name: 'hub class (size)',
  definition:
    '`hub_class`, tried in order: **hub**: in- and out-strength both among the top k = max(2, ⌈10 % of places⌉); **peripheral**: no flow, or in + out below the 25th percentile of all ' +
    "places' in + out; **large**: in + out at or above the 75th percentile; **medium**: otherwise. Options `hubShare` (0.1), `minHubs` (2), `largeQuantile` (0.75), `peripheralQuantile` (0.25)",
  file: 'analyses/hub-class.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'hubClass',
      column: 'hub_class',
      label: 'Size class',
      description: 'size class: hub, large, medium or peripheral',
      format: 'text',
      views: ['card'],
    },
  ],
  defaults: {
    hubShare: DEFAULTS.hubShare,
    minHubs: DEFAULTS.minHubs,
    largeQuantile: DEFAULTS.largeQuantile,
    peripheralQuantile: DEFAULTS.peripheralQuantile,
  },
  compute: (graph, o) => {
    const result = hubClass(graph, o);
    assignAttribute(graph, 'hubClass', result.classes);
    return result;
  },
});
