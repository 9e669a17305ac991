/**
 * The flow graph's edges as typed arrays, read once, for the measures that iterate over every
 * flow (strength, PageRank, HITS, eigenvector, Louvain, top flows).
 *
 * Why: on a graph of a million flows, reading edges through graphology's per-edge lookups
 * (`opposite`, `getEdgeAttributes`, a `Map` of edge keys) and building graphology copies costs
 * seconds per measure, while one `forEachEdge` pass into typed arrays costs a few hundred
 * milliseconds and the iterations on them tens.
 *
 * Order matters for bit-identical results: floating-point sums depend on the order of their
 * terms, and the graphology-metrics routines these arrays replace sum in graphology's adjacency
 * order. That order is the order edges were added, grouped by node, *unless* a node key is an
 * array index ("0", "17"): graphology keeps adjacency in plain objects, and JavaScript objects
 * list array-index keys first, in numeric order (and in a multigraph, parallel edges come
 * together). {@link outboundCsr} groups the edges by source stably (same order as graphology) when
 * no key is an array index and asks graphology node by node otherwise.
 */
import { storeEdgesOf } from '../flows/graph.ts';
import type { FlowStore } from '../flows/store.ts';
import { edgeWeightReader } from './graph-input.ts';
import { weightedCopy } from './weighted-copy.ts';
import type { AnyGraph, EdgeWeightGetter } from './graph-input.ts';

/** Node keys in graph order and each key's position. */
export interface NodeIndex {
  nodes: string[];
  index: Map<string, number>;
}

/** The graph's node keys in order, with a key → position map. */
export function nodeIndex(graph: AnyGraph): NodeIndex {
  const nodes = graph.nodes();
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i]!, i);
  return { nodes, index };
}

/** Edge arrays and rows read once per getter while {@link sharingFlowArrays} runs on a graph. */
interface Shared {
  edges: Map<string, EdgeArrays>;
  csr: Map<string, OutboundCsr>;
}

// The shared arrays hang on the graph itself, for the duration of the run only: no state outlives
// a call, and two graphs analysed at once (or nested runs) never see each other's arrays.
const SHARED = Symbol('talentflow.sharedFlowArrays');
type Holder = AnyGraph & { [SHARED]?: Shared | undefined };

const sharedOf = (graph: AnyGraph): Shared | undefined => (graph as Holder)[SHARED];

const getterKey = (getEdgeWeight: EdgeWeightGetter): string | null =>
  getEdgeWeight === null ? '\u0000unweighted' : typeof getEdgeWeight === 'string' ? getEdgeWeight : null;

/**
 * Runs `run` with the edges of `graph` read into arrays once per weight attribute and shared by
 * every measure it calls, instead of once per measure: for a caller that does not change the
 * graph's edges meanwhile (`analyzeGraph` writes node attributes only). On a million flows each
 * read costs a few hundred milliseconds and tens of megabytes, and repeated allocations of that
 * size start full garbage collections of the graph's heap.
 *
 * @example sharingFlowArrays(graph, () => [pagerank(graph), hits(graph)]);
 */
export function sharingFlowArrays<T>(graph: AnyGraph, run: () => T): T {
  const holder = graph as Holder;
  const outer = holder[SHARED];
  Object.defineProperty(holder, SHARED, {
    value: { edges: new Map(), csr: new Map() },
    configurable: true,
    writable: true,
    enumerable: false,
  });
  try {
    return run();
  } finally {
    if (outer === undefined) delete holder[SHARED];
    else holder[SHARED] = outer;
  }
}

/** Every edge of a graph, in `forEachEdge` order (the order edges were added). */
export interface EdgeArrays extends NodeIndex {
  source: Int32Array;
  target: Int32Array;
  /** Checked weight (finite, ≥ 0) of each edge. */
  weight: Float64Array;
  /** 1 where the edge is undirected (mixed or undirected graphs); null on a directed graph. */
  undirected: Uint8Array | null;
}

/**
 * Reads every edge's endpoints and checked weight into typed arrays, in `forEachEdge` order.
 *
 * @throws OptionError (named `name`) on a missing, negative or non-finite weight, as `edgeWeightReader`.
 * @example
 * const e = edgeArrays(graph, 'weight');
 * e.nodes[e.source[0]]; // source of the first edge
 */
export function edgeArrays(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter, name = 'getEdgeWeight'): EdgeArrays {
  const shared = sharedOf(graph);
  const key = shared ? getterKey(getEdgeWeight) : null;
  if (shared && key !== null) {
    const known = shared.edges.get(key);
    if (known) return known;
    const read = readEdgeArrays(graph, getEdgeWeight, name);
    shared.edges.set(key, read);
    return read;
  }
  return readEdgeArrays(graph, getEdgeWeight, name);
}

