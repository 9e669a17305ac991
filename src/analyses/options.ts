/**
 * Option checking and edge-weight reading shared by the analyses. Every measure validates its
 * options once, at entry, through these helpers, so that a typo or an out-of-range value fails
 * with an `OptionError` naming the option instead of silently producing a wrong figure.
 */
import Graph from 'graphology';
import type { Attributes } from 'graphology-types';
import { OptionError, TalentFlowError } from '../errors.ts';
import { strengthsOf, toRecord } from './flow-arrays.ts';

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

/**
 * Merges `options` over `defaults`, rejecting keys the measure does not know (a misspelt option
 * would otherwise be ignored) and `undefined` values (which fall back to the default).
 */
export function withDefaults<T extends object>(defaults: T, options: Partial<T> | undefined): T {
  if (options === undefined || options === null) return { ...defaults };
  if (typeof options !== 'object' || Array.isArray(options)) {
    throw new OptionError('options', options, 'an options object');
  }
  const known = Object.keys(defaults);
  const out = { ...defaults } as Record<string, unknown>;
  for (const [key, value] of Object.entries(options)) {
    if (!known.includes(key)) throw new OptionError(key, value, `one of the options ${known.join(', ')}`);
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}

export interface NumberRule {
  min?: number;
  max?: number;
  /** Exclude `min` itself. */
  minExclusive?: boolean;
  /** Exclude `max` itself. */
  maxExclusive?: boolean;
  integer?: boolean;
}

/** Throws `OptionError` unless `value` is a finite number within the rule. */
export function checkNumber(name: string, value: unknown, rule: NumberRule = {}): number {
  const lo = rule.min === undefined ? '' : `${rule.minExclusive ? '>' : '≥'} ${rule.min}`;
  const hi = rule.max === undefined ? '' : `${rule.maxExclusive ? '<' : '≤'} ${rule.max}`;
  const expected = [rule.integer ? 'an integer' : 'a finite number', [lo, hi].filter(Boolean).join(' and ')]
    .filter(Boolean)
    .join(' ');
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new OptionError(name, value, expected);
  if (rule.integer && !Number.isInteger(value)) throw new OptionError(name, value, expected);
  if (rule.min !== undefined && (rule.minExclusive ? value <= rule.min : value < rule.min)) {
    throw new OptionError(name, value, expected);
  }
  if (rule.max !== undefined && (rule.maxExclusive ? value >= rule.max : value > rule.max)) {
    throw new OptionError(name, value, expected);
  }
  return value;
}

export function checkBoolean(name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new OptionError(name, value, 'true or false');
  return value;
}

export function checkChoice<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw new OptionError(name, value, `one of ${choices.map((c) => JSON.stringify(c)).join(', ')}`);
  }
  return value as T;
}

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
export function weightedView(
  graph: AnyGraph,
  getEdgeWeight: EdgeWeightGetter,
  transform?: (weight: number) => number,
): WeightedView {
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

/**
 * Weighted in and out strength of every node, self-loops excluded (an undirected edge counts both
 * ways). Summed over the edges in `forEachEdge` order, on typed arrays.
 */
export function strengths(
  graph: AnyGraph,
  getEdgeWeight: EdgeWeightGetter,
): { inflow: Record<string, number>; outflow: Record<string, number> } {
  const { nodes, inflow, outflow } = strengthsOf(graph, getEdgeWeight);
  return { inflow: toRecord(nodes, inflow), outflow: toRecord(nodes, outflow) };
}

/** A power iteration (PageRank, HITS, eigenvector) that did not converge within its iterations. */
export class ConvergenceError extends TalentFlowError {
  override name = 'ConvergenceError';
  readonly measure: string;
  constructor(measure: string, options?: { cause?: unknown }) {
    super(`${measure} did not converge within maxIterations; raise maxIterations or tolerance`, options);
    this.measure = measure;
  }
}

/** Writes one node attribute from a node → value record. */
export function assignAttribute(graph: AnyGraph, attribute: string, values: Record<string, unknown>): void {
  graph.updateEachNodeAttributes((node, attr) => ({ ...attr, [attribute]: values[node] }), { attributes: [attribute] });
}
