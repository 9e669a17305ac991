/**
 * Clean weighted graphs for the graphology-metrics routines: checked weights, parallel edges
 * summed, self-loops and zero weights left out.
 */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { edgeWeightReader } from './graph-input.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';

export interface WeightedCopyOptions {
  /** Merge A→B and B→A into one undirected edge whose weight is their sum. */
  undirected?: boolean;
  /** Map each (summed) weight before storing it, e.g. to a distance 1/w. */
  transform?: (weight: number) => number;
}

/**
 * A bare copy of `graph` (same nodes in the same order, no node attributes) whose edges carry
 * one checked numeric attribute `weight`. Parallel edges of a multigraph are summed into one,
 * self-loops (a move within a place is not a flow) and zero-weight edges (no flow) are left out.
 * The graphology-metrics routines then run on data that is known to be clean.
 */
export function weightedCopy(
  graph: AnyGraph,
  getEdgeWeight: EdgeWeightGetter,
  options: WeightedCopyOptions = {},
): Graph<Attributes, { weight: number }> {
  const read = edgeWeightReader(graph, getEdgeWeight);
  const copy = new Graph<Attributes, { weight: number }>({
    type: options.undirected ? 'undirected' : 'directed',
    multi: false,
    allowSelfLoops: false,
  });
  graph.forEachNode((node) => copy.addNode(node));
  graph.forEachEdge((edge, attributes, source, target) => {
    const w = read(edge, attributes);
    if (source === target || w === 0) return;
    copy.updateEdge(source, target, (attr) => ({ weight: (attr.weight ?? 0) + w }));
  });
  if (options.transform) {
    const t = options.transform;
    copy.updateEachEdgeAttributes((_, attr) => ({ weight: t(attr.weight) }));
  }
  return copy;
}

/** A graph and a weight getter that graphology-metrics can use as they are. */
export interface WeightedView {
  graph: AnyGraph;
  getEdgeWeight: string | ((edge: string) => number);
  /** Edges with positive weight between distinct places. */
  edgeCount: number;
}

/**
 * The checked weights of `graph` in the form graphology-metrics reads: the graph itself with a
 * lookup of the checked (and transformed) weights when it is a simple directed graph without
 * self-loops or zero weights (the usual flow graph: no copy), otherwise a {@link weightedCopy}.
 */
export function weightedView(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter, transform?: (weight: number) => number): WeightedView {
  const read = edgeWeightReader(graph, getEdgeWeight);
  const weights = new Map<string, number>();
  let clean = !graph.multi && graph.type === 'directed';
  let edgeCount = 0;
  graph.forEachEdge((edge, attributes, source, target) => {
    const w = read(edge, attributes);
    if (source === target || w === 0) clean = false;
    else edgeCount++;
    weights.set(edge, transform ? transform(w) : w);
  });
  if (!clean) {
    return { graph: weightedCopy(graph, getEdgeWeight, transform ? { transform } : {}), getEdgeWeight: 'weight', edgeCount };
  }
  return { graph, getEdgeWeight: (edge: string) => weights.get(edge)!, edgeCount };
}
