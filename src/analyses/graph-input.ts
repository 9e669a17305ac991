/**
 * What every analysis accepts as its graph, and how it reads edge weights: graphology would
 * silently turn a missing or non-numeric weight into 1, and a bad weight must be rejected at
 * input, not defaulted.
 */
import type Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { OptionError } from '../errors.ts';

/**
 * Any graphology graph an analysis accepts: a `FlowGraph`, or a plain graphology graph built
 * by hand (notebooks, tests). Node and edge attributes are read and validated where used.
 */
export type AnyGraph = Graph<Attributes, Attributes, Attributes>;

/**
 * How an analysis reads an edge's weight (graphology's `getEdgeWeight` convention):
 * an edge attribute name, a function `(edge, attributes) => number`, or `null` for
 * "every edge weighs 1" (unweighted).
 */
export type EdgeWeightGetter = string | ((edge: string, attributes: Attributes) => number) | null;

/** Throws unless `graph` is a graphology graph (duck-typed so that copies of graphology across bundles pass). */
export function checkGraph(graph: unknown): asserts graph is AnyGraph {
  const g = graph as { forEachNode?: unknown; order?: unknown } | null;
  if (!g || typeof g.forEachNode !== 'function' || typeof g.order !== 'number') {
    throw new OptionError('graph', typeof graph, 'a graphology graph');
  }
}

export function checkEdgeWeightGetter(value: unknown, name = 'getEdgeWeight'): EdgeWeightGetter {
  if (value === null || typeof value === 'function' || (typeof value === 'string' && value !== '')) {
    return value as EdgeWeightGetter;
  }
  throw new OptionError(name, value, 'an edge attribute name, a function (edge, attributes) => number, or null');
}

/**
 * Returns a reader giving every edge's weight, checked: graphology would silently turn a
 * missing or non-numeric weight into 1, and a bad weight must be rejected, not defaulted.
 */
export function edgeWeightReader(
  graph: AnyGraph,
  getEdgeWeight: EdgeWeightGetter,
  name = 'getEdgeWeight',
): (edge: string, attributes: Attributes) => number {
  return (edge, attributes) => {
    let w: unknown;
    if (getEdgeWeight === null) w = 1;
    else if (typeof getEdgeWeight === 'function') w = getEdgeWeight(edge, attributes);
    else w = attributes[getEdgeWeight];
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      const where = `${JSON.stringify(graph.source(edge))} → ${JSON.stringify(graph.target(edge))}`;
      throw new OptionError(
        name,
        getEdgeWeight,
        `a finite weight ≥ 0 on every edge, but edge ${where} has ${JSON.stringify(w) ?? String(w)}`,
      );
    }
    return w;
  };
}