function readEdgeArrays(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter, name: string): EdgeArrays {
  if (getEdgeWeight === 'weight') {
    const store = storeEdgesOf(graph);
    const fromStore = store && graph.size === store.flows.source.length ? storeEdgeArrays(store) : null;
    if (fromStore) return fromStore;
  }
  const { nodes, index } = nodeIndex(graph);
  const m = graph.size;
  const source = new Int32Array(m);
  const target = new Int32Array(m);
  const weight = new Float64Array(m);
  const undirected = graph.type === 'directed' ? null : new Uint8Array(m);
  const read = edgeWeightReader(graph, getEdgeWeight, name);
  let k = 0;
  if (typeof getEdgeWeight === 'string' && undirected === null) {
    // The common case, kept free of the generic reader's closure calls.
    const reject = (e: string, a: Record<string, unknown>) => read(e, a);
    graph.forEachEdge((edge, attributes, s, t) => {
      const w: unknown = attributes[getEdgeWeight];
      source[k] = index.get(s)!;
      target[k] = index.get(t)!;
      weight[k++] = typeof w === 'number' && w >= 0 && w !== Infinity ? w : reject(edge, attributes);
    });
  } else {
    graph.forEachEdge((edge, attributes, s, t, _sa, _ta, u) => {
      source[k] = index.get(s)!;
      target[k] = index.get(t)!;
      if (undirected && u) undirected[k] = 1;
      weight[k++] = read(edge, attributes);
    });
  }
  return { nodes, index, source, target, weight, undirected };
}

/**
 * The same arrays read from the columns of the flow store the graph was built from and still
 * matches (`storeEdgesOf`): node i is place i, edge k flow k, weight its moves. Null when a
 * weight would fail the check, so that the graph's own reader reports it.
 */
function storeEdgeArrays(store: FlowStore): EdgeArrays | null {
  const { source, target, moves } = store.flows;
  for (let k = 0; k < moves.length; k++) {
    const w = moves[k]!;
    if (!(w >= 0 && w !== Infinity)) return null;
  }
  const nodes = [...store.places];
  const index = new Map<string, number>();
  for (let i = 0; i < nodes.length; i++) index.set(nodes[i]!, i);
  // Copies: the measures own their arrays, and the store stays as it was.
  return { nodes, index, source: source.slice(), target: target.slice(), weight: moves.slice(), undirected: null };
}

/** True for keys JavaScript objects list first, in numeric order ("0", "42"; not "042" or "-1"). */
export function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
}

/** Whether graphology lists each node's edges in the order they were added (no array-index node key). */
export function adjacencyInInsertionOrder(nodes: readonly string[]): boolean {
  for (const n of nodes) if (isArrayIndex(n)) return false;
  return true;
}

/**
 * Out-adjacency in compressed rows: the out-flows of node i are positions starts[i] … starts[i+1]−1
 * of `targets` and `weights`, in graphology's `outboundEdges` order.
 */
export interface OutboundCsr {
  nodes: string[];
  starts: Int32Array;
  targets: Int32Array;
  weights: Float64Array;
  /** Edges with positive weight between distinct places (parallel edges counted once). */
  edgeCount: number;
}

/**
 * The out-adjacency graphology-indices' `WeightedNeighborhoodIndex` builds on `weightedView(graph,
 * getEdgeWeight, transform)`, same rows in the same order, without graphology lookups per edge: the
 * graph itself when it is a simple directed graph without self-loops or zero weights (the usual
 * flow graph), otherwise its {@link weightedCopy} (parallel edges summed, self-loops and zero
 * weights left out).
 *
 * @throws OptionError on a bad edge weight, as `weightedView`.
 * @example
 * const csr = outboundCsr(graph, 'weight');
 * // flows out of the first place: csr.targets.subarray(csr.starts[0], csr.starts[1])
 */
export function outboundCsr(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter, transform?: (weight: number) => number): OutboundCsr {
  const shared = sharedOf(graph);
  const key = shared && !transform ? getterKey(getEdgeWeight) : null;
  if (shared && key !== null) {
    const known = shared.csr.get(key);
    if (known) return known;
    const built = buildCsr(graph, getEdgeWeight);
    shared.csr.set(key, built);
    return built;
  }
  return buildCsr(graph, getEdgeWeight, transform);
}

function buildCsr(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter, transform?: (weight: number) => number): OutboundCsr {
  const e = edgeArrays(graph, getEdgeWeight);
  const m = e.weight.length;
  let clean = !graph.multi && graph.type === 'directed';
  for (let k = 0; k < m && clean; k++) if (e.source[k] === e.target[k] || e.weight[k] === 0) clean = false;
  if (!clean) {
    // The copy is simple, directed, without self-loops or zero weights: clean by construction.
    const copy = weightedCopy(graph, getEdgeWeight, transform ? { transform } : {});
    return rows(copy, edgeArrays(copy, 'weight'));
  }
  return rows(graph, e, getEdgeWeight, transform);
}

