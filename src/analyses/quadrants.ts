/**
 * Stock against momentum: each place by its size and how fast it is gaining researchers, in four
 * quadrants — the "starting position and running speed" map of city talent competition
 * (domain.md, "Other frameworks"; a city's stock against its momentum).
 *
 * Definition:
 *   size      timelines: stock (active researchers whose home is the place at the window's end)
 *             moves tables: inflow (moves in)
 *   momentum  timelines: inflow ratio (share of the stock who flowed in by the SET rule)
 *             moves tables: net rate = (inflow − outflow) / (inflow + outflow), in [−1, 1]
 *             (net inflow as a share of the moves through the place: without a population
 *             to divide by, turnover is the base)
 *   quadrant  with thresholds S (size) and M (momentum), by default the medians over the places
 *             that have both values (type-7 quantile):
 *               leader     size ≥ S and momentum ≥ M   (large and gaining)
 *               riser      size < S and momentum ≥ M   (small but gaining)
 *               incumbent  size ≥ S and momentum < M   (large, slowing)
 *               laggard    size < S and momentum < M
 *             null for a place without a value (no stock; no flow).
 *
 * By construction half the places (up to ties) are at or above each median: the quadrants say
 * where a place stands among the compared ones, not against an absolute bar; pass numbers to fix
 * the thresholds (e.g. momentum 0 for "gaining at all" on moves tables).
 */
import { inflowRatio } from './inflow-ratio.ts';
import { checkChoice, checkNumber, withDefaults } from './option-checks.ts';
import { checkGraph } from './graph-input.ts';
import { strengths } from './flow-arrays.ts';
import type { AnyGraph } from './graph-input.ts';
import { quantile } from './quantile.ts';
import type { NodeMeasure } from './types.ts';
import { defineMeasure } from './measure.ts';

export type Quadrant = 'leader' | 'riser' | 'incumbent' | 'laggard';

/** The quadrants, in the order legends list them. */
export const QUADRANTS: readonly Quadrant[] = Object.freeze(['leader', 'riser', 'incumbent', 'laggard']);

export interface QuadrantsOptions {
  /** Size and momentum from timeline stock (stock, inflow ratio) or from moves (inflow, net rate); auto: stock when nodes carry it. */
  basis?: 'stock' | 'inflow' | 'auto';
  /** Size threshold: a number, or 'median' of the places' sizes. */
  sizeThreshold?: number | 'median';
  /** Momentum threshold: a number, or 'median' of the places' momenta. */
  momentumThreshold?: number | 'median';
}

/** Defaults of {@link quadrants}: `basis` ('auto'), `sizeThreshold` ('median'), `momentumThreshold` ('median'). */
export const DEFAULTS: Readonly<Required<QuadrantsOptions>> = Object.freeze({
  basis: 'auto',
  sizeThreshold: 'median',
  momentumThreshold: 'median',
});

export interface QuadrantsResult {
  basis: 'stock' | 'inflow';
  /** node key → size and momentum (null where it does not apply). */
  size: NodeMeasure;
  momentum: NodeMeasure;
  /** node key → quadrant, null without both values. */
  quadrant: Record<string, Quadrant | null>;
  /** The thresholds used (null when no place has both values). */
  thresholds: { size: number | null; momentum: number | null };
  counts: Record<Quadrant, number>;
}

const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function threshold(name: string, value: unknown, values: number[]): number | null {
  if (value === 'median') return values.length ? quantile(values, 0.5) : null;
  return checkNumber(name, value);
}

/** Quadrant of a place from its size and momentum and the thresholds. */
export function quadrantOf(size: number, momentum: number, sizeThreshold: number, momentumThreshold: number): Quadrant {
  const large = size >= sizeThreshold;
  const gaining = momentum >= momentumThreshold;
  return large ? (gaining ? 'leader' : 'incumbent') : gaining ? 'riser' : 'laggard';
}

