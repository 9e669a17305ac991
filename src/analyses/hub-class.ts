/**
 * Classification of each place by its role in the flows: hub, magnet, exporter, balanced or
 * peripheral.
 *
 * Definition (domain.md, "Hubs" and "Net inflow"; the SET Index 2024 report finds Beijing and
 * Boston to be the two hubs, "central to both sending and receiving", and Shenzhen a magnet):
 * with in(A), out(A) the weighted in/out strength (moves) and the balance
 *
 *   b(A) = (in − out) / (in + out)      ∈ [−1, 1]
 *
 * the classes are tried in this order:
 *   1. hub        in(A) AND out(A) are both among the k largest of all places, with
 *                 k = max(minHubs, ⌈hubShare · N⌉) (ties at the k-th value included).
 *                 Being large on one side only is a magnet or an exporter, not a hub.
 *   2. peripheral in + out = 0, or in + out below the `peripheralQuantile` of all places'
 *                 in + out (type-7 quantile): too little flow for its balance to mean much.
 *   3. magnet     b ≥ balanceThreshold (inflow well above outflow).
 *   4. exporter   b ≤ −balanceThreshold.
 *   5. balanced   otherwise.
 *
 * The classes are relative to the compared places (a peripheral place in a graph of world
 * capitals may be large in absolute terms); the thresholds are options so that an analysis can
 * state its own. With the default balanceThreshold 0.2, a magnet receives at least 1.5 times
 * what it sends ((1 + 0.2)/(1 − 0.2) = 1.5).
 */
import { checkEdgeWeightGetter, checkGraph, checkNumber, strengths, withDefaults } from './options.ts';
import type { AnyGraph, EdgeWeightGetter } from './options.ts';
import { quantile } from './quantile.ts';
import type { HubClass } from './types.ts';

export interface HubClassOptions {
  getEdgeWeight?: EdgeWeightGetter;
  /** Share of places whose in- and out-strength count as "top" for hubs, in (0, 1]. */
  hubShare?: number;
  /** Lower bound of the number of top places k, however small the graph (integer ≥ 1). */
  minHubs?: number;
  /** Places whose in + out is below this quantile of all places' in + out are peripheral, in [0, 1). */
  peripheralQuantile?: number;
  /** |b| at or beyond which a place is a magnet (b > 0) or an exporter (b < 0), in (0, 1]. */
  balanceThreshold?: number;
}

/**
 * Defaults of {@link hubClass}: `getEdgeWeight` _string_ ('weight'), `hubShare` _number_ (0.1),
 * `minHubs` _number_ (2), `peripheralQuantile` _number_ (0.25), `balanceThreshold` _number_ (0.2).
 */
export const DEFAULTS: Readonly<Required<HubClassOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  hubShare: 0.1,
  minHubs: 2,
  peripheralQuantile: 0.25,
  balanceThreshold: 0.2,
});

export interface HubClassResult {
  /** node key → class. */
  classes: Record<string, HubClass>;
  /** node key → (in − out)/(in + out), null for a place without flow. */
  balance: Record<string, number | null>;
  /** The cut-offs used, for captions and manifests. */
  thresholds: {
    /** k: how many places count as top senders / receivers. */
    hubCount: number;
    /** The k-th largest in-strength and out-strength. */
    inflowCutoff: number;
    outflowCutoff: number;
    /** in + out below this is peripheral. */
    peripheralCutoff: number;
    balanceThreshold: number;
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
  const peripheralQuantile = checkNumber('peripheralQuantile', o.peripheralQuantile, {
    min: 0,
    max: 1,
    maxExclusive: true,
  });
  const balanceThreshold = checkNumber('balanceThreshold', o.balanceThreshold, { min: 0, minExclusive: true, max: 1 });

  const { inflow, outflow } = strengths(graph, getEdgeWeight);
  const nodes = graph.nodes();
  const hubCount = Math.min(nodes.length, Math.max(minHubs, Math.ceil(hubShare * nodes.length)));
  const inflowCutoff = kthLargest(nodes.map((n) => inflow[n]!), hubCount);
  const outflowCutoff = kthLargest(nodes.map((n) => outflow[n]!), hubCount);
  const totals = nodes.map((n) => inflow[n]! + outflow[n]!);
  const peripheralCutoff = nodes.length ? quantile(totals, peripheralQuantile) : 0;

  const classes: Record<string, HubClass> = {};
  const balance: Record<string, number | null> = {};
  for (const n of nodes) {
    const i = inflow[n]!;
    const out = outflow[n]!;
    const total = i + out;
    const b = total > 0 ? (i - out) / total : null;
    balance[n] = b;
    if (b === null) classes[n] = 'peripheral';
    else if (i > 0 && out > 0 && i >= inflowCutoff && out >= outflowCutoff) classes[n] = 'hub';
    else if (total < peripheralCutoff) classes[n] = 'peripheral';
    else if (b >= balanceThreshold) classes[n] = 'magnet';
    else if (b <= -balanceThreshold) classes[n] = 'exporter';
    else classes[n] = 'balanced';
  }
  return {
    classes,
    balance,
    thresholds: { hubCount, inflowCutoff, outflowCutoff, peripheralCutoff, balanceThreshold },
  };
}

/** Writes node attribute `hubClass`. */
function assign(graph: AnyGraph, options?: HubClassOptions): void {
  const { classes } = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, hubClass: classes[node] }), { attributes: ['hubClass'] });
}

/**
 * Classifies every place as 'hub' | 'magnet' | 'exporter' | 'balanced' | 'peripheral' (rule above).
 *
 * @param graph - the flow graph.
 * @param options - thresholds, see {@link DEFAULTS}.
 * @returns `{ classes, balance, thresholds }`.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * hubClass(graph).classes; // { Beijing: 'hub', Boston: 'hub', Shenzhen: 'magnet', ... }
 * hubClass(graph, { hubShare: 0.2 }); // more places may qualify as hubs
 */
export const hubClass = Object.assign(compute, { assign });
