/**
 * Balance class of each place: magnet, balanced or exporter, by its net inflow relative to its
 * turnover. Independent of size (`hub-class.ts`): a hub can be an exporter (India on the SMD
 * country flows), a small place a magnet.
 *
 * Definition (domain.md, "Net inflow": a magnet has inflow far above outflow, its opposite is a
 * net exporter): with in(A), out(A) the weighted in/out strength (moves), the balance
 *
 *   b(A) = (in − out) / (in + out)      ∈ [−1, 1]
 *
 * gives   magnet    b ≥ balanceThreshold
 *         exporter  b ≤ −balanceThreshold
 *         balanced  otherwise
 * and no class (null) for a place without flow. With the default threshold 0.2 a magnet receives
 * at least 1.5 times what it sends ((1 + 0.2)/(1 − 0.2) = 1.5) and an exporter sends at least 1.5
 * times what it receives. Dividing by turnover, not by size alone, keeps the class comparable
 * between a country of a million researchers and one of a thousand; it also means a place with
 * a handful of moves can be a magnet: read the class beside the size class.
 */
import { checkEdgeWeightGetter, checkGraph } from './graph-input.ts';
import { checkNumber, withDefaults } from './option-checks.ts';
import { strengths } from './flow-arrays.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';
import type { BalanceClass } from './types.ts';
import { defineMeasure } from './measure.ts';
import { assignAttribute } from './assign-attribute.ts';

export interface BalanceClassOptions {
  getEdgeWeight?: EdgeWeightGetter;
  /** |b| at or beyond which a place is a magnet (b > 0) or an exporter (b < 0), in (0, 1]. */
  balanceThreshold?: number;
}

/** Defaults of {@link balanceClass}: `getEdgeWeight` _string_ ('weight'), `balanceThreshold` _number_ (0.2). */
export const DEFAULTS: Readonly<Required<BalanceClassOptions>> = Object.freeze({
  getEdgeWeight: 'weight',
  balanceThreshold: 0.2,
});

export interface BalanceClassResult {
  /** node key → class; null for a place without flow. */
  classes: Record<string, BalanceClass | null>;
  /** node key → (in − out)/(in + out); null for a place without flow. */
  balance: Record<string, number | null>;
  balanceThreshold: number;
}

function compute(graph: AnyGraph, options?: BalanceClassOptions): BalanceClassResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const getEdgeWeight = checkEdgeWeightGetter(o.getEdgeWeight);
  const threshold = checkNumber('balanceThreshold', o.balanceThreshold, { min: 0, minExclusive: true, max: 1 });
  const { inflow, outflow } = strengths(graph, getEdgeWeight);
  const classes: Record<string, BalanceClass | null> = {};
  const balance: Record<string, number | null> = {};
  graph.forEachNode((n) => {
    const i = inflow[n]!;
    const out = outflow[n]!;
    const b = i + out > 0 ? (i - out) / (i + out) : null;
    balance[n] = b;
    classes[n] = b === null ? null : b >= threshold ? 'magnet' : b <= -threshold ? 'exporter' : 'balanced';
  });
  return { classes, balance, balanceThreshold: threshold };
}

/** Writes node attributes `balanceClass` and `balance`. */
function assign(graph: AnyGraph, options?: BalanceClassOptions): void {
  const { classes, balance } = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, balance: balance[node], balanceClass: classes[node] }), {
    attributes: ['balance', 'balanceClass'],
  });
}

/**
 * Classifies every place as 'magnet' | 'balanced' | 'exporter' (null without flow), rule above.
 *
 * @param graph - the flow graph.
 * @param options - `balanceThreshold` (0.2), `getEdgeWeight`.
 * @returns `{ classes, balance, balanceThreshold }`.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * balanceClass(graph).classes; // { Shenzhen: 'magnet', Beijing: 'balanced', ... }
 */
export const balanceClass = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const balanceClassMeasure = defineMeasure({
  id: 'balanceClass',
  name: 'balance class',
  definition:
    '`balance` = (in − out)/(in + out) ∈ [−1, 1]; `balance_class`: **magnet** when balance ≥ 0.2 (receives at least 1.5 × what it sends), **exporter** when ≤ −0.2, ' +
    '**balanced** otherwise; empty for a place without flow. Independent of size: on the SMD country flows India is a hub and an exporter (−0.21), the United States a ' +
    'balanced hub (+0.04). Option `balanceThreshold` (0.2). The report\'s "Magnets" and "Net exporters" lists are the places of that balance class, by net inflow',
  file: 'analyses/balance-class.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'balance',
      column: 'balance',
      label: 'Balance',
      description: '(inflow − outflow) / (inflow + outflow), −1..1',
      format: 'score',
    },
    {
      attribute: 'balanceClass',
      column: 'balance_class',
      label: 'Balance class',
      description: 'magnet, balanced or exporter (empty without flow)',
      format: 'text',
      views: ['card'],
    },
  ],
  defaults: { balanceThreshold: DEFAULTS.balanceThreshold },
  compute: (graph, o) => {
    const result = balanceClass(graph, o);
    assignAttribute(graph, 'balance', result.balance);
    assignAttribute(graph, 'balanceClass', result.classes);
    return result;
  },
});