function compute(graph: AnyGraph, options?: QuadrantsOptions): QuadrantsResult {
  checkGraph(graph);
  const o = withDefaults(DEFAULTS, options);
  const asked = checkChoice('basis', o.basis, ['stock', 'inflow', 'auto'] as const);
  const hasStock = graph.someNode((_n, a) => finite(a['stock']));
  const basis = asked === 'auto' ? (hasStock ? 'stock' : 'inflow') : asked;
  const size: NodeMeasure = {};
  const momentum: NodeMeasure = {};
  if (basis === 'stock') {
    const ratio = inflowRatio(graph);
    graph.forEachNode((node, a) => {
      size[node] = finite(a['stock']) ? a['stock'] : null;
      momentum[node] = ratio[node] ?? null;
    });
  } else {
    const { inflow, outflow } = strengths(graph, 'weight');
    graph.forEachNode((node) => {
      const i = inflow[node]!;
      const out = outflow[node]!;
      size[node] = i + out > 0 ? i : null;
      momentum[node] = i + out > 0 ? (i - out) / (i + out) : null;
    });
  }
  const both = graph.nodes().filter((n) => finite(size[n]) && finite(momentum[n]));
  const s = threshold(
    'sizeThreshold',
    o.sizeThreshold,
    both.map((n) => size[n]!),
  );
  const m = threshold(
    'momentumThreshold',
    o.momentumThreshold,
    both.map((n) => momentum[n]!),
  );
  const quadrant: Record<string, Quadrant | null> = {};
  const counts: Record<Quadrant, number> = { leader: 0, riser: 0, incumbent: 0, laggard: 0 };
  graph.forEachNode((node) => {
    const q =
      s !== null && m !== null && finite(size[node]) && finite(momentum[node]) ? quadrantOf(size[node]!, momentum[node]!, s, m) : null;
    quadrant[node] = q;
    if (q) counts[q]++;
  });
  return { basis, size, momentum, quadrant, thresholds: { size: s, momentum: m }, counts };
}

/** Writes node attribute `quadrant`; returns the result. */
function assign(graph: AnyGraph, options?: QuadrantsOptions): QuadrantsResult {
  const result = compute(graph, options);
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, quadrant: result.quadrant[node] }), { attributes: ['quadrant'] });
  return result;
}

/**
 * Places by size against momentum, in quadrants at the medians (or given thresholds): leader,
 * riser, incumbent, laggard.
 *
 * @param graph - the flow graph (timeline stock on the nodes, or moves only).
 * @param options - see {@link DEFAULTS}.
 * @returns sizes, momenta, quadrants, the thresholds used and the count per quadrant.
 * @throws OptionError on a bad option or edge weight.
 * @example
 * quadrants(graph).quadrant; // { Beijing: 'incumbent', Shenzhen: 'leader', Austin: 'riser', … }
 * quadrants.assign(graph, { momentumThreshold: 0 }); // node attribute quadrant
 */
export const quadrants = Object.assign(compute, { assign });

/** Registry entry (`registry.ts`). */
export const quadrantsMeasure = defineMeasure({
  id: 'quadrant',
  name: 'stock against momentum (quadrant)',
  definition:
    'size against momentum: from timelines, stock against inflow ratio; from moves, inflow against net rate (in − out)/(in + out). Split at the medians over the places ' +
    'that have both (type-7 quantile; a value at the median counts as at or above): **leader** large and gaining, **riser** small and gaining, **incumbent** large and ' +
    'slowing, **laggard** small and slowing; empty without a value. Medians put half the places on each side by construction: the quadrants rank places among those ' +
    'compared (thresholds are options of `quadrants`)',
  file: 'analyses/quadrants.ts',
  needsTimelines: false,
  attributes: [
    {
      attribute: 'quadrant',
      column: 'quadrant',
      label: 'Stock vs momentum',
      description: 'stock against momentum: leader, riser, incumbent or laggard (analyses/quadrants.ts)',
      format: 'text',
      views: ['card'],
    },
  ],
  defaults: {},
  compute: (graph) => quadrants.assign(graph),
});
