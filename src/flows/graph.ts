/**
 * The graphology flow graph from a {@link FlowStore}, in one pass over the flow columns: nodes are
 * the store's places in order, edges its flows in order, each with its weight (moves) and
 * researchers (null when unknown) only. The breakdowns stay in the store.
 */
import { DirectedGraph } from 'graphology';
import { edgeKey } from '../graph/breakdowns.ts';
import type { FlowAttributes, FlowGraph, FlowGraphAttributes, PlaceAttributes } from '../graph/types.ts';
import { findFlow, flowCount, storeYears, type FlowStore } from './store.ts';
import { columnValue, deferEdges, deferredEdges, materializeEdges, type EdgeColumn } from './lazy-edges.ts';

/**
 * Builds the flow graph: node i is `store.places[i]` with `nodeAttributes(i)`, graph attributes
 * are `attributes` with `years` set to the store's span.
 *
 * The nodes are added at once; the edges (flow k is edge k, key `"A->B"`, attributes weight and
 * researchers) when a caller first reads or changes an edge, a degree or a listener
 * (`lazy-edges.ts`): the measures and writers of a run read the store's columns instead, and a
 * million graphology edges cost seconds to insert. What a caller sees is the same graph either way.
 *
 * @example graphFromFlows(store, (i) => ({ ...placeAttributes[i] }), { level: 'metro', kind: 'moves', window: null, movesWithinPlace: 0 });
 */
export function graphFromFlows(
  store: FlowStore,
  nodeAttributes: (index: number, id: string) => PlaceAttributes,
  attributes: Pick<FlowGraphAttributes, 'level' | 'window' | 'kind' | 'movesWithinPlace'>,
): FlowGraph {
  const graph: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: false });
  const { level, kind, window, movesWithinPlace } = attributes;
  graph.replaceAttributes({ level, years: storeYears(store), window, kind, movesWithinPlace });
  const ids = store.places;
  for (let i = 0; i < ids.length; i++) graph.addNode(ids[i]!, nodeAttributes(i, ids[i]!));
  attachFlowStore(graph, store);
  if (deferrable(store)) {
    unchanged.add(graph);
    deferEdges(graph, store, (columns) => {
      addFlowEdges(graph, store, null, columns);
      watchForChanges(graph);
    });
  } else {
    addFlowEdges(graph, store);
    watchForChanges(graph);
  }
  return graph;
}

/**
 * Whether adding the store's flows as edges cannot fail (so that it may wait): flows in strictly
 * increasing (source, target) order without self-loops, and no place id holding the "->" of the
 * edge keys. Otherwise the graph is built at once and graphology throws where it always did.
 */
function deferrable(store: FlowStore): boolean {
  const { source, target } = store.flows;
  for (let f = 0; f < source.length; f++) {
    const s = source[f]!;
    const t = target[f]!;
    if (s === t || (f > 0 && (s < source[f - 1]! || (s === source[f - 1]! && t <= target[f - 1]!)))) return false;
  }
  for (const id of store.places) if (id.includes('->')) return false;
  return true;
}

/**
 * Adds the edges of a graph built by {@link graphFromFlows} now, if they were deferred: for a
 * caller about to read graphology's internals directly (anything through the graph's own
 * methods does this by itself).
 */
export function ensureEdges(graph: FlowGraph): FlowGraph {
  materializeEdges(graph);
  return graph;
}

/**
 * A graph with the nodes and graph attributes of `graph` (attributes copied) and the flows of
 * `store` as its edges (weight and researchers from the store, any other attribute of the same
 * edge of `graph` copied): e.g. after `filterFlows`, to run the measures on a selection.
 *
 * @throws Error (graphology's) when a place of the store is not a node of `graph`.
 * @example const cs = graphWithFlows(run.graph, filterFlows(run.flows, { disciplines: ['Medicine'] }));
 */