function rows(
  graph: AnyGraph,
  e: EdgeArrays,
  getEdgeWeight: EdgeWeightGetter = 'weight',
  transform?: (weight: number) => number,
): OutboundCsr {
  const m = e.weight.length;
  const weights = new Float64Array(m);
  const targets = new Int32Array(m);
  const n = e.nodes.length;
  const starts = new Int32Array(n + 1);
  if (adjacencyInInsertionOrder(e.nodes)) {
    // Stable counting sort by source: each row keeps the edges' insertion order.
    for (let k = 0; k < m; k++) starts[e.source[k]! + 1]!++;
    for (let i = 0; i < n; i++) starts[i + 1]! += starts[i]!;
    const next = starts.slice(0, n);
    for (let k = 0; k < m; k++) {
      const at = next[e.source[k]!]!++;
      targets[at] = e.target[k]!;
      weights[at] = transform ? transform(e.weight[k]!) : e.weight[k]!;
    }
  } else {
    const read = edgeWeightReader(graph, getEdgeWeight);
    let at = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = at;
      graph.forEachOutboundEdge(e.nodes[i]!, (edge, attributes, _s, t) => {
        targets[at] = e.index.get(t)!;
        const w = read(edge, attributes);
        weights[at++] = transform ? transform(w) : w;
      });
    }
    starts[n] = at;
  }
  return { nodes: e.nodes, starts, targets, weights, edgeCount: m };
}

/** The edge arrays {@link sharingFlowArrays} already holds for this graph and getter, if any. */
export function sharedEdgeArrays(graph: AnyGraph, getEdgeWeight: EdgeWeightGetter): EdgeArrays | null {
  const shared = sharedOf(graph);
  const key = shared ? getterKey(getEdgeWeight) : null;
  return shared && key !== null ? (shared.edges.get(key) ?? null) : null;
}

/**
 * Weighted in and out strength of every node, self-loops excluded, an undirected edge counted both
 * ways, summed in edge order: from the shared edge arrays when there are some, otherwise in one
 * pass over the graph that stores nothing per edge (reading a million edges into arrays only to sum
 * them would allocate tens of megabytes, and allocations start collections of the graph's heap).
 */
export function strengthsOf(
  graph: AnyGraph,
  getEdgeWeight: EdgeWeightGetter,
): { nodes: string[]; inflow: Float64Array; outflow: Float64Array } {
  // A graph over a flow store reads the store's columns (its edges may not even exist yet).
  const edges =
    sharedEdgeArrays(graph, getEdgeWeight) ?? (getEdgeWeight === 'weight' && storeEdgesOf(graph) ? edgeArrays(graph, getEdgeWeight) : null);
  if (edges) return strengthArrays(edges);
  const { nodes, index } = nodeIndex(graph);
  const inflow = new Float64Array(nodes.length);
  const outflow = new Float64Array(nodes.length);
  const read = edgeWeightReader(graph, getEdgeWeight);
  graph.forEachEdge((edge, attributes, source, target, _sa, _ta, undirected) => {
    const w = read(edge, attributes);
    if (source === target) return;
    const s = index.get(source)!;
    const t = index.get(target)!;
    outflow[s]! += w;
    inflow[t]! += w;
    if (undirected) {
      outflow[t]! += w;
      inflow[s]! += w;
    }
  });
  return { nodes, inflow, outflow };
}

/**
 * Weighted in and out strength of every node from its edges, self-loops excluded, an undirected
 * edge counted both ways, summed in edge order (what `strengths` in options.ts returns as records).
 */
export function strengthArrays(edges: EdgeArrays): { nodes: string[]; inflow: Float64Array; outflow: Float64Array } {
  const { nodes, source, target, weight, undirected } = edges;
  const inflow = new Float64Array(nodes.length);
  const outflow = new Float64Array(nodes.length);
  for (let k = 0; k < weight.length; k++) {
    const s = source[k]!;
    const t = target[k]!;
    if (s === t) continue;
    const w = weight[k]!;
    outflow[s]! += w;
    inflow[t]! += w;
    if (undirected?.[k]) {
      outflow[t]! += w;
      inflow[s]! += w;
    }
  }
  return { nodes, inflow, outflow };
}

/** Node key → value for every node, from an array in node order. */
export function toRecord(nodes: readonly string[], values: ArrayLike<number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (let i = 0; i < nodes.length; i++) out[nodes[i]!] = values[i]!;
  return out;
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