export function graphWithFlows(graph: FlowGraph, store: FlowStore): FlowGraph {
  const out: FlowGraph = new DirectedGraph<PlaceAttributes, FlowAttributes, FlowGraphAttributes>({ allowSelfLoops: false });
  graph.forEachNode((node, attributes) => out.addNode(node, { ...attributes }));
  // Each flow keeps the other attributes of the same edge of `graph` (measures written on edges).
  addFlowEdges(out, store, graph);
  out.replaceAttributes({ ...graph.getAttributes(), years: storeYears(store) });
  attachFlowStore(out, store);
  if (sameKeys(out.nodes(), store.places)) watchForChanges(out);
  return out;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Graphs built by this module whose nodes are still the store's places in order and whose edges
 * its flows in order, each with the flow's moves as its weight: what {@link storeEdgesOf} hands
 * to the measures without reading a million edges back out of graphology.
 */
const unchanged = new WeakSet<object>();

/** Events after which a graph's nodes, edges or edge weights may no longer be its store's. */
const CHANGES = ['nodeAdded', 'nodeDropped', 'edgeAdded', 'edgeDropped', 'edgesCleared', 'cleared'] as const;

function watchForChanges(graph: FlowGraph): void {
  unchanged.add(graph);
  const changed = () => {
    unchanged.delete(graph);
    for (const event of CHANGES) graph.removeListener(event, changed);
    graph.removeListener('edgeAttributesUpdated', weightChanged);
    graph.removeListener('eachEdgeAttributesUpdated', eachChanged);
  };
  // Other edge attributes (the per-flow measures) may change; the weight may not.
  const weightChanged = (payload: { type: string; name?: unknown; data?: unknown }) => {
    const data = payload.data;
    if (
      payload.type === 'replace' ||
      payload.type === 'update' ||
      payload.name === 'weight' ||
      (typeof data === 'object' && data !== null && 'weight' in data)
    )
      changed();
  };
  // updateEachEdgeAttributes may say which attributes it writes (the per-flow measures do).
  const eachChanged = (payload: { hints: { attributes?: unknown } | null }) => {
    const written = payload.hints?.attributes;
    if (!Array.isArray(written) || written.includes('weight')) changed();
  };
  for (const event of CHANGES) graph.on(event, changed);
  graph.on('edgeAttributesUpdated', weightChanged);
  graph.on('eachEdgeAttributesUpdated', eachChanged);
}

/**
 * The store of a graph built by {@link graphFromFlows} (or {@link graphWithFlows} over the same
 * places) while its nodes, edges and edge weights are unchanged: node i is `store.places[i]`,
 * edge k in `forEachEdge` order is flow k with weight `store.flows.moves[k]`. Null once anything
 * of that may have changed (graphology's events say so), or for any other graph.
 */
export function storeEdgesOf(graph: object): FlowStore | null {
  return unchanged.has(graph) ? flowStoreOf(graph) : null;
}

const stores = new WeakMap<object, FlowStore>();

/**
 * Records that `store` holds the flows of `graph` (done by {@link graphFromFlows} and
 * {@link graphWithFlows}; the viewer does it for graph.json and flows.arrow read together), so
 * that readers of per-year moves given only the graph (`movesByFlowYear`) find the breakdowns.
 * The store must describe the graph's edges as they are: a graph whose edges are changed
 * afterwards should be attached again (or not at all).
 */
export function attachFlowStore(graph: object, store: FlowStore): void {
  stores.set(graph, store);
}

/** The flow store attached to `graph` ({@link attachFlowStore}), or null. */
export function flowStoreOf(graph: object): FlowStore | null {
  return stores.get(graph) ?? null;
}

function addFlowEdges(graph: FlowGraph, store: FlowStore, template: FlowGraph | null = null, columns: readonly EdgeColumn[] = []): void {
  const ids = store.places;
  const { source, target, moves, researchers } = store.flows;
  for (let f = 0, n = flowCount(store); f < n; f++) {
    const s = ids[source[f]!]!;
    const t = ids[target[f]!]!;
    const r = researchers[f]!;
    const own: FlowAttributes = { weight: moves[f]!, researchers: !Number.isNaN(r) ? r : null };
    for (let c = 0; c < columns.length; c++) own[columns[c]!.name] = columnValue(columns[c]!, f);
    const edge = template?.edge(s, t);
    graph.addDirectedEdgeWithKey(edgeKey(s, t), s, t, edge === undefined ? own : { ...template!.getEdgeAttributes(edge), ...own });
  }
}

/**
 * For each edge of `graph` in `forEachEdge` order, the position of the same flow in `store`
 * (−1 when the store has none): the identity when the graph was built from the store, a binary
 * search per edge otherwise. Lets exports read a flow's year span or cells beside the graph.
 *
 * @example const at = flowOfEachEdge(run.graph, run.flows); run.flows.flows.firstYear[at[0]];
 */
export function flowOfEachEdge(graph: FlowGraph, store: FlowStore): Int32Array {
  const out = new Int32Array(graph.size);
  const ids = store.places;
  const { source, target } = store.flows;
  const n = flowCount(store);
  let k = 0;
  graph.forEachEdge((_e, _a, s, t) => {
    out[k] = k < n && ids[source[k]!] === s && ids[target[k]!] === t ? k : findFlow(store, s, t);
    k++;
  });
  return out;
}

/**
 * Sets `result.edges` to the keys of `graph`'s edges in `forEachEdge` order, as they are now: read
 * at once from a graph whose edges exist, or, while they are deferred, made from the store's flows
 * when first read (the measures that return them rarely have them read, and a million keys cost
 * a tenth of a second).
 */
export function withEdgeKeys<T extends object>(result: T, graph: FlowGraph | object): T & { edges: string[] } {
  const deferred = deferredEdges(graph);
  if (!deferred) return Object.assign(result, { edges: (graph as FlowGraph).edges() });
  const { store } = deferred;
  return Object.defineProperty(result, 'edges', {
    enumerable: true,
    configurable: true,
    get(this: T) {
      const ids = store.places;
      const { source, target } = store.flows;
      const keys = new Array<string>(source.length);
      for (let f = 0; f < source.length; f++) keys[f] = edgeKey(ids[source[f]!]!, ids[target[f]!]!);
      Object.defineProperty(this, 'edges', { value: keys, enumerable: true, configurable: true, writable: true });
      return keys;
    },
  }) as T & { edges: string[] };
}
